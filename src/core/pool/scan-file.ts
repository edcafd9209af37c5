import * as fs from 'node:fs';
import { LineIndex } from '../documents/lines';
import { maskSecret } from '../mask';
import { locate, type LocatedFinding, type SkippedFile } from '../report/model';
import { scanText } from '../scan';
import { readEntry } from '../walk';
import type { FileResult, ScanJob } from './protocol';

/**
 * Reads (unless the job carries text), decodes and scans one file, and places its findings at
 * lines and columns. Runs in a worker thread, or in the calling thread as the fallback; never
 * throws: every failure becomes a skip with a reason.
 */
export async function scanFile(job: ScanJob): Promise<FileResult> {
  try {
    let text: string;
    let stamp: { size: number; mtimeMs: number } | undefined;
    if (job.text !== undefined) {
      text = job.text;
    } else {
      if (job.known) {
        // stat, not open: a FIFO that replaced the file is never opened here either.
        const st = await fs.promises.stat(job.path).catch(() => undefined);
        // (A size limit lowered since still applies: such a file goes on to be skipped below.)
        if (st && st.isFile() && st.size === job.known.size && st.mtimeMs === job.known.mtimeMs && st.size <= job.maxFileSize) return { kind: 'unchanged', path: job.path };
      }
      const entry = await readEntry(job.path, job.maxFileSize);
      if (entry.kind === 'skipped') {
        return { kind: 'skipped', path: job.path, skip: { path: job.display, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) } };
      }
      text = entry.text;
      stamp = { size: entry.size, mtimeMs: entry.mtimeMs };
    }
    const errors: SkippedFile[] = [];
    const found = await scanText({ path: job.path, text }, job.config, (ruleId, error) => {
      errors.push({ path: job.display, reason: 'rule-error', detail: `${ruleId}: ${errorDetail(error)}` });
    });
    let findings: LocatedFinding[] = [];
    if (found.length > 0) {
      const lines = new LineIndex(text);
      findings = found.map((f) => locate(f, lines, job.display));
    }
    return { kind: 'scanned', path: job.path, ...(stamp ? { stamp } : {}), findings, errors, dateSensitive: text.includes('mamori-ignore-') };
  } catch (error) {
    // scanText isolates rule errors; this catches what is left (e.g. out of memory in a parser).
    return { kind: 'skipped', path: job.path, skip: { path: job.display, reason: 'scan-failed', detail: errorDetail(error) } };
  }
}

/**
 * An error message fit for a report: a parser's message may quote the text it choked on, and
 * that text may be a secret, so every long run of letters and digits is masked and the
 * message is cut short.
 */
export function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .slice(0, 300)
    .replace(/\S{12,}/g, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? maskSecret(run) : run));
}
