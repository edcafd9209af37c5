import ignore from 'ignore';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyBaseline, type Baseline } from '../core/baseline';
import type { Lang } from '../core/messages';
import {
  allowList,
  guidanceFor,
  hasErrors,
  MAX_PROJECT_CONFIG_BYTES,
  parseProjectConfig,
  problemText,
  PROJECT_CONFIG_FILE,
  withProjectConfig,
  type ProjectConfig,
} from '../core/project-config';
import type { LocatedFinding, ScanReport } from '../core/report/model';
import type { ScanConfig } from '../core/types';

/**
 * The CLI's side of `.mamori.json`: finding it, reading it, and applying what the engine does
 * not (excludes relative to the file's folder, allow-lists by path and fingerprint, guidance
 * links, the baseline). Precedence for the CLI: flags > `.mamori.json` > defaults.
 */

/** A project configuration in use, or none. */
export interface Project {
  /** The file read, as the user would name it; undefined when there is none. */
  file?: string;
  /** The folder its paths are relative to. */
  dir: string;
  config: ProjectConfig;
}

/**
 * Finds and reads the project configuration: `--config FILE`, else `.mamori.json` in the
 * current folder, else in the one folder being scanned. Warnings go to `warn`; an unusable file
 * gives an error message (exit 2) that names it and says what to do.
 */
export function loadProject(
  options: { config?: string; noConfig: boolean; targets: readonly string[] },
  lang: Lang,
  warn: (line: string) => void,
): Project | { error: string } {
  const ja = lang === 'ja';
  const cwd = process.cwd();
  if (options.noConfig) return { dir: cwd, config: {} };
  let file = options.config;
  if (file === undefined) {
    const candidates = [path.join(cwd, PROJECT_CONFIG_FILE)];
    if (options.targets.length === 1) candidates.push(path.join(path.resolve(options.targets[0]), PROJECT_CONFIG_FILE));
    const found = candidates.find((c) => isFile(c));
    if (!found) return { dir: cwd, config: {} };
    file = path.relative(cwd, found) || found;
  }
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (st.size > MAX_PROJECT_CONFIG_BYTES) {
      return {
        error: ja
          ? `設定ファイル ${file} が大きすぎます（${MAX_PROJECT_CONFIG_BYTES} バイト超）。`
          : `the configuration file ${file} is larger than ${MAX_PROJECT_CONFIG_BYTES} bytes.`,
      };
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code ?? String(error);
    return {
      error:
        code === 'ENOENT'
          ? ja
            ? `設定ファイル ${file} が見つかりません。パスを確認してください。`
            : `the configuration file ${file} does not exist. Check the path.`
          : ja
            ? `設定ファイル ${file} を読み取れません（${code}）。`
            : `cannot read the configuration file ${file} (${code}).`,
    };
  }
  const { config, problems } = parseProjectConfig(text);
  for (const p of problems.filter((x) => x.level === 'warning'))
    warn(ja ? `mamori: 警告: ${file}: ${problemText(p, lang)}` : `mamori: warning: ${file}: ${problemText(p, lang)}`);
  if (hasErrors(problems)) {
    const lines = problems.filter((p) => p.level === 'error').map((p) => `  ${problemText(p, lang)}`);
    return {
      error: ja
        ? `設定ファイル ${file} に誤りがあるためスキャンしません:\n${lines.join('\n')}\n修正するか、--no-config を付けて設定ファイルなしでスキャンしてください。`
        : `the configuration file ${file} has errors, so nothing was scanned:\n${lines.join('\n')}\nFix them, or run with --no-config to scan without it.`,
    };
  }
  return { file, dir: path.dirname(path.resolve(file)), config };
}

/**
 * The engine configuration: the project file's, then the flags over it. `--category` names
 * the categories reported, so it replaces the file's choice as a whole.
 */
export function scanConfigOf(project: Project, flags: ScanConfig): ScanConfig {
  const config = withProjectConfig({}, project.config);
  if (flags.categories) config.categories = flags.categories;
  if (flags.passwordPolicy) config.passwordPolicy = { ...config.passwordPolicy, ...flags.passwordPolicy };
  return config;
}

/**
 * The project's excludes: as walker patterns where a scanned path is the project's folder (so
 * excluded folders are not even entered), and as a test of absolute file paths, relative to
 * the project's folder, for every scanned path.
 */
export function projectExcludes(project: Project, targets: readonly string[]): { walker: string[]; excludes(file: string): boolean } {
  const patterns = project.config.exclude ?? [];
  if (patterns.length === 0) return { walker: [], excludes: () => false };
  const matcher = ignore().add(patterns);
  const allAtRoot = targets.every((t) => path.resolve(t) === project.dir);
  return {
    walker: allAtRoot ? [...patterns] : [],
    excludes: (file) => {
      const rel = relativeTo(project.dir, file);
      return rel !== undefined && matcher.ignores(rel);
    },
  };
}

/**
 * The scan's findings after the project file: those its allow-lists cover dropped, the
 * organisation's guidance link added.
 */
export function applyProject(report: ScanReport, project: Project): ScanReport {
  const allow = allowList(project.config);
  const guidance = project.config.guidance;
  if (!allow && !guidance) return report;
  const findings: LocatedFinding[] = [];
  for (const f of report.findings) {
    if (allow) {
      const rel = relativeTo(project.dir, path.resolve(report.root, f.path));
      if (allow.allows(rel ?? '', f.fingerprint)) continue;
    }
    const link = guidanceFor(project.config, f.ruleId, f.category);
    findings.push(link ? { ...f, guidance: link } : f);
  }
  return { ...report, findings };
}

/** The report with each finding marked known or new against the baseline, and the counts. */
export function withBaseline(report: ScanReport, baseline: Baseline, file: string, scanned: ReadonlySet<string>): ScanReport {
  const { findings, summary } = applyBaseline(report.findings, baseline, file, (p) => scanned.has(p));
  return { ...report, findings, baseline: summary };
}

/** The baseline path of the project file, relative to the current folder (it is written relative to the file's folder). */
export function projectBaseline(project: Project): string | undefined {
  const b = project.config.baseline;
  if (b === undefined) return undefined;
  return path.relative(process.cwd(), path.resolve(project.dir, b)) || b;
}

/** `file` relative to `dir` with forward slashes, or undefined when outside it. */
function relativeTo(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
