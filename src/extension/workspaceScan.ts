import * as vscode from 'vscode';
import { LineIndex } from '../core/documents/lines';
import { scanText } from '../core/scan';
import type { Finding } from '../core/types';
import { walk } from '../core/walk';
import { toDiagnostic } from './convert';
import type { DocumentScanner } from './documentScanner';
import { displayLang } from './lang';
import type { Logger } from './log';
import { editorExcludes, readSettings } from './settings';
import type { FindingStore } from './state';

/** What "Mamori: Scan Workspace" reports back (also its command result, for tests and tasks). */
export interface WorkspaceScanSummary {
  filesScanned: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
}

/**
 * Scans every workspace folder with the same walker and engine as the CLI, with a cancellable
 * progress notification, and fills the same diagnostic collection the editor uses. Files open
 * in an editor are scanned from their (possibly unsaved) text instead of the disk.
 */
export class WorkspaceScanner {
  /** Files that got diagnostics from the last workspace scan (to clear them next time). */
  private previous = new Set<string>();
  private running: Promise<WorkspaceScanSummary> | undefined;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly store: FindingStore,
    private readonly documents: DocumentScanner,
    private readonly log: Logger,
  ) {}

  run(): Promise<WorkspaceScanSummary> {
    // A second request while a scan runs joins it rather than racing it.
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private scan(): Promise<WorkspaceScanSummary> {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Mamori: scanning workspace'), cancellable: true },
        (progress, token) => this.scanFolders(progress, token),
      ),
    );
  }

  private async scanFolders(progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken): Promise<WorkspaceScanSummary> {
    const summary: WorkspaceScanSummary = { filesScanned: 0, findings: 0, skipped: 0, cancelled: false };
    const lang = displayLang();
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const seen = new Set<string>();
    const started = Date.now();
    let lastReport = 0;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') {
        this.log.warn(`workspace scan skips ${folder.uri.toString()}: only folders on disk can be walked`);
        continue;
      }
      const settings = readSettings(folder.uri);
      if (!settings.enable) continue;
      const exclude = [...settings.exclude, ...editorExcludes(folder.uri)];
      for await (const entry of walk([folder.uri.fsPath], { maxFileSize: settings.maxFileSizeBytes, exclude, isCancelled: () => token.isCancellationRequested })) {
        if (token.isCancellationRequested) break;
        const uri = vscode.Uri.file(entry.path);
        if (entry.kind === 'skipped') {
          summary.skipped++;
          this.log.info(`skipped ${entry.path}: ${entry.reason}${entry.detail ? ` (${entry.detail})` : ''}`);
          continue;
        }
        summary.filesScanned++;
        const key = uri.toString();
        seen.add(key);
        const doc = open.get(key);
        let findings: Finding[];
        if (doc) {
          await this.documents.scanNow(doc);
          findings = this.store.get(doc.uri)?.findings ?? [];
        } else {
          findings = await scanText({ path: entry.path, text: entry.text }, settings.scan, (ruleId, error) =>
            this.log.error(`rule ${ruleId} failed on ${entry.path}: ${error instanceof Error ? error.message : String(error)}`),
          );
          if (findings.length > 0) {
            const lines = new LineIndex(entry.text);
            const rangeOf = ([s, e]: readonly [number, number]) => {
              const a = lines.positionAt(s);
              const b = lines.positionAt(e);
              return new vscode.Range(a.line, a.character, b.line, b.character);
            };
            const diagnostics = findings.map((f) => toDiagnostic(f, rangeOf, lang));
            this.store.set({ uri, version: undefined, findings, ranges: diagnostics.map((d) => d.range) });
            this.collection.set(uri, diagnostics);
          } else {
            this.store.delete(uri);
            this.collection.delete(uri);
          }
        }
        summary.findings += findings.length;
        if (Date.now() - lastReport > 100) {
          lastReport = Date.now();
          progress.report({ message: vscode.l10n.t('{0} files scanned, {1} findings', summary.filesScanned, summary.findings) });
        }
      }
    }
    summary.cancelled = token.isCancellationRequested;
    if (!summary.cancelled) {
      // Files that had findings last time but were not seen now (deleted, excluded) lose them.
      for (const key of this.previous) {
        if (!seen.has(key) && !open.has(key)) {
          const uri = vscode.Uri.parse(key);
          this.store.delete(uri);
          this.collection.delete(uri);
        }
      }
      this.previous = seen;
    }
    this.log.info(
      `workspace scan ${summary.cancelled ? 'cancelled' : 'done'}: ${summary.filesScanned} file(s), ${summary.findings} finding(s), ${summary.skipped} skipped in ${Date.now() - started} ms`,
    );
    return summary;
  }
}
