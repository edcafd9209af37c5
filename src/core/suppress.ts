import { lineComment, type Format } from './documents/detect';
import { LineIndex } from './documents/lines';
import type { Finding, TextEdit } from './types';

/**
 * Inline suppressions, owned by the engine so the CLI and the editor always agree.
 *
 *   <comment> mamori-ignore-next-line RULE[,RULE] [until YYYY-MM-DD] [-- reason]
 *   <comment> mamori-ignore-file RULE[,RULE] [until YYYY-MM-DD] [-- reason]
 *
 * RULE is a rule id (`secret/github-token`), a prefix with `/*` (`secret/*`), a category
 * (`pii-data`) or `*`. A directive must follow a comment marker of the file (`#`, `//`, `--`,
 * `;`, `/*`, `<!--`, `*`), so the words in a string or in prose never suppress anything.
 * A suppression past its `until` date no longer applies, and the finding says so.
 * For secrets, secretlint's own comments are honoured too: `secretlint-disable-line`,
 * `secretlint-disable-next-line` and `secretlint-disable` … `secretlint-enable` blocks.
 */

export interface Directive {
  kind: 'next-line' | 'file';
  /** 0-based line the directive is written on. */
  line: number;
  rules: string[];
  until?: string;
  reason?: string;
  /** Offsets of the directive text (for editors that highlight or fix it). */
  range: [number, number];
}

const DIRECTIVE = /(?:#|\/\/|--|;|\/\*|<!--|^\s*\*)[ \t]*mamori-ignore-(next-line|file)[ \t]+([^\r\n]*)/gm;
const UNTIL = /^until[ \t]+(\d{4}-\d{2}-\d{2})\b/;

/** Parses every Mamori directive in a text. Cheap when there is none (one indexOf). */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('mamori-ignore-')) return [];
  const out: Directive[] = [];
  const lines = new LineIndex(text);
  for (const m of text.matchAll(DIRECTIVE)) {
    let rest = m[2].replace(/\s*(?:\*\/|-->)\s*$/, '');
    let reason: string | undefined;
    const dash = rest.indexOf('--');
    if (dash >= 0) {
      reason = rest.slice(dash + 2).trim() || undefined;
      rest = rest.slice(0, dash);
    }
    const words = rest.trim().split(/[ \t]+/);
    const rules = (words.shift() ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    let until: string | undefined;
    const u = UNTIL.exec(words.join(' '));
    if (u) until = u[1];
    if (rules.length === 0) continue;
    const start = m.index;
    out.push({ kind: m[1] as Directive['kind'], line: lines.positionAt(start).line, rules, until, reason, range: [start, start + m[0].length] });
  }
  return out;
}

/** Whether a directive's rule list covers a finding. */
export function covers(rules: readonly string[], finding: Pick<Finding, 'ruleId' | 'category'>): boolean {
  return rules.some((r) => r === '*' || r === finding.ruleId || r === finding.category || (r.endsWith('/*') && finding.ruleId.startsWith(r.slice(0, -1))));
}

/** Today's date as YYYY-MM-DD (UTC), the reference for `until`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Drops suppressed findings. A finding under an expired suppression is kept and carries
 * `data.suppressionExpired` so its message can say the suppression ran out.
 */
export function applySuppressions(text: string, findings: Finding[], now?: string): Finding[] {
  if (findings.length === 0) return findings;
  const directives = parseDirectives(text);
  const secretlint = findings.some((f) => f.category === 'secret') ? secretlintRegions(text) : undefined;
  if (directives.length === 0 && !secretlint) return findings;
  const lines = new LineIndex(text);
  const out: Finding[] = [];
  for (const f of findings) {
    const line = lines.positionAt(f.range[0]).line;
    let expired: string | undefined;
    let suppressed = false;
    for (const d of directives) {
      if (!(d.kind === 'file' || d.line + 1 === line) || !covers(d.rules, f)) continue;
      if (d.until && d.until < (now ??= today())) expired = d.until;
      else suppressed = true;
    }
    if (!suppressed && secretlint && f.category === 'secret') suppressed = secretlint(line);
    if (suppressed) continue;
    out.push(expired ? { ...f, data: { ...f.data, suppressionExpired: expired } } : f);
  }
  return out;
}

/** secretlint's disable comments, as a predicate on 0-based lines; undefined when absent. */
function secretlintRegions(text: string): ((line: number) => boolean) | undefined {
  if (!text.includes('secretlint-')) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const off = new Set<number>();
  let disabled = false;
  lines.forEach((l, i) => {
    if (/secretlint-disable-line\b/.test(l)) off.add(i);
    else if (/secretlint-disable-next-line\b/.test(l)) off.add(i + 1);
    else if (/secretlint-disable\b/.test(l)) disabled = true;
    else if (/secretlint-enable\b/.test(l)) disabled = false;
    if (disabled) off.add(i);
  });
  return off.size > 0 ? (line) => off.has(line) : undefined;
}

/**
 * The edit that suppresses a finding: a `mamori-ignore-next-line` comment above its line
 * (same indentation), or a `mamori-ignore-file` comment at the top of the file (after a
 * shebang). Undefined where the format has no comments (plain JSON), so no invalid edit is
 * ever offered.
 */
export function suppressionEdit(
  text: string,
  format: Format,
  finding: Pick<Finding, 'ruleId' | 'range'>,
  kind: 'next-line' | 'file',
  jsonc = false,
): TextEdit | undefined {
  const marker = format === 'json' && !jsonc ? undefined : lineComment(format);
  if (!marker) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (kind === 'file') {
    let at = 0;
    if (text.startsWith('#!')) {
      const nl = text.indexOf('\n');
      at = nl < 0 ? text.length : nl + 1;
      if (nl < 0) return { range: [at, at], newText: `${eol}${marker} mamori-ignore-file ${finding.ruleId}` };
    }
    return { range: [at, at], newText: `${marker} mamori-ignore-file ${finding.ruleId}${eol}` };
  }
  const lines = new LineIndex(text);
  const line = lines.positionAt(finding.range[0]).line;
  const start = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(lines.lineText(line))?.[0] ?? '';
  return { range: [start, start], newText: `${indent}${marker} mamori-ignore-next-line ${finding.ruleId}${eol}` };
}
