import { blobText } from '../git/blob';
import { CatFile, type ObjectRead } from '../git/cat-file';
import { PACK_WINDOWS } from '../git/git';
import type { ScanJob } from './protocol';

/**
 * Git blobs for scan jobs (`ScanJob.blob`), read in the thread that scans them: one long-lived
 * `git cat-file --batch` per repository and thread. A worker asks for a job's blob as soon as
 * the job arrives (`prefetch`), so git streams the next blobs while the current one is scanned;
 * the thread that hands out the jobs never holds a blob's bytes. Each blob is held only from its
 * arrival to the end of its job's scan, and the jobs a worker holds are bounded by the pool and
 * by the bytes in flight `mamori history` allows (see git/history.ts).
 *
 * A blob is decoded as it arrives, from the reader's reused bytes (see `CatFile.read`): what a
 * job waits for is its text, and no buffer of its bytes is left for the garbage collector.
 */

/** A blob as the scan needs it: its text (see `blobText`); undefined for an object that is not a blob. */
export type BlobContent = ObjectRead<ReturnType<typeof blobText> | undefined>;

const readers = new Map<string, CatFile>();
const asked = new Map<ScanJob, Promise<BlobContent>>();
let closeTimer: NodeJS.Timeout | undefined;
/**
 * Each reader keeps at most 32 MB of delta bases instead of git's 96: there is one per scanning
 * thread. On sqlalchemy's whole history the git processes held 126 MB at most instead of 280
 * (the process tree's peak PSS 705 MB instead of 846), for no more CPU time.
 */
const READER_CONFIG = ['-c', 'core.deltaBaseCacheLimit=32m', ...PACK_WINDOWS];
/** Readers are stopped after this long without a blob job (a worker can live on for other scans). */
const IDLE_MS = 2000;

/** Asks for a job's blob now (it is read while the jobs before it are scanned). */
export function prefetch(job: ScanJob): void {
  if (!job.blob || asked.has(job)) return;
  asked.set(job, request(job.blob.repo, job.blob.oid, job));
}

/** A job's blob, as asked for by `prefetch` or now; rejects when git failed. */
export function readBlob(job: ScanJob, blob: NonNullable<ScanJob['blob']>): Promise<BlobContent> {
  const known = asked.get(job);
  asked.delete(job);
  return known ?? request(blob.repo, blob.oid, job);
}

/**
 * Another object of a job's repository, read after the job's own blob (a blob's previous
 * version, asked for only when the blob has findings), decoded as the job's file.
 */
export function readObject(repo: string, oid: string, as: Pick<ScanJob, 'path' | 'maxFileSize'>): Promise<BlobContent> {
  return request(repo, oid, as);
}

/** Stops every reader once no blob job has come for a while (call when a thread has no jobs left). */
export function idleBlobs(): void {
  if (asked.size > 0 || readers.size === 0) return;
  clearTimeout(closeTimer);
  closeTimer = setTimeout(closeReaders, IDLE_MS);
  closeTimer.unref();
}

function closeReaders(): void {
  if (asked.size > 0) return;
  for (const r of readers.values()) r.close();
  readers.clear();
}

function request(repo: string, oid: string, as: Pick<ScanJob, 'path' | 'maxFileSize'>): Promise<BlobContent> {
  clearTimeout(closeTimer);
  let reader = readers.get(repo);
  if (!reader || reader.broken) {
    reader?.close();
    reader = new CatFile(repo, true, true, READER_CONFIG);
    readers.set(repo, reader);
  }
  const { path, maxFileSize } = as;
  return reader.read(oid, (bytes, type) => (type === 'blob' ? blobText(path, bytes, maxFileSize) : undefined));
}
