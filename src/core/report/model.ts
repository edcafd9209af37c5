import type { LineIndex } from '../documents/lines';
import type { SkipReason } from '../walk';
import type { Finding, Fix, TextEdit } from '../types';

/**
 * A fix's edit of the scanned file, placed at 1-based positions as its finding is (absent where
 * the file's text was not at hand, as for an editor's findings exported from the view).
 */
export interface LocatedTextEdit extends TextEdit {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** A fix whose edits are placed in the file (for reports that carry fixes: SARIF). */
export interface LocatedFix extends Omit<Fix, 'edits'> {
  edits: LocatedTextEdit[];
}

/** A finding placed in a file, with 1-based line and column (UTF-16 code units). */
export interface LocatedFinding extends Finding {
  fixes?: LocatedFix[];
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
  /** Where in the repository's history the finding was found (`mamori history` only). */
  commit?: Provenance;
}

/** The commit that brought a finding's content into the repository. */
export interface Provenance {
  /** Full commit id. */
  hash: string;
  /** Author date, ISO 8601 (UTC). */
  date: string;
  /**
   * The finding is still at the same path in HEAD: HEAD holds this version of the file, or a
   * later one in which the finding's lines are unchanged.
   */
  inHead: boolean;
}

/** What a history scan covered (`mamori history`): SARIF's versionControlProvenance. */
export interface HistoryScope {
  /** The repository, as a URL without credentials (its `origin` remote, else a file URL). */
  repositoryUri: string;
  /** HEAD's commit, when the repository has one. */
  head?: string;
  branch?: string;
  /** Commits read. */
  commits: number;
  /**
   * Findings of later versions of a file that were already there in the version before (the
   * same lines, the same finding): each finding is listed once, with the commit it came in.
   */
  repeats?: number;
  /**
   * Findings of the oldest scanned version of a file (with `--since`) that the version before
   * the range had already: they came in before the range, and are not listed.
   */
  earlier?: number;
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
  /**
   * The absolute paths that were scanned (the command line's arguments), when they are not
   * simply `root`: what the review report names as its subject.
   */
  targets?: string[];
  filesScanned: number;
  findings: LocatedFinding[];
  skipped: SkippedFile[];
  /** Set for a scan of a repository's history: what was scanned were blobs, each once. */
  history?: HistoryScope;
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
  const at = (range: readonly [number, number]) => {
    const start = lines.positionAt(range[0]);
    const end = lines.positionAt(range[1]);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  };
  const fixes = finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, ...at(e.range) })) }));
  return { ...finding, ...(fixes ? { fixes } : {}), path, ...at(finding.range) };
}
