import type { LocatedFinding, SkippedFile } from '../report/model';
import type { Finding, ScanConfig } from '../types';

/**
 * What the scanning side (a worker thread, or the calling thread when workers are unavailable)
 * is asked to do with one file, and what it answers. Plain data: it crosses a thread boundary.
 */
export interface ScanJob {
  /** Absolute path: read from disk unless `text` is given. */
  path: string;
  /** Path written into the findings (relative to the report root). */
  display: string;
  maxFileSize: number;
  /** The real path of the root the file was found under: the opened file must still be in it. */
  within?: string;
  /** The walk reached the file through a symbolic link (else it is opened without following one). */
  link?: boolean;
  config?: ScanConfig;
  /** Text to scan instead of the file on disk (an editor's unsaved buffer). */
  text?: string;
  /**
   * A git blob to scan instead of the file on disk (`mamori history`): the scanning thread
   * reads it through a `git cat-file --batch` of its own in `repo`, so its bytes never pass
   * through the thread that hands out the jobs. Decoded, sampled and skipped (binary, too
   * large) as the same file on disk would be; `path` names it (its format).
   */
  blob?: { repo: string; oid: string };
  /** Size and mtime of a cached result: when the file still has them it is not read again. */
  known?: FileStamp;
  /**
   * Answer with a `document` result, the findings as `scanText` returns them (offsets and fix
   * edits), instead of placed at lines: for an editor, which places them in its own document.
   */
  raw?: boolean;
}

/** What identifies a file's content cheaply: its size and modification time. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A finding as cached or sent between threads: located, without the path (added on the way out). */
export type PlacedFinding = Omit<LocatedFinding, 'path'>;

/**
 * A file's answer: its findings placed at lines and columns (`scanned`, for reports and the
 * cache), or, for an editor's text job (`ScanJob.raw`), the findings in offsets of the text it
 * sent (`document`), which the editor places in its own document.
 */
export type FileResult =
  | {
      kind: 'scanned';
      path: string;
      stamp?: FileStamp;
      findings: LocatedFinding[];
      /** Rules that threw on this file (the other rules' findings are kept). */
      errors: SkippedFile[];
      /** The file has suppression directives, which can expire: its result depends on the day. */
      dateSensitive: boolean;
    }
  | {
      kind: 'document';
      path: string;
      /** As `scanText` returns them: offsets and fix edits. */
      findings: Finding[];
      errors: SkippedFile[];
    }
  | { kind: 'unchanged'; path: string }
  | { kind: 'skipped'; path: string; skip: SkippedFile };

/** Messages from the pool to a worker. */
export type ToWorker = { id: number; job: ScanJob };

/** Messages from a worker to the pool. */
export type FromWorker = { id: number; result: FileResult } | { ready: true };
