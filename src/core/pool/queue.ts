/** What the queue needs of a job: its order of arrival, its format, whether it must run alone. */
export interface Queued {
  /** Increasing in order of arrival. */
  id: number;
  format: string;
  solo?: boolean;
}

/**
 * Jobs waiting for a worker, kept by format so that a worker finds the next file of a format
 * without reading past the others (the pool prefers, for each worker, the formats it owns:
 * see `owners` in pool.ts). Every operation costs at most one step per format waiting, so a
 * deep queue (a walk thousands of files ahead) costs nothing per file. Jobs that must run alone
 * wait apart and come first.
 */
export class JobQueue<T extends Queued> {
  /** Per format, oldest first (`start` is the index of the oldest still waiting). */
  private readonly byFormat = new Map<string, { jobs: T[]; start: number }>();
  private readonly alone: T[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(job: T): void {
    if (job.solo) {
      this.alone.push(job);
    } else {
      let list = this.byFormat.get(job.format);
      if (!list) this.byFormat.set(job.format, (list = { jobs: [], start: 0 }));
      list.jobs.push(job);
    }
    this.count++;
  }

  /**
   * Puts back jobs taken out earlier (from a worker that stopped), ahead of the jobs of their
   * format that came after them; those that must run alone, ahead of everything.
   */
  requeue(jobs: readonly T[]): void {
    for (let k = jobs.length - 1; k >= 0; k--) {
      const job = jobs[k];
      this.count++;
      if (job.solo) {
        this.alone.unshift(job);
        continue;
      }
      let list = this.byFormat.get(job.format);
      if (!list) this.byFormat.set(job.format, (list = { jobs: [], start: 0 }));
      const at = lowerBound(list.jobs, list.start, job.id);
      list.jobs.splice(at, 0, job);
    }
  }

  /** The first job that must run alone, if any (it holds up every other job). */
  peekAlone(): T | undefined {
    return this.alone[0];
  }

  /** The oldest job of a format, taken out of the queue. */
  take(format: string): T | undefined {
    const list = this.byFormat.get(format);
    if (!list) return undefined;
    const job = list.jobs[list.start++];
    if (list.start === list.jobs.length) this.byFormat.delete(format);
    else if (list.start > 1024 && list.start * 2 > list.jobs.length) {
      list.jobs.splice(0, list.start);
      list.start = 0;
    }
    this.count--;
    return job;
  }

  /** The job to run next regardless of format: one that must run alone, else the oldest. */
  shift(): T | undefined {
    const alone = this.alone.shift();
    if (alone) {
      this.count--;
      return alone;
    }
    let oldest: T | undefined;
    for (const list of this.byFormat.values()) {
      const head = list.jobs[list.start];
      if (!oldest || head.id < oldest.id) oldest = head;
    }
    return oldest && this.take(oldest.format);
  }

  /** The oldest waiting job of each format (none that must run alone). */
  *heads(): IterableIterator<T> {
    for (const list of this.byFormat.values()) yield list.jobs[list.start];
  }

  /** Every waiting job, taken out of the queue. */
  drain(): T[] {
    const all = [...this.alone];
    for (const list of this.byFormat.values()) for (let i = list.start; i < list.jobs.length; i++) all.push(list.jobs[i]);
    this.alone.length = 0;
    this.byFormat.clear();
    this.count = 0;
    return all;
  }
}

/** The index in `jobs` (from `start`, ordered by id) before which a job with `id` goes. */
function lowerBound<T extends Queued>(jobs: readonly T[], start: number, id: number): number {
  let lo = start;
  let hi = jobs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (jobs[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
