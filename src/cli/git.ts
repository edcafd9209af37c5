import { gitPaths, stagedEntries } from '../core/git/files';
import { GitError, runGit } from '../core/git/git';
import { scanHistory } from '../core/git/history';
import { HistoryCache } from '../core/git/history-cache';
import type { Lang } from '../core/messages';
import type { ScanPool } from '../core/pool/pool';
import type { ScanReport } from '../core/report/model';
import type { SourceEntry } from '../core/scan-paths';
import type { ScanConfig } from '../core/types';

/**
 * The git side of the command line: which files `mamori scan` reads (git's file set, the
 * staged copies, the files changed since a ref) and `mamori history`. Kept apart from main.ts,
 * which only calls these.
 */

/** The options these functions read, as parsed by main.ts. */
export interface GitFlags {
  'no-git'?: boolean;
  staged?: boolean;
  'changed-since'?: string;
  since?: string;
  all?: boolean;
  cache?: string;
}

/** Options accepted by one command only, or not together: the message for a usage error, if any. */
export function gitFlagProblem(command: string, flags: GitFlags): string | undefined {
  const scanOnly = (['no-git', 'staged', 'changed-since'] as const).filter((k) => flags[k] !== undefined && flags[k] !== false);
  const historyOnly = (['since', 'all'] as const).filter((k) => flags[k] !== undefined && flags[k] !== false);
  if (command === 'history') {
    if (scanOnly.length > 0) return `--${scanOnly[0]} is an option of 'mamori scan', not of 'mamori history'`;
    return undefined;
  }
  if (historyOnly.length > 0) return `--${historyOnly[0]} is an option of 'mamori history' (did you mean --changed-since?)`;
  if (flags.staged && flags['changed-since'] !== undefined) return `--staged and --changed-since cannot be used together`;
  if (flags['no-git'] && (flags.staged || flags['changed-since'] !== undefined))
    return `--no-git cannot be used with --${flags.staged ? 'staged' : 'changed-since'}`;
  if (flags.staged && flags.cache !== undefined) return `--cache cannot be used with --staged (the staged copies are not the files on disk)`;
  return undefined;
}

/** What `scanPaths` is fed for these flags: git's file set unless --no-git, or a part of it. */
export function scanSource(
  targets: readonly string[],
  flags: GitFlags,
  walk: { maxFileSize: number; exclude: readonly string[]; isCancelled: () => boolean },
  lang: Lang,
): { entries?: AsyncIterable<SourceEntry>; subset?: boolean } {
  if (flags['no-git']) return {};
  if (flags.staged) return { entries: explained(stagedEntries(targets, walk), lang), subset: true };
  const changedSince = flags['changed-since'];
  return {
    entries: explained(
      gitPaths(targets, {
        ...walk,
        ...(changedSince !== undefined ? { changedSince } : {}),
        onGitProblem: (error, target) => process.stderr.write(`mamori: ${walkInstead(error, target, lang)}\n`),
      }),
      lang,
    ),
    ...(changedSince !== undefined ? { subset: true } : {}),
  };
}

/**
 * The scanning pool's settings for `mamori history`: workers with a 12 MB young generation (4 MB
 * semi-spaces instead of V8's 16). History turns gigabytes of blobs into short-lived strings; on
 * sqlalchemy's history since 2019 this held ~70 MB less through the scan (peak 405 MB instead of
 * 433) for the same CPU time.
 */
export const HISTORY_POOL = { youngGenerationMb: 12 } as const;

/** `mamori history`: every unique blob of the repository's history, scanned once. */
export async function historyReport(options: {
  paths: readonly string[];
  flags: GitFlags;
  maxFileSize: number;
  exclude: readonly string[];
  config: ScanConfig;
  pool: ScanPool;
  isCancelled: () => boolean;
  /** Show a counter on stderr (an interactive terminal), cleared at the end. */
  progress: boolean;
  lang: Lang;
}): Promise<ScanReport> {
  let blobs = 0;
  let shown = 0;
  const onBlob = () => {
    blobs++;
    if (Date.now() - shown < 200) return;
    shown = Date.now();
    process.stderr.write(`\r${options.lang === 'ja' ? `${blobs} 個のファイル内容をスキャン済み…` : `${blobs} blobs scanned…`}`);
  };
  // --cache: the blobs earlier runs scanned are not read again (see core/git/history-cache.ts).
  const cacheFile = options.flags.cache;
  const cache =
    cacheFile !== undefined
      ? HistoryCache.load(cacheFile, HistoryCache.keyFor(options.config, options.maxFileSize), (problem) =>
          process.stderr.write(`mamori: ${cacheWarning(cacheFile, problem, options.lang)}\n`),
        )
      : undefined;
  let report: ScanReport;
  try {
    report = await scanHistory({
      cwd: process.cwd(),
      paths: options.paths,
      ...(options.flags.since !== undefined ? { since: options.flags.since } : {}),
      ...(options.flags.all ? { all: true } : {}),
      maxFileSize: options.maxFileSize,
      exclude: options.exclude,
      config: options.config,
      pool: options.pool,
      isCancelled: options.isCancelled,
      ...(options.progress ? { onBlob } : {}),
      ...(cache ? { cache } : {}),
    });
  } catch (error) {
    throw error instanceof GitError ? new Error(gitErrorMessage(error, options.lang)) : error;
  } finally {
    if (shown > 0) process.stderr.write('\r\u001b[K');
  }
  // An interrupted run writes nothing, as a scan does.
  if (cache && cacheFile !== undefined && !options.isCancelled()) {
    try {
      cache.save(cacheFile);
    } catch (error) {
      // A cache that cannot be written only costs time next run; the history itself is complete.
      process.stderr.write(`mamori: ${cacheWarning(cacheFile, 'unwritable', options.lang, error)}\n`);
    }
  }
  const commits = report.history?.commits ?? 0;
  // A shallow clone (a CI checkout's default) holds only the latest commits: say so.
  const shallow = await runGit(['rev-parse', '--is-shallow-repository'], process.cwd()).then(
    (b) => b.toString('utf8').trim() === 'true',
    () => false,
  );
  if (shallow) {
    process.stderr.write(
      options.lang === 'ja'
        ? 'mamori: 警告: このクローンは shallow（履歴の一部のみ）です。それより前のコミットはスキャンしていません。git fetch --unshallow で全履歴を取得してください（GitHub Actions では fetch-depth: 0）。\n'
        : 'mamori: warning: this clone is shallow; commits before its oldest are not scanned. Fetch the whole history with git fetch --unshallow (in GitHub Actions, fetch-depth: 0).\n',
    );
  }
  process.stderr.write(
    options.lang === 'ja'
      ? `mamori: 履歴 ${commits} コミットから、重複を除いた ${report.filesScanned} 個のファイル内容をスキャンしました。\n`
      : `mamori: history: ${commits} commit(s) read, ${report.filesScanned} unique blob(s) scanned.\n`,
  );
  const repeats = report.history?.repeats ?? 0;
  if (repeats > 0) {
    process.stderr.write(
      options.lang === 'ja'
        ? `mamori: 後の版でも同じ行のまま残っていた検出 ${repeats} 件は、持ち込まれたコミットで 1 度だけ示します。\n`
        : `mamori: ${repeats} finding(s) still unchanged in later versions of their file are listed once, with the commit that brought them in.\n`,
    );
  }
  const earlier = report.history?.earlier ?? 0;
  if (earlier > 0) {
    process.stderr.write(
      options.lang === 'ja'
        ? `mamori: スキャンした範囲より前から同じ行にあった検出 ${earlier} 件は、範囲内のコミットが持ち込んだものではないため示しません（全履歴は --since なしでスキャンしてください）。\n`
        : `mamori: ${earlier} finding(s) were already there before the scanned range and are not listed (scan without --since for the whole history).\n`,
    );
  }
  return report;
}

/** Why a history cache is not used or not written, in English or Japanese. */
function cacheWarning(file: string, problem: 'unreadable' | 'malformed' | 'unwritable', lang: Lang, error?: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (lang === 'ja') {
    if (problem === 'unwritable')
      return `警告: キャッシュ ${file} を書き込めませんでした${code ? `（${code}）` : ''}。次回はすべてのファイル内容をスキャンし直します。`;
    return `キャッシュ ${file} は${problem === 'unreadable' ? '読み取れない' : 'Mamori の履歴キャッシュの形式ではない'}ため、使わずに作り直します。`;
  }
  if (problem === 'unwritable') return `warning: the cache ${file} could not be written${code ? ` (${code})` : ''}; the next run scans every blob again.`;
  return `warning: the cache ${file} ${problem === 'unreadable' ? 'cannot be read' : 'is not a Mamori history cache'}; it is ignored and written afresh.`;
}

/** The entries, with a git failure turned into a message in the user's language. */
async function* explained(entries: AsyncIterable<SourceEntry>, lang: Lang): AsyncGenerator<SourceEntry> {
  try {
    yield* entries;
  } catch (error) {
    throw error instanceof GitError ? new Error(gitErrorMessage(error, lang)) : error;
  }
}

/** Why git could not be used, and what to do, in English or Japanese. */
export function gitErrorMessage(error: GitError, lang: Lang): string {
  const ja = lang === 'ja';
  switch (error.problem) {
    case 'missing':
      return ja
        ? 'git が見つかりません（インストールされていないか、PATH にありません）。--staged、--changed-since、mamori history には git が必要です。git をインストールしてください。'
        : 'git was not found (not installed, or not on PATH). --staged, --changed-since and mamori history need git. Install git.';
    case 'not-repo':
      return ja
        ? `${error.subject || error.detail} は git リポジトリの中にありません。--staged、--changed-since、mamori history は git リポジトリの中で実行してください（フォルダ全体のスキャンは mamori scan で行えます）。`
        : `${error.subject || error.detail} is not inside a git repository. Run --staged, --changed-since and mamori history inside one (mamori scan scans any folder).`;
    case 'bad-ref':
      return ja
        ? `「${error.subject}」はコミットを指す参照（ブランチ・タグ・コミット ID）でも日付（例: 2024-01-31、"2 weeks ago"）でもありません。`
        : `"${error.subject}" names no commit (a branch, tag or commit id) and is not a date (such as 2024-01-31 or "2 weeks ago").`;
    default:
      return ja ? `git の実行に失敗しました: ${error.detail}` : `git failed: ${error.detail}`;
  }
}

/** The warning when a folder is walked because git could not list it. */
function walkInstead(error: GitError, target: string, lang: Lang): string {
  const why =
    error.problem === 'missing'
      ? lang === 'ja'
        ? 'git が見つからない'
        : 'git was not found'
      : lang === 'ja'
        ? `git が失敗した（${error.detail}）`
        : `git failed (${error.detail})`;
  return lang === 'ja'
    ? `警告: ${why}ため、${target} は git を使わずにスキャンします。.gitignore に書かれたファイルは、git で管理されていてもスキャンされません。`
    : `warning: ${why}, so ${target} is walked without git: files listed in .gitignore are not scanned, even those git tracks.`;
}
