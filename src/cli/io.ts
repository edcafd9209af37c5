import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../core/messages';

/** What the CLI writes: the report (--output), the cache (--cache) or a baseline (--write-baseline). */
export type WrittenKind = 'report' | 'cache' | 'baseline';

/** The name of what is written, in a message. */
function kindName(kind: WrittenKind, lang: Lang): string {
  const names: Record<WrittenKind, [en: string, ja: string]> = {
    report: ['report', 'レポート'],
    cache: ['cache', 'キャッシュ'],
    baseline: ['baseline', 'ベースライン'],
  };
  return names[kind][lang === 'ja' ? 1 : 0];
}

/**
 * Why a report or cache path is refused before the scan starts, or undefined when it may be
 * written. A path that is one of the scanned paths, or a file or folder inside a scanned folder
 * that Mamori did not write, would be overwritten with the report: the user's `.env` replaced,
 * data lost. A file Mamori wrote there before (a report or cache of an earlier run), or a file
 * that does not exist yet, may be written; it is left out of the scan.
 */
export function outputConflict(file: string, kind: WrittenKind, targets: readonly string[], lang: Lang): string | undefined {
  const abs = path.resolve(file);
  const real = realish(abs);
  const name = kindName(kind, lang);
  for (const t of targets) {
    const target = realish(path.resolve(t));
    if (real === target) {
      return lang === 'ja'
        ? `${name}の書き出し先 ${file} はスキャン対象そのものです。上書きすると元のファイルが失われるため、書き出しません。スキャン対象の外のパスを指定してください。`
        : `the ${name} path ${file} is one of the scanned paths; writing it would destroy what is scanned. Choose a path outside the scanned folders.`;
    }
    if (!real.startsWith(target.endsWith(path.sep) ? target : target + path.sep)) continue;
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return undefined; // Not there yet: it is made, and left out of the scan.
    }
    if (!st.isFile() || !isOwnFile(abs, kind)) {
      return lang === 'ja'
        ? `${name}の書き出し先 ${file} はスキャンするフォルダ ${t} の中にある既存の${st.isDirectory() ? 'フォルダ' : 'ファイル'}で、Mamori が書いたものではありません。上書きすると失われるため、書き出しません。スキャン対象の外のパスか、存在しないファイル名を指定してください。`
        : `the ${name} path ${file} is an existing ${st.isDirectory() ? 'folder' : 'file'} inside the scanned folder ${t} that Mamori did not write; writing there would destroy it. Choose a path outside the scanned folders, or a file name that does not exist yet.`;
    }
  }
  return undefined;
}

/** The real path of `p`, or of its deepest existing folder joined with the rest when `p` does not exist. */
export function realish(p: string): string {
  let rest = '';
  let at = p;
  for (;;) {
    try {
      const real = fs.realpathSync.native(at);
      return rest ? path.join(real, rest) : real;
    } catch {
      const up = path.dirname(at);
      if (up === at) return p;
      rest = rest ? path.join(path.basename(at), rest) : path.basename(at);
      at = up;
    }
  }
}

/**
 * Whether a file is one Mamori wrote: a cache (`{"key":…,"files":…}`), or a report in one of
 * its formats, known by how each begins (JSON, SARIF, Markdown, HTML) or ends (text).
 */
export function isOwnFile(file: string, kind: WrittenKind): boolean {
  let head: string;
  let tail: string;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.min(size, 2048));
      fs.readSync(fd, buf, 0, buf.length, 0);
      head = buf.toString('utf8');
      const end = Buffer.alloc(Math.min(size, 512));
      fs.readSync(fd, end, 0, end.length, size - end.length);
      tail = end.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  if (head.length === 0) return true; // An empty file holds nothing to lose.
  if (kind === 'cache') return /^\{"key":"[0-9a-f]*","files":\{/.test(head);
  if (kind === 'baseline') return /^\{\s*"tool": "mamori-baseline",/.test(head);
  return (
    /^\{\s*"version": "[^"\n]*",\s*"findings": \[/.test(head) ||
    (/^\{\s*"\$schema": "https:\/\/json\.schemastore\.org\/sarif/.test(head) && head.includes('"name": "Mamori"')) ||
    /^# Mamori /.test(head) ||
    (/^<!doctype html>/i.test(head) && head.includes('<title>Mamori')) ||
    /(?:^|\n)(?:Scanned \d+ file\(s\): [^\n]* skipped|\d+ ファイルを(?:走査|スキャン): [^\n]*スキップ \d+ 件)\n*$/.test(tail) ||
    // A text report that ends with the reporting summary (core/reporting/render.ts).
    /\n(?:Mamori breach-report check, details:|Mamori 漏えい等報告の確認、詳細:) https:\/\/www\.ppc\.go\.jp\/personalinfo\/legal\/leakAction\/\n*$/.test(tail)
  );
}

/**
 * A message for a failed write that names the path and says what to do, by the error's code
 * (ENOSPC, EROFS, EACCES, a file in the way …), in English or Japanese.
 */
export function writeErrorMessage(file: string, kind: WrittenKind, error: unknown, lang: Lang): string {
  const e = error as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const what = kindName(kind, lang);
  const ja = lang === 'ja';
  const keep = kind !== 'cache' ? (ja ? '以前のファイルはそのまま残っています。' : 'Any previous file there is unchanged.') : '';
  let advice: string;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      advice = ja
        ? `ディスクの空き容量が足りません（${code}）。空きを作るか、別のディスク上のパスを指定してください。`
        : `the disk is full (${code}). Free some space or write to another disk.`;
      break;
    case 'EROFS':
      advice = ja
        ? '読み取り専用のファイルシステムです（EROFS）。書き込めるパスを指定してください。'
        : 'the file system is read-only (EROFS). Choose a writable location.';
      break;
    case 'EACCES':
    case 'EPERM':
      advice = ja
        ? `書き込む権限がありません（${code}）。フォルダの権限を確認するか、別のパスを指定してください。`
        : `permission denied (${code}). Check the folder's permissions or choose another path.`;
      break;
    case 'ENOENT':
      advice = ja
        ? 'フォルダが存在せず、作成もできませんでした（ENOENT）。既存のフォルダを指定してください。'
        : 'its folder does not exist and could not be made (ENOENT). Choose an existing folder.';
      break;
    case 'EEXIST':
    case 'ENOTDIR':
      advice = ja
        ? `パスの途中にフォルダではなくファイルがあります（${code}）。そのファイルを移動するか、別のパスを指定してください。`
        : `a file is in the way: part of the path is a file, not a folder (${code}). Move that file or choose another path.`;
      break;
    case 'EISDIR':
      advice = ja ? 'フォルダです（EISDIR）。ファイル名まで指定してください。' : 'it is a folder (EISDIR). Give a file name.';
      break;
    case 'ELOCKED':
      advice = ja
        ? '別の mamori の実行がキャッシュをロックしています。その実行の終了後にもう一度試してください。'
        : 'another mamori run holds the cache lock. Try again when it has finished.';
      break;
    default:
      advice = `${code || (error instanceof Error ? error.message : String(error))}`;
  }
  return ja
    ? `mamori: ${what}を ${file} に書き出せません: ${advice}${keep}`
    : `mamori: cannot write the ${what} to ${file}: ${advice}${keep ? ` ${keep}` : ''}`;
}
