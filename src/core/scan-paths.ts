import * as path from 'node:path';
import { VERSION } from './config';
import { LineIndex } from './documents/lines';
import { locate, type LocatedFinding, type ScanReport, type SkippedFile } from './report/model';
import { scanText } from './scan';
import type { ScanConfig } from './types';
import { walk } from './walk';

export interface ScanPathsOptions {
  config?: ScanConfig;
  maxFileSize: number;
  exclude?: readonly string[];
  /** Folder that reported paths are relative to (default: the current directory). */
  root?: string;
  isCancelled?: () => boolean;
  /** Called after each file, for progress and streaming. */
  onFile?: (file: string, findings: LocatedFinding[]) => void;
}

/** Walks paths, scans every readable text file and gathers a report. */
export async function scanPaths(paths: readonly string[], options: ScanPathsOptions): Promise<ScanReport> {
  const root = path.resolve(options.root ?? process.cwd());
  const display = (p: string) => {
    const rel = path.relative(root, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
  };
  const findings: LocatedFinding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  for await (const entry of walk(paths, { maxFileSize: options.maxFileSize, exclude: options.exclude, isCancelled: options.isCancelled })) {
    if (options.isCancelled?.()) break;
    const rel = display(entry.path);
    if (entry.kind === 'skipped') {
      skipped.push({ path: rel, reason: entry.reason, ...(entry.detail ? { detail: entry.detail } : {}) });
      continue;
    }
    filesScanned++;
    const found = await scanText({ path: entry.path, text: entry.text }, options.config, (ruleId, error) => {
      skipped.push({ path: rel, reason: 'rule-error', detail: `${ruleId}: ${error instanceof Error ? error.message : String(error)}` });
    });
    let located: LocatedFinding[] = [];
    if (found.length > 0) {
      const lines = new LineIndex(entry.text);
      located = found.map((f) => locate(f, lines, rel));
      findings.push(...located);
    }
    options.onFile?.(entry.path, located);
  }
  return { version: VERSION, root, filesScanned, findings, skipped };
}
