import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { ScanCache } from '../pool/cache';
import type { LocatedFinding, SkippedFile } from '../report/model';
import { today } from '../suppress';
import type { ScanConfig } from '../types';
import { withFileLock, writeFileAtomicChunks } from '../write-file';

/**
 * What `mamori history` learnt of one blob at one path: its findings (placed and masked, as in
 * a report, without fixes or commit) and the skips its scan gave (a binary, a data file read
 * from its first part only). A blob's content never changes, so the entry holds as long as the
 * engine and the configuration do.
 */
export interface HistoryCacheEntry {
  /** Findings, placed and masked as in a report (without fixes or commit). */
  findings?: LocatedFinding[];
  /** Skips the scan gave (a data file read from its first part only). */
  skips?: { reason: SkippedFile['reason']; detail?: string }[];
  /** The blob was not scanned: a binary, or too large. */
  skipped?: { reason: SkippedFile['reason']; detail?: string };
  /** Set for a blob with suppression directives (they can expire): valid on this day only. */
  day?: string;
  /** Findings (by index) whose lines the previous version of the file held too (see FileResult.carried). */
  carried?: number[];
  /** Of those, the ones the previous version had too, when a run asked (see FileResult.before). */
  before?: number[];
}

/** Skips that depend only on the blob's bytes, its path and the size limit, so they are kept. */
const KEPT_SKIPS = new Set<SkippedFile['reason']>(['binary', 'too-large']);

/**
 * Results of the blobs earlier `mamori history` runs scanned, by blob id and path (the path gives
 * the format), so a second run, or CI on the next push, scans only blobs it has not seen. The
 * whole cache belongs to one engine build, one configuration and one size limit (`key`): a
 * cache made under another is empty, so a new rule, a rule turned off or a new Mamori version
 * scans everything again. Holds no secret value: findings are masked as in every report.
 */
export class HistoryCache {
  private readonly blobs: Map<string, HistoryCacheEntry>;
  private changed = false;

  /**
   * `loadedAs`: the file as `load` found it (see `save`); undefined when there was none or it
   * was not read.
   */
  constructor(
    readonly key: string,
    entries?: Iterable<[string, HistoryCacheEntry]>,
    private readonly loadedAs?: FileStamp,
  ) {
    this.blobs = new Map(entries);
  }

  /** The key of an engine build, a configuration and a size limit. */
  static keyFor(config: ScanConfig | undefined, maxFileSize: number): string {
    return createHash('sha256').update('history:2').update(ScanCache.keyFor(config)).update(String(maxFileSize)).digest('hex').slice(0, 32);
  }

  /**
   * Loads a cache file; a missing file, or one of another key, gives an empty cache. One that is
   * not a history cache (corrupt, another shape) is discarded too, and `onWarning` says so.
   */
  static load(file: string, key: string, onWarning?: (problem: 'unreadable' | 'malformed') => void): HistoryCache {
    let text: string;
    let stamp: FileStamp;
    try {
      ({ text, stamp } = readStamped(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onWarning?.('unreadable');
      return new HistoryCache(key);
    }
    const blobs = parse(text, key);
    if (blobs === 'foreign') return new HistoryCache(key, undefined, stamp);
    if (blobs === undefined) {
      onWarning?.('malformed');
      return new HistoryCache(key, undefined, stamp);
    }
    return new HistoryCache(key, Object.entries(blobs), stamp);
  }

  get size(): number {
    return this.blobs.size;
  }

  /** The entry of a blob at a path, unless none or one of a day that has passed. */
  get(oid: string, path: string): HistoryCacheEntry | undefined {
    const e = this.blobs.get(entryKey(oid, path));
    if (e && e.day !== undefined && e.day !== today()) return undefined;
    return e;
  }

  /**
   * Remembers a blob's scan. Only whole results are kept: a blob a rule failed on is scanned
   * again next time.
   */
  setScanned(
    oid: string,
    path: string,
    findings: readonly LocatedFinding[],
    skips: readonly SkippedFile[],
    dateSensitive: boolean,
    carried?: readonly number[],
    before?: readonly number[],
  ): void {
    if (skips.some((s) => !KEPT_SKIPS.has(s.reason))) return;
    const entry: HistoryCacheEntry = {};
    if (findings.length > 0) entry.findings = findings.map(({ fixes, commit, ...f }) => (void fixes, void commit, f));
    if (carried && carried.length > 0) entry.carried = [...carried];
    // Kept even when empty: it says the previous version was asked about.
    if (before && entry.carried) entry.before = [...before];
    if (skips.length > 0) entry.skips = skips.map(reasonOf);
    if (dateSensitive) entry.day = today();
    this.put(oid, path, entry);
  }

  /** Remembers a blob that was not scanned, when that depends on its content alone (binary, too large). */
  setSkipped(oid: string, path: string, skip: SkippedFile): void {
    if (KEPT_SKIPS.has(skip.reason)) this.put(oid, path, { skipped: reasonOf(skip) });
  }

  private put(oid: string, path: string, entry: HistoryCacheEntry): void {
    this.blobs.set(entryKey(oid, path), entry);
    this.changed = true;
  }

  /**
   * Writes the cache atomically (a temporary file renamed over it) under a lock, with the
   * entries another run wrote since this one loaded it (of the same key) kept. The file is read
   * again only when another run changed it since: the entries loaded are all in this cache.
   * The text is made and written an entry at a time, byte for byte `JSON.stringify`'s: a
   * history cache is tens of MB, and made as one string it was the end of the run's peak.
   */
  save(file: string): void {
    if (!this.changed && fs.existsSync(file)) return;
    withFileLock(file, () => {
      let now: Record<string, HistoryCacheEntry> | 'foreign' | undefined;
      if (!this.loadedAs || !sameFile(stampOf(file), this.loadedAs)) {
        try {
          now = parse(fs.readFileSync(file, 'utf8'), this.key);
        } catch {
          now = undefined;
        }
      }
      writeFileAtomicChunks(file, cacheText(this.key, now && now !== 'foreign' ? merged(now, this.blobs) : this.blobs));
    });
  }
}

/** What tells one version of a file from another: a file written over is a new file (rename). */
interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

function readStamped(file: string): { text: string; stamp: FileStamp } {
  const fd = fs.openSync(file, 'r');
  try {
    const st = fs.fstatSync(fd);
    return { text: fs.readFileSync(fd, 'utf8'), stamp: { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs } };
  } finally {
    fs.closeSync(fd);
  }
}

function stampOf(file: string): FileStamp | undefined {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

function sameFile(a: FileStamp | undefined, b: FileStamp): boolean {
  return a !== undefined && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The file's entries with this run's over them, in the order `Object.assign` gives: the file's keys first. */
function* merged(file: Record<string, HistoryCacheEntry>, mine: Map<string, HistoryCacheEntry>): Generator<[string, HistoryCacheEntry]> {
  for (const k of Object.keys(file)) yield [k, mine.get(k) ?? file[k]];
  for (const [k, e] of mine) if (!Object.hasOwn(file, k)) yield [k, e];
}

/** The cache file's text, `JSON.stringify({ key, blobs })` (blobs by `<oid> <path>`), an entry at a time. */
function* cacheText(key: string, blobs: Iterable<[string, HistoryCacheEntry]>): Generator<string> {
  yield `{"key":${JSON.stringify(key)},"blobs":{`;
  let first = true;
  for (const [k, e] of blobs) {
    yield `${first ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(e)}`;
    first = false;
  }
  yield '}}';
}

function reasonOf(s: Pick<SkippedFile, 'reason' | 'detail'>): { reason: SkippedFile['reason']; detail?: string } {
  return { reason: s.reason, ...(s.detail !== undefined ? { detail: s.detail } : {}) };
}

function entryKey(oid: string, path: string): string {
  return `${oid} ${path}`;
}

/** The entries of a cache file's text: 'foreign' for another key, undefined for anything else. */
function parse(text: string, key: string): Record<string, HistoryCacheEntry> | 'foreign' | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data) || typeof data.key !== 'string' || !isObject(data.blobs)) return undefined;
  if (data.key !== key) return 'foreign';
  const blobs = data.blobs;
  for (const k of Object.keys(blobs)) if (!/^[0-9a-f]{40,64} ./.test(k) || !isEntry(blobs[k])) return undefined;
  return blobs as Record<string, HistoryCacheEntry>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEntry(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.day !== undefined && typeof v.day !== 'string') return false;
  if (v.skips !== undefined && (!Array.isArray(v.skips) || !v.skips.every(isSkip))) return false;
  if (v.skipped !== undefined && !isSkip(v.skipped)) return false;
  const count = Array.isArray(v.findings) ? v.findings.length : 0;
  if (v.carried !== undefined && (!Array.isArray(v.carried) || !v.carried.every((i) => Number.isInteger(i) && i >= 0 && i < count))) return false;
  if (v.before !== undefined && (!Array.isArray(v.before) || !v.before.every((i) => Number.isInteger(i) && i >= 0 && i < count))) return false;
  return v.findings === undefined || (Array.isArray(v.findings) && v.findings.every(isFinding));
}

function isSkip(s: unknown): boolean {
  return (
    isObject(s) && typeof s.reason === 'string' && KEPT_SKIPS.has(s.reason as SkippedFile['reason']) && (s.detail === undefined || typeof s.detail === 'string')
  );
}

function isFinding(f: unknown): boolean {
  if (!isObject(f)) return false;
  for (const k of ['ruleId', 'category', 'severity', 'messageId', 'path'] as const) if (typeof f[k] !== 'string') return false;
  for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) if (typeof f[k] !== 'number') return false;
  if (!Array.isArray(f.range) || f.range.length !== 2 || typeof f.range[0] !== 'number' || typeof f.range[1] !== 'number') return false;
  if (!Array.isArray(f.guidelines) || !f.guidelines.every((g) => typeof g === 'string')) return false;
  if (f.data !== undefined && (!isObject(f.data) || !Object.values(f.data).every((d) => typeof d === 'string'))) return false;
  if (f.fingerprint !== undefined && typeof f.fingerprint !== 'string') return false;
  return f.excerpt === undefined || typeof f.excerpt === 'string';
}
