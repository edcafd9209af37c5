import ignore from 'ignore';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { engine, type LocatedFinding, type ScanPool } from './facade';
import { documentRanges, ruleErrorDiagnostic, toDiagnostic } from './convert';
import { displayLang } from './lang';
import type { Logger } from './log';
import type { ProjectConfigs } from './projectConfig';
import { readSettings, type Settings, type KnownFindings } from './settings';
import type { FindingStore } from './state';

/**
 * Time limit of one document scan on the document pool. A 5,000-line config file scans in about
 * 10 ms and a 2 MB YAML file (the default size limit) in about half a second on a loaded
 * two-core machine, and the first scan after an idle spell also waits for a fresh worker to load
 * the engine (about 200 ms): 5 s leaves room for all of that several times over, and still ends
 * a pathological document long before anyone wonders whether the editor is stuck.
 */
const DOCUMENT_TIMEOUT_MS = 5_000;
/**
 * The document worker stops after this long without a scan (a new one starts on the next):
 * longer than the workspace pool's 15 s, since pauses in typing are common and each restart
 * loads the engine again, yet short enough that an editor left alone holds no thread.
 */
const DOCUMENT_IDLE_MS = 60_000;

/** URI schemes whose documents are real files worth scanning. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/**
 * Scans open documents on open, on edit (debounced) and on save, and publishes their
 * diagnostics. A result is published only if the document still has the version that was
 * scanned and no newer scan of it started meanwhile, so stale results never show. Scans run on
 * a one-worker pool of their own (off the extension host's thread, with a time limit, and never
 * queued behind a workspace scan), or in this thread where worker threads cannot run.
 */
export class DocumentScanner implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly tooLargeLogged = new Set<string>();
  /** Per document, the scan on its way and the one asked for meanwhile, to run after it. */
  private readonly inFlight = new Map<string, { done: Promise<void>; again?: Promise<void> }>();
  /** The document pool: one worker, started by the first scan, stopped when idle. */
  private pool: ScanPool | undefined;
  /** The exclude matcher, rebuilt only when the patterns change (not on every keystroke). */
  private excludes: { key: string; matcher: ReturnType<typeof ignore> } | undefined;

  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly store: FindingStore,
    private readonly log: Logger,
    /** The workspace folders' `.mamori.json`, applied over the settings (none in unit tests). */
    private readonly projects?: ProjectConfigs,
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
    const settings = this.settingsFor(doc.uri);
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
    // One scan of a document at a time: a newer request waits for the one on its way (whose
    // result the generation check now drops) and then scans the text as it is by then, so
    // edits to a slow document do not pile up in the pool behind it.
    const busy = this.inFlight.get(key);
    if (busy) return (busy.again ??= busy.done.then(() => this.scanNow(doc)));
    const done = this.scan(doc, key, generation, text, settings)
      .catch((error: unknown) => this.log.error(`scan of ${doc.uri.fsPath || key} failed: ${engine().errorDetail(error)}`))
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, { done });
    return done;
  }

  /** Scans one version of a document on the document pool and publishes the result if still current. */
  private async scan(doc: vscode.TextDocument, key: string, generation: number, text: string, settings: Settings): Promise<void> {
    const version = doc.version;
    const started = Date.now();
    const name = doc.uri.fsPath || key;
    this.pool ??= new (engine().ScanPool)({ size: 1, fileTimeoutMs: DOCUMENT_TIMEOUT_MS, idleMs: DOCUMENT_IDLE_MS });
    const result = await this.pool.run({ kind: 'document', path: doc.uri.fsPath || doc.uri.path, display: name, config: settings.scan, text });
    if (result.kind === 'skipped') {
      // Timed out, or crashed its worker: the diagnostics of the last scan that finished stay.
      this.log.error(
        `scan of ${name} v${version} gave up: ${engine().errorDetail(result.skip.detail ?? result.skip.reason)}; its diagnostics are left as they were`,
      );
      return;
    }
    // Cancelled: the pool was disposed.
    if (result.kind !== 'document') return;
    for (const e of result.errors) this.log.error(`rule failed on ${name}: ${e.detail ?? ''}`);
    if (this.generation.get(key) !== generation || doc.isClosed || doc.version !== version) return;
    const findings = this.projects ? this.projects.documentFindings(doc.uri, text, result.findings, settings.knownFindings) : result.findings;
    const rangeOf = documentRanges(doc);
    const lang = displayLang();
    const diagnostics = findings.map((f) => toDiagnostic(f, rangeOf, lang, settings.knownFindings));
    this.store.set({ uri: doc.uri, version, findings, ranges: diagnostics.map((d) => d.range) });
    this.collection.set(doc.uri, [...diagnostics, ...result.errors.filter((e) => e.reason === 'rule-error').map((e) => ruleErrorDiagnostic(e.detail))]);
    this.log.trace(`scanned ${name} v${version}: ${findings.length} finding(s) in ${Date.now() - started} ms`);
  }

  /** A workspace scan's findings of one file after its folder's `.mamori.json` (allow-lists, guidance). */
  projectFindings(uri: vscode.Uri, findings: LocatedFinding[], known: KnownFindings): LocatedFinding[] {
    return this.projects ? this.projects.locatedFindings(uri, findings, known) : findings;
  }

  /** The settings of a file with its folder's `.mamori.json` over them. */
  settingsFor(uri: vscode.Uri): Settings {
    const settings = readSettings(uri);
    return this.projects ? this.projects.settings(uri, settings) : settings;
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
    void this.pool?.dispose();
    this.pool = undefined;
  }
}
