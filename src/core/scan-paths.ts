import * as path from 'node:path';
import { VERSION } from './config';
import type { CacheEntry, ScanCache } from './pool/cache';
import { ScanPool, type PoolResult } from './pool/pool';
import type { ScanJob } from './pool/protocol';
import type { LocatedFinding, ScanReport, SkippedFile } from './report/model';
import type { ScanConfig } from './types';
import { walkPaths, type PathEntry } from './walk';

/**
 * What a scan is fed: a file to read (walked, or listed by git), a skip, or text that is not
 * read from disk (a staged file's copy in git's index).
 */
export type SourceEntry = PathEntry | { kind: 'text'; path: string; text: string };

export interface ScanPathsOptions {
  config?: ScanConfig;
  maxFileSize: number;
  exclude?: readonly string[];
  /** Folder that reported paths are relative to (default: the current directory). */
  root?: string;
  /** Checked between files and every 50 ms while files are being scanned; running scans are stopped. */
  isCancelled?: () => boolean;
  /** Called after each file as it finishes (in completion order), for progress and streaming. */
  onFile?: (file: string, findings: LocatedFinding[]) => void;
  /** Worker threads when no `pool` is given (default: one per core; 0 scans in this thread). */
  jobs?: number;
  /** A pool to scan on (kept alive by the caller); by default one is made for this scan. */
  pool?: ScanPool;
  /** Results of unchanged files are taken from here instead of scanning them again; new results go in. */
  cache?: ScanCache;
  /**
   * Files the caller scans itself (an editor's open documents, whose unsaved text wins):
   * they are not read here and not counted.
   */
  claim?: (file: string) => boolean;
  /** Directory names never entered (default: the walker's, .git and node_modules among them). */
  skipDirs?: readonly string[];
  /** Ignore files honoured (default: the walker's, .gitignore and .mamoriignore). */
  ignoreFiles?: readonly string[];
  /**
   * The files to scan, instead of walking `paths` (git's file set: see core/git/files.ts).
   * `paths` still says which folders the cache covers.
   */
  entries?: AsyncIterable<SourceEntry>;
  /** The entries are part of the files under `paths` (changed files only): the cache keeps the others. */
  subset?: boolean;
}

/** What one walked path came to, kept in walk order so the report does not depend on timing. */
interface Outcome {
  findings: LocatedFinding[];
  skipped: SkippedFile[];
}

/**
 * Walks paths, scans every readable text file on a pool of worker threads and gathers a
 * report. Files finish in any order (`onFile` sees them as they do); the report lists them in
 * walk order (sorted by name within each folder), the same on every run.
 */
export async function scanPaths(paths: readonly string[], options: ScanPathsOptions): Promise<ScanReport> {
  const root = path.resolve(options.root ?? process.cwd());
  const display = (p: string) => displayPath(root, p);
  const pool = options.pool ?? new ScanPool({ size: options.jobs });
  const cache = options.cache;
  const outcomes: (Outcome | undefined)[] = [];
  const seen = new Set<string>();
  let filesScanned = 0;

  let cancelled = false;
  const isCancelled = () => (cancelled ||= options.isCancelled?.() ?? false);
  // Running scans are stopped within one tick of this timer after a cancellation.
  const poll = setInterval(() => isCancelled() && pool.cancel(), 50);
  poll.unref();

  const settle = (seq: number, job: ScanJob, result: PoolResult, known: CacheEntry | undefined) => {
    if (result.kind === 'cancelled') return;
    if (result.kind === 'skipped') {
      cache?.delete(job.path);
      outcomes[seq] = { findings: [], skipped: [result.skip] };
      return;
    }
    let findings: LocatedFinding[];
    let skipped: SkippedFile[] = [];
    if (result.kind === 'unchanged') {
      findings = (known?.findings ?? []).map((f) => ({ ...f, path: job.display }));
    } else {
      findings = result.findings;
      skipped = result.errors;
      // A file a rule failed on is scanned again next time, so the error is never hidden.
      if (cache && result.stamp && skipped.length === 0) cache.set(job.path, result.stamp, findings, result.dateSensitive);
    }
    filesScanned++;
    outcomes[seq] = { findings, skipped };
    options.onFile?.(job.path, findings);
  };

  // Files handed to the pool and not finished, each a path and a promise. Enough that every
  // worker finds long runs of the formats it owns among those waiting (see `owners` in
  // pool.ts): with 64 per worker, a walk of folders that each hold a few formats kept the
  // workers switching formats. With 512, and each worker going on with the format it is on,
  // a 48 MB tree took 6% less time.
  const limit = pool.parallelism * 512;
  const running = new Set<Promise<void>>();
  // Wakes the walk when a file finishes (one waiter at most: the walk waits for one at a time).
  let wake: (() => void) | undefined;
  // What the first file's settling threw (an `onFile` callback): the scan stops with it.
  let failure: { error: unknown } | undefined;
  try {
    const source =
      options.entries ??
      walkPaths(paths, {
        maxFileSize: options.maxFileSize,
        exclude: options.exclude,
        isCancelled,
        ...(options.skipDirs ? { skipDirs: options.skipDirs } : {}),
        ...(options.ignoreFiles ? { ignoreFiles: options.ignoreFiles } : {}),
      });
    for await (const entry of source) {
      if (isCancelled()) break;
      const seq = outcomes.length;
      outcomes.push(undefined);
      if (entry.kind === 'skipped') {
        outcomes[seq] = { findings: [], skipped: [{ path: display(entry.path), reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) }] };
        continue;
      }
      seen.add(entry.path);
      if (options.claim?.(entry.path)) continue;
      // Text not read from disk is never taken from the cache, nor put in it (no stamp comes back).
      const known = entry.kind === 'path' ? cache?.get(entry.path) : undefined;
      const job: ScanJob = {
        path: entry.path,
        display: display(entry.path),
        maxFileSize: options.maxFileSize,
        ...(entry.kind === 'path' ? { within: entry.within, ...(entry.link ? { link: true } : {}) } : { text: entry.text }),
        ...(options.config ? { config: options.config } : {}),
        ...(known ? { known: { size: known.size, mtimeMs: known.mtimeMs } } : {}),
      };
      const done: Promise<void> = pool.run(job).then((r) => {
        running.delete(done);
        try {
          settle(seq, job, r, known);
        } catch (error) {
          failure ??= { error };
        }
        const w = wake;
        wake = undefined;
        w?.();
      });
      running.add(done);
      if (running.size >= limit) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure.error;
    }
    if (isCancelled()) pool.cancel();
    await Promise.all(running);
    if (failure) throw failure.error;
  } finally {
    clearInterval(poll);
    if (!options.pool) await pool.dispose();
  }

  if (cache && !cancelled && !options.subset) pruneCache(cache, paths, seen);
  const findings: LocatedFinding[] = [];
  const skipped: SkippedFile[] = [];
  for (const o of outcomes) {
    if (!o) continue;
    for (const f of o.findings) findings.push(f);
    for (const s of o.skipped) skipped.push(s);
  }
  return { version: VERSION, root, targets: paths.map((p) => path.resolve(p)), filesScanned, findings, skipped };
}

/**
 * How a report names a walked file: relative to `root` with forward slashes, or absolute when
 * outside it. The walk gives normalized absolute paths, so one under the root is the root and
 * a separator, then the rest: `path.relative`, a tenth of the main thread's time on a tree of
 * 9,000 small files, is left for the others.
 */
export function displayPath(root: string, p: string): string {
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  if (p.length > prefix.length && p.startsWith(prefix)) {
    const rest = p.slice(prefix.length);
    return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  const rel = path.relative(root, p);
  return rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

/** Forgets cached files under the scanned paths that the walk no longer found (deleted, excluded). */
function pruneCache(cache: ScanCache, paths: readonly string[], seen: ReadonlySet<string>): void {
  const roots = paths.map((p) => path.resolve(p));
  cache.retainWhere((file) => seen.has(file) || !roots.some((r) => file === r || file.startsWith(r.endsWith(path.sep) ? r : r + path.sep)));
}
