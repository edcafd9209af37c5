import type { LocatedFinding, SkippedFile } from '../report/model';
import type { Finding, ScanConfig } from '../types';
import type { CodeCacheState } from './code-cache';

/**
 * What the scanning side (a worker thread, or the calling thread when workers are unavailable)
 * is asked to do, and what it answers. Plain data: it crosses a thread boundary. Two kinds of
 * job, each with its own answer: a file (`ScanJob` → `FileResult`, findings placed at lines for
 * reports and the cache) and an editor's document (`DocumentJob` → `DocumentResult`, findings in
 * offsets of the text it sent, which the editor places in its own document).
 */

/** A file to scan for a report: read from disk, or given as text that stands for one (stdin, git's index). */
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
  /** Text to scan instead of the file on disk (standard input, a staged file's copy in git's index). */
  text?: string;
  /**
   * A git blob to scan instead of the file on disk (`mamori history`): the scanning thread
   * reads it through a `git cat-file --batch` of its own in `repo`, so its bytes never pass
   * through the thread that hands out the jobs. Decoded, sampled and skipped (binary, too
   * large) as the same file on disk would be; `path` names it (its format). `parent` is the
   * blob the same path held before the commit that brought this one (none when the commit
   * added the file): the scan says which findings' lines that version already had (`carried`).
   * `parentOutside`: the run does not scan that version (it is older than `--since`), so the
   * scan also says which of those findings it had too (`before`).
   */
  blob?: { repo: string; oid: string; parent?: string; parentOutside?: boolean };
  /** Size and mtime of a cached result: when the file still has them it is not read again. */
  known?: FileStamp;
}

/** An editor's document: its text as it is in memory (saved or not), never read from disk nor cached. */
export interface DocumentJob {
  kind: 'document';
  /** The document's file path (used for format detection), or its URI path when it has none. */
  path: string;
  /** How logs and rule errors name it. */
  display: string;
  text: string;
  config?: ScanConfig;
}

/** Either kind of job: what the pool queues and a worker receives. */
export type PoolJob = ScanJob | DocumentJob;

/** Whether a job is an editor's document (a file job has no `kind`). */
export function isDocumentJob(job: PoolJob): job is DocumentJob {
  return 'kind' in job && job.kind === 'document';
}

/** What identifies a file's content cheaply: its size and modification time. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A finding as cached or sent between threads: located, without the path (added on the way out). */
export type PlacedFinding = Omit<LocatedFinding, 'path'>;

/** A job that was not scanned (unreadable, binary, too large, timed out, crashed its worker). */
export interface SkippedResult {
  kind: 'skipped';
  path: string;
  skip: SkippedFile;
}

/** A file job's answer: its findings placed at lines and columns, for reports and the cache. */
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
      /**
       * For a blob with a `parent`: the indexes of the findings whose every line the parent
       * version holds too, unchanged (history lists such a finding once, where it came in).
       */
      carried?: number[];
      /**
       * For a blob whose `parent` the run does not scan (`parentOutside`): the indexes, among
       * `carried`, of the findings that version had too (same rule and fingerprint), found by
       * scanning it here. They came in before the scanned range.
       */
      before?: number[];
    }
  | { kind: 'unchanged'; path: string }
  | SkippedResult;

/** A document job's answer: the findings as `scanText` returns them (offsets and fix edits). */
export type DocumentResult =
  | {
      kind: 'document';
      path: string;
      findings: Finding[];
      /** Rules that threw on this text (the other rules' findings are kept). */
      errors: SkippedFile[];
    }
  | SkippedResult;

/** Messages from the pool to a worker. */
export type ToWorker = { id: number; job: PoolJob };

/** Messages from a worker to the pool. */
export type FromWorker =
  | { id: number; result: FileResult | DocumentResult }
  /**
   * The engine is loaded (`at`: when, by the clock, Date.now()); `codeCache` says how its code
   * was compiled when a code cache was asked for (core/pool/code-cache.ts).
   */
  | { ready: true; codeCache?: CodeCacheState; at?: number };
