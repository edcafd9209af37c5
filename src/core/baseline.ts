import { FINGERPRINT_VERSION } from './fingerprint';
import type { BaselineSummary, LocatedFinding } from './report/model';
import { SEVERITY_RANK, type Severity } from './types';

/**
 * Baselines: the findings a project has today, recorded so that CI fails only on new ones.
 *
 * A baseline entry is a finding's rule, path, severity and fingerprint (core/fingerprint), and
 * nothing else: no value, no excerpt, no line text, nothing a value could be recovered from
 * (the fingerprint hashes the rule, the path and the line around the value, never the value).
 * Findings are matched by fingerprint alone, so a finding keeps its place in the baseline when
 * lines are added above it.
 */

/** Format of the baseline file; a reader refuses any other. */
export const BASELINE_VERSION = 1;
/** The value of the file's `tool` field, by which Mamori knows a baseline it wrote. */
export const BASELINE_TOOL = 'mamori-baseline';

export interface BaselineEntry {
  ruleId: string;
  path: string;
  fingerprint: string;
  severity: Severity;
}

export interface Baseline {
  entries: BaselineEntry[];
}

/** The baseline file of these findings: stable order, so that a rewritten baseline diffs cleanly. */
export function formatBaseline(findings: readonly LocatedFinding[], engineVersion: string): string {
  const seen = new Set<string>();
  const entries: BaselineEntry[] = [];
  for (const f of findings) {
    if (!f.fingerprint || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    entries.push({ ruleId: f.ruleId, path: f.path, fingerprint: f.fingerprint, severity: f.severity });
  }
  entries.sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  const body = {
    tool: BASELINE_TOOL,
    version: BASELINE_VERSION,
    fingerprints: FINGERPRINT_VERSION,
    mamori: engineVersion,
    findings: entries,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Why a baseline file cannot be used. */
export type BaselineProblem =
  | { kind: 'syntax' }
  | { kind: 'not-baseline' }
  | { kind: 'version'; found: string }
  | { kind: 'fingerprints'; found: string }
  | { kind: 'entry'; index: number };

/** Reads a baseline file's text; never throws. */
export function parseBaseline(text: string): { baseline: Baseline } | { problem: BaselineProblem } {
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { problem: { kind: 'syntax' } };
  }
  if (!isObject(root) || root.tool !== BASELINE_TOOL || !Array.isArray(root.findings)) return { problem: { kind: 'not-baseline' } };
  if (root.version !== BASELINE_VERSION) return { problem: { kind: 'version', found: String(root.version).slice(0, 20) } };
  if (root.fingerprints !== FINGERPRINT_VERSION) return { problem: { kind: 'fingerprints', found: String(root.fingerprints).slice(0, 40) } };
  const entries: BaselineEntry[] = [];
  for (let i = 0; i < root.findings.length; i++) {
    const e: unknown = root.findings[i];
    if (
      !isObject(e) ||
      typeof e.ruleId !== 'string' ||
      typeof e.path !== 'string' ||
      typeof e.fingerprint !== 'string' ||
      !/^[0-9a-f]{32}$/.test(e.fingerprint) ||
      typeof e.severity !== 'string' ||
      !(e.severity in SEVERITY_RANK)
    ) {
      return { problem: { kind: 'entry', index: i } };
    }
    entries.push({ ruleId: e.ruleId, path: e.path, fingerprint: e.fingerprint, severity: e.severity as Severity });
  }
  return { baseline: { entries } };
}

/**
 * Marks each finding `unchanged` (its fingerprint is in the baseline) or `new`, and counts the
 * baseline entries this scan no longer finds. Only entries of files that were scanned count as
 * fixed (`scanned` holds their report paths): a scan of part of a tree fixes nothing elsewhere.
 */
export function applyBaseline(
  findings: readonly LocatedFinding[],
  baseline: Baseline,
  file: string,
  scanned: (path: string) => boolean,
): { findings: LocatedFinding[]; summary: BaselineSummary } {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const found = new Set<string>();
  let knownCount = 0;
  const marked = findings.map((f): LocatedFinding => {
    const isKnown = f.fingerprint !== undefined && known.has(f.fingerprint);
    if (f.fingerprint) found.add(f.fingerprint);
    if (isKnown) knownCount++;
    return { ...f, baseline: isKnown ? 'unchanged' : 'new' };
  });
  const fixed = baseline.entries.filter((e) => !found.has(e.fingerprint) && scanned(e.path)).length;
  return { findings: marked, summary: { path: file, known: knownCount, new: marked.length - knownCount, fixed } };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
