import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { decode } from './decode';

/** Why a file was not scanned. Every skip is reported; nothing is dropped silently. */
export type SkipReason = 'too-large' | 'binary' | 'not-regular' | 'outside-root' | 'unreadable' | 'changed' | GitSkipReason;

/**
 * Why a file git lists was not scanned: git holds a link (its target is scanned where it is),
 * a submodule or nested repository (scanned on its own), or a tracked file that is no longer in
 * the work tree.
 */
export type GitSkipReason = 'symlink' | 'submodule' | 'deleted';

/** A file that was not scanned, and why. */
export type SkippedEntry = { kind: 'skipped'; path: string; reason: SkipReason; detail?: string };

/**
 * A file read whole, or, for an SQL/CSV/TSV data file over the size limit, `sampled`: only its
 * first `maxFileSize` bytes, cut at a line end (`size` is still the whole file's).
 */
export type WalkEntry = { kind: 'file'; path: string; text: string; size: number; mtimeMs: number; sampled?: true } | SkippedEntry;

/**
 * Data files (dumps, seeds, exports) over the size limit are sampled rather than skipped: their
 * first records show whether they hold personal data, and a database dump is the usual file
 * over the limit. Other files are skipped whole (a minified bundle, a lockfile).
 */
const SAMPLED_DATA = /\.(?:sql|csv|tsv)$/i;

/** How many bytes of a file of `size` to read: all, the limit (a data file's sample), or -1 to skip it. */
export function bytesToRead(file: string, size: number, maxFileSize: number): number {
  if (size <= maxFileSize) return size;
  return SAMPLED_DATA.test(file) ? maxFileSize : -1;
}

/**
 * The bytes of a sample up to its last line end. UTF-16 text (a byte-order mark) is not cut:
 * its line ends are two bytes; undefined then, and the file is skipped.
 */
export function sampleBytes(buffer: Buffer): Buffer | undefined {
  if (buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) return undefined;
  const end = buffer.lastIndexOf(0x0a);
  return end > 0 ? buffer.subarray(0, end + 1) : undefined;
}

/**
 * What `walkPaths` yields: a file to read (by whoever scans it), or a skip. `within` is the
 * real path of the root the file was found under: the file, once opened, must still be in it
 * (see `readEntry`). `link` says the walk reached the file through a symbolic link; a file
 * that was not one is opened without following links.
 */
export type PathEntry = { kind: 'path'; path: string; within: string; link?: true } | SkippedEntry;

export interface WalkOptions {
  /** Largest file scanned, in bytes. */
  maxFileSize: number;
  /** Extra gitignore-style patterns, relative to each root. */
  exclude?: readonly string[];
  /** Directory names never entered (default: .git and node_modules). */
  skipDirs?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /**
   * The ignore files honoured (default .gitignore and .mamoriignore): an editor leaves
   * .mamoriignore out in an untrusted workspace, which must not hide files from the scan.
   */
  ignoreFiles?: readonly string[];
  /** Stop early when this returns true. */
  isCancelled?: () => boolean;
}

const DEFAULT_SKIP_DIRS = ['.git', 'node_modules', '.hg', '.svn'];
const IGNORE_FILES = ['.gitignore', '.mamoriignore'];

interface IgnoreFrame {
  base: string;
  ig: Ignore;
}

/**
 * Walks files and folders and yields their decoded text, or why they were skipped.
 * Symbolic links are followed only while they stay inside the root they were found under;
 * every directory is entered at most once (by device and inode), so link cycles end.
 * FIFOs, sockets and devices are never opened.
 */
export async function* walk(roots: readonly string[], options: WalkOptions): AsyncGenerator<WalkEntry> {
  for await (const entry of walkPaths(roots, options)) yield entry.kind === 'path' ? await readEntry(entry.path, options.maxFileSize, entry) : entry;
}

/**
 * Like `walk`, but yields the paths of files to read instead of reading them, so the reading
 * can happen elsewhere (in the worker that scans the file).
 */
export async function* walkPaths(roots: readonly string[], options: WalkOptions): AsyncGenerator<PathEntry> {
  const skipDirs = new Set(options.skipDirs ?? DEFAULT_SKIP_DIRS);
  for (const input of roots) {
    const root = path.resolve(input);
    let realRoot: string;
    let st: fs.Stats;
    try {
      realRoot = await fs.promises.realpath(root);
      st = await fs.promises.stat(root);
    } catch (error) {
      yield { kind: 'skipped', path: root, reason: 'unreadable', detail: errorText(error) };
      continue;
    }
    if (st.isFile()) {
      yield { kind: 'path', path: root, within: realRoot, link: true };
      continue;
    }
    if (!st.isDirectory()) {
      yield { kind: 'skipped', path: root, reason: 'not-regular' };
      continue;
    }
    // No exclude patterns, no frame: each frame costs a relative path and a match per entry.
    const exclude = options.exclude ?? [];
    const frames = exclude.length > 0 ? [{ base: root, ig: ignore().add([...exclude]) }] : [];
    const visited = new Set<string>();
    yield* walkDir(root, realRoot, frames, visited, skipDirs, options);
  }
}

/** A directory being walked: its sorted entries, the next one to look at, the ignore rules in force. */
interface DirFrame {
  dir: string;
  /** The directory's real path (no symbolic link in it): what marks it as walked. */
  real: string;
  entries: fs.Dirent[];
  next: number;
  frames: IgnoreFrame[];
}

/**
 * Walks a directory tree depth first, entries in name order. One generator with a stack of
 * open directories, not one generator per directory: every file passed through a `yield*` per
 * level of depth, a promise each, on the thread that also feeds the workers.
 */
async function* walkDir(
  start: string,
  realRoot: string,
  frames: IgnoreFrame[],
  visited: Set<string>,
  skipDirs: Set<string>,
  options: WalkOptions,
): AsyncGenerator<PathEntry> {
  const stack: DirFrame[] = [];
  const first = await openDir(start, realRoot, frames, visited, options);
  if (first?.kind === 'skipped') yield first;
  else if (first) stack.push(first.frame);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    if (options.isCancelled?.()) return;
    const entry = top.entries[top.next++];
    const full = path.join(top.dir, entry.name);
    let isDir = entry.isDirectory();
    if (isDir && skipDirs.has(entry.name)) continue;
    if (isIgnored(top.frames, full, isDir)) continue;

    let real = path.join(top.real, entry.name);
    if (entry.isSymbolicLink()) {
      let target: string;
      let st: fs.Stats;
      try {
        target = await fs.promises.realpath(full);
        st = await fs.promises.stat(full);
      } catch (error) {
        yield { kind: 'skipped', path: full, reason: 'unreadable', detail: errorText(error) };
        continue;
      }
      if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
        yield { kind: 'skipped', path: full, reason: 'outside-root' };
        continue;
      }
      isDir = st.isDirectory();
      real = target;
      if (isDir && isIgnored(top.frames, full, true)) continue;
      if (!isDir && !st.isFile()) {
        yield { kind: 'skipped', path: full, reason: 'not-regular' };
        continue;
      }
    } else if (!isDir && !entry.isFile()) {
      yield { kind: 'skipped', path: full, reason: 'not-regular' };
      continue;
    }

    if (isDir) {
      const sub = await openDir(full, real, top.frames, visited, options);
      if (sub?.kind === 'skipped') yield sub;
      else if (sub) stack.push(sub.frame);
    } else yield entry.isSymbolicLink() ? { kind: 'path', path: full, within: realRoot, link: true } : { kind: 'path', path: full, within: realRoot };
  }
}

/**
 * Reads a directory for the walk: its entries sorted, with the ignore files it holds added to
 * the rules in force. Undefined for a directory already walked (a link cycle or a second link
 * to it), known by its real path: the parent's real path and the entry's name, or the link's
 * resolved target, so no directory needs a stat of its own.
 */
async function openDir(
  dir: string,
  real: string,
  frames: IgnoreFrame[],
  visited: Set<string>,
  options: WalkOptions,
): Promise<{ kind: 'dir'; frame: DirFrame } | SkippedEntry | undefined> {
  if (visited.has(real)) return undefined;
  visited.add(real);

  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    return { kind: 'skipped', path: dir, reason: 'unreadable', detail: errorText(error) };
  }
  // Real entries before symbolic links, so a directory reached both ways is reported under
  // its own path (each directory is entered once).
  entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  if (options.gitignore !== false) {
    const local = ignore();
    let any = false;
    for (const name of options.ignoreFiles ?? IGNORE_FILES) {
      if (!entries.some((e) => e.name === name)) continue;
      try {
        local.add(await fs.promises.readFile(path.join(dir, name), 'utf8'));
        any = true;
      } catch {
        // An unreadable ignore file ignores nothing; the files it would hide are still scanned.
      }
    }
    if (any) frames = [...frames, { base: dir, ig: local }];
  }
  return { kind: 'dir', frame: { dir, real, entries, next: 0, frames } };
}

/**
 * The walker's exclusions, for files that something else lists (git): the exclude patterns,
 * the ignore files of every folder from the root down, and the folders never entered. Each
 * folder's verdict and rules are worked out once and kept.
 */
export class PathRules {
  private readonly dirs = new Map<string, Promise<{ ignored: boolean; frames: IgnoreFrame[] }>>();
  private readonly skipDirs: Set<string>;

  constructor(
    private readonly root: string,
    private readonly options: Pick<WalkOptions, 'exclude' | 'skipDirs' | 'ignoreFiles' | 'gitignore'>,
  ) {
    this.skipDirs = new Set(options.skipDirs ?? DEFAULT_SKIP_DIRS);
  }

  /** Whether the walker would leave `file` (an absolute path under the root) out. */
  async excluded(file: string): Promise<boolean> {
    const dir = await this.dir(path.dirname(file));
    return dir.ignored || isIgnored(dir.frames, file, false);
  }

  private dir(dir: string): Promise<{ ignored: boolean; frames: IgnoreFrame[] }> {
    let known = this.dirs.get(dir);
    if (!known) {
      known = this.load(dir);
      this.dirs.set(dir, known);
    }
    return known;
  }

  private async load(dir: string): Promise<{ ignored: boolean; frames: IgnoreFrame[] }> {
    let frames: IgnoreFrame[];
    // The root, or a folder outside it (a crafted path with `..`): only the root's own rules,
    // so no ignore file outside the root is ever read.
    if (dir === this.root || !dir.startsWith(this.root.endsWith(path.sep) ? this.root : this.root + path.sep)) {
      const exclude = this.options.exclude ?? [];
      frames = exclude.length > 0 ? [{ base: this.root, ig: ignore().add([...exclude]) }] : [];
      dir = this.root;
    } else {
      const parent = await this.dir(path.dirname(dir));
      if (parent.ignored || this.skipDirs.has(path.basename(dir)) || isIgnored(parent.frames, dir, true)) return { ignored: true, frames: parent.frames };
      frames = parent.frames;
    }
    if (this.options.gitignore === false) return { ignored: false, frames };
    const local = ignore();
    let any = false;
    for (const name of this.options.ignoreFiles ?? IGNORE_FILES) {
      try {
        local.add(await fs.promises.readFile(path.join(dir, name), 'utf8'));
        any = true;
      } catch {
        // None here, or unreadable: it ignores nothing.
      }
    }
    return { ignored: false, frames: any ? [...frames, { base: dir, ig: local }] : frames };
  }
}

/** The ignore files the walker honours by default. */
export const DEFAULT_IGNORE_FILES: readonly string[] = IGNORE_FILES;

function isIgnored(frames: readonly IgnoreFrame[], full: string, isDir: boolean): boolean {
  for (const { base, ig } of frames) {
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Where a file opened for a scan must be, and how to open it (see `PathEntry`). */
export interface OpenCheck {
  within?: string;
  link?: boolean;
}

/**
 * Reads one file. It is opened non-blocking and checked with fstat, so a file swapped for a
 * FIFO between listing and reading is still never read from; and it is opened without
 * following a link (unless the walk reached it through one) and checked to be still inside
 * its root, so a folder swapped for a link out of the root mid-scan is never read through.
 */
export async function readEntry(file: string, maxFileSize: number, check: OpenCheck = {}): Promise<WalkEntry> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, openFlags(check));
    const st = await handle.stat();
    if (!st.isFile()) return { kind: 'skipped', path: file, reason: 'not-regular' };
    if (check.within !== undefined && !(await staysWithin(handle.fd, file, st, check.within))) return { kind: 'skipped', path: file, reason: 'changed' };
    // Never more than the engine can hold, whatever --max-file-size says (a data file's sample too).
    const want = bytesToRead(file, st.size, Math.min(maxFileSize, MAX_READ_BYTES));
    const tooLarge: SkippedEntry = { kind: 'skipped', path: file, reason: 'too-large', detail: String(st.size) };
    if (want < 0) return tooLarge;
    const buffer = Buffer.alloc(want);
    let read = 0;
    while (read < want) {
      const { bytesRead } = await handle.read(buffer, read, want - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const sampled = want < st.size;
    const bytes = sampled ? sampleBytes(buffer.subarray(0, read)) : buffer.subarray(0, read);
    if (bytes === undefined) return tooLarge;
    const decoded = decode(bytes);
    if (decoded === undefined) return { kind: 'skipped', path: file, reason: 'binary' };
    return { kind: 'file', path: file, text: decoded, size: sampled ? st.size : read, mtimeMs: st.mtimeMs, ...(sampled ? { sampled: true as const } : {}) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ELOOP' && !check.link) return { kind: 'skipped', path: file, reason: 'changed' };
    return { kind: 'skipped', path: file, reason: 'unreadable', detail: errorText(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The largest file the engine reads: its text must fit in one string (V8's limit is about
 * 512 MB of UTF-16 code units, fewer bytes for text that decodes to more), and a buffer this
 * big is already far more than any source file. Larger files are skipped as too large, in
 * every mode, whatever --max-file-size says.
 */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/** O_NOFOLLOW where the platform has it (not on Windows). */
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** How a file to scan is opened: read-only, non-blocking, and not through a link unless the walk found one. */
export function openFlags(check: OpenCheck): number {
  return fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (check.link ? 0 : NOFOLLOW);
}

/** Whether /proc/self/fd names open files (Linux): known after the first look. */
let procFd: boolean | undefined;

/**
 * Whether an opened file is inside `within` (a real path): its descriptor's path, as the
 * kernel names it, on Linux (one readlink, no walk of the path's parts); elsewhere the real
 * path of the name it was opened by, checked to be the same file as the descriptor (device
 * and inode), so a swap between the open and the check is seen too.
 */
export function staysWithinSync(fd: number, file: string, st: fs.Stats, within: string): boolean {
  if (procFd !== false) {
    try {
      const real = fs.readlinkSync(`/proc/self/fd/${fd}`);
      procFd = true;
      return inside(real, within);
    } catch {
      if (procFd === true) return false;
      procFd = false;
    }
  }
  try {
    const real = fs.realpathSync.native(file);
    if (!inside(real, within)) return false;
    const now = fs.statSync(real);
    return now.dev === st.dev && now.ino === st.ino;
  } catch {
    return false;
  }
}

async function staysWithin(fd: number, file: string, st: fs.Stats, within: string): Promise<boolean> {
  if (procFd !== false) {
    try {
      const real = await fs.promises.readlink(`/proc/self/fd/${fd}`);
      procFd = true;
      return inside(real, within);
    } catch {
      if (procFd === true) return false;
      procFd = false;
    }
  }
  return staysWithinSync(fd, file, st, within);
}

function inside(real: string, within: string): boolean {
  return real === within || real.startsWith(within.endsWith(path.sep) ? within : within + path.sep);
}

function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? (error instanceof Error ? error.message : String(error));
}
