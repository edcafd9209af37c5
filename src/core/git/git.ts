import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * Running git: always as a process of its own with an argument array (never through a shell, so
 * no path or ref is ever read as shell syntax), with the settings that keep a repository's own
 * configuration from running anything: no file-system monitor hook, no pager, no prompt, no
 * optional lock (a read never rewrites the index), and no transport at all: in a partial clone
 * a missing object is never fetched from the network (`protocol.allow=never`, and
 * GIT_NO_LAZY_FETCH where git knows it); it is reported as unreadable. No command used here
 * runs a filter, textconv or external diff (cat-file without --filters, diff and log without
 * a patch).
 */

/** What went wrong with git, for a message in the user's language (see `gitErrorMessage`). */
export type GitProblem = 'missing' | 'not-repo' | 'bad-ref' | 'failed';

/** A git command that could not run, or failed. `detail` is git's own first line of stderr. */
export class GitError extends Error {
  constructor(
    readonly problem: GitProblem,
    readonly detail: string,
    readonly subject = '',
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** Options that neutralise repository configuration that could run a program. */
const SAFE = ['-c', 'core.fsmonitor=false', '-c', 'protocol.allow=never', '-c', 'core.pager=cat', '--no-pager', '--literal-pathspecs'];

/**
 * Settings for git processes that read a whole history (mamori history's log, size check and
 * blob readers): each maps at most 32 MB of pack files at a time, in 8 MB windows, instead of
 * mapping whole packs (up to 8 GB). The pages of a mapped pack count in each process's memory;
 * on sqlalchemy's history (a 113 MB pack) the log held 129 MB at most instead of 47, a blob
 * reader 147 instead of 67, for about 2 s more system time per reader.
 */
export const PACK_WINDOWS = ['-c', 'core.packedGitLimit=32m', '-c', 'core.packedGitWindowSize=8m'] as const;

/** The environment git runs in: no prompt, no optional locks, messages in English for parsing. */
function gitEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', LC_ALL: 'C', LANGUAGE: 'C' };
}

/** Starts a git command with piped streams, in `cwd`. ENOENT (no git) surfaces as the 'error' event. */
export function spawnGit(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams {
  return spawn('git', [...SAFE, ...args], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
}

/**
 * Runs a git command to its end and returns its standard output. Rejects with a GitError: git
 * not installed ('missing'), not a repository ('not-repo'), or any other failure ('failed',
 * with git's message).
 */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(args, cwd);
    } catch (error) {
      reject(startError(error));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let errBytes = 0;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      // Only the start of stderr is kept: it is for a message.
      if (errBytes < 8192) err.push(b);
      errBytes += b.length;
    });
    child.on('error', (error) => reject(startError(error)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(failure(Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** The GitError for a git process that could not start (ENOENT: not installed). */
export function startError(error: unknown): GitError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new GitError('missing', 'git');
  return new GitError('failed', code ?? (error instanceof Error ? error.message : String(error)));
}

/** The GitError for a git command that exited with an error, from its stderr. */
export function failure(stderr: string): GitError {
  const line =
    stderr
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? 'git failed';
  if (/not a git repository/i.test(stderr)) return new GitError('not-repo', line.slice(0, 300));
  return new GitError('failed', line.slice(0, 300));
}

/**
 * The top folder of the work tree holding `dir`, as git names it (a real path), or undefined
 * when `dir` is in no work tree (or inside a .git folder). Rejects when git is missing.
 */
export async function workTreeTop(dir: string): Promise<string | undefined> {
  try {
    const out = await runGit(['rev-parse', '--show-toplevel'], dir);
    const top = out.toString('utf8').replace(/\n$/, '');
    return top || undefined;
  } catch (error) {
    if (error instanceof GitError && error.problem === 'not-repo') return undefined;
    throw error;
  }
}

/** The commit a ref names, or undefined when it names none. */
export async function resolveCommit(ref: string, cwd: string): Promise<string | undefined> {
  // A ref that starts with "-" would be read as an option: refused before git sees it.
  if (ref.startsWith('-')) return undefined;
  try {
    const out = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
    return out.toString('utf8').trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && (error.problem === 'failed' || error.problem === 'not-repo')) return undefined;
    throw error;
  }
}

/** Splits NUL-terminated output (`-z`) into its fields. */
export function splitZ(out: Buffer): string[] {
  const text = out.toString('utf8');
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
