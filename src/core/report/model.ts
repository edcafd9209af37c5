import type { LineIndex } from '../documents/lines';
import type { SkipReason } from '../walk';
import type { Finding } from '../types';

/** A finding placed in a file, with 1-based line and column (UTF-16 code units). */
export interface LocatedFinding extends Finding {
  /** Path relative to the report's root, with forward slashes (absolute when outside it). */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * Identity that survives unrelated lines moving and reveals nothing of the value (see
   * core/fingerprint). Absent only where the file's text was not at hand.
   */
  fingerprint?: string;
  /**
   * With a baseline (`--baseline`): `unchanged` when the baseline holds this finding's
   * fingerprint (known, not counted for the exit code), `new` otherwise.
   */
  baseline?: 'new' | 'unchanged';
}

export interface SkippedFile {
  path: string;
  /** `scan-failed`: the scan of the file timed out or crashed its worker (see core/pool). */
  reason: SkipReason | 'rule-error' | 'scan-failed';
  detail?: string;
}

/** Everything a scan produced, ready for any output format. */
export interface ScanReport {
  version: string;
  /** Absolute folder that relative paths are relative to (SARIF %SRCROOT%). */
  root: string;
  filesScanned: number;
  findings: LocatedFinding[];
  skipped: SkippedFile[];
  /** Set when a baseline was applied: its path, how many findings it knew, how many of its entries are gone. */
  baseline?: BaselineSummary;
}

/** What applying a baseline came to (see core/baseline). */
export interface BaselineSummary {
  /** The baseline file, as the user named it. */
  path: string;
  /** Findings of this scan that the baseline holds. */
  known: number;
  /** Findings of this scan that it does not. */
  new: number;
  /** Baseline entries of scanned files that this scan no longer finds. */
  fixed: number;
}

/** Places a finding at 1-based positions using the file's line index. */
export function locate(finding: Finding, lines: LineIndex, path: string): LocatedFinding {
  const start = lines.positionAt(finding.range[0]);
  const end = lines.positionAt(finding.range[1]);
  return { ...finding, path, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
