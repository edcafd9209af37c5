import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writing files so that a kill, a full disk or a failed rename never leaves a partial file in
 * place of a good one: the text goes to a temporary file in the same folder, is flushed, and is
 * renamed over the target in one step. Temporary files are named
 * `.<name>.mamori-<pid>-<random>.tmp`, so the ones a killed run left can be told apart and swept.
 */

/** Temporary files being written by this process, removed if it exits before renaming them. */
const live = new Set<string>();
let exitHook = false;

/**
 * Remembers a file to remove if this process exits before it is done with it: a process that
 * exits (a second Ctrl+C, an uncaught error) between creating and renaming its temporary file
 * removes it on the way out; only a kill can leave one, and the next write to the same folder
 * sweeps it.
 */
function track(file: string): void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const t of live) {
        try {
          fs.unlinkSync(t);
        } catch {
          // Already gone.
        }
      }
    });
  }
  live.add(file);
}

/** Our temporary file names: `.<target name>.mamori-<pid>-<hex>.tmp`. */
const TEMP = /^\.(.+)\.mamori-(\d{1,10})-[0-9a-f]{8}\.tmp$/;

/** Whether a file name is one of the temporary files this module writes. */
export function isMamoriTemp(name: string): boolean {
  return name.endsWith('.tmp') && TEMP.test(path.basename(name));
}

/**
 * Writes `data` to `file` atomically: readers see the old file or the whole new one, never a
 * part. The temporary file is created exclusively (a planted file or link in its place is
 * never written through) and removed on every failure. Missing folders are made.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeFileAtomicChunks(file, [data]);
}

/**
 * Writes a text given in pieces to `file`, atomically as `writeFileAtomic` does, without ever
 * holding the whole text: the pieces are gathered into writes of about 1 MB. A report of tens
 * of MB (a history scan's) is made and written a finding at a time. A piece that throws (a
 * report that cannot be made) leaves the previous file as it was, as a failed write does.
 */
export function writeFileAtomicChunks(file: string, chunks: Iterable<string | Uint8Array>): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  sweepStaleTemps(target);
  const tmp = path.join(dir, `.${path.basename(target)}.mamori-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  track(tmp);
  try {
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
    try {
      for (const piece of batches(chunks)) {
        const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
        let at = 0;
        while (at < buffer.length) at += fs.writeSync(fd, buffer, at, buffer.length - at);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    live.delete(tmp);
  } catch (error) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // Never made, or already renamed.
    }
    live.delete(tmp);
    throw error;
  }
}

/** Characters gathered before a write: few system calls, little held. */
const BATCH_CHARS = 1 << 20;

/**
 * Short pieces of text gathered into ones of about 1 MB (each longer piece, and each byte
 * buffer, passed on as it is): for writing a text made in many short pieces.
 */
export function* batches(chunks: Iterable<string | Uint8Array>): Generator<string | Uint8Array> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== 'string' || chunk.length >= BATCH_CHARS) {
      if (parts.length > 0) yield parts.join('');
      parts = [];
      length = 0;
      yield chunk;
      continue;
    }
    parts.push(chunk);
    length += chunk.length;
    if (length >= BATCH_CHARS) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

/** A temporary file this old is stale even when a process with its pid is running (pids are reused). */
const STALE_MS = 60 * 60 * 1000;

/**
 * Removes temporary files that an earlier write of `file` left in its folder: those of a
 * process that is no longer running, and any older than an hour.
 */
export function sweepStaleTemps(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const m = TEMP.exec(name);
    if (!m || m[1] !== base) continue;
    const full = path.join(dir, name);
    if (live.has(full)) continue;
    const pid = Number(m[2]);
    let stale = pid !== process.pid && !running(pid);
    if (!stale) {
      try {
        stale = now - fs.lstatSync(full).mtimeMs > STALE_MS;
      } catch {
        continue;
      }
    }
    if (!stale) continue;
    try {
      fs.unlinkSync(full);
    } catch {
      // Removed by another run at the same time, or not ours to remove.
    }
  }
}

/** Whether a process with this id is running (a signal 0 reaches it, or it exists but is not ours). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock this old is taken over even when a process with its pid is running. */
const LOCK_STALE_MS = 30_000;
/** How long a run waits for another run's lock before giving up. */
const LOCK_WAIT_MS = 15_000;

/**
 * Runs `fn` holding `<file>.lock`, made exclusively, so runs that share a file (parallel CI
 * jobs sharing one cache) read, merge and write it one at a time. A lock whose process is gone
 * (killed) or that is older than 30 s is taken over; one held longer than 15 s is an error.
 */
export function withFileLock<T>(file: string, fn: () => T): T {
  const lock = `${path.resolve(file)}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    let age = 0;
    try {
      holder = Number(fs.readFileSync(lock, 'utf8'));
      age = Date.now() - fs.statSync(lock).mtimeMs;
    } catch {
      continue; // Released between our attempt and the read: try again.
    }
    if ((Number.isInteger(holder) && holder > 0 && holder !== process.pid && !running(holder)) || age > LOCK_STALE_MS) {
      try {
        fs.unlinkSync(lock);
      } catch {
        // Another waiter took it over first.
      }
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw Object.assign(new Error(`${lock} is held by process ${holder}`), { code: 'ELOCKED', path: lock });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.floor(Math.random() * 20));
  }
  track(lock);
  try {
    return fn();
  } finally {
    live.delete(lock);
    try {
      fs.unlinkSync(lock);
    } catch {
      // Taken over as stale by another run: nothing of ours to remove.
    }
  }
}
