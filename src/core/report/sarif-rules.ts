import { maskSecret, redact } from '../mask';
import { findingGuidelines, guidelineLabelWithLevel, type Lang } from '../messages';
import type { Rule, RuleExample } from '../rules/rule';
import { ruleRisk } from '../rules/risk';
import { ruleExamples } from './rule-examples';
import { rulePagePath } from './rules-table';
import type { Severity } from '../types';

/** SARIF levels of Mamori's severities. */
export const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub code scanning's limits on a rule's texts (its SARIF support page): a description
 * longer than this is cut off, or the upload refused. The full text stays in `help`.
 */
export const DESCRIPTION_LIMIT = 1024;
/** GitHub keeps at most 20 tags per rule (and shows 10). */
export const TAG_LIMIT = 20;

/**
 * `text` cut to at most `limit` characters at the end of a sentence (English `. ` or Japanese
 * `。`), or at a word with an ellipsis when no sentence ends early enough.
 */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('。'));
  if (end >= limit / 2) return head.slice(0, end + 1);
  const space = head.lastIndexOf(' ', limit - 1);
  return `${head.slice(0, space > limit / 2 ? space : limit - 1).trimEnd()}…`;
}

/** `RuleName` from `category/rule-name`: SARIF's readable rule name. */
function ruleName(id: string): string {
  return id.replace(/(?:^|[^A-Za-z0-9]+)(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
}

/** A fence longer than any run of backticks in the text, so an example cannot close it. */
function fence(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** At most this many lines of an example are shown. */
const EXAMPLE_LINES = 15;

/** A password in a URL's user part: `scheme://user:password@host`. */
const URL_PASSWORD = /(:\/\/[^\s:/@]{0,64}:)([^\s@/]{1,200})@/g;

/**
 * An example's text with every secret-looking value masked: the engine's own masking of
 * excerpts, and passwords in URLs. Examples are fabricated, but a help page that code scanning
 * shows to everyone is no place for a password in full (a compose file's `POSTGRES_PASSWORD`).
 */
export function maskExample(text: string): string {
  return redact(text.replace(URL_PASSWORD, (_m, head: string, password: string) => `${head}${maskSecret(password)}@`));
}

/** An example as a Markdown code block under its path, every secret-looking value masked. */
function exampleBlock(ex: RuleExample): string {
  const lines = maskExample(ex.text).replace(/\n+$/, '').split('\n');
  const body = lines.length > EXAMPLE_LINES ? [...lines.slice(0, EXAMPLE_LINES), '…'].join('\n') : lines.join('\n');
  const f = fence(body);
  return `\`${ex.path.replace(/`/g, '')}\`\n\n${f}\n${body}\n${f}`;
}

const HEADINGS: Record<Lang, { guidelines: string; bad: string; good: string; suppress: string }> = {
  en: { guidelines: 'Guidelines', bad: 'Reported', good: 'Not reported', suppress: 'Suppress one finding' },
  ja: { guidelines: 'ガイドライン', bad: '検出される例', good: '検出されない例', suppress: '個別に抑制するには' },
};

/** The rule's help: what and why, its guidelines with links, one bad and one good example. */
function help(rule: Rule, lang: Lang): { text: string; markdown: string } {
  const h = HEADINGS[lang];
  // With the organisation's own entries, and a fact known only from secondary sources marked as such.
  const guidelines = findingGuidelines(rule);
  const text = [
    rule.description[lang],
    '',
    `${h.guidelines}:`,
    ...guidelines.map((g) => `- ${g.issuer[lang]}: ${guidelineLabelWithLevel(g, lang)}${g.url ? ` <${g.url}>` : ''}`),
  ].join('\n');
  const md = [rule.description[lang], '', `#### ${h.guidelines}`, ''];
  for (const g of guidelines) {
    const label = `${g.issuer[lang]} — ${guidelineLabelWithLevel(g, lang)}`;
    md.push(`- ${g.url ? `[${label}](${g.url})` : label}`);
  }
  // A secret rule's examples are token-shaped by nature, and no masking heuristic can be proved
  // to catch every one: they are not shown (the shipped bundles do not hold them anyway).
  if (rule.category !== 'secret') {
    for (const [title, ex] of [
      [h.bad, ruleExamples(rule).bad[0]],
      [h.good, ruleExamples(rule).good[0]],
    ] as const) {
      if (ex) md.push('', `#### ${title}`, '', exampleBlock(ex));
    }
  }
  md.push('', `#### ${h.suppress}`, '', '```', `# mamori-ignore-next-line ${rule.id} until YYYY-MM-DD -- reason`, '```');
  return { text, markdown: md.join('\n') };
}

/** Where the rule pages (docs/rules, generated from the rules) are published: the repository. */
const RULE_PAGES = 'https://github.com/mamori-security/mamori/blob/main/docs/rules/';

/**
 * One `reportingDescriptor` for a rule: texts within GitHub's limits, risk, precision and CWE
 * tags; `helpUri` is the rule's page (what, why, every guideline link, examples, the fix), and
 * the help text links the guidelines themselves.
 */
export function sarifRule(rule: Rule, lang: Lang): Record<string, unknown> {
  const risk = ruleRisk(rule);
  const tags = ['security', rule.category, ...risk.cwe.map((n) => `external/cwe/cwe-${n}`)].slice(0, TAG_LIMIT);
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: clip(rule.title[lang], DESCRIPTION_LIMIT) },
    fullDescription: { text: clip(rule.description[lang], DESCRIPTION_LIMIT) },
    helpUri: `${RULE_PAGES}${rulePagePath(rule.id, lang)}`,
    help: help(rule, lang),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      category: rule.category,
      tags,
      precision: risk.precision,
      // GitHub reads a string with one decimal.
      'security-severity': risk.securitySeverity.toFixed(1),
      guidelines: rule.guidelines,
    },
  };
}

/** A descriptor for an id that is no rule of this build (kept so `ruleIndex` stays right). */
export function unknownRule(id: string): Record<string, unknown> {
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: id },
    fullDescription: { text: id },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['security'], precision: 'medium' },
  };
}
