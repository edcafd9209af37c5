import { decode } from '../decode';
import { bytesToRead, MAX_READ_BYTES, sampleBytes } from '../walk';

/**
 * A data file (SQL, CSV, TSV) over the size limit is scanned from its first part, as on disk.
 * git hands over a blob whole, so one is read for its sample only up to this size.
 */
const SAMPLE_FROM_AT_MOST = 32 * 1024 * 1024;

/** Whether a blob of `size` bytes at `file` is read at all (else it is skipped as too large). */
export function blobWanted(file: string, size: number, maxFileSize: number): boolean {
  const limit = Math.min(maxFileSize, MAX_READ_BYTES);
  const want = bytesToRead(file, size, limit);
  if (want < 0) return false;
  return want === size || size <= SAMPLE_FROM_AT_MOST;
}

/**
 * A blob's text as the walker would read the same file from disk: decoded (undefined for a
 * binary), and for a data file over the limit only its first `maxFileSize` bytes, cut at a
 * line end (`sampled`).
 */
export function blobText(file: string, content: Buffer, maxFileSize: number): { text: string; sampled: boolean } | 'binary' | 'too-large' {
  const limit = Math.min(maxFileSize, MAX_READ_BYTES);
  const want = bytesToRead(file, content.length, limit);
  if (want < 0) return 'too-large';
  const sampled = want < content.length;
  const bytes = sampled ? sampleBytes(content.subarray(0, want)) : content;
  if (bytes === undefined) return 'too-large';
  const text = decode(bytes);
  return text === undefined ? 'binary' : { text, sampled };
}
