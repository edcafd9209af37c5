import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, VERSION } from '../config';
import type { LocatedFinding } from '../report/model';
import { today } from '../suppress';
import type { ScanConfig } from '../types';
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

  constructor(
    readonly key: string,
    entries?: Iterable<[string, CacheEntry]>,
  ) {
    this.entries = new Map(entries);
  }

  /** The cache key of an engine build and a configuration. */
  static keyFor(config?: ScanConfig): string {
    return createHash('sha256').update(VERSION).update(engineFingerprint()).update(JSON.stringify(resolveConfig(config))).digest('hex').slice(0, 32);
  }

  /** Loads a cache file; a missing, corrupt or foreign (other key) file gives an empty cache. */
  static load(file: string, key: string): ScanCache {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (data && data.key === key && typeof data.files === 'object' && data.files !== null) return new ScanCache(key, Object.entries(data.files));
    } catch {
      // Missing or unreadable: start afresh.
    }
    return new ScanCache(key);
  }

  /** Writes the cache (atomically, through a temporary file). */
  save(file: string): void {
    const data: CacheFile = { key: this.key, files: Object.fromEntries(this.entries) };
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, file);
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
      this.entries.delete(file);
      return;
    }
    const placed = findings.map((f): PlacedFinding => {
      const { path, ...rest } = f;
      void path;
      return rest;
    });
    this.entries.set(file, { size: stamp.size, mtimeMs: stamp.mtimeMs, findings: placed, ...(dateSensitive ? { day: today() } : {}) });
  }

  delete(file: string): void {
    this.entries.delete(file);
  }

  /** Keeps only the entries whose path passes `keep`. */
  retainWhere(keep: (file: string) => boolean): void {
    for (const k of [...this.entries.keys()]) if (!keep(k)) this.entries.delete(k);
  }
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
