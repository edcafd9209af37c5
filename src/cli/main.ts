import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { PASSWORD_PROFILE_SETTING, settingDefault, VERSION } from '../core/config';
import { registerOrgGuidelines } from '../core/guidelines/catalog';
import { isProfileId, PROFILE_IDS } from '../core/guidelines/profiles';
import { langFromLocale, type Lang } from '../core/messages';
import { formatHtml } from '../core/report/html';
import { jsonReportChunks } from '../core/report/json';
import { formatMarkdown } from '../core/report/markdown';
import { rulesMarkdown } from '../core/report/rules-table';
import { sarifChunks } from '../core/report/sarif';
import { textReportChunks } from '../core/report/text';
import { ScanCache } from '../core/pool/cache';
import { defaultCodeCacheDir, keepCodeCache } from '../core/pool/code-cache';
import { ScanPool } from '../core/pool/pool';
import { displayPath, scanPaths } from '../core/scan-paths';
import type { Baseline } from '../core/baseline';
import { CATEGORIES, SEVERITY_RANK, type Category, type Severity } from '../core/types';
import { batches, isMamoriTemp, writeFileAtomicChunks } from '../core/write-file';
import { gitFlagProblem, HISTORY_POOL, historyReport, scanSource } from './git';
import { outputConflict, realish, writeErrorMessage } from './io';
import { readBaselineFile, writeBaseline } from './baseline';
import { applyProject, loadProject, projectBaseline, projectExcludes, scanConfigOf, withBaseline } from './project';
import { badChoice, badNumber, langFromArgs, optionSpellings, parseProblem, unknownCommand, UsageError, useColor } from './args';
import { sarifOptions } from './ci-env';
import { outputUnwritable } from './output-check';
import { scanStdin } from './stdin';

/** Exit codes: the contract CI depends on. */
const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;
/** 128 + the signal's number, as shells report a process ended by it. */
const EXIT_SIGINT = 130;
const EXIT_SIGTERM = 143;

/** After SIGINT or SIGTERM: the workers stopped, nothing written, what was scanned said. */
async function stopped(signal: NodeJS.Signals, scanned: number, pool: ScanPool, lang: Lang): Promise<number> {
  await pool.dispose();
  process.stderr.write(
    lang === 'ja'
      ? `mamori: ${signal} により中断しました。${scanned} ファイルをスキャン済みでしたが、レポートもキャッシュも書き出していません。\n`
      : `mamori: stopped by ${signal} after scanning ${scanned} file(s); no report or cache was written.\n`,
  );
  return signal === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM;
}

const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html'] as const;
type OutputFormat = (typeof FORMATS)[number];

function usage(lang: Lang): string {
  return lang === 'ja'
    ? `使い方: mamori scan [パス…] [オプション]
        mamori history [パス…] [--since REF|日付] [--all] [オプション]
                                  git の履歴にあるすべてのファイル内容（blob）を一度ずつスキャン
        mamori rules              ルールの一覧（Markdown）

設定・コードから、日本の個人情報保護ガイドラインに関わる問題（ハードコードされた認証情報など）を検出します。

オプション:
  -f, --format FORMAT            出力形式: text | json | sarif | markdown | html（既定: text）
  -o, --output FILE              結果をファイルに書き出す
      --fail-on error|warning|info  この重大度以上の検出があれば終了コード 1（既定: error）
      --lang ja|en               メッセージの言語（既定: 環境変数 LANG から判定）
      --profile ID               パスワードポリシーの判定基準（${PROFILE_IDS.join(' | ')}、既定: ${settingDefault<string>(PASSWORD_PROFILE_SETTING)}）
      --category CAT             この分類だけを報告（複数指定可: ${CATEGORIES.join(', ')}）
      --exclude GLOB             除外パターン（.gitignore 形式、複数指定可）
      --max-file-size KB         これより大きいファイルはスキップ（SQL/CSV/TSV は先頭のこのサイズ分のみスキャン、既定: ${settingDefault<number>('mamori.files.maxFileSize')}）
      --jobs N                   並列にスキャンするスレッド数（既定: CPU コア数、0 = ワーカーなし）
      --cache FILE               変更のないファイル（history ではスキャン済みのファイル内容）の結果をこのファイルに保存して再利用（秘密の値は保存しません）
      --write-baseline FILE      現在の検出をベースラインとして記録（秘密の値は記録しません）
      --baseline FILE            ベースラインにある検出を既知として扱い、終了コードに数えない
      --config FILE              プロジェクト設定（既定: カレントフォルダの .mamori.json）
      --no-config                .mamori.json を読まない
      --root DIR                 レポートのパスを DIR からの相対パスにする（既定: カレントフォルダ。モノレポのサブフォルダで実行する CI 用）
      --sarif-category NAME      SARIF の automationDetails のカテゴリ（既定: mamori。1 つのリポジトリで複数回アップロードする場合に分ける）
      --stdin-filename NAME      パス - で標準入力から読んだファイルの名前（形式の判定に使う。例: .env）
      --no-color                 色を付けない（環境変数 NO_COLOR と FORCE_COLOR も参照します）
  -h, --help                     このヘルプ
  -v, --version                  バージョン

git（scan）: git の作業ツリーでは、git が管理するファイル（.gitignore に書かれていても）と
  無視されていない未追跡ファイルをスキャンします。
      --no-git                   git を使わず、フォルダをたどってスキャン（.gitignore に従う）
      --staged                   ステージされた内容（インデックス）だけをスキャン（pre-commit 用）
      --changed-since REF        REF と HEAD のマージベース以降に変更されたファイルだけをスキャン（プルリクエスト用）
git（history）:
      --since REF|日付           REF に含まれないコミット、またはこの日付より後のコミットだけ
      --all                      HEAD だけでなく、すべての参照（ブランチ・タグなど）から

終了コード: 0 = 問題なし、1 = --fail-on 以上の検出あり、2 = 使い方または入出力のエラー
`
    : `Usage: mamori scan [paths…] [options]
       mamori history [paths…] [--since REF|DATE] [--all] [options]
                                 scan every unique blob in the git history, each once
       mamori rules              list the rules (Markdown)

Finds hardcoded credentials and other mistakes behind Japan's largest data breaches,
and links each finding to the Japanese guideline that covers it.

Options:
  -f, --format FORMAT            text | json | sarif | markdown | html (default: text)
  -o, --output FILE              write the report to FILE
      --fail-on error|warning|info  exit 1 when a finding at or above this severity exists (default: error)
      --lang ja|en               message language (default: from LANG / LC_ALL)
      --profile ID               password-policy profile (${PROFILE_IDS.join(' | ')}; default: ${settingDefault<string>(PASSWORD_PROFILE_SETTING)})
      --category CAT             report only this category (repeatable: ${CATEGORIES.join(', ')})
      --exclude GLOB             skip paths matching a gitignore-style pattern (repeatable)
      --max-file-size KB         skip files larger than this; SQL/CSV/TSV files: scan only their first KB (default: ${settingDefault<number>('mamori.files.maxFileSize')})
      --jobs N                   scanning threads (default: one per CPU core; 0 = no worker threads)
      --cache FILE               reuse results of unchanged files (history: of blobs already scanned) from FILE and update it (no secret values are stored)
      --write-baseline FILE      record today's findings as a baseline (no secret values are stored)
      --baseline FILE            findings in this baseline are known: shown, not counted for the exit code
      --config FILE              project configuration (default: .mamori.json in the current folder)
      --no-config                do not read .mamori.json
      --root DIR                 report paths relative to DIR (default: the current folder; for CI jobs run in a subfolder)
      --sarif-category NAME      SARIF automationDetails category (default: mamori; one per upload when a repository uploads several)
      --stdin-filename NAME      with the path -, the name of the file read from standard input (gives its format, e.g. .env)
      --no-color                 no ANSI colours (NO_COLOR and FORCE_COLOR are honoured too)
  -h, --help                     show this help
  -v, --version                  show the version

Git (scan): in a git work tree, scans the files git tracks (even those .gitignore lists)
  and the untracked files it does not ignore.
      --no-git                   walk the folders instead of asking git (.gitignore is honoured)
      --staged                   scan only the staged content (the index), for a pre-commit hook
      --changed-since REF        scan only files changed since the merge base of REF and HEAD, for a pull request
Git (history):
      --since REF|DATE           only commits not in REF, or after DATE
      --all                      from every ref (branches, tags …), not only HEAD

Exit codes: 0 = clean, 1 = findings at or above --fail-on, 2 = usage or I/O error
`;
}

function envLang(): Lang {
  return langFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

/** The signal that asked the running scan to stop (see `main`). */
let interrupted: NodeJS.Signals | undefined;

async function main(argv: string[]): Promise<number> {
  // Ctrl+C or a termination request stops the scan: the workers are stopped, nothing is
  // written, and what was scanned is said. A second one ends the process at once (the exit
  // handler of core/write-file removes any temporary file).
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(signal === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM);
    interrupted = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let lang = langFromArgs(argv, envLang());
  // With nothing to do, say what can be done; still a usage error for a script that ran it so.
  if (argv.length === 0) {
    process.stdout.write(usage(lang));
    return EXIT_USAGE;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string', default: 'error' },
        lang: { type: 'string' },
        category: { type: 'string', multiple: true },
        profile: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string' },
        cache: { type: 'string' },
        // Git (see ./git.ts): scan's file set, and history.
        'no-git': { type: 'boolean' },
        staged: { type: 'boolean' },
        'changed-since': { type: 'string' },
        since: { type: 'string' },
        all: { type: 'boolean' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        config: { type: 'string' },
        'no-config': { type: 'boolean', default: false },
        root: { type: 'string' },
        'sarif-category': { type: 'string' },
        'stdin-filename': { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // The options the help lists are the ones to suggest for a mistyped one.
    throw parseProblem(error, optionSpellings(usage('en')), lang);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined) {
    if (values.lang !== 'ja' && values.lang !== 'en') throw badChoice('--lang', values.lang, ['ja', 'en'], lang);
    lang = values.lang;
  }
  if (values.version) {
    process.stdout.write(`mamori ${VERSION}\n`);
    return EXIT_CLEAN;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(usage(lang));
    return EXIT_CLEAN;
  }
  if (command === 'rules') {
    process.stdout.write(rulesMarkdown(lang));
    return EXIT_CLEAN;
  }
  if (command !== 'scan' && command !== 'history')
    throw command
      ? unknownCommand(command, lang)
      : new UsageError(lang === 'ja' ? 'コマンドがありません（mamori scan [パス…]）。' : 'missing command (mamori scan [paths…]).');
  const gitProblem = gitFlagProblem(command, values);
  if (gitProblem) throw new UsageError(gitProblem);
  // A baseline records the whole project: one written from part of it would leave the rest's
  // findings unknown, and they would all fail the next full run.
  if (values['write-baseline'] && (command === 'history' || values.staged || values['changed-since'] !== undefined || paths.includes('-'))) {
    throw new UsageError(
      lang === 'ja'
        ? '--write-baseline はプロジェクト全体のスキャンで使います（--staged、--changed-since、history、標準入力とは一緒に使えません）。'
        : '--write-baseline records a scan of the whole project: it cannot be combined with --staged, --changed-since, history or standard input.',
    );
  }

  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw badChoice('--format', values.format, FORMATS, lang);
  const failOn = values['fail-on'] as Severity;
  if (!(failOn in SEVERITY_RANK)) throw badChoice('--fail-on', values['fail-on'], Object.keys(SEVERITY_RANK), lang);
  let maxFileSizeKb = settingDefault<number>('mamori.files.maxFileSize');
  if (values['max-file-size'] !== undefined) {
    maxFileSizeKb = Number(values['max-file-size']);
    if (!Number.isFinite(maxFileSizeKb) || maxFileSizeKb <= 0) throw badNumber('--max-file-size', lang, { en: 'a positive number of KB', ja: '正の数（KB）' });
  }
  let categories: Partial<Record<Category, boolean>> | undefined;
  if (values.category?.length) {
    categories = {};
    for (const c of CATEGORIES) categories[c] = false;
    for (const c of values.category) {
      if (!CATEGORIES.includes(c as Category)) throw badChoice('--category', c, CATEGORIES, lang);
      categories[c as Category] = true;
    }
  }

  if (values.profile !== undefined && !isProfileId(values.profile)) {
    throw badChoice('--profile', values.profile, PROFILE_IDS, lang);
  }

  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 0 || jobs > 256) throw badNumber('--jobs', lang, { en: 'a whole number from 0 to 256', ja: '0 から 256 までの整数' });
  }

  // Report paths (and SARIF URIs) are relative to --root: a monorepo job run from a subfolder
  // names the repository's root so alerts land on the right files.
  const root = path.resolve(values.root ?? process.cwd());
  if (values.root !== undefined && !fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(lang === 'ja' ? `--root には既存のフォルダを指定してください: ${values.root}` : `--root must name an existing folder: ${values.root}`);
  }

  const targets = paths.length > 0 ? paths : ['.'];
  // `-`: one file from standard input, named by --stdin-filename (its name gives its format).
  const stdin = targets.includes('-');
  if (stdin && targets.length > 1)
    throw new UsageError(lang === 'ja' ? '- （標準入力）は他のパスと一緒に指定できません。' : '- (standard input) cannot be combined with other paths.');
  if (!stdin && values['stdin-filename'] !== undefined)
    throw new UsageError(
      lang === 'ja'
        ? '--stdin-filename はパス - （標準入力）と一緒に使います。'
        : '--stdin-filename names the file read from standard input: give - as the path.',
    );
  // (History's paths may be gone from the work tree: that is what history is for.)
  for (const t of stdin || command !== 'scan' ? [] : targets) {
    if (!fs.existsSync(t)) {
      process.stderr.write(lang === 'ja' ? `mamori: パスが見つかりません: ${t}\n` : `mamori: path not found: ${t}\n`);
      return EXIT_USAGE;
    }
  }

  // The project file (.mamori.json), and the baseline it or --baseline names.
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const project = loadProject({ config: values.config, noConfig: values['no-config'], targets }, lang, (line) => process.stderr.write(`${line}\n`));
  if ('error' in project) {
    process.stderr.write(`mamori: ${project.error}\n`);
    return EXIT_USAGE;
  }
  // The organisation's own guideline entries, shown beside the official ones in every report.
  const org = registerOrgGuidelines(project.config.guidelines ?? []);
  for (const e of org.errors) process.stderr.write(`mamori: ${lang === 'ja' ? '警告' : 'warning'}: .mamori.json ${e}\n`);
  // (The first --write-baseline of a project whose .mamori.json already names it has none to read.)
  const baselineFile = values.baseline ?? projectBaseline(project);
  let baseline: Baseline | undefined;
  if (baselineFile !== undefined && !(values['write-baseline'] && values.baseline === undefined && !fs.existsSync(baselineFile))) {
    const read = readBaselineFile(baselineFile, lang);
    if ('error' in read) {
      process.stderr.write(`mamori: ${read.error}\n`);
      return EXIT_USAGE;
    }
    baseline = read.baseline;
  }

  // Refused before anything is scanned: a report, cache or baseline path that would overwrite a scanned file.
  const written = [
    ...(values.output ? [{ file: values.output, kind: 'report' as const }] : []),
    ...(values.cache ? [{ file: values.cache, kind: 'cache' as const }] : []),
    ...(values['write-baseline'] ? [{ file: values['write-baseline'], kind: 'baseline' as const }] : []),
  ];
  for (const { file, kind } of written) {
    const conflict = outputConflict(file, kind, stdin ? [] : targets, lang) ?? outputUnwritable(file, kind, lang);
    if (conflict) {
      process.stderr.write(`mamori: ${conflict}\n`);
      return EXIT_USAGE;
    }
  }
  // Those files, and our temporary files beside them, are not scanned (a report of the last run
  // in the scanned folder would otherwise be scanned as part of the project).
  const own = new Set(
    [...written.map(({ file }) => file), ...(baselineFile ? [baselineFile] : [])].flatMap((file) => [path.resolve(file), realish(path.resolve(file))]),
  );
  const excluded = projectExcludes(project, targets);

  const config = scanConfigOf(project, { ...(categories ? { categories } : {}), ...(values.profile ? { passwordPolicy: { profile: values.profile } } : {}) });
  // (history keeps a cache of its own, by blob: see ./git.ts.)
  const cache =
    values.cache && command !== 'history'
      ? ScanCache.load(values.cache, ScanCache.keyFor(config), (problem) =>
          process.stderr.write(
            lang === 'ja'
              ? `mamori: キャッシュ ${values.cache} は${problem === 'unreadable' ? '読み取れない' : 'Mamori のキャッシュの形式ではない'}ため、使わずに作り直します。\n`
              : `mamori: warning: the cache ${values.cache} ${problem === 'unreadable' ? 'cannot be read' : 'is not a Mamori cache of this shape'}; it is ignored and written afresh.\n`,
          ),
        )
      : undefined;
  // Progress on an interactive terminal only: a counter on one line, cleared at the end.
  const progress = process.stderr.isTTY === true;
  let files = 0;
  let shown = 0;
  // The files scanned, by report path: a baseline entry counts as fixed only in a file scanned.
  const scanned = new Set<string>();
  // After a scan the workers are stopped while the report is written, not before: stopping one
  // frees its heap, which took ~30 ms on a 48 MB tree. Not stopping them at all kept both heaps
  // beside the report's, 60 MB more at the peak.
  const codeCacheDir = codeCacheFor(stdin ? [] : targets);
  keepCodeCache(codeCacheDir);
  const pool = new ScanPool({
    ...(jobs !== undefined ? { size: jobs } : {}),
    ...(command === 'history' ? HISTORY_POOL : {}),
    ...(codeCacheDir ? { codeCacheDir } : {}),
  });
  // The first worker starts while git is asked for the files (or the history); not when a
  // history cache may leave nothing to scan.
  if (!stdin && !(command === 'history' && values.cache)) pool.warm();
  const gitWalk = { maxFileSize: maxFileSizeKb * 1024, exclude: values.exclude ?? [], isCancelled: () => interrupted !== undefined };
  let report = stdin
    ? await scanStdin(process.stdin, values['stdin-filename'] ?? 'stdin', { config, maxFileSize: maxFileSizeKb * 1024, root, pool })
    : await (
        command === 'history'
          ? historyReport({ ...gitWalk, paths, flags: values, config, pool, lang, progress })
          : scanPaths(targets, {
              // Git's file set, the staged copies or the changed files (see ./git.ts).
              ...scanSource(targets, values, gitWalk, lang),
              config,
              pool,
              ...(cache ? { cache } : {}),
              maxFileSize: maxFileSizeKb * 1024,
              exclude: [...excluded.walker, ...(values.exclude ?? [])],
              root,
              isCancelled: () => interrupted !== undefined,
              claim: (file: string) => own.has(file) || isMamoriTemp(file) || excluded.excludes(file),
              ...(progress || baseline
                ? {
                    onFile: (file: string) => {
                      if (baseline) scanned.add(displayPath(root, file));
                      if (!progress) return;
                      files++;
                      if (Date.now() - shown < 200) return;
                      shown = Date.now();
                      process.stderr.write(`\r${lang === 'ja' ? `${files} ファイルをスキャン済み…` : `${files} files scanned…`}`);
                    },
                  }
                : {}),
            })
      ).catch(async (error: unknown) => {
        // What is still running would keep the process alive: stop it.
        await pool.dispose();
        throw error;
      });
  if (progress && shown > 0) process.stderr.write('\r\u001b[K');
  if (interrupted) return stopped(interrupted, report.filesScanned, pool, lang);
  void pool.dispose();
  if (cache && values.cache) {
    try {
      cache.save(values.cache);
    } catch (error) {
      // A cache that cannot be written only costs time next run; the scan itself is complete.
      process.stderr.write(`${writeErrorMessage(values.cache, 'cache', error, lang)}\n`);
    }
  }

  report = applyProject(report, project);
  if (baseline && baselineFile) report = withBaseline(report, baseline, baselineFile, scanned);

  const color = useColor({ noColorFlag: values['no-color'], toFile: values.output !== undefined, isTTY: process.stdout.isTTY === true, env: process.env });
  // JSON, SARIF and text are made a finding at a time as they are written, never held whole:
  // a history scan's report is tens of MB, and holding it as one string (then its bytes) beside
  // the findings was the peak of the process's memory. The review reports (Markdown, HTML)
  // group the findings by guideline first, and are made whole.
  const formatters: Record<OutputFormat, () => Iterable<string>> = {
    text: () => textReportChunks(report, lang, color),
    json: () => jsonReportChunks(report, lang),
    sarif: () => sarifChunks(report, lang, sarifOptions(values['sarif-category'], process.env)),
    markdown: () => [formatMarkdown(report, lang)],
    html: () => [formatHtml(report, lang)],
  };
  if (interrupted) return stopped(interrupted, report.filesScanned, pool, lang);
  if (values['write-baseline'] && !writeBaseline(values['write-baseline'], report.findings, lang)) return EXIT_USAGE;
  if (values.output) {
    try {
      // A temporary file beside it, renamed over it: a kill or a full disk leaves the previous
      // report whole, never a part of the new one.
      writeFileAtomicChunks(values.output, formatters[format]());
    } catch (error) {
      // A report that could not be made is not a write error: it is said as any other failure.
      if (!(error as NodeJS.ErrnoException)?.code) throw error;
      process.stderr.write(`${writeErrorMessage(values.output, 'report', error, lang)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(
      lang === 'ja'
        ? `mamori: ${report.filesScanned} ファイル、検出 ${report.findings.length} 件、スキップ ${report.skipped.length} 件 → ${values.output}\n`
        : `mamori: ${report.filesScanned} file(s), ${report.findings.length} finding(s), ${report.skipped.length} skipped → ${values.output}\n`,
    );
  } else {
    for (const piece of batches(formatters[format]())) if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
  // Findings known from the baseline, and all of today's once written to a baseline, do not count.
  if (values['write-baseline']) return EXIT_CLEAN;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => f.baseline !== 'unchanged' && SEVERITY_RANK[f.severity] >= threshold) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * The folder for the workers' code cache (see core/pool/code-cache.ts), or none when it lies in
 * a folder being scanned: a scan never meets a file Mamori wrote itself.
 */
function codeCacheFor(targets: readonly string[]): string | undefined {
  const dir = defaultCodeCacheDir();
  if (!dir) return undefined;
  const real = realish(dir);
  for (const t of targets) {
    const rel = path.relative(realish(path.resolve(t)), real);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return undefined;
  }
  return dir;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(
        `mamori: ${error.message}\n${langFromArgs(process.argv.slice(2), envLang()) === 'ja' ? "'mamori --help' で使い方を表示します。" : "Run 'mamori --help' for usage."}\n`,
      );
    } else {
      process.stderr.write(`mamori: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = EXIT_USAGE;
  },
);
