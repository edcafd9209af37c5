import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatFromName } from '../documents/detect';
import type { DocumentJob, DocumentResult, ScanJob, FileResult, FromWorker, PoolJob, SkippedResult, ToWorker } from './protocol';
import { idleBlobs } from './blob-source';
import { LOADER, type CodeCacheState } from './code-cache';
import { JobQueue } from './queue';
import { runJob } from './scan-file';

/** How a pool is set up. Every field has a default that suits the CLI and the extension. */
export interface PoolOptions {
  /** Worker threads (default: `os.availableParallelism()`); 0 scans in the calling thread. */
  size?: number;
  /** The worker bundle (default: `worker.js` beside the running bundle, i.e. dist/worker.js). */
  workerPath?: string;
  /** A file whose scan takes longer is given up on and its worker replaced (default 60 s). */
  fileTimeoutMs?: number;
  /** Idle workers are stopped after this long, so an idle editor holds no threads (default 15 s). */
  idleMs?: number;
  /** Heap limit of each worker in MB: a hostile file fails alone instead of exhausting memory. */
  maxHeapMb?: number;
  /**
   * Young-generation size of each worker in MB (V8's default when unset). A smaller one holds
   * less memory for the same work where a scan allocates much short-lived text (history).
   */
  youngGenerationMb?: number;
  /**
   * How long every worker must have had jobs waiting before one more is started (see `grow`).
   * Default: as long as the last worker took to start, times the workers running. 0 starts a
   * worker whenever a job finds none idle, up to `size`.
   */
  growAfterMs?: number;
  /**
   * A folder for V8's code cache of the worker bundle (see ./code-cache.ts): workers compile
   * the engine from it, and write it when it is missing. None: each worker compiles it all.
   */
  codeCacheDir?: string;
}

/** What a job comes to when the pool was cancelled before it finished. */
export interface CancelledResult {
  kind: 'cancelled';
  path: string;
}

/** A file job's outcome. */
export type PoolResult = FileResult | CancelledResult;

/** A document job's outcome. */
export type DocumentPoolResult = DocumentResult | CancelledResult;

interface Pending {
  id: number;
  job: PoolJob;
  /** The file's format by its name ('' when the name does not say): see `owners`. */
  format: string;
  resolve: (r: FileResult | DocumentResult | CancelledResult) => void;
  /** Times the job was in a worker that crashed; a crash while alone in a worker fails it. */
  crashes: number;
  /** Run alone in a worker (after a crash it shared), so a second crash names the culprit. */
  solo?: boolean;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Pending>;
  /** Holds a job that must run alone. */
  solo?: boolean;
  idleTimer?: NodeJS.Timeout;
  /** The worker has loaded the engine and said so; until then no file's time runs. */
  ready?: boolean;
  /** The format of the last job sent: the worker goes on with it while it owns files of it. */
  format?: string;
  spawnedAt: number;
}

/**
 * What a worker's start costs before it scans anything is guessed as this until one has
 * started (it is then measured): node's start of a thread, and the engine's loading.
 */
const START_GUESS_MS = 250;

/**
 * Jobs given to one worker at a time, so it never waits for the main thread between files: on
 * two loaded cores the main thread answers late, and with four a worker still sat idle ~10% of
 * a 48 MB scan. A worker runs its jobs one after another, so only the oldest is running and
 * only its time limit runs (see `startClock`).
 */
const PER_WORKER = 16;
/**
 * Jobs given to one worker at a time while it starts, or while the pool may still start more
 * workers: the rest wait in the queue, where a worker running (or started later) can take them.
 * A few large files sent all to the first worker would leave the next with nothing, and jobs
 * sent to a worker that takes long to start (a loaded machine) would wait there for it.
 */
const PER_WORKER_GROWING = 4;
/**
 * A worker takes a job of a format another worker owns (see `owners`) only when it holds fewer
 * jobs than this: an idle core costs more than compiling one more format's code.
 */
const STEAL_BELOW = 2;
/** Jobs run at once when scanning in the calling thread (overlaps file reads). */
const IN_THREAD = 4;
/** A worker that has not loaded its engine in this long is treated like a hung file. */
const START_LIMIT_MS = 60_000;

/**
 * Scans files on a pool of worker threads, one engine per thread. Jobs are queued, results
 * come back as each file finishes. A file that hangs (past `fileTimeoutMs`) or crashes its
 * worker (e.g. runs out of heap) is reported as `scan-failed` and its worker replaced, so one
 * hostile file can neither stop nor sink a scan. Where workers cannot run (no worker bundle,
 * as under a test runner from source), the same jobs run in the calling thread.
 */
export class ScanPool {
  private readonly size: number;
  private readonly workerPath: string;
  private readonly fileTimeoutMs: number;
  private readonly idleMs: number;
  private readonly maxHeapMb: number;
  private readonly youngGenerationMb: number | undefined;
  private readonly queue = new JobQueue<Pending>();
  private readonly slots = new Set<Slot>();
  /**
   * Which worker scans each format. Each worker's engine compiles the code it runs, and that
   * compiling is a large part of what a worker costs beyond the scan itself: two workers each
   * scanning every format compile every parser and rule twice. So a worker takes the files of the
   * formats it owns first, claims a format no one owns when it has none of its own queued, and
   * takes another's only rather than sit idle. A format stays with its worker until the worker
   * stops.
   */
  private readonly owners = new Map<string, Slot>();
  private inThreadRunning = 0;
  private readonly growAfterMs: number | undefined;
  /** How long the last worker took from its spawn to its engine loaded. */
  private startMs = START_GUESS_MS;
  /** Since when every worker has had a job waiting behind the one it runs (see `grow`). */
  private behindSince: number | undefined;
  private growTimer: NodeJS.Timeout | undefined;
  private readonly codeCacheDir: string | undefined;
  private lastCodeCache: CodeCacheState | undefined;
  private nextId = 1;
  private threadsBroken: boolean;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(0, Math.floor(options.size ?? os.availableParallelism()));
    this.workerPath = options.workerPath ?? path.join(__dirname, 'worker.js');
    this.fileTimeoutMs = options.fileTimeoutMs ?? 60_000;
    this.idleMs = options.idleMs ?? 15_000;
    this.maxHeapMb = options.maxHeapMb ?? 1024;
    this.youngGenerationMb = options.youngGenerationMb;
    this.growAfterMs = options.growAfterMs;
    this.codeCacheDir = options.codeCacheDir;
    this.threadsBroken = this.size === 0 || !fs.existsSync(this.workerPath);
  }

  /** Whether jobs run on worker threads (false: in the calling thread). */
  get threaded(): boolean {
    return !this.threadsBroken;
  }

  /** Threads scanning at once (1 when scanning in the calling thread). */
  get parallelism(): number {
    return this.threaded ? this.size : 1;
  }

  /** How the last worker to start compiled the engine, when a code cache was asked for. */
  get codeCache(): CodeCacheState | undefined {
    return this.lastCodeCache;
  }

  /** Jobs waiting or running. */
  get pending(): number {
    let n = this.queue.size + this.inThreadRunning;
    for (const s of this.slots) n += s.jobs.size;
    return n;
  }

  /** Scans one file, or one editor document. Never rejects: failures come back as skips. */
  run(job: DocumentJob): Promise<DocumentPoolResult>;
  run(job: ScanJob): Promise<PoolResult>;
  run(job: PoolJob): Promise<PoolResult | DocumentPoolResult> {
    // A worker answers each job with the result of its kind (runJob in scan-file.ts).
    return new Promise<FileResult | DocumentResult | CancelledResult>((resolve) => {
      this.queue.push({ id: this.nextId++, job, format: formatFromName(job.path) ?? '', resolve, crashes: 0 });
      this.dispatch();
    });
  }

  /**
   * Starts the first worker now, before any job, so that its start (node's start of a thread,
   * the engine's loading) overlaps what the caller does before its first file (a history's git
   * commands). A worker that gets no job stops when idle, as any other.
   */
  warm(): void {
    if (this.threadsBroken || this.slots.size > 0) return;
    const slot = this.spawn();
    if (slot) this.idle(slot);
  }

  /** Resolves every queued and running job as cancelled, at once; running workers are stopped. */
  cancel(): void {
    for (const p of this.queue.drain()) p.resolve({ kind: 'cancelled', path: p.job.path });
    for (const slot of [...this.slots]) {
      if (slot.jobs.size === 0) continue;
      void this.drop(slot);
      for (const p of slot.jobs.values()) {
        stopClock(p);
        p.resolve({ kind: 'cancelled', path: p.job.path });
      }
      slot.jobs.clear();
    }
  }

  /** Cancels what is left and stops every worker. */
  async dispose(): Promise<void> {
    this.cancel();
    clearTimeout(this.growTimer);
    this.growTimer = undefined;
    await Promise.all([...this.slots].map((s) => this.drop(s)));
  }

  private dispatch(): void {
    if (this.threadsBroken) {
      while (this.queue.size > 0 && this.inThreadRunning < IN_THREAD) this.runInThread(this.queue.shift() as Pending);
      return;
    }
    while (this.queue.size > 0 && !this.threadsBroken) {
      if (this.queue.peekAlone()) {
        // A job that must run alone waits for an idle worker, and holds up the jobs behind it.
        const slot = this.freeSlot(true);
        if (!slot || slot.jobs.size > 0) return;
        this.send(slot, this.queue.shift() as Pending);
        continue;
      }
      if (this.freeSlot() === undefined) break;
      const next = this.pick();
      if (!next) return;
      this.send(next.slot, next.job);
    }
    // Nothing waits: the next wait for a worker is counted afresh (see `grow`).
    if (this.queue.size === 0) this.behindSince = undefined;
    // A worker that could not be made moves the scan into this thread.
    if (this.threadsBroken && this.queue.size > 0) this.dispatch();
  }

  /**
   * The least busy worker with room for a job. None idle: a job that must run alone starts a
   * worker while under the pool size, any other job only when `grow` says so.
   */
  private freeSlot(alone = false): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (this.hasRoom(s) && (!best || s.jobs.size < best.jobs.size)) best = s;
    if (best && best.jobs.size === 0) return best;
    if (this.slots.size < this.size && (alone || this.grow())) return this.spawn() ?? best;
    return best;
  }

  /**
   * Whether to start one more worker. Each costs a thread's start and the engine's loading
   * (V8 compiles the engine's code and regular expressions again in every thread): a quarter
   * of a second of CPU, as much as scanning a few hundred small files. A small scan (a tiny
   * repository's history, a few files) is over before a second worker would have started, so a
   * worker is started only once every worker has had files waiting behind the one it scans
   * for as long as the workers running times a worker's start: a scan that has kept them busy
   * that long is taken to have as much left, and with W workers one more pays for its start
   * when more than W starts' worth of work remains.
   */
  private grow(): boolean {
    if (this.slots.size === 0 || this.growAfterMs === 0) return true;
    // A worker still starting: what the workers can do is not known yet. (Asked only while
    // jobs wait and no worker is idle: every worker has jobs waiting behind its own.)
    for (const s of this.slots) if (!s.ready) return false;
    const now = Date.now();
    this.behindSince ??= now;
    const wait = (this.growAfterMs ?? this.startMs) * this.slots.size - (now - this.behindSince);
    if (wait <= 0) {
      this.behindSince = undefined;
      return true;
    }
    // No job may finish before then (a long file): look again at that time.
    if (!this.growTimer) {
      this.growTimer = setTimeout(() => {
        this.growTimer = undefined;
        this.dispatch();
      }, wait);
      this.growTimer.unref();
    }
    return false;
  }

  /**
   * The next job to send and its worker (see `owners`), taken out of the queue: workers with
   * room pick, least busy first.
   */
  private pick(): { slot: Slot; job: Pending } | undefined {
    const open = [...this.slots].filter((s) => this.hasRoom(s)).sort((a, b) => a.jobs.size - b.jobs.size);
    for (const slot of open) {
      const job = this.jobFor(slot);
      if (job) return { slot, job };
    }
    return undefined;
  }

  /**
   * The job `slot` should take next, taken out of the queue, or undefined to leave it be: more
   * of the format it is on while it owns it (with the walk 512 files per worker ahead, a 48 MB
   * tree scanned 6% faster than with the files taken in walk order), else the oldest of the formats it owns, else the
   * oldest of a format no one owns (which it claims), else, rather than sit idle, the oldest
   * of another worker's.
   */
  private jobFor(slot: Slot): Pending | undefined {
    if (slot.format !== undefined && this.owners.get(slot.format) === slot) {
      const same = this.queue.take(slot.format);
      if (same) return same;
    }
    let own: Pending | undefined;
    let claim: Pending | undefined;
    let steal: Pending | undefined;
    // Formats waiting, by worker owning them.
    const waiting = new Map<Slot, number>();
    for (const head of this.queue.heads()) {
      const owner = this.owners.get(head.format);
      if (owner === slot) {
        if (!own || head.id < own.id) own = head;
      } else if (owner === undefined) {
        if (!claim || head.id < claim.id) claim = head;
      } else {
        waiting.set(owner, (waiting.get(owner) ?? 0) + 1);
        if (!steal || head.id < steal.id) steal = head;
      }
    }
    if (own) return this.queue.take(own.format);
    if (claim) {
      this.owners.set(claim.format, slot);
      return this.queue.take(claim.format);
    }
    if (!steal) return undefined;
    // A worker started after another claimed every format takes one over, from a worker with
    // others waiting, rather than take one job at a time of another's.
    const owner = this.owners.get(steal.format) as Slot;
    if ((waiting.get(owner) ?? 0) >= 2) {
      this.owners.set(steal.format, slot);
      return this.queue.take(steal.format);
    }
    return slot.jobs.size < STEAL_BELOW ? this.queue.take(steal.format) : undefined;
  }

  private runInThread(p: Pending): void {
    this.inThreadRunning++;
    void runJob(p.job).then((result) => {
      this.inThreadRunning--;
      p.resolve(result);
      this.dispatch();
      if (this.inThreadRunning === 0) idleBlobs();
    });
  }

  private spawn(): Slot | undefined {
    let worker: Worker;
    try {
      const limits = {
        ...(this.maxHeapMb > 0 ? { maxOldGenerationSizeMb: this.maxHeapMb } : {}),
        ...(this.youngGenerationMb !== undefined ? { maxYoungGenerationSizeMb: this.youngGenerationMb } : {}),
      };
      const options = Object.keys(limits).length > 0 ? { resourceLimits: limits } : {};
      worker = this.codeCacheDir
        ? new Worker(LOADER, { ...options, eval: true, workerData: { mamoriBundle: { file: path.resolve(this.workerPath), dir: this.codeCacheDir } } })
        : new Worker(this.workerPath, options);
    } catch {
      this.fallBack();
      return undefined;
    }
    const slot: Slot = { worker, jobs: new Map(), spawnedAt: Date.now() };
    this.slots.add(slot);
    worker.on('message', (m: FromWorker) => {
      if ('ready' in m) {
        slot.ready = true;
        // When the worker said it was ready: this thread may have read the message late.
        this.startMs = Math.max(0, (m.at ?? Date.now()) - slot.spawnedAt);
        this.lastCodeCache = m.codeCache;
        // The first job's time limit started when it was sent; a worker's start (its engine
        // loading, slow on a loaded machine) is not the file's time, so the limit starts again.
        const first = slot.jobs.values().next().value;
        if (first) {
          stopClock(first);
          this.startClock(slot);
        }
        // The jobs waiting may now call for another worker (see `grow`).
        this.dispatch();
        return;
      }
      const p = slot.jobs.get(m.id);
      if (!p) return;
      stopClock(p);
      slot.jobs.delete(m.id);
      this.startClock(slot);
      if (p.solo) slot.solo = false;
      this.idle(slot);
      p.resolve(m.result);
      this.dispatch();
    });
    // 'error' is always followed by 'exit'; the reason is kept for the jobs' skip detail.
    let failure = '';
    worker.on('error', (error) => (failure = error.message));
    worker.on('exit', (code) => {
      if (!this.forget(slot)) return;
      clearTimeout(slot.idleTimer);
      const jobs = [...slot.jobs.values()];
      slot.jobs.clear();
      if (!slot.ready) {
        // The worker bundle does not load here: scan in this thread from now on.
        this.fallBack();
        this.queue.requeue(jobs);
        this.dispatch();
        return;
      }
      for (const p of jobs) {
        stopClock(p);
        p.crashes++;
        if (jobs.length === 1 || p.crashes >= 3) p.resolve(failed(p, failure || `worker stopped (exit code ${code})`));
        else {
          p.solo = true;
          this.queue.requeue([p]);
        }
      }
      this.dispatch();
    });
    return slot;
  }

  private send(slot: Slot, p: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.worker.ref();
    slot.jobs.set(p.id, p);
    slot.format = p.format;
    if (p.solo) slot.solo = true;
    this.startClock(slot);
    const message: ToWorker = { id: p.id, job: p.job };
    try {
      slot.worker.postMessage(message);
    } catch {
      // A job that cannot be cloned (a configuration holding functions or proxies) is scanned
      // in this thread instead: slower, but nothing is lost.
      stopClock(p);
      slot.jobs.delete(p.id);
      if (p.solo) slot.solo = false;
      this.idle(slot);
      this.runInThread(p);
    }
  }

  /**
   * Starts the time limit of the job a worker is running: the oldest it holds (a worker takes
   * its jobs in the order sent). Jobs waiting behind it are not on the clock yet.
   */
  private startClock(slot: Slot): void {
    const running = slot.jobs.values().next().value;
    if (!running || running.timer) return;
    running.timer = setTimeout(() => this.timeOut(slot, running), this.fileTimeoutMs);
    running.timer.unref();
  }

  /** Gives up on a file that takes too long: its worker is stopped, its other jobs requeued. */
  private timeOut(slot: Slot, p: Pending): void {
    if (!slot.jobs.has(p.id)) return;
    if (!slot.ready && Date.now() - slot.spawnedAt < START_LIMIT_MS) {
      // Still starting: the file has not been read yet.
      p.timer = setTimeout(() => this.timeOut(slot, p), this.fileTimeoutMs);
      p.timer.unref();
      return;
    }
    slot.jobs.delete(p.id);
    const others = [...slot.jobs.values()];
    slot.jobs.clear();
    for (const o of others) stopClock(o);
    void this.drop(slot);
    p.resolve(failed(p, `timed out after ${this.fileTimeoutMs} ms`));
    this.queue.requeue(others);
    this.dispatch();
  }

  /** An idle worker does not keep the process alive, and is stopped after `idleMs`. */
  private idle(slot: Slot): void {
    if (slot.jobs.size > 0) return;
    slot.worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (slot.jobs.size === 0) void this.drop(slot);
    }, this.idleMs);
    slot.idleTimer.unref();
  }

  /** Removes a worker from the pool, and its formats from `owners`; false if it was not in it. */
  private forget(slot: Slot): boolean {
    for (const [format, owner] of this.owners) if (owner === slot) this.owners.delete(format);
    return this.slots.delete(slot);
  }

  private drop(slot: Slot): Promise<number> {
    this.forget(slot);
    clearTimeout(slot.idleTimer);
    return slot.worker.terminate().catch(() => 0);
  }

  /** Whether a worker can be sent another job (it holds none that must run alone, and has room). */
  private hasRoom(slot: Slot): boolean {
    const room = !slot.ready || (this.slots.size < this.size && this.growAfterMs !== 0) ? PER_WORKER_GROWING : PER_WORKER;
    return !slot.solo && slot.jobs.size < room;
  }

  private fallBack(): void {
    this.threadsBroken = true;
  }
}

/** Stops a job's time limit; it starts again if the job is sent to a worker again. */
function stopClock(p: Pending): void {
  clearTimeout(p.timer);
  p.timer = undefined;
}

function failed(p: Pending, detail: string): SkippedResult {
  return { kind: 'skipped', path: p.job.path, skip: { path: p.job.display, reason: 'scan-failed', detail } };
}
