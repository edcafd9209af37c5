// The rule cases in test/rules: test/rules/<category>/<rule-name>/{ng,ok}/<case-name>/<files…>.
// An ng case must be reported by its rule, an ok case must not be; a case is a folder of one
// or more files, each scanned under its path relative to the case folder (as the CLI scans a
// tree). Shared by the rule harness (rule-cases.test.ts), the rule pages and the scaffold test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixEdits } from './apply-fix';
import { maskRanges, redact } from '../../../src/core/mask';
import { findingMessage, fixTitle } from '../../../src/core/messages';
import type { LocatedFinding } from '../../../src/core/report/model';
import { RULES } from '../../../src/core/rules/index';
import type { Rule } from '../../../src/core/rules/rule';
import { scanPaths } from '../../../src/core/scan-paths';
import { scanText } from '../../../src/core/scan';
import type { ScanConfig } from '../../../src/core/types';

export const CASES_ROOT = path.resolve(__dirname, '../../rules');

export type CaseKind = 'ng' | 'ok';

export interface RuleCase {
  ruleId: string;
  kind: CaseKind;
  name: string;
  /** The case folder (absolute). */
  dir: string;
  /** Its files, relative to `dir` with forward slashes, sorted. */
  files: string[];
}

function listFiles(dir: string, base = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]))
    .sort();
}

function subdirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Names in natural order (example-2 before example-10), the same on every machine. */
const NATURAL = new Intl.Collator('en', { numeric: true });

/**
 * A rule's cases, ng first then ok, each kind in natural name order except that cases named
 * `example…` (the short ones a rule page shows) come first.
 */
export function ruleCases(ruleId: string, root = CASES_ROOT): RuleCase[] {
  const out: RuleCase[] = [];
  for (const kind of ['ng', 'ok'] as const) {
    const dir = path.join(root, ruleId, kind);
    const names = subdirs(dir).sort((a, b) => Number(!a.startsWith('example')) - Number(!b.startsWith('example')) || NATURAL.compare(a, b));
    for (const name of names) out.push({ ruleId, kind, name, dir: path.join(dir, name), files: listFiles(path.join(dir, name)) });
  }
  return out;
}

/** The rule ids that have a folder under test/rules (`<category>/<rule-name>`). */
export function ruleIdsWithFolders(root = CASES_ROOT): string[] {
  return subdirs(root).flatMap((category) => subdirs(path.join(root, category)).map((name) => `${category}/${name}`));
}

/** A case's file as a rule page shows it: a single-file case's path and text. */
export function caseExample(c: RuleCase): { path: string; text: string } | undefined {
  if (c.files.length !== 1) return undefined;
  return { path: c.files[0], text: fs.readFileSync(path.join(c.dir, c.files[0]), 'utf8') };
}

/** One finding as a snapshot records it. */
export interface SnapshotFinding {
  rule: string;
  severity: string;
  path: string;
  /** line:column-line:column, 1-based. */
  range: string;
  message: string;
  /** The first fix: its title, and the lines it changes as they read after it (secrets masked). */
  fix?: { title: string; lines: string; others?: string[] };
}

function compare(a: LocatedFinding, b: LocatedFinding): number {
  return (
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0)
  );
}

/**
 * The text after a fix, shown as the lines its edits touch, with every secret the rules still
 * find there masked and the usual masking step over each line: a snapshot never holds a token.
 */
async function fixedLines(file: string, text: string, edits: readonly { range: readonly [number, number]; newText: string }[]): Promise<string> {
  const after = applyFixEdits(text, edits);
  const secrets = (await scanText({ path: file, text: after })).filter((f) => f.category === 'secret').map((f) => f.range);
  const masked = maskRanges(after, secrets);
  // The first and last line the edits reach in the fixed text (the offsets shift by what each edit adds).
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  let shift = 0;
  let first = Infinity;
  let last = -1;
  for (const e of sorted) {
    const start = e.range[0] + shift;
    const end = start + e.newText.length;
    first = Math.min(first, start);
    last = Math.max(last, end);
    shift += e.newText.length - (e.range[1] - e.range[0]);
  }
  // maskRanges may change lengths, so lines are counted in the unmasked text.
  const lineOf = (at: number) => after.slice(0, at).split('\n').length - 1;
  const from = lineOf(first);
  const to = lineOf(Math.max(first, last - (last > first && after[last - 1] === '\n' ? 1 : 0)));
  const lines = masked.split('\n');
  const unmasked = after.split('\n');
  // When masking changed a line count (it never adds newlines), fall back to the unmasked lines masked per line.
  const pick = lines.length === unmasked.length ? lines.slice(from, to + 1) : unmasked.slice(from, to + 1);
  return pick.map(redact).join('\n');
}

/** Scans a case as the CLI scans a tree (the case folder as the root) and lists every finding of any rule. */
export async function scanCase(c: RuleCase, config: ScanConfig = {}): Promise<SnapshotFinding[]> {
  const report = await scanPaths([c.dir], { root: c.dir, jobs: 0, maxFileSize: 16 * 1024 * 1024, config });
  const out: SnapshotFinding[] = [];
  for (const f of [...report.findings].sort(compare)) {
    const entry: SnapshotFinding = {
      rule: f.ruleId,
      severity: f.severity,
      path: f.path,
      range: `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`,
      message: findingMessage(f, 'en'),
    };
    const fix = f.fixes?.[0];
    if (fix) {
      const text = fs.readFileSync(path.join(c.dir, f.path), 'utf8');
      entry.fix = {
        title: fixTitle(f, fix, 'en'),
        lines: await fixedLines(path.join(c.dir, f.path), text, fix.edits),
        ...(fix.others?.length ? { others: fix.others.map((o) => `${o.kind} ${o.path}: ${o.entry}`) } : {}),
      };
    }
    out.push(entry);
  }
  if (report.skipped.length > 0) throw new Error(`${c.ruleId} ${c.kind}/${c.name}: files skipped: ${JSON.stringify(report.skipped)}`);
  return out;
}

/**
 * Every file of every case of the given rules (all rules by default), with its text: the inputs
 * the hostile-input and masking tests plant their values in. Paths are relative to the case.
 */
export function caseFiles(
  rules: readonly Pick<Rule, 'id'>[] = RULES,
  kinds: readonly CaseKind[] = ['ng', 'ok'],
): { rule: string; path: string; text: string }[] {
  return rules.flatMap((r) =>
    ruleCases(r.id)
      .filter((c) => kinds.includes(c.kind))
      .flatMap((c) => c.files.map((f) => ({ rule: r.id, path: f, text: fs.readFileSync(path.join(c.dir, f), 'utf8') }))),
  );
}

/** A rule's examples: every file of its ng cases (bad) and of its ok cases (good), with its text. */
export function examplesOf(rule: Pick<Rule, 'id'>): { bad: { path: string; text: string }[]; good: { path: string; text: string }[] } {
  const files = (kind: CaseKind) => caseFiles([rule], [kind]).map(({ path: p, text }) => ({ path: p, text }));
  return { bad: files('ng'), good: files('ok') };
}
