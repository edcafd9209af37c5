import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { GitError, failure, spawnGit, startError } from './git';

/** What `git cat-file` says of one object: its type and size, and its content when asked for. */
export type ObjectInfo = { oid: string; type: string; size: number; content?: Buffer } | { oid: string; missing: true };

/** What `read` gives: an object's type and size, and what its reader made of its content. */
export type ObjectRead<T> = { oid: string; type: string; size: number; value: T } | { oid: string; missing: true };

/**
 * Makes something of an object's content. `bytes` is valid only during the call: it is a view
 * of the reader's own buffer (or of the pipe's chunk), overwritten by the next object.
 */
export type UseContent<T> = (bytes: Buffer, type: string) => T;

interface Waiting {
  use: UseContent<unknown> | undefined;
  resolve: (info: ObjectRead<unknown>) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` (contents) or `--batch-check` (type and size only)
 * process, asked for objects by id. Requests are written as they come and answered in the same
 * order, so many can be in flight at once (git reads ahead while we scan).
 *
 * `read` hands each object's content to a function as it arrives, as a view of bytes the
 * reader reuses (see `BatchOutput`): a thread that reads thousands of blobs and keeps only
 * their text (decoding copies the bytes into a string) leaves no blob's bytes behind.
 */
export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  /**
   * Requests in the order they were written; the answered ones before `head` are emptied at
   * once (see `next`) and cut off now and then.
   */
  private readonly waiting: (Waiting | undefined)[] = [];
  private head = 0;
  private readonly output: BatchOutput;
  private failed: Error | undefined;
  private stderr = '';
  /** Requests not yet written (see `ask`). */
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
    this.output = new BatchOutput(contents, {
      object: (oid, type, size, bytes) => this.deliver(oid, type, size, bytes),
      missing: (name) => this.next()?.resolve({ oid: name, missing: true }),
      malformed: () => {
        this.fail(new GitError('failed', `unexpected git cat-file output`));
        this.child.kill();
      },
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      if (!this.failed) this.output.receive(chunk);
    });
    this.child.stderr.on('data', (b: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += b.toString('utf8');
    });
    this.child.on('error', (error) => this.fail(startError(error)));
    this.child.on('close', (code) =>
      this.fail(code === 0 && this.waiting.length === this.head ? undefined : failure(this.stderr || `git cat-file exited with ${code}`)),
    );
    this.child.stdin.on('error', (error) => this.fail(new GitError('failed', error.message)));
  }

  /** Asks for one object (a full id, or any name git resolves); with its content in a buffer of its own. */
  get(oid: string): Promise<ObjectInfo> {
    const copy = this.contents ? (bytes: Buffer) => Buffer.from(bytes) : undefined;
    return this.ask(oid, copy).then((info) =>
      'missing' in info ? info : { oid: info.oid, type: info.type, size: info.size, ...(copy ? { content: info.value as Buffer } : {}) },
    );
  }

  /**
   * Asks for one object of a reader of contents, and has `use` make something of its content
   * as soon as it arrives (see `UseContent`); resolves with what `use` returned. When `use`
   * throws, that request fails and the others go on.
   */
  read<T>(oid: string, use: UseContent<T>): Promise<ObjectRead<T>> {
    if (!this.contents) return Promise.reject(new GitError('failed', 'git cat-file --batch-check has no contents'));
    return this.ask(oid, use) as Promise<ObjectRead<T>>;
  }

  private ask(oid: string, use: UseContent<unknown> | undefined): Promise<ObjectRead<unknown>> {
    if (this.failed) return Promise.reject(this.failed);
    // A name with a line break would be read as two requests: such a name names no object.
    if (/[\n\r]/.test(oid)) return Promise.resolve({ oid, missing: true });
    return new Promise((resolve, reject) => {
      if (this.idleUnref && this.inFlight === 0) this.hold(true);
      this.waiting.push({ use, resolve, reject });
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
    while (this.head < this.waiting.length) this.waiting[this.head++]?.reject(reason);
    this.waiting.length = 0;
    this.head = 0;
  }

  /**
   * The oldest waiting request, taken out of the list. Its slot is emptied at once: an answered
   * request left in the list kept its promise, and so its answer, alive until the list was cut
   * (up to 1,024 answers: on sqlalchemy's history, 60–100 MB of old CHANGES file versions per
   * scanning thread, long after their scans had ended).
   */
  private next(): Waiting | undefined {
    const w = this.waiting[this.head];
    this.waiting[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    if (this.idleUnref && this.inFlight === 0) this.hold(false);
    return w;
  }

  /** Answers the oldest request: with what its `use` made of the content, if any. */
  private deliver(oid: string, type: string, size: number, bytes: Buffer | undefined): void {
    const w = this.next();
    if (!w) return;
    let value: unknown;
    try {
      value = bytes && w.use ? w.use(bytes, type) : undefined;
    } catch (error) {
      w.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    w.resolve({ oid, type, size, value });
  }
}

/** What `BatchOutput` found: called in the order of the output. */
export interface BatchHandlers {
  /**
   * An object: its header, and with contents its bytes, complete (valid only during the call:
   * see `BatchOutput`).
   */
  object(oid: string, type: string, size: number, bytes: Buffer | undefined): void;
  /** A name git found no object for (`<name> missing`, or `ambiguous`). */
  missing(name: string): void;
  /** A line that is no header: nothing after it can be trusted. */
  malformed(): void;
}

/** Contents up to this size are gathered in one buffer kept for the next object. */
const KEEP_BYTES = 4 << 20;
const EMPTY = Buffer.alloc(0);

/**
 * Parses the output of `git cat-file --batch` (headers, each followed by its object's content
 * and a newline) or `--batch-check` (headers only), fed in chunks as the pipe gives them.
 *
 * An object's content is handed over as a view of bytes the parser reuses, never as a buffer of
 * its own: a content that came in one chunk is passed as that part of the chunk, one split
 * across chunks is gathered in a buffer kept from object to object (grown up to `KEEP_BYTES`;
 * a larger content gets a buffer of its own). A buffer per blob used to stay in the scanning
 * thread's C heap until a garbage collection freed it, and the C heap kept those pages resident.
 */
export class BatchOutput {
  /** The start of a header line not yet ended (in `line`, `lineBytes` long). */
  private line = Buffer.allocUnsafe(0);
  private lineBytes = 0;
  /** The object whose content is being received; `into` gathers it when it comes in pieces. */
  private body: { oid: string; type: string; size: number; got: number; into: Buffer | undefined } | undefined;
  /** The newline git writes after each content is still to come. */
  private eol = false;
  /** The buffer kept for contents split across chunks. */
  private kept = Buffer.allocUnsafe(0);
  private broken = false;

  constructor(
    private readonly contents: boolean,
    private readonly handlers: BatchHandlers,
  ) {}

  /** Takes the next chunk of output (the parser keeps no reference to it). */
  receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.broken) {
      if (this.eol) {
        // The newline git adds after each content.
        this.eol = false;
        at++;
        continue;
      }
      const b = this.body;
      if (b) {
        const take = Math.min(b.size - b.got, chunk.length - at);
        if (b.got === 0 && take === b.size) {
          // The whole content is in this chunk: used where it lies, no copy.
          this.body = undefined;
          this.eol = true;
          this.handlers.object(b.oid, b.type, b.size, chunk.subarray(at, at + take));
        } else {
          b.into ??= this.room(b.size);
          chunk.copy(b.into, b.got, at, at + take);
          b.got += take;
          if (b.got === b.size) {
            this.body = undefined;
            this.eol = true;
            this.handlers.object(b.oid, b.type, b.size, b.into.subarray(0, b.size));
          }
        }
        at += take;
        continue;
      }
      const nl = chunk.indexOf(0x0a, at);
      if (nl < 0) {
        this.keepLine(chunk, at, chunk.length);
        return;
      }
      let line: string;
      if (this.lineBytes > 0) {
        this.keepLine(chunk, at, nl);
        line = this.line.toString('utf8', 0, this.lineBytes);
        this.lineBytes = 0;
      } else line = chunk.toString('utf8', at, nl);
      at = nl + 1;
      this.header(line);
    }
  }

  /** Adds the start of a header line that goes on in the next chunk to `line`. */
  private keepLine(chunk: Buffer, from: number, to: number): void {
    const need = this.lineBytes + to - from;
    if (need > this.line.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * this.line.length, 256));
      this.line.copy(grown, 0, 0, this.lineBytes);
      this.line = grown;
    }
    chunk.copy(this.line, this.lineBytes, from, to);
    this.lineBytes = need;
  }

  /** A buffer for a content of `size` bytes (see the class). */
  private room(size: number): Buffer {
    if (size <= this.kept.length) return this.kept;
    if (size > KEEP_BYTES) return Buffer.allocUnsafe(size);
    this.kept = Buffer.allocUnsafe(Math.min(KEEP_BYTES, Math.max(size, 2 * this.kept.length, 64 * 1024)));
    return this.kept;
  }

  /** A header line: `<oid> <type> <size>`, or `<name> missing` (or `ambiguous`). */
  private header(line: string): void {
    const parts = line.split(' ');
    const last = parts[parts.length - 1];
    if (last === 'missing' || last === 'ambiguous') {
      this.handlers.missing(parts.slice(0, -1).join(' '));
      return;
    }
    const [oid, type, sizeText] = parts;
    const size = Number(sizeText);
    if (parts.length !== 3 || sizeText === '' || !Number.isSafeInteger(size) || size < 0) {
      this.broken = true;
      this.handlers.malformed();
      return;
    }
    if (!this.contents) this.handlers.object(oid, type, size, undefined);
    else if (size === 0) {
      // Only the newline after the (empty) content is left to read.
      this.eol = true;
      this.handlers.object(oid, type, size, EMPTY);
    } else this.body = { oid, type, size, got: 0, into: undefined };
  }
}
