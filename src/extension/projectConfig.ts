import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { engine, type allowList, type Finding, type LocatedFinding, type ProjectConfig } from './facade';
import { displayLang } from './lang';
import type { Logger } from './log';
import type { KnownFindings, Settings } from './settings';

/** The project file's name (core/project-config's PROJECT_CONFIG_FILE, without loading the engine). */
const FILE = '.mamori.json';

/** A workspace folder's `.mamori.json` as it applies: what was ignored, and why. */
interface FolderProject {
  folder: vscode.WorkspaceFolder;
  /** The file's size and modification time when read ('' when there was none). */
  stamp: string;
  /** What applies (in Restricted Mode, the restricted part only); empty when there is no usable file. */
  config: ProjectConfig;
  /** The path and fingerprint allow-lists, built once. */
  allow: ReturnType<typeof allowList>;
  /** The baseline the file names, when there is one to apply (trusted workspaces only). */
  baseline?: FolderBaseline;
}

/** A project's baseline as read: its fingerprints, and the stamp of the file they came from. */
interface FolderBaseline {
  file: string;
  stamp: string;
  /** Fingerprints of the findings it records (empty when the file could not be used). */
  prints: ReadonlySet<string>;
}

/** The largest baseline read (as the CLI): about 200,000 findings. */
const MAX_BASELINE_BYTES = 32 << 20;

/**
 * The editor's side of `.mamori.json`: read from the root of each workspace folder (the same
 * file the CLI reads), watched, and applied on top of the VS Code settings: what the file sets
 * wins (the file is the project's shared choice, the one CI uses), so the editor and CI agree.
 *
 * In Restricted Mode (an untrusted workspace) the file may not make Mamori report less: rules
 * turned off or lowered, categories turned off, excludes, allow-lists and guidance links are
 * ignored (core/project-config `restrictProjectConfig`), and the log and a notice say so.
 */
export class ProjectConfigs implements vscode.Disposable {
  private readonly byFolder = new Map<string, FolderProject>();
  private readonly told = new Set<string>();
  private orgRegistered = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a `.mamori.json` at a folder root was created, changed or deleted. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${FILE}`);
    const changed = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      // Only the file at a folder's root is the project's.
      if (!folder || path.posix.dirname(uri.path) !== folder.uri.path.replace(/\/$/, '')) return;
      this.byFolder.delete(folder.uri.toString());
      this.told.delete(folder.uri.toString());
      this.emitter.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete(changed),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reset()),
      this.emitter,
    );
  }

  /** Forgets every file read (they are read again on next use). */
  reset(): void {
    this.byFolder.clear();
    this.told.clear();
    this.emitter.fire();
  }

  /** The settings for a file with its folder's `.mamori.json` applied over them. */
  settings(uri: vscode.Uri, base: Settings): Settings {
    const project = this.forUri(uri);
    if (!project) return base;
    const { config } = project;
    return {
      ...base,
      exclude: [...base.exclude, ...(config.exclude ?? [])],
      scan: engine().withProjectConfig(base.scan, config),
    };
  }

  /**
   * An open document's findings after the project file: those its allow-lists cover dropped,
   * the organisation's guidance link added. Fingerprints are computed only when the file
   * allows findings by fingerprint, from the path relative to the folder (as the CLI run at
   * the folder's root names it).
   */
  documentFindings(uri: vscode.Uri, text: string, findings: Finding[], known: KnownFindings): Finding[] {
    const project = this.forUri(uri);
    if (!project || findings.length === 0) return findings;
    const rel = relativePath(project.folder, uri);
    let prints: string[] | undefined;
    if ((project.allow?.fingerprints || project.baseline) && rel !== undefined) {
      const e = engine();
      prints = e.fingerprintFindings(findings, text, new e.LineIndex(text), rel);
    }
    return this.apply(project, findings, known, (i) => ({ rel, fingerprint: prints?.[i] }));
  }

  /** A workspace scan's findings of one file after the project file (see documentFindings). */
  locatedFindings(uri: vscode.Uri, findings: LocatedFinding[], known: KnownFindings): LocatedFinding[] {
    const project = this.forUri(uri);
    if (!project || findings.length === 0) return findings;
    const rel = relativePath(project.folder, uri);
    return this.apply(project, findings, known, (i) => ({ rel, fingerprint: findings[i].fingerprint }));
  }

  private apply<F extends Finding>(
    project: FolderProject,
    findings: F[],
    known: KnownFindings,
    where: (i: number) => { rel: string | undefined; fingerprint: string | undefined },
  ): F[] {
    const out: F[] = [];
    findings.forEach((f, i) => {
      const { rel, fingerprint } = where(i);
      if (project.allow && rel !== undefined && project.allow.allows(rel, fingerprint)) return;
      let kept: F = f;
      if (project.baseline) {
        // As `mamori scan` with the same baseline: known when it holds the fingerprint.
        const state = fingerprint !== undefined && project.baseline.prints.has(fingerprint) ? 'unchanged' : 'new';
        if (state === 'unchanged' && known === 'hide') return;
        kept = { ...kept, baseline: state };
      }
      const link = engine().guidanceFor(project.config, f.ruleId, f.category);
      out.push(link ? { ...kept, guidance: link } : kept);
    });
    return out;
  }

  /**
   * The project of the folder holding `uri`, read again whenever the file's size or time
   * changed: a scan that starts before the watcher's event (a file just written) still uses
   * the file as it is on disk, as the CLI would.
   */
  private forUri(uri: vscode.Uri): FolderProject | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const key = folder.uri.toString();
    const file = path.join(folder.uri.fsPath, FILE);
    const stamp = stampOf(file);
    let project = this.byFolder.get(key);
    if (!project || project.stamp !== stamp) {
      if (project) this.told.delete(key);
      project = this.load(folder, file, stamp);
      this.byFolder.set(key, project);
      this.registerOrgGuidelines();
    }
    // The baseline is read again when it changed on disk (a new `--write-baseline`).
    if (project.baseline && stampOf(project.baseline.file) !== project.baseline.stamp) {
      project.baseline = this.loadBaseline(folder, project.baseline.file);
    }
    return Object.keys(project.config).length > 0 ? project : undefined;
  }

  /**
   * The organisation's guideline entries of every folder's project file, registered in the
   * engine that the hovers and reports read (Restricted Mode has dropped them already).
   */
  private registerOrgGuidelines(): void {
    const entries = [...this.byFolder.values()].flatMap((p) => p.config.guidelines ?? []);
    if (entries.length === 0 && !this.orgRegistered) return;
    this.orgRegistered = entries.length > 0;
    const { errors } = engine().registerOrgGuidelines(entries);
    for (const e of errors) this.log.warn(`${FILE}: ${e}`);
  }

  private load(folder: vscode.WorkspaceFolder, file: string, stamp: string): FolderProject {
    const none: FolderProject = { folder, stamp, config: {}, allow: undefined };
    if (stamp === '') return none;
    let text: string;
    try {
      const st = fs.statSync(file);
      // Not read at all past this size (the parser refuses anything over 256 KB, and says so).
      if (!st.isFile() || st.size > 16 << 20) return none;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return none;
    }
    // Loaded only now: a folder without the file never loads the engine for it.
    const e = engine();
    const lang = displayLang();
    const { config, problems } = e.parseProjectConfig(text);
    for (const p of problems) this.log[p.level === 'error' ? 'error' : 'warn'](`${file}: ${e.problemText(p, 'en')}`);
    if (e.hasErrors(problems)) {
      this.tell(
        folder,
        vscode.l10n.t(
          'Mamori: {0} has errors and is not used until they are fixed: {1}',
          FILE,
          problems
            .filter((p) => p.level === 'error')
            .map((p) => e.problemText(p, lang))
            .join(' '),
        ),
      );
      return none;
    }
    let applied = config;
    if (vscode.workspace.isTrusted === false) {
      const restricted = e.restrictProjectConfig(config);
      applied = restricted.config;
      if (restricted.ignored.length > 0) {
        this.log.warn(`Restricted Mode: ${file}: ignored ${restricted.ignored.join(', ')}`);
        this.tell(
          folder,
          vscode.l10n.t(
            "Restricted Mode: this workspace's {0} cannot turn rules or categories off, lower severities, exclude files, allow findings or add guidance links until you trust the workspace. Ignored: {1}",
            FILE,
            restricted.ignored.join(', '),
          ),
        );
      }
    }
    this.log.info(`using ${file}`);
    const project: FolderProject = { folder, stamp, config: applied, allow: e.allowList(applied) };
    if (applied.baseline !== undefined) {
      const target = path.resolve(folder.uri.fsPath, applied.baseline);
      const rel = path.relative(folder.uri.fsPath, target);
      // Only a file inside the folder: the project file cannot make the editor read elsewhere.
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
        this.log.warn(`${file}: the baseline ${applied.baseline} is outside the folder; not used in the editor`);
      } else {
        project.baseline = this.loadBaseline(folder, target);
      }
    }
    return project;
  }

  /**
   * Reads a baseline written by `mamori scan --write-baseline`. A file that is missing or
   * cannot be used leaves every finding new (none is hidden by a baseline that is not there),
   * and the log says why.
   */
  private loadBaseline(folder: vscode.WorkspaceFolder, file: string): FolderBaseline {
    const stamp = stampOf(file);
    const none: FolderBaseline = { file, stamp, prints: new Set() };
    if (stamp === '') {
      this.log.warn(`the baseline ${file} named in ${FILE} does not exist; every finding is new until it is written (mamori scan --write-baseline)`);
      return none;
    }
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_BASELINE_BYTES) {
        this.log.warn(`the baseline ${file} is larger than ${MAX_BASELINE_BYTES} bytes; not used`);
        return none;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      this.log.warn(`cannot read the baseline ${file}: ${(error as NodeJS.ErrnoException)?.code ?? String(error)}`);
      return none;
    }
    const parsed = engine().parseBaseline(text);
    if ('problem' in parsed) {
      this.log.warn(`the baseline ${file} cannot be used (${parsed.problem.kind}); write it again with mamori scan --write-baseline`);
      this.tell(
        folder,
        vscode.l10n.t(
          'Mamori: the baseline {0} named in {1} cannot be used; every finding is shown as new. Write it again with mamori scan --write-baseline.',
          path.basename(file),
          FILE,
        ),
      );
      return none;
    }
    this.log.info(`using the baseline ${file} (${parsed.baseline.entries.length} finding(s))`);
    return { file, stamp, prints: new Set(parsed.baseline.entries.map((e) => e.fingerprint)) };
  }

  /** Says something about a folder's project file once (until the file changes). */
  private tell(folder: vscode.WorkspaceFolder, message: string): void {
    const key = folder.uri.toString();
    if (this.told.has(key)) return;
    this.told.add(key);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A file's size and modification time, or '' when it is not a regular file. */
function stampOf(file: string): string {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? `${st.size}:${st.mtimeMs}` : '';
  } catch {
    return '';
  }
}

/** `uri` relative to the folder with forward slashes, or undefined when outside it. */
function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const rel = path.posix.relative(folder.uri.path, uri.path);
  return rel && !rel.startsWith('..') && !path.posix.isAbsolute(rel) ? rel : undefined;
}
