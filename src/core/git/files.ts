import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_IGNORE_FILES, PathRules, walkPaths, type GitSkipReason, type PathEntry, type SkippedEntry, type WalkOptions } from '../walk';
import { blobText, blobWanted } from './blob';
import { CatFile } from './cat-file';
import { GitError, resolveCommit, runGit, splitZ, workTreeTop } from './git';

/** A file's content to scan that is not read from disk (the index's copy of a staged file). */
export type TextEntry = { kind: 'text'; path: string; text: string };

export interface GitFilesOptions extends WalkOptions {
  /**
   * Only files changed since the merge base of this ref and HEAD, tracked or not (the work
   * tree's content): for a pull request.
   */
  changedSince?: string;
  /**
   * Called when git cannot list a folder's files (git missing, a repository git refuses): the
   * folder is walked as without git, and the caller says so.
   */
  onGitProblem?: (error: GitError, target: string) => void;
}

/** Git's file modes of a link and of a submodule (gitlink). */
const LINK_MODE = '120000';
const GITLINK_MODE = '160000';

/**
 * The files of `targets` as git holds them: in a work tree, the tracked files (even those an
 * ignore file lists: a committed `.env` later named in `.gitignore` is still in the repository)
 * and the untracked files that are not ignored; outside one, or where git cannot say, what the
 * walker finds. The walker's own rules still apply to git's list: `--exclude`, `.mamoriignore`,
 * the folders never entered. A file named on its own is read as the walker reads it. Links,
 * submodules and tracked files gone from the work tree are listed as skipped, with the reason.
 */
export async function* gitPaths(targets: readonly string[], options: GitFilesOptions): AsyncGenerator<PathEntry> {
  for (const input of targets) {
    const abs = path.resolve(input);
    let st: fs.Stats;
    let real: string;
    try {
      st = await fs.promises.stat(abs);
      real = await fs.promises.realpath(abs);
    } catch {
      yield* walkPaths([input], options);
      continue;
    }
    if (!st.isDirectory()) {
      yield* walkPaths([input], options);
      continue;
    }
    let top: string | undefined;
    try {
      top = await workTreeTop(abs);
    } catch (error) {
      // Only changed files were asked for: without git there is no answer to give.
      if (!(error instanceof GitError) || options.changedSince !== undefined) throw error;
      options.onGitProblem?.(error, input);
    }
    if (top === undefined && options.changedSince !== undefined) throw new GitError('not-repo', input, input);
    if (top === undefined) {
      yield* walkPaths([input], options);
      continue;
    }
    yield* listed(abs, real, top, options);
  }
}

/** One folder inside a work tree: git's list, the walker's rules applied to it. */
async function* listed(abs: string, real: string, top: string, options: GitFilesOptions): AsyncGenerator<PathEntry> {
  const rel = toPosix(path.relative(top, real));
  const spec = rel === '' ? '.' : rel;
  const [cached, others, changed] = await Promise.all([
    runGit(['ls-files', '-z', '--stage', '--cached', '--', spec], top),
    runGit(['ls-files', '-z', '--others', '--exclude-standard', '--', spec], top),
    options.changedSince !== undefined ? changedPaths(options.changedSince, spec, top) : Promise.resolve(undefined),
  ]);
  // Path (relative to the top) → mode; an unmerged file is listed once per stage, kept once.
  const files = new Map<string, string>();
  for (const line of splitZ(cached)) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const p = line.slice(tab + 1);
    if (!files.has(p)) files.set(p, line.slice(0, line.indexOf(' ')));
  }
  for (const p of splitZ(others)) if (!files.has(p)) files.set(p, '');
  const rules = new PathRules(abs, { ...options, ignoreFiles: (options.ignoreFiles ?? DEFAULT_IGNORE_FILES).filter((n) => n !== '.gitignore') });
  const prefix = rel === '' ? '' : `${rel}/`;
  const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const p of names) {
    if (options.isCancelled?.()) return;
    if (!p.startsWith(prefix)) continue;
    if (changed && !changed.has(p) && files.get(p) !== '') continue;
    const nested = p.endsWith('/');
    const file = path.join(abs, ...p.slice(prefix.length).split('/'));
    if (await rules.excluded(nested ? path.join(file, '.') : file)) continue;
    const mode = files.get(p);
    const skip = (reason: GitSkipReason): SkippedEntry => ({ kind: 'skipped', path: file, reason });
    // An untracked folder git lists on its own is a repository inside this one.
    if (nested || mode === GITLINK_MODE) {
      yield skip('submodule');
      continue;
    }
    if (mode === LINK_MODE) {
      yield skip('symlink');
      continue;
    }
    let lst: fs.Stats;
    try {
      lst = await fs.promises.lstat(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') yield skip('deleted');
      else yield { kind: 'skipped', path: file, reason: 'unreadable', detail: code ?? String(error) };
      continue;
    }
    if (lst.isSymbolicLink()) yield skip('symlink');
    else if (!lst.isFile()) yield { kind: 'skipped', path: file, reason: 'not-regular' };
    // Opened later without following links, and checked to be inside the scanned folder.
    else yield { kind: 'path', path: file, within: real };
  }
}

/**
 * Tracked files that differ between the merge base of `ref` and HEAD and the work tree
 * (committed on the branch, staged, or only edited), relative to the top.
 */
async function changedPaths(ref: string, spec: string, top: string): Promise<Set<string>> {
  const commit = await resolveCommit(ref, top);
  if (!commit) throw new GitError('bad-ref', ref, ref);
  const base = (await runGit(['merge-base', commit, 'HEAD'], top)).toString('utf8').trim();
  const out = await runGit(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', '--diff-filter=ACMRT', base, '--', spec], top);
  return new Set(splitZ(out));
}

/**
 * The staged content of the staged files under `targets` (added, copied, modified, renamed or
 * changed in type since HEAD): each file's copy in the index, read through one
 * `git cat-file --batch`, not the work tree's. Findings point at lines of that copy.
 */
export async function* stagedEntries(targets: readonly string[], options: WalkOptions): AsyncGenerator<TextEntry | SkippedEntry> {
  const done = new Set<string>();
  for (const input of targets) {
    const abs = path.resolve(input);
    const real = await fs.promises.realpath(abs);
    const st = await fs.promises.stat(abs);
    const dir = st.isDirectory() ? abs : path.dirname(abs);
    const top = await workTreeTop(dir);
    if (top === undefined) throw new GitError('not-repo', input, input);
    const rel = toPosix(path.relative(top, real));
    const out = await runGit(
      ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--no-ext-diff', '--diff-filter=ACMRT', '--', rel === '' ? '.' : rel],
      top,
    );
    const fields = splitZ(out);
    const base = st.isDirectory() ? { abs, rel } : { abs: path.dirname(abs), rel: path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel) };
    const prefix = base.rel === '' ? '' : `${base.rel}/`;
    const rules = new PathRules(base.abs, { ...options, ignoreFiles: (options.ignoreFiles ?? DEFAULT_IGNORE_FILES).filter((n) => n !== '.gitignore') });
    const check = new CatFile(top, false);
    const read = new CatFile(top, true);
    try {
      for (let i = 0; i + 1 < fields.length; i += 2) {
        if (options.isCancelled?.()) return;
        // `:<old mode> <new mode> <old id> <new id> <status>`, then the path.
        const [, mode, , oid] = fields[i].slice(1).split(' ');
        const p = fields[i + 1];
        if (!p.startsWith(prefix) && prefix !== '') continue;
        const file = path.join(base.abs, ...p.slice(prefix.length).split('/'));
        if (done.has(file)) continue;
        done.add(file);
        if (st.isDirectory() && (await rules.excluded(file))) continue;
        if (mode === GITLINK_MODE) {
          yield { kind: 'skipped', path: file, reason: 'submodule' };
          continue;
        }
        if (mode === LINK_MODE) {
          yield { kind: 'skipped', path: file, reason: 'symlink' };
          continue;
        }
        const info = await check.get(oid);
        if ('missing' in info) {
          yield { kind: 'skipped', path: file, reason: 'unreadable', detail: 'object missing' };
          continue;
        }
        if (!blobWanted(file, info.size, options.maxFileSize)) {
          yield { kind: 'skipped', path: file, reason: 'too-large', detail: String(info.size) };
          continue;
        }
        const blob = await read.get(oid);
        if ('missing' in blob || !blob.content) {
          yield { kind: 'skipped', path: file, reason: 'unreadable', detail: 'object missing' };
          continue;
        }
        const text = blobText(file, blob.content, options.maxFileSize);
        if (text === 'binary' || text === 'too-large') {
          yield { kind: 'skipped', path: file, reason: text, ...(text === 'too-large' ? { detail: String(info.size) } : {}) };
          continue;
        }
        yield { kind: 'text', path: file, text: text.text };
        if (text.sampled) yield { kind: 'skipped', path: file, reason: 'too-large', detail: String(info.size) };
      }
    } finally {
      check.close();
      read.close();
    }
  }
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
