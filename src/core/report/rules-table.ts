import { GUIDELINES } from '../guidelines/catalog';
import { MAMORI_DEFAULT, PROFILES, profileNumbers } from '../guidelines/profiles';
import { SEVERITY_JA } from '../l10n-glossary';
import { findingGuidelines, guidelineLabel, guidelineLabelWithLevel, type Lang } from '../messages';
import { RULES } from '../rules/index';
import type { RuleExample, RuleExamples } from '../rules/rule';
import { ruleExamples } from './rule-examples';
import { CATEGORIES } from '../types';

/** Where a rule's page is, relative to the rule index (docs/rules/README.md): `secret/github-token.md`. */
export function rulePagePath(ruleId: string, lang: Lang): string {
  return `${ruleId}${lang === 'ja' ? '.ja' : ''}.md`;
}

/**
 * The rule reference as a Markdown table, grouped by category (`mamori rules`, and with
 * `linkPages` the index of docs/rules, each id linking to its page).
 */
export function rulesMarkdown(lang: Lang, linkPages = false): string {
  const head =
    lang === 'ja' ? '| ルール | 重大度 | 内容 | 主なガイドライン |\n|---|---|---|---|' : '| Rule | Severity | What | Primary guideline |\n|---|---|---|---|';
  const out: string[] = [];
  for (const category of CATEGORIES) {
    const rules = RULES.filter((r) => r.category === category).sort((a, b) => a.id.localeCompare(b.id));
    if (rules.length === 0) continue;
    out.push(`#### \`${category}\` (${rules.length})`, '', head);
    for (const r of rules) {
      const g = GUIDELINES[r.guidelines[0]];
      const link = g ? (g.url ? `[${guidelineLabel(g, lang)}](${g.url})` : guidelineLabel(g, lang)) : r.guidelines[0];
      const id = linkPages ? `[\`${r.id}\`](${rulePagePath(r.id, lang)})` : `\`${r.id}\``;
      out.push(`| ${id} | ${lang === 'ja' ? SEVERITY_JA[r.severity] : r.severity} | ${r.title[lang].replace(/\|/g, '\\|')} | ${link.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * One rule's documentation page as Markdown: what, why, the guidelines, its examples (by
 * default those of report/rule-examples.ts; the generated pages pass its cases'), its fixes and
 * how to suppress it. In the editor (the shipped bundle) a secret rule has no
 * examples; the generated pages in docs/rules show them through `maskSecretExample`, which
 * masks what the rules find in them, so the pages hold nothing a scanner takes for a secret.
 */
export function ruleMarkdown(ruleId: string, lang: Lang, maskSecretExample?: (example: RuleExample) => string, examples?: RuleExamples): string | undefined {
  const r = RULES.find((x) => x.id === ruleId);
  if (!r) return undefined;
  const L =
    lang === 'ja'
      ? {
          category: '分類',
          severity: '既定の重大度',
          guidelines: 'ガイドライン',
          bad: '検出される例',
          good: '検出されない例',
          fix: 'クイックフィックス',
          suppress: '抑制',
        }
      : {
          category: 'Category',
          severity: 'Default severity',
          guidelines: 'Guidelines',
          bad: 'Reported',
          good: 'Not reported',
          fix: 'Quick fixes',
          suppress: 'Suppress',
        };
  const out = [
    `# ${r.title[lang]}`,
    '',
    `\`${r.id}\` · ${L.category}: \`${r.category}\` · ${L.severity}: ${lang === 'ja' ? SEVERITY_JA[r.severity] : r.severity}`,
    '',
    r.description[lang],
    '',
    `## ${L.guidelines}`,
    '',
  ];
  for (const g of findingGuidelines(r)) {
    const label = `${g.issuer[lang]} — ${guidelineLabelWithLevel(g, lang)}`;
    out.push(`- ${g.url ? `[${label}](${g.url})` : label}: ${g.summary[lang]}`);
  }
  if (r.category === 'password-policy') out.push('', ...profileTable(lang));
  // Examples are fabricated, but a documentation page is no place for anything secret-shaped
  // (a secret rule holds none: the docs generator passes its test cases as `examples`).
  if (r.category !== 'secret' || maskSecretExample) {
    const shown = (ex: RuleExample) => (r.category === 'secret' && maskSecretExample ? maskSecretExample(ex) : ex.text);
    for (const [title, list] of [
      [L.bad, (examples ?? ruleExamples(r)).bad],
      [L.good, (examples ?? ruleExamples(r)).good],
    ] as const) {
      if (list.length === 0) continue;
      out.push('', `## ${title}`, '');
      for (const ex of list.slice(0, 2)) out.push(`\`${ex.path}\``, '', '````', shown(ex).replace(/\n$/, ''), '````', '');
    }
  }
  // The quick fixes a rule offers, by their titles (placeholders as the editor fills them).
  const fixes = Object.entries(r.messages).filter(([k]) => k.startsWith('fix.'));
  if (fixes.length > 0) {
    out.push('', `## ${L.fix}`, '');
    for (const [, m] of fixes) out.push(`- ${m[lang]}`);
  }
  out.push('', `## ${L.suppress}`, '', '```', `# mamori-ignore-next-line ${r.id} until YYYY-MM-DD -- reason`, '```', '');
  return out.join('\n');
}

/**
 * Every number of the built-in profiles with its source: the reference line's level, or a
 * plain statement that the number is Mamori's own default.
 */
function profileTable(lang: Lang): string[] {
  const ja = lang === 'ja';
  const out = [
    ja ? '## プロファイルの数値と出典' : '## Profile numbers and their sources',
    '',
    ja ? '| プロファイル | 項目 | 値 | 出典 |' : '| Profile | Item | Value | Source |',
    '|---|---|---:|---|',
  ];
  for (const p of Object.values(PROFILES)) {
    for (const n of profileNumbers(p)) {
      const source =
        n.trace === undefined
          ? ja
            ? '設定による値'
            : 'custom setting'
          : n.trace === MAMORI_DEFAULT
            ? ja
              ? 'Mamori 独自の既定値（ガイドラインの数値ではありません）'
              : "Mamori's own default (no guideline gives this number)"
            : `${n.trace.source}${n.trace.level === 'secondary' ? (ja ? '（二次情報のみで確認）' : ' (verified from a secondary source only)') : ''}`;
      out.push(`| \`${p.id}\` | ${n.label[lang]} | ${n.value} | ${source.replace(/\|/g, '\\|')} |`);
    }
  }
  return out;
}
