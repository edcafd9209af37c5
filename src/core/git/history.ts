import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../config';
import { findingIdentity } from '../fingerprint';
import type { ScanPool } from '../pool/pool';
import type { LocatedFinding, Provenance, ScanReport, SkippedFile } from '../report/model';
import type { ScanConfig } from '../types';
import { DEFAULT_IGNORE_FILES, PathRules } from '../walk';
import { blobWanted } from './blob';
import { CatFile } from './cat-file';
import type { HistoryCache } from './history-cache';
import { failure, GitError, PACK_WINDOWS, resolveCommit, runGit, spawnGit, splitZ, startError } from './git';
import { LOG_FORMAT, parseLog, type RawChange } from './log';

export interface HistoryOptions {
  /** A folder inside the repository. */
  cwd: string;
  /** Limit to these paths (relative to `cwd`); all when empty. */
  paths?: readonly string[];
  /** Only commits after this ref (not reachable from it), or after this date. */
  since?: string;
  /** Every ref (branches, tags, stashes …), not only HEAD. */
  all?: boolean;
  maxFileSize: number;
  exclude?: readonly string[];
  config?: ScanConfig;
  pool: ScanPool;
  isCancelled?: () => boolean;
  /** Called after each blob scanned (progress). */
  onBlob?: () => void;
  /** Results of blobs scanned by earlier runs: those are not read again, and new ones are added. */
  cache?: HistoryCache;
}

/** Modes of a link and of a submodule: no file content to scan. */
const LINK_MODE = '120000';
const GITLINK_MODE = '160000';
/** Bytes of blob text in flight (read and not yet scanned) at most, whatever the blobs' number. */
const MAX_IN_FLIGHT_BYTES = 16 * 1024 * 1024;

/**
 * Scans every unique blob reachable from HEAD (or from every ref), each once however many
 * commits and paths hold it, and names for each finding the commit that brought the blob in
 * (its first commit in topological order), the path it had there, and whether HEAD still has
 * it there. git is read through three long-lived processes: one `git log --raw` that streams
 * the changes of every commit oldest first, one `git cat-file --batch-check` for sizes and one
 * `git cat-file --batch` for contents; never a process per commit or per blob. Memory stays
 * bounded: a blob's text is held only while it is scanned (at most 16 MB of them in flight),
 * and what is kept per blob is its 20-byte id.
 */
export async function scanHistory(options: HistoryOptions): Promise<ScanReport> {
  const { top, gitDir } = await repository(options.cwd);
  const head = await resolveCommit('HEAD', top);
  const history: ScanReport['history'] = { repositoryUri: await repositoryUri(top, gitDir), commits: 0, ...(head ? { head } : {}) };
  const branch = await runGit(['symbolic-ref', '--short', '-q', 'HEAD'], top).then(
    (b) => b.toString('utf8').trim(),
    () => '',
  );
  if (branch) history.branch = branch;
  const report: ScanReport = { version: VERSION, root: top, filesScanned: 0, findings: [], skipped: [], history };
  if (!head && !options.all) return report;

  // HEAD's files: path → blob id, to say whether a finding is still there.
  const inHead = new Map<string, string>();
  if (head) {
    for (const line of splitZ(await runGit(['ls-tree', '-r', '-z', '--full-tree', head], top))) {
      const tab = line.indexOf('\t');
      const [, type, oid] = line.slice(0, tab).split(' ');
      if (type === 'blob') inHead.set(line.slice(tab + 1), oid);
    }
  }

  const range: string[] = [];
  if (options.since !== undefined) {
    if (options.since.startsWith('-')) throw new GitError('bad-ref', options.since, options.since);
    const since = await resolveCommit(options.since, top);
    if (since) range.push(`^${since}`);
    else if (isDate(options.since)) range.push(`--since=${options.since}`);
    else throw new GitError('bad-ref', options.since, options.since);
  }
  const specs = (options.paths ?? []).map((p) => {
    const rel = path.relative(top, path.resolve(options.cwd, p)).split(path.sep).join('/');
    return rel === '' ? '.' : rel;
  });
  const log = spawnGit(
    [
      // Its delta bases are trees, small and read once: 8 MB of them instead of git's 96.
      ...PACK_WINDOWS,
      '-c',
      'core.deltaBaseCacheLimit=8m',
      'log',
      '--reverse',
      '--topo-order',
      '--full-history',
      '--no-renames',
      '--diff-merges=first-parent',
      '--root',
      '--raw',
      '-z',
      '--no-abbrev',
      '--no-ext-diff',
      '--no-textconv',
      LOG_FORMAT,
      ...(options.all ? ['--all'] : ['HEAD']),
      ...range,
      '--',
      ...specs,
    ],
    top,
  );
  let logError = '';
  log.stderr.on('data', (b: Buffer) => {
    if (logError.length < 4096) logError += b.toString('utf8');
  });
  let startFailure: GitError | undefined;
  log.on('error', (error) => (startFailure = startError(error)));
  const exited = new Promise<number | null>((resolve) => log.on('close', resolve));
  log.stdin.end();

  const check = new CatFile(top, false, false, PACK_WINDOWS);
  const rules = new PathRules(top, { exclude: options.exclude ?? [], ignoreFiles: DEFAULT_IGNORE_FILES.filter((n) => n !== '.gitignore') });
  const seen = new Set<string>();
  const skippedPaths = new Set<string>();
  const found: FoundIn[] = [];
  const shared = new SharedStrings();
  const running = new Set<Promise<void>>();
  const limit = options.pool.parallelism * 64;
  const refillAt = limit / 2;
  const budget = new ByteBudget(MAX_IN_FLIGHT_BYTES);
  let wake: (() => void) | undefined;
  let failed: { error: unknown } | undefined;
  let seq = 0;
  let lastCommit = '';

  // Skips are kept with the blob's place in the log, so the report lists them in history order
  // whatever order the scans finish in.
  const skipped: { seq: number; skip: SkippedFile }[] = [];
  const skipAt = (n: number, change: RawChange, reason: SkippedFile['reason'], detail?: string) => {
    skipped.push({ seq: n, skip: { path: `${change.path}@${change.commit.slice(0, 7)}`, reason, ...(detail ? { detail } : {}) } });
  };

  /** A blob's result, scanned now or from the cache, into the report. */
  const scanned = (
    n: number,
    change: RawChange,
    findings: readonly LocatedFinding[],
    skips: readonly Pick<SkippedFile, 'reason' | 'detail'>[],
    carried: readonly number[] | undefined,
    before: readonly number[] | undefined,
  ) => {
    report.filesScanned++;
    for (const e of skips) skipAt(n, change, e.reason, e.detail);
    if (findings.length > 0) {
      const isHead = inHead.get(change.path) === change.oid;
      const commit = { hash: change.commit, date: new Date(change.time * 1000).toISOString(), inHead: isHead };
      found.push({
        seq: n,
        oid: change.oid,
        path: change.path,
        ...(isZero(change.parent) ? {} : { parent: change.parent }),
        isHead,
        ...(carried && carried.length > 0 ? { carried: new Set(carried) } : {}),
        ...(before && before.length > 0 ? { before: new Set(before) } : {}),
        // Without fixes: their edits are for an editor's open file, and would only hold memory here.
        findings: findings.map((f) => shared.finding(f, commit)),
      });
    }
    options.onBlob?.();
  };

  const scanBlob = async (n: number, change: RawChange, parentOutside: boolean): Promise<void> => {
    const skip = (reason: SkippedFile['reason'], detail?: string) => skipAt(n, change, reason, detail);
    const info = await check.get(change.oid);
    if ('missing' in info || info.type !== 'blob') return skip('unreadable', 'object missing');
    if (!blobWanted(change.path, info.size, options.maxFileSize)) return skip('too-large', String(info.size));
    // The scan is started only once the blob fits in the bytes in flight: a run of large blobs
    // (every version of a 1 MB changelog) would otherwise be read all at once.
    await budget.take(info.size);
    try {
      // A scan stopped while this blob waited: it is not started.
      if (options.isCancelled?.()) return;
      // The scanning thread reads the blob itself (git cat-file of its own), decodes and scans it.
      const result = await options.pool.run({
        path: change.path,
        display: change.path,
        maxFileSize: options.maxFileSize,
        blob: { repo: top, oid: change.oid, ...(isZero(change.parent) ? {} : { parent: change.parent, ...(parentOutside ? { parentOutside } : {}) }) },
        ...(options.config ? { config: options.config } : {}),
      });
      if (result.kind === 'cancelled') return;
      if (result.kind === 'skipped') {
        options.cache?.setSkipped(change.oid, change.path, result.skip);
        return skip(result.skip.reason, result.skip.detail);
      }
      if (result.kind !== 'scanned') return;
      // Without fixes: their edits are for an editor's open file, and would only hold memory here.
      const findings = result.findings.map(({ fixes, ...f }) => (void fixes, f));
      options.cache?.setScanned(change.oid, change.path, findings, result.errors, result.dateSensitive, result.carried, result.before);
      scanned(n, change, findings, result.errors, result.carried, parentOutside ? result.before : undefined);
    } finally {
      budget.give(info.size);
    }
  };

  try {
    for await (const change of parseLog(log.stdout)) {
      if (options.isCancelled?.()) break;
      if (change.commit !== lastCommit) {
        lastCommit = change.commit;
        history.commits++;
      }
      if (change.status === 'D' || isZero(change.oid)) continue;
      if (await rules.excluded(path.join(top, ...change.path.split('/')))) continue;
      if (change.mode === GITLINK_MODE || change.mode === LINK_MODE) {
        // Said once per path, not once per commit that moved the link or the submodule.
        if (!skippedPaths.has(change.path)) {
          skippedPaths.add(change.path);
          skipAt(seq, change, change.mode === LINK_MODE ? 'symlink' : 'submodule');
        }
        continue;
      }
      const key = blobKey(change.oid);
      if (seen.has(key)) continue;
      seen.add(key);
      const n = seq++;
      // The version before this one is not scanned by this run (older than --since): whether it
      // had this version's findings is asked of the scan, so one that came in before the range
      // is not listed as if this commit brought it.
      const parentOutside = !isZero(change.parent) && !seen.has(blobKey(change.parent));
      const known = options.cache?.get(change.oid, change.path);
      // A result cached by a run that scanned the previous version does not say what it had.
      if (known && !(parentOutside && known.carried && known.carried.length > 0 && !known.before)) {
        // Scanned by an earlier run: its result as it was, without asking git for the blob.
        if (known.skipped) skipAt(n, change, known.skipped.reason, known.skipped.detail);
        else scanned(n, change, known.findings ?? [], known.skips ?? [], known.carried, parentOutside ? known.before : undefined);
        continue;
      }
      const done: Promise<void> = scanBlob(n, change, parentOutside).then(
        () => {
          running.delete(done);
          // Refilled by halves, not one blob per finished scan: the ids then go to git in one
          // write per half, where one write per blob cost a tenth of the main thread's time.
          if (running.size <= refillAt) {
            const w = wake;
            wake = undefined;
            w?.();
          }
        },
        (error: unknown) => {
          running.delete(done);
          failed ??= { error };
          const w = wake;
          wake = undefined;
          w?.();
        },
      );
      running.add(done);
      while (running.size >= limit && !failed) await new Promise<void>((resolve) => (wake = resolve));
      if (failed) throw failed.error;
    }
    if (options.isCancelled?.()) {
      options.pool.cancel();
      log.kill();
    }
    await Promise.all(running);
    if (failed) throw failed.error;
    if (startFailure) throw startFailure;
    const code = await exited;
    if (code !== 0 && !options.isCancelled?.()) throw failure(logError || `git log exited with ${code}`);
  } finally {
    if (log.exitCode === null) log.kill();
    check.close();
  }

  const { repeats, earlier } = listOnce(found, report.findings);
  if (repeats > 0) history.repeats = repeats;
  if (earlier > 0) history.earlier = earlier;
  skipped.sort((a, b) => a.seq - b.seq);
  for (const s of skipped) report.skipped.push(s.skip);
  return report;
}

/** One blob's findings, with what `listOnce` needs to tell a finding that came in from one carried over. */
interface FoundIn {
  /** The blob's place in the log (oldest first). */
  seq: number;
  oid: string;
  path: string;
  /** The blob the path held before (absent when the commit added the file). */
  parent?: string;
  /** HEAD holds this blob at this path. */
  isHead: boolean;
  /** Findings whose lines the parent version holds too (FileResult.carried). */
  carried?: Set<number>;
  /** Findings the parent version had too, when this run does not scan it (FileResult.before). */
  before?: Set<number>;
  findings: LocatedFinding[];
}

/**
 * Puts the findings into `out` in history order, each once: where it came in. A finding of a
 * later version of a file is the same finding when its lines are unchanged from the version
 * before and that version had a finding of the same rule and identity (fingerprint) there; it is
 * not listed again, and when that later version is HEAD's, the finding listed is marked as still
 * in HEAD. A value replaced on its line is a new line, so a new finding, listed with its own
 * commit (a rotated key is a second secret in the history). A finding that the version before
 * the scanned range had already (`before`) came in before the range and is not listed. Returns
 * the numbers not listed: repeats, and findings from before the range.
 */
function listOnce(found: FoundIn[], out: LocatedFinding[]): { repeats: number; earlier: number } {
  found.sort((a, b) => a.seq - b.seq);
  const identity = (f: LocatedFinding) => findingIdentity(f.ruleId, f.fingerprint ?? `${f.line}:${f.column}`);
  /** The identities of each version's findings, by blob and path. */
  const had = new Map<string, Set<string>>();
  /** The finding last listed for a path and identity: the one a later unchanged line carries. */
  const listed = new Map<string, LocatedFinding>();
  let repeats = 0;
  let earlier = 0;
  for (const blob of found) {
    const ids = blob.findings.map(identity);
    const before = blob.parent !== undefined ? had.get(`${blob.parent} ${blob.path}`) : undefined;
    had.set(`${blob.oid} ${blob.path}`, new Set(ids));
    blob.findings.forEach((f, i) => {
      const key = `${blob.path}\u0000${ids[i]}`;
      if (blob.before?.has(i)) {
        earlier++;
        return;
      }
      if (before?.has(ids[i]) && blob.carried?.has(i)) {
        const first = listed.get(key);
        // None listed: the finding came in before the range (counted once, as `earlier`).
        if (!first) return;
        repeats++;
        if (blob.isHead && first.commit && !first.commit.inHead) first.commit = { ...first.commit, inHead: true };
        return;
      }
      listed.set(key, f);
      out.push(f);
    });
  }
  return { repeats, earlier };
}

/** A blob id as the key `seen` holds: 20 bytes (a 40-digit id as a one-byte string of its binary form). */
function blobKey(oid: string): string {
  return Buffer.from(oid, 'hex').toString('latin1');
}

function isZero(oid: string): boolean {
  return /^0+$/.test(oid);
}

/**
 * One copy of each string that many findings repeat: rule, category, severity, message id, path,
 * the short words of a message's data, and each list of guideline ids. A finding comes from its
 * scanning thread as a copy of its own, strings and all, and a history scan holds every finding
 * until the report is written (28,642 on sqlalchemy's history).
 */
class SharedStrings {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  /** The finding as it is kept for the report, with the commit that brought it in. */
  finding(f: LocatedFinding, commit: Provenance): LocatedFinding {
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(f.data)) data[key] = value.length <= 64 ? this.string(value) : value;
    // Copied, then its fields set: a spread that gives fields again (`{ ...f, ruleId }`) made a
    // hidden class of its own for every finding, some 450 bytes each (10 MB of the main
    // thread's heap on sqlalchemy's history); copies of findings of one shape share one.
    const kept = { ...f };
    kept.ruleId = this.string(f.ruleId);
    kept.category = this.string(f.category);
    kept.severity = this.string(f.severity);
    kept.messageId = this.string(f.messageId);
    kept.data = data;
    kept.guidelines = this.list(f.guidelines);
    kept.path = this.string(f.path);
    kept.commit = commit;
    return kept;
  }

  private string<T extends string>(s: T): T {
    const known = this.strings.get(s);
    if (known !== undefined) return known as T;
    this.strings.set(s, s);
    return s;
  }

  /** One array per list of ids (no one changes a finding's guideline list). */
  private list(ids: string[]): string[] {
    const key = ids.join('\n');
    const known = this.lists.get(key);
    if (known) return known;
    const list = ids.map((id) => this.string(id));
    this.lists.set(key, list);
    return list;
  }
}

/**
 * Bytes that may be held at once, handed out in order of asking. One request larger than the
 * whole budget is let through when nothing else is held, so a large blob is never stuck.
 */
class ByteBudget {
  private used = 0;
  private readonly waiting: { bytes: number; resolve: () => void }[] = [];

  constructor(private readonly limit: number) {}

  take(bytes: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(bytes)) {
      this.used += bytes;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ bytes, resolve }));
  }

  give(bytes: number): void {
    this.used -= bytes;
    while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
      const next = this.waiting.shift() as { bytes: number; resolve: () => void };
      this.used += next.bytes;
      next.resolve();
    }
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.limit;
  }
}

/** Whether `text` reads as a date git understands: an ISO-like date, or `<n> <unit>s ago`. */
export function isDate(text: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return Number.isFinite(Date.parse(text.slice(0, 10)));
  return /^\d+[ .](?:second|minute|hour|day|week|month|year)s?[ .]ago$/.test(text);
}

/** The repository's top folder (or its git folder when it has no work tree). */
async function repository(cwd: string): Promise<{ top: string; gitDir: string }> {
  const out = (await runGit(['rev-parse', '--absolute-git-dir', '--is-bare-repository'], cwd)).toString('utf8').split('\n');
  const gitDir = out[0];
  if (out[1] === 'true') return { top: gitDir, gitDir };
  const top = (await runGit(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  return { top: top || gitDir, gitDir };
}

/**
 * The repository as a URL for SARIF: its `origin` remote with any user name or password taken
 * out (a token in a remote URL is a secret too), else the folder's file URL.
 */
async function repositoryUri(top: string, gitDir: string): Promise<string> {
  const remote = await runGit(['config', '--get', 'remote.origin.url'], top).then(
    (b) => b.toString('utf8').trim(),
    () => '',
  );
  if (remote) {
    try {
      const url = new URL(remote);
      url.username = '';
      url.password = '';
      return url.href;
    } catch {
      // scp-like `user@host:path`: the part before `@` is a user name, not a secret, but dropped too.
      const scp = /^(?:[^@/]+@)?([^:/]+):(.+)$/.exec(remote);
      if (scp) return `ssh://${scp[1]}/${scp[2]}`;
    }
  }
  return pathToFileURL(top === gitDir ? gitDir : top).href;
}
