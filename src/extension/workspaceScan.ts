import * as path from 'node:path';
import * as vscode from 'vscode';
import { engine, type LocatedFinding, type ScanCache, type ScanPool } from './facade';
import { ruleErrorDiagnostic, toDiagnostic } from './convert';
import type { DocumentScanner } from './documentScanner';
import { displayLang } from './lang';
import type { Logger } from './log';
import { editorExcludes, ignoreFiles, type KnownFindings } from './settings';
import type { FindingStore } from './state';

/** What "Mamori: Scan Workspace" reports back (also its command result, for tests and tasks). */
export interface WorkspaceScanSummary {
  filesScanned: number;
  findings: number;
  skipped: number;
  cancelled: boolean;
}

/**
 * Scans every workspace folder with the same file set and engine as the CLI (git's files in a
 * work tree, see `mamori.files.useGit`), on worker threads
 * (off the extension host's thread), with a cancellable progress notification, and fills the
 * same diagnostic collection the editor uses. Files open in an editor are scanned from their
 * (possibly unsaved) text instead of the disk. Files unchanged since the last scan (same size
 * and mtime, same settings) are not scanned again.
 */
export class WorkspaceScanner implements vscode.Disposable {
  /** Files that got diagnostics from the last workspace scan (to clear them next time). */
  private previous = new Set<string>();
  private running: Promise<WorkspaceScanSummary> | undefined;
  /** Worker threads, started on the first scan; idle ones stop by themselves (see ScanPool). */
  private pool: ScanPool | undefined;
  /** Results of the last scans per folder, for files that have not changed since. */
  private readonly caches = new Map<string, ScanCache>();

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
    const reportProgress = () => {
      if (Date.now() - lastReport <= 100) return;
      lastReport = Date.now();
      progress.report({ message: vscode.l10n.t('{0} files scanned, {1} findings', summary.filesScanned, summary.findings) });
    };
    this.pool ??= new (engine().ScanPool)();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (token.isCancellationRequested) break;
      if (folder.uri.scheme !== 'file') {
        this.log.warn(`workspace scan skips ${folder.uri.toString()}: only folders on disk can be walked`);
        continue;
      }
      // The folder's settings with its .mamori.json over them, as for its open documents.
      const settings = this.documents.settingsFor(folder.uri);
      if (!settings.enable) continue;
      const exclude = [...settings.exclude, ...editorExcludes(folder.uri)];
      const cache = this.cacheFor(folder.uri.fsPath, settings.scan);
      const claimed: vscode.TextDocument[] = [];
      const isCancelled = () => token.isCancellationRequested;
      const walk = { maxFileSize: settings.maxFileSizeBytes, exclude, ignoreFiles: ignoreFiles(), isCancelled };
      // In a git work tree, the files git holds (as `mamori scan`): a tracked file an ignore file
      // lists is still scanned. Without git, or where git cannot list the folder, it is walked.
      const entries = settings.useGit
        ? engine().gitPaths([folder.uri.fsPath], {
            ...walk,
            onGitProblem: (error) => this.log.info(`git cannot list ${folder.uri.fsPath} (${error.problem}: ${error.detail}); walking the folder instead`),
          })
        : undefined;
      const report = await engine().scanPaths([folder.uri.fsPath], {
        ...(entries ? { entries } : {}),
        config: settings.scan,
        maxFileSize: settings.maxFileSizeBytes,
        exclude,
        root: folder.uri.fsPath,
        ignoreFiles: ignoreFiles(),
        pool: this.pool,
        cache,
        isCancelled,
        // Open documents are scanned from their editor text below, by the document scanner.
        claim: (file) => {
          const doc = open.get(vscode.Uri.file(file).toString());
          if (doc) claimed.push(doc);
          return doc !== undefined;
        },
        onFile: (file, findings) => {
          const uri = vscode.Uri.file(file);
          seen.add(uri.toString());
          const kept = this.documents.projectFindings(uri, findings, settings.knownFindings);
          this.publish(uri, kept, lang, settings.knownFindings);
          summary.filesScanned++;
          summary.findings += kept.length;
          reportProgress();
        },
      });
      for (const s of report.skipped) {
        if (s.reason === 'rule-error') {
          this.log.error(`rule failed on ${s.path}: ${s.detail ?? ''}`);
          // Shown on the file too: its findings from that rule may be missing.
          const uri = vscode.Uri.file(path.resolve(folder.uri.fsPath, s.path));
          this.collection.set(uri, [...(this.collection.get(uri) ?? []), ruleErrorDiagnostic(s.detail)]);
        } else {
          summary.skipped++;
          this.log.info(`skipped ${s.path}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}`);
        }
      }
      for (const doc of claimed) {
        if (token.isCancellationRequested) break;
        seen.add(doc.uri.toString());
        await this.documents.scanNow(doc);
        summary.filesScanned++;
        summary.findings += this.store.get(doc.uri)?.findings.length ?? 0;
        reportProgress();
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
      `workspace scan ${summary.cancelled ? 'cancelled' : 'done'}: ${summary.filesScanned} file(s), ${summary.findings} finding(s), ${summary.skipped} skipped in ${Date.now() - started} ms (${this.pool?.threaded ? `${this.pool.parallelism} worker threads` : 'in the extension host thread'})`,
    );
    return summary;
  }

  /** Ends the worker threads (on deactivation). */
  dispose(): void {
    void this.pool?.dispose();
    this.pool = undefined;
  }

  /** Puts one file's findings (placed at lines and columns by the engine) into the collection. */
  private publish(uri: vscode.Uri, findings: readonly LocatedFinding[], lang: ReturnType<typeof displayLang>, known: KnownFindings): void {
    if (findings.length === 0) {
      this.store.delete(uri);
      this.collection.delete(uri);
      return;
    }
    const diagnostics = findings.map((f) => toDiagnostic(f, () => new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1), lang, known));
    this.store.set({ uri, version: undefined, findings: [...findings], ranges: diagnostics.map((d) => d.range) });
    this.collection.set(uri, diagnostics);
  }

  /** The folder's cache, replaced when the settings (or the engine) changed since. */
  private cacheFor(folder: string, config: Parameters<typeof ScanCache.keyFor>[0]): ScanCache {
    const key = engine().ScanCache.keyFor(config);
    let cache = this.caches.get(folder);
    if (!cache || cache.key !== key) {
      cache = new (engine().ScanCache)(key);
      this.caches.set(folder, cache);
    }
    return cache;
  }
}
