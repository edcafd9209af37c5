import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { resolveConfig, VERSION } from '../config';
import type { LocatedFinding } from '../report/model';
import { today } from '../suppress';
import type { ScanConfig } from '../types';
import { withFileLock, writeFileAtomic } from '../write-file';
import type { FileStamp, PlacedFinding } from './protocol';

/** One file's cached result. Findings hold offsets and masked excerpts only, never a secret. */
export interface CacheEntry extends FileStamp {
  findings: PlacedFinding[];
  /** Set for files with suppression directives (they can expire): valid on this day only. */
  day?: string;
}

interface CacheFile {
  key: string;
  files: Record<string, CacheEntry>;
}

/** A result newer than this is not cached: a same-size edit within the same mtime tick would go unseen. */
const RACY_MS = 2000;

/**
 * Results of unchanged files, keyed by absolute path and checked by size and mtime. The whole
 * cache belongs to one engine build and one configuration (`key`): a cache made under another
 * is empty. Used in memory by the editor's workspace scan and on disk by `mamori scan --cache`.
 */
export class ScanCache {
  private readonly entries: Map<string, CacheEntry>;
  /** Files whose entry this run set or deleted: what `save` writes over the file's other entries. */
  private readonly touched = new Set<string>();

  constructor(
    readonly key: string,
    entries?: Iterable<[string, CacheEntry]>,
  ) {
    this.entries = new Map(entries);
  }

  /** The cache key of an engine build and a configuration. */
  static keyFor(config?: ScanConfig): string {
    return createHash('sha256')
      .update(VERSION)
      .update(engineFingerprint())
      .update(JSON.stringify(resolveConfig(config)))
      .digest('hex')
      .slice(0, 32);
  }

  /**
   * Loads a cache file; a missing, foreign (other key) or unreadable file gives an empty cache.
   * A file that is not a cache of this shape (corrupt, or valid JSON of another shape, which a
   * later run would trip over) is discarded too, and `onWarning` says so.
   */
  static load(file: string, key: string, onWarning?: (problem: CacheProblem) => void): ScanCache {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      // Missing: the first run. Unreadable: the write at the end says why.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onWarning?.('unreadable');
      return new ScanCache(key);
    }
    const files = parseCache(text, key);
    if (files === 'foreign') return new ScanCache(key);
    if (files === undefined) {
      onWarning?.('malformed');
      return new ScanCache(key);
    }
    return new ScanCache(key, Object.entries(files));
  }

  /**
   * Writes the cache atomically (a temporary file renamed over it), merged with what other runs
   * sharing the file wrote since it was loaded: entries this run did not touch are taken from
   * the file as it is now, under a lock, so parallel runs on different folders keep each
   * other's entries.
   */
  save(file: string): void {
    withFileLock(file, () => {
      let now: Record<string, CacheEntry> | 'foreign' | undefined;
      try {
        now = parseCache(fs.readFileSync(file, 'utf8'), this.key);
      } catch {
        now = undefined;
      }
      let files: Record<string, CacheEntry>;
      if (now && now !== 'foreign') {
        // Another run's entries as they are now (one this run only loaded and another run has
        // since dropped stays dropped); this run's own, set or deleted, over them.
        files = now;
        for (const k of this.touched) {
          const e = this.entries.get(k);
          if (e) files[k] = forDisk(e);
          else delete files[k];
        }
      } else {
        files = {};
        for (const [k, e] of this.entries) files[k] = forDisk(e);
      }
      const data: CacheFile = { key: this.key, files };
      writeFileAtomic(file, JSON.stringify(data));
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** A usable entry for a file, or undefined (none, or one of a day that has passed). */
  get(file: string): CacheEntry | undefined {
    const e = this.entries.get(file);
    if (e && e.day !== undefined && e.day !== today()) return undefined;
    return e;
  }

  /** Remembers a file's findings, unless the file changed too recently to trust its mtime. */
  set(file: string, stamp: FileStamp, findings: readonly LocatedFinding[], dateSensitive: boolean, now = Date.now()): void {
    if (now - stamp.mtimeMs < RACY_MS) {
      this.delete(file);
      return;
    }
    const placed = findings.map((f): PlacedFinding => {
      const { path, ...rest } = f;
      void path;
      return rest;
    });
    this.touched.add(file);
    this.entries.set(file, { size: stamp.size, mtimeMs: stamp.mtimeMs, findings: placed, ...(dateSensitive ? { day: today() } : {}) });
  }

  delete(file: string): void {
    if (this.entries.delete(file)) this.touched.add(file);
  }

  /** Keeps only the entries whose path passes `keep`. */
  retainWhere(keep: (file: string) => boolean): void {
    for (const k of [...this.entries.keys()]) if (!keep(k)) this.delete(k);
  }
}

/**
 * An entry as written to disk: without the findings' fixes, whose edits can carry text of the
 * file (the command line, the only reader of a cache file, has no use for them).
 */
function forDisk(e: CacheEntry): CacheEntry {
  if (!e.findings.some((f) => f.fixes)) return e;
  return { ...e, findings: e.findings.map(({ fixes, ...f }) => (void fixes, f)) };
}

/** Why a cache file was discarded: it could not be read, or is not a cache of this shape. */
export type CacheProblem = 'unreadable' | 'malformed';

/**
 * The entries of a cache file's text: 'foreign' for a cache of another engine build or
 * configuration, undefined for anything that is not a cache (corrupt JSON, another shape, an
 * entry of another shape), so no later step trips over it.
 */
function parseCache(text: string, key: string): Record<string, CacheEntry> | 'foreign' | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data) || typeof data.key !== 'string' || !isObject(data.files)) return undefined;
  if (data.key !== key) return 'foreign';
  const files = data.files;
  for (const k of Object.keys(files)) if (!isEntry(files[k])) return undefined;
  return files as Record<string, CacheEntry>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEntry(v: unknown): v is CacheEntry {
  if (!isObject(v) || typeof v.size !== 'number' || typeof v.mtimeMs !== 'number' || !Array.isArray(v.findings)) return false;
  if (v.day !== undefined && typeof v.day !== 'string') return false;
  return v.findings.every(isPlaced);
}

function isPlaced(f: unknown): boolean {
  if (!isObject(f)) return false;
  for (const k of ['ruleId', 'category', 'severity', 'messageId'] as const) if (typeof f[k] !== 'string') return false;
  for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) if (typeof f[k] !== 'number') return false;
  if (!Array.isArray(f.range) || f.range.length !== 2 || typeof f.range[0] !== 'number' || typeof f.range[1] !== 'number') return false;
  if (!Array.isArray(f.guidelines) || !f.guidelines.every((g) => typeof g === 'string')) return false;
  if (f.data !== undefined && (!isObject(f.data) || !Object.values(f.data).every((d) => typeof d === 'string'))) return false;
  if (f.excerpt !== undefined && typeof f.excerpt !== 'string') return false;
  return f.fixes === undefined || Array.isArray(f.fixes);
}

let fingerprint: string | undefined;

/** A hash of the running engine bundle, so a rebuilt engine never reuses an older cache. */
function engineFingerprint(): string {
  if (fingerprint === undefined) {
    try {
      fingerprint = createHash('sha256').update(fs.readFileSync(__filename)).digest('hex');
    } catch {
      fingerprint = '';
    }
  }
  return fingerprint;
}
