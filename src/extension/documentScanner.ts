import ignore from 'ignore';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { engine } from './engine';
import { documentRanges, toDiagnostic } from './convert';
import { displayLang } from './lang';
import type { Logger } from './log';
import { readSettings } from './settings';
import type { FindingStore } from './state';

/** URI schemes whose documents are real files worth scanning. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/**
 * Scans open documents on open, on edit (debounced) and on save, and publishes their
 * diagnostics. A result is published only if the document still has the version that was
 * scanned and no newer scan of it started meanwhile, so stale results never show.
 */
export class DocumentScanner implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly tooLargeLogged = new Set<string>();
  /** The exclude matcher, rebuilt only when the patterns change (not on every keystroke). */
  private excludes: { key: string; matcher: ReturnType<typeof ignore> } | undefined;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly store: FindingStore,
    private readonly log: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.scanNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && readSettings(e.document.uri).onType) this.scanLater(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const s = readSettings(d.uri);
        if (s.onSave && !s.onType) void this.scanNow(d);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
  }

  /** Scans every open document (on activation and when settings change). */
  rescanOpen(): void {
    for (const d of vscode.workspace.textDocuments) void this.scanNow(d);
  }

  /** Whether a document is one Mamori scans at all. */
  isScannable(doc: vscode.TextDocument): boolean {
    return SCHEMES.has(doc.uri.scheme) && !doc.uri.path.endsWith('.git');
  }

  scanLater(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.scanNow(doc);
      }, readSettings(doc.uri).debounceMs),
    );
  }

  /** Scans a document now; resolves when its diagnostics are published (or dropped as stale). */
  scanNow(doc: vscode.TextDocument): Promise<void> {
    if (!this.isScannable(doc)) return Promise.resolve();
    const key = doc.uri.toString();
    const settings = readSettings(doc.uri);
    if (!settings.enable || this.isExcluded(doc.uri, settings.exclude)) {
      this.forget(doc.uri);
      return Promise.resolve();
    }
    const text = doc.getText();
    if (text.length > settings.maxFileSizeBytes) {
      this.forget(doc.uri);
      if (!this.tooLargeLogged.has(key)) {
        this.tooLargeLogged.add(key);
        this.log.info(`skipped ${doc.uri.fsPath || key}: larger than mamori.files.maxFileSize`);
      }
      return Promise.resolve();
    }
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const version = doc.version;
    const started = Date.now();
    const { scanText, errorDetail } = engine();
    return scanText({ path: doc.uri.fsPath || doc.uri.path, text }, settings.scan, (ruleId, error) => {
      this.log.error(`rule ${ruleId} failed on ${doc.uri.fsPath}: ${errorDetail(error)}`);
    }).then(
      (findings) => {
        if (this.generation.get(key) !== generation || doc.isClosed || doc.version !== version) return;
        const rangeOf = documentRanges(doc);
        const lang = displayLang();
        const diagnostics = findings.map((f) => toDiagnostic(f, rangeOf, lang));
        this.store.set({ uri: doc.uri, version, findings, ranges: diagnostics.map((d) => d.range) });
        this.collection.set(doc.uri, diagnostics);
        this.log.trace(`scanned ${doc.uri.fsPath || key} v${version}: ${findings.length} finding(s) in ${Date.now() - started} ms`);
      },
      (error: unknown) => this.log.error(`scan of ${doc.uri.fsPath} failed: ${engine().errorDetail(error)}`),
    );
  }

  private isExcluded(uri: vscode.Uri, patterns: readonly string[]): boolean {
    if (patterns.length === 0) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const rel = path.posix.relative(folder.uri.path, uri.path);
    const key = patterns.join('\n');
    if (this.excludes?.key !== key) this.excludes = { key, matcher: ignore().add([...patterns]) };
    return rel !== '' && !rel.startsWith('..') && this.excludes.matcher.ignores(rel);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.store.delete(uri);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

