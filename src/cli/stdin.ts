import { VERSION } from '../core/config';
import { decode } from '../core/decode';
import type { ScanPool } from '../core/pool/pool';
import type { ScanReport, SkippedFile } from '../core/report/model';
import type { ScanConfig } from '../core/types';
import { bytesToRead, MAX_READ_BYTES, sampleBytes } from '../core/walk';

/**
 * `mamori scan -`: one file read from standard input (an editor's buffer, `git show HEAD:.env`,
 * a pre-receive hook), scanned as if it were the file `name` — its name decides its format
 * (`.env`, `docker-compose.yml`, `*.tf` …). The same limits as a file on disk: larger than
 * --max-file-size is skipped (data files are scanned from their first part), binary is skipped,
 * and the scan runs on the pool with its time limit.
 */
export async function scanStdin(
  input: NodeJS.ReadableStream,
  name: string,
  options: { config: ScanConfig; maxFileSize: number; root: string; pool: ScanPool },
): Promise<ScanReport> {
  const limit = Math.min(options.maxFileSize, MAX_READ_BYTES);
  const chunks: Buffer[] = [];
  let size = 0;
  // Reads on past the limit without keeping the rest, so the writer is never left blocked.
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (size < limit) chunks.push(buf.subarray(0, limit - size));
    size += buf.length;
  }
  const display = name.replace(/\\/g, '/');
  const report = (filesScanned: number, findings: ScanReport['findings'], skipped: SkippedFile[]): ScanReport => ({
    version: VERSION,
    root: options.root,
    filesScanned,
    findings,
    skipped,
  });
  const want = bytesToRead(display, size, limit);
  if (want < 0) return report(0, [], [{ path: display, reason: 'too-large', detail: String(size) }]);
  const buffer = Buffer.concat(chunks);
  const sampled = want < size;
  const bytes = sampled ? sampleBytes(buffer) : buffer;
  if (bytes === undefined) return report(0, [], [{ path: display, reason: 'too-large', detail: String(size) }]);
  const text = decode(bytes);
  if (text === undefined) return report(0, [], [{ path: display, reason: 'binary' }]);
  // On the pool like any file: a worker thread, with its time limit for hostile input.
  const result = await options.pool.run({ path: display, display, text, maxFileSize: limit, config: options.config });
  const tooLarge: SkippedFile[] = sampled ? [{ path: display, reason: 'too-large', detail: String(size) }] : [];
  if (result.kind === 'skipped') return report(0, [], [result.skip]);
  if (result.kind !== 'scanned') return report(0, [], []);
  return report(1, result.findings, [...tooLarge, ...result.errors]);
}
