import * as fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { decode } from '../decode';
import { LineIndex } from '../documents/lines';
import { findingIdentity, fingerprintFindings } from '../fingerprint';
import { maskSecret } from '../mask';
import { locate, type LocatedFinding, type SkippedFile } from '../report/model';
import { scanText } from '../scan';
import { bytesToRead, MAX_READ_BYTES, openFlags, readEntry, sampleBytes, staysWithinSync, type OpenCheck, type WalkEntry } from '../walk';
import { readBlob, readObject } from './blob-source';
import { isDocumentJob, type DocumentJob, type DocumentResult, type ScanJob, type FileResult, type PoolJob } from './protocol';

/** Runs a job of either kind (see protocol.ts): what a worker does with each message. */
export function runJob(job: PoolJob): Promise<FileResult | DocumentResult> {
  return isDocumentJob(job) ? scanDocument(job) : scanFile(job);
}

/**
 * Scans an editor's document: its findings as `scanText` returns them (offsets and fix edits),
 * which the editor places in its own document. Never throws: a failure becomes a skip.
 */
export async function scanDocument(job: DocumentJob): Promise<DocumentResult> {
  try {
    const errors: SkippedFile[] = [];
    const findings = await scanText({ path: job.path, text: job.text }, job.config, (ruleId, error) => {
      errors.push({ path: job.display, reason: 'rule-error', detail: `${ruleId}: ${errorDetail(error)}` });
    });
    return { kind: 'document', path: job.path, findings, errors };
  } catch (error) {
    return { kind: 'skipped', path: job.path, skip: { path: job.display, reason: 'scan-failed', detail: errorDetail(error) } };
  }
}

/**
 * Reads (unless the job carries text), decodes and scans one file, and places its findings at
 * lines and columns. Runs in a worker thread, or in the calling thread as the fallback; never
 * throws: every failure becomes a skip with a reason.
 */
export async function scanFile(job: ScanJob): Promise<FileResult> {
  try {
    let text: string;
    let stamp: { size: number; mtimeMs: number } | undefined;
    let sampledSkip: SkippedFile | undefined;
    if (job.text !== undefined) {
      text = job.text;
    } else if (job.blob) {
      const blob = await readBlob(job, job.blob).catch((error: unknown) => error as Error);
      const skip = (reason: SkippedFile['reason'], detail?: string): FileResult => ({
        kind: 'skipped',
        path: job.path,
        skip: { path: job.display, reason, ...(detail ? { detail } : {}) },
      });
      if (blob instanceof Error) return skip('unreadable', errorDetail(blob));
      if ('missing' in blob || blob.type !== 'blob' || !blob.value) return skip('unreadable', 'object missing');
      const decoded = blob.value;
      if (decoded === 'binary') return skip('binary');
      if (decoded === 'too-large') return skip('too-large', String(blob.size));
      text = decoded.text;
      if (decoded.sampled) sampledSkip = { path: job.display, reason: 'too-large', detail: String(blob.size) };
    } else {
      if (job.known) {
        // stat, not open: a FIFO that replaced the file is never opened here either.
        const st = isMainThread ? await fs.promises.stat(job.path).catch(() => undefined) : statSync(job.path);
        // (A size limit lowered since still applies: such a file goes on to be skipped below.)
        if (st && st.isFile() && st.size === job.known.size && st.mtimeMs === job.known.mtimeMs && st.size <= job.maxFileSize)
          return { kind: 'unchanged', path: job.path };
      }
      const check: OpenCheck = { ...(job.within !== undefined ? { within: job.within } : {}), ...(job.link ? { link: true } : {}) };
      const entry = isMainThread ? await readEntry(job.path, job.maxFileSize, check) : readEntrySync(job.path, job.maxFileSize, check);
      if (entry.kind === 'skipped') {
        return { kind: 'skipped', path: job.path, skip: { path: job.display, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) } };
      }
      text = entry.text;
      stamp = { size: entry.size, mtimeMs: entry.mtimeMs };
      // A data file over the limit was scanned from its first part only: it is still listed
      // as too large, so the report says the rest was not read.
      if (entry.sampled) sampledSkip = { path: job.display, reason: 'too-large', detail: String(entry.size) };
    }
    const errors: SkippedFile[] = sampledSkip ? [sampledSkip] : [];
    const found = await scanText({ path: job.path, text }, job.config, (ruleId, error) => {
      errors.push({ path: job.display, reason: 'rule-error', detail: `${ruleId}: ${errorDetail(error)}` });
    });
    let findings: LocatedFinding[] = [];
    let carried: Carried | undefined;
    const dateSensitive = text.includes('mamori-ignore-');
    if (found.length > 0) {
      const lines = new LineIndex(text);
      const prints = fingerprintFindings(found, text, lines, job.display);
      findings = found.map((f, i) => ({ ...locate(f, lines, job.display), fingerprint: prints[i] }));
      if (job.blob?.parent) carried = await carriedFindings(job, job.blob.repo, job.blob.parent, lines, findings, job.blob.parentOutside === true);
    }
    return {
      kind: 'scanned',
      path: job.path,
      ...(stamp ? { stamp } : {}),
      findings,
      errors,
      dateSensitive,
      ...(carried ? { carried: carried.lines } : {}),
      ...(carried?.before ? { before: carried.before } : {}),
    };
  } catch (error) {
    // scanText isolates rule errors; this catches what is left (e.g. out of memory in a parser).
    return { kind: 'skipped', path: job.path, skip: { path: job.display, reason: 'scan-failed', detail: errorDetail(error) } };
  }
}

/** What `carriedFindings` tells of a blob's findings against its previous version. */
interface Carried {
  /** Findings whose every line the previous version holds too. */
  lines: number[];
  /** Of those, the ones the previous version had too (asked for when the run does not scan it). */
  before?: number[];
}

/**
 * Which findings' every line the blob's previous version (`parent`) holds
 * too, word for word (anywhere in it: a line that moved is still the same line). Such a
 * finding's value was there before this version; whether the previous version had the same
 * finding is for the caller to say (a rule may report an unchanged line because another line
 * changed), unless the run does not scan that version (`outside`, older than `--since`): then
 * it is scanned here, and `before` says which of those findings it had (same rule and
 * fingerprint). Undefined when the previous version cannot be read or decoded: then every
 * finding counts as new.
 */
async function carriedFindings(
  job: ScanJob,
  repo: string,
  parent: string,
  lines: LineIndex,
  findings: readonly LocatedFinding[],
  outside: boolean,
): Promise<Carried | undefined> {
  const blob = await readObject(repo, parent, job).catch(() => undefined);
  if (!blob || 'missing' in blob || blob.type !== 'blob' || !blob.value) return undefined;
  const decoded = blob.value;
  if (decoded === 'binary' || decoded === 'too-large') return undefined;
  const previous = decoded.text;
  const had = new Set(previous.split(/\r?\n|\r/));
  const carried: number[] = [];
  findings.forEach((f, i) => {
    for (let line = f.line - 1; line < f.endLine; line++) if (!had.has(lines.lineText(line))) return;
    carried.push(i);
  });
  if (!outside) return { lines: carried };
  if (carried.length === 0) return { lines: carried, before: [] };
  // The previous version's own findings, identified as this version's are (rule and fingerprint).
  const earlier = await scanText({ path: job.path, text: previous }, job.config).catch(() => undefined);
  if (!earlier) return { lines: carried };
  const earlierLines = new LineIndex(previous);
  const prints = fingerprintFindings(earlier, previous, earlierLines, job.display);
  const ids = new Set(earlier.map((f, i) => findingIdentity(f.ruleId, prints[i])));
  return { lines: carried, before: carried.filter((i) => ids.has(findingIdentity(findings[i].ruleId, findings[i].fingerprint ?? ''))) };
}

/**
 * An error message fit for a report: a parser's message may quote the text it choked on, and
 * that text may be a secret, so every long run of letters and digits is masked and the
 * message is cut short.
 */
export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 300).replace(/\S{12,}/g, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? maskSecret(run) : run));
}

/**
 * `readEntry` with synchronous calls, for worker threads: a worker's thread does nothing else
 * while it reads, and four promise-based file-handle calls per file cost more than scanning a
 * small file (12% of a 48 MB scan of node_modules). Same rules: opened non-blocking and checked
 * with fstat, so a FIFO or device is never read from; not through a link the walk did not see,
 * and checked to be still inside its root.
 */
function readEntrySync(file: string, maxFileSize: number, check: OpenCheck): WalkEntry {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, openFlags(check));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { kind: 'skipped', path: file, reason: 'not-regular' };
    if (check.within !== undefined && !staysWithinSync(fd, file, st, check.within)) return { kind: 'skipped', path: file, reason: 'changed' };
    const want = bytesToRead(file, st.size, Math.min(maxFileSize, MAX_READ_BYTES));
    if (want < 0) return { kind: 'skipped', path: file, reason: 'too-large', detail: String(st.size) };
    const buffer = readBuffer(want);
    let read = 0;
    while (read < want) {
      const n = fs.readSync(fd, buffer, read, want - read, read);
      if (n === 0) break;
      read += n;
    }
    const sampled = want < st.size;
    const bytes = sampled ? sampleBytes(buffer.subarray(0, read)) : buffer.subarray(0, read);
    if (bytes === undefined) return { kind: 'skipped', path: file, reason: 'too-large', detail: String(st.size) };
    const text = decode(bytes);
    if (text === undefined) return { kind: 'skipped', path: file, reason: 'binary' };
    return { kind: 'file', path: file, text, size: sampled ? st.size : read, mtimeMs: st.mtimeMs, ...(sampled ? { sampled: true as const } : {}) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    // The walk saw a file, and a link is there now.
    if (e?.code === 'ELOOP' && !check.link) return { kind: 'skipped', path: file, reason: 'changed' };
    return { kind: 'skipped', path: file, reason: 'unreadable', detail: e?.code ?? (error instanceof Error ? error.message : String(error)) };
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closing a descriptor we opened cannot fail in a way that matters to the result.
      }
    }
  }
}

/** Files up to this size are read into one buffer kept for the next file. */
const KEEP_BYTES = 4 << 20;
let kept = Buffer.allocUnsafe(1 << 16);

/**
 * A buffer of at least `size` bytes to read a file into. Decoding copies the bytes into a
 * string, so one buffer serves file after file. With a fresh buffer per file, reading took
 * ~8% of a worker's time on a 48 MB tree (the kernel zero-fills every new page a read
 * touches); with this one, ~2%.
 */
function readBuffer(size: number): Buffer {
  if (size <= kept.length) return kept;
  const buffer = Buffer.allocUnsafe(size);
  if (size <= KEEP_BYTES) kept = buffer;
  return buffer;
}

function statSync(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
