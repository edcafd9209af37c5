import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { GitError, failure, spawnGit, startError } from './git';

/** What `git cat-file` says of one object: its type and size, and its content when asked for. */
export type ObjectInfo = { oid: string; type: string; size: number; content?: Buffer } | { oid: string; missing: true };

interface Waiting {
  resolve: (info: ObjectInfo) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` (contents) or `--batch-check` (type and size only)
 * process, asked for objects by id. Requests are written as they come and answered in the same
 * order, so many can be in flight at once (git reads ahead while we scan). Each object's content
 * is copied once, into a buffer of its exact size.
 */
export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Waiting[] = [];
  private head = 0;
  /** Bytes received and not yet parsed. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The object whose content is being received. */
  private body: { oid: string; type: string; size: number; buf: Buffer; got: number } | undefined;
  private failed: Error | undefined;
  private stderr = '';
  /** Requests not yet written (see `get`). */
  private outbox: string[] = [];

  /**
   * With `idleUnref`, the process keeps the calling thread alive only while requests wait for
   * their answer: a reader kept open between scans never holds a process open at its end.
   * `gitConfig`: `-c name=value` pairs for this git process.
   */
  constructor(
    cwd: string,
    private readonly contents: boolean,
    private readonly idleUnref = false,
    gitConfig: readonly string[] = [],
  ) {
    this.child = spawnGit([...gitConfig, 'cat-file', contents ? '--batch' : '--batch-check'], cwd);
    if (idleUnref) this.hold(false);
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (b: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += b.toString('utf8');
    });
    this.child.on('error', (error) => this.fail(startError(error)));
    this.child.on('close', (code) =>
      this.fail(code === 0 && this.waiting.length === this.head ? undefined : failure(this.stderr || `git cat-file exited with ${code}`)),
    );
    this.child.stdin.on('error', (error) => this.fail(new GitError('failed', error.message)));
  }

  /** Asks for one object (a full id, or any name git resolves). */
  get(oid: string): Promise<ObjectInfo> {
    if (this.failed) return Promise.reject(this.failed);
    // A name with a line break would be read as two requests: such a name names no object.
    if (/[\n\r]/.test(oid)) return Promise.resolve({ oid, missing: true });
    return new Promise((resolve, reject) => {
      if (this.idleUnref && this.inFlight === 0) this.hold(true);
      this.waiting.push({ resolve, reject });
      // Requests made in the same tick go out in one write: one write per object cost more
      // than a tenth of the main thread's time on a history of 11,000 blobs.
      if (this.outbox.length === 0) setImmediate(() => this.flush());
      this.outbox.push(oid);
    });
  }

  private flush(): void {
    if (this.outbox.length === 0 || this.failed) return;
    const lines = `${this.outbox.join('\n')}\n`;
    this.outbox = [];
    this.child.stdin.write(lines);
  }

  /** Whether the process failed or ended: a new one is needed for further requests. */
  get broken(): boolean {
    return this.failed !== undefined || this.child.exitCode !== null;
  }

  /** Lets the process (and its pipes) keep the thread alive, or not. */
  private hold(on: boolean): void {
    for (const h of [this.child, this.child.stdin as unknown as Socket, this.child.stdout as unknown as Socket, this.child.stderr as unknown as Socket]) {
      if (on) h.ref?.();
      else h.unref?.();
    }
  }

  /** Requests waiting for their answer. */
  get inFlight(): number {
    return this.waiting.length - this.head;
  }

  /** Ends the process (its pending requests fail). */
  close(): void {
    this.flush();
    this.child.stdin.end();
    if (this.inFlight > 0) this.child.kill();
  }

  private fail(error: Error | undefined): void {
    if (error) this.failed ??= error;
    const reason = this.failed ?? new GitError('failed', 'git cat-file ended');
    while (this.head < this.waiting.length) this.waiting[this.head++].reject(reason);
    this.waiting.length = 0;
    this.head = 0;
  }

  private answer(info: ObjectInfo): void {
    const w = this.waiting[this.head++];
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    if (this.idleUnref && this.inFlight === 0) this.hold(false);
    w?.resolve(info);
  }

  private receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.body) {
        // Content, then the newline git adds after it.
        const b = this.body;
        const want = b.size + 1 - b.got;
        const take = Math.min(want, chunk.length - at);
        const copy = Math.min(take, b.size - b.got);
        if (copy > 0) chunk.copy(b.buf, b.got, at, at + copy);
        b.got += take;
        at += take;
        if (b.got === b.size + 1) {
          this.body = undefined;
          this.answer({ oid: b.oid, type: b.type, size: b.size, content: b.buf });
        }
        continue;
      }
      const nl = chunk.indexOf(0x0a, at);
      if (nl < 0) {
        this.pending.push(chunk.subarray(at));
        this.pendingBytes += chunk.length - at;
        return;
      }
      let line: string;
      if (this.pendingBytes > 0) {
        this.pending.push(chunk.subarray(at, nl));
        line = Buffer.concat(this.pending).toString('utf8');
        this.pending = [];
        this.pendingBytes = 0;
      } else line = chunk.toString('utf8', at, nl);
      at = nl + 1;
      this.header(line);
    }
  }

  /** A header line: `<oid> <type> <size>`, or `<name> missing` (or `ambiguous`). */
  private header(line: string): void {
    const parts = line.split(' ');
    const last = parts[parts.length - 1];
    if (last === 'missing' || last === 'ambiguous') {
      this.answer({ oid: parts.slice(0, -1).join(' '), missing: true });
      return;
    }
    const [oid, type, sizeText] = parts;
    const size = Number(sizeText);
    if (!Number.isSafeInteger(size) || size < 0) {
      this.fail(new GitError('failed', `unexpected git cat-file output`));
      this.child.kill();
      return;
    }
    if (!this.contents) {
      this.answer({ oid, type, size });
      return;
    }
    this.body = { oid, type, size, buf: Buffer.allocUnsafe(size), got: 0 };
    if (size === 0) {
      // Only the newline after the (empty) content is left to read.
      this.body.buf = Buffer.alloc(0);
    }
  }
}
