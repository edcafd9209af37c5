import { createHash } from 'node:crypto';
import type { LineIndex } from './documents/lines';
import type { Finding } from './types';

/**
 * A finding's identity, for baselines and for SARIF `partialFingerprints`.
 *
 * It must stay the same when unrelated lines are added or removed around the finding, differ
 * between two findings in one file, and reveal nothing about the value found. So it hashes:
 * - the rule and the file's path;
 * - the finding's line with the finding's own span cut out (`TOKEN=` for `TOKEN=ghp_…`),
 *   whitespace collapsed: the surroundings, never the value;
 * - how many earlier findings of the same rule in the file had the same surroundings, so two
 *   tokens on identical lines (a key repeated in one `.env`) still differ.
 * Nothing that depends on the value goes in, not even a hash of it: a hash of a weak password
 * can be reversed by trying a dictionary. The price is that a value replaced in place on the
 * same line keeps its identity; a baseline reviewed with that in mind is the usual practice.
 */
export const FINGERPRINT_VERSION = 'mamori/v2';

/** The longest stretch of surroundings used on each side; long minified lines stay cheap. */
const CONTEXT_CHARS = 120;

/**
 * A finding's identity from one version of a file to the next: its rule and fingerprint (history
 * lists a finding once, where it came in).
 */
export function findingIdentity(ruleId: string, fingerprint: string): string {
  return `${ruleId}\u0000${fingerprint}`;
}

/** Fingerprints for one file's findings, in the order given. */
export function fingerprintFindings(findings: readonly Finding[], text: string, lines: LineIndex, path: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const context = surroundings(f, text, lines);
    const key = `${f.ruleId}\u0000${context}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${FINGERPRINT_VERSION}\u0000${f.ruleId}\u0000${path}\u0000${context}\u0000${n}`).digest('hex').slice(0, 32);
  });
}

/** The text of the finding's first line before and after its span, whitespace collapsed. */
function surroundings(f: Finding, text: string, lines: LineIndex): string {
  const [start, end] = f.range;
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  const lineStart = lines.lineStart(first);
  const before = text.slice(Math.max(lineStart, start - CONTEXT_CHARS), start);
  const after = last === first ? text.slice(end, lineEndOf(text, end, end + CONTEXT_CHARS)) : '';
  return `${collapse(before)}\u0001${collapse(after)}`;
}

/** Where the line holding `from` ends (at its LF or CR), looking no further than `limit`. */
function lineEndOf(text: string, from: number, limit: number): number {
  const stop = Math.min(text.length, limit);
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return stop;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
