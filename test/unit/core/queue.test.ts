// The pool's queue keeps jobs by format; it must hand out exactly what one ordered list would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JobQueue, type Queued } from '../../../src/core/pool/queue';

/** The definition: one list of waiting jobs; those that must run alone go first, in order. */
class ListModel {
  alone: Queued[] = [];
  rest: Queued[] = [];
  push(j: Queued): void {
    (j.solo ? this.alone : this.rest).push(j);
  }
  requeue(jobs: readonly Queued[]): void {
    this.alone.unshift(...jobs.filter((j) => j.solo));
    this.rest.push(...jobs.filter((j) => !j.solo));
  }
  take(format: string): Queued | undefined {
    let best = -1;
    this.rest.forEach((j, i) => {
      if (j.format === format && (best < 0 || j.id < this.rest[best].id)) best = i;
    });
    return best < 0 ? undefined : this.rest.splice(best, 1)[0];
  }
  shift(): Queued | undefined {
    if (this.alone.length > 0) return this.alone.shift();
    let best = -1;
    this.rest.forEach((j, i) => {
      if (best < 0 || j.id < this.rest[best].id) best = i;
    });
    return best < 0 ? undefined : this.rest.splice(best, 1)[0];
  }
  heads(): number[] {
    const by = new Map<string, number>();
    for (const j of this.rest) by.set(j.format, Math.min(by.get(j.format) ?? Infinity, j.id));
    return [...by.values()].sort((a, b) => a - b);
  }
  get size(): number {
    return this.alone.length + this.rest.length;
  }
}

type Op = { op: 'push'; format: string; solo: boolean } | { op: 'take'; format: string } | { op: 'shift' } | { op: 'requeue'; count: number } | { op: 'drain' };

describe('job queue', () => {
  const format = fc.constantFrom('yaml', 'csv', 'json', '');
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('push' as const), format, solo: fc.constantFrom(false, false, false, false, true) }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('take' as const), format }) },
    { weight: 2, arbitrary: fc.constant({ op: 'shift' as const }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('requeue' as const), count: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.constant({ op: 'drain' as const }) },
  );

  it('hands out the same jobs as one ordered list, whatever the order of pushes, takes and requeues', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const queue = new JobQueue<Queued>();
        const model = new ListModel();
        let id = 0;
        // Jobs taken out and not finished, as a worker holds them; a requeue puts some back.
        const out: Queued[] = [];
        for (const o of ops) {
          if (o.op === 'push') {
            const j = { id: id++, format: o.format, solo: o.solo };
            queue.push(j);
            model.push(j);
          } else if (o.op === 'take') {
            const a = queue.take(o.format);
            assert.equal(a, model.take(o.format));
            if (a) out.push(a);
          } else if (o.op === 'shift') {
            const a = queue.shift();
            assert.equal(a, model.shift());
            if (a) out.push(a);
          } else if (o.op === 'requeue') {
            const back = out.splice(0, o.count).sort((a, b) => a.id - b.id);
            queue.requeue(back);
            model.requeue(back);
          } else {
            const all = queue
              .drain()
              .map((j) => j.id)
              .sort((a, b) => a - b);
            assert.deepEqual(
              all,
              [...model.alone, ...model.rest].map((j) => j.id).sort((a, b) => a - b),
            );
            model.alone = [];
            model.rest = [];
          }
          assert.equal(queue.size, model.size);
          assert.deepEqual(
            [...queue.heads()].map((j) => j.id).sort((a, b) => a - b),
            model.heads(),
          );
          assert.equal(queue.peekAlone(), model.alone[0]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes the jobs of one format from behind many of another, in order, and then the others', () => {
    const queue = new JobQueue<Queued>();
    for (let i = 0; i < 20_000; i++) queue.push({ id: i, format: i < 10_000 ? 'csv' : 'yaml' });
    for (let i = 0; i < 10_000; i++) assert.equal(queue.take('yaml')?.id, 10_000 + i);
    for (let i = 0; i < 10_000; i++) assert.equal(queue.shift()?.id, i);
    assert.equal(queue.size, 0);
    assert.equal(queue.shift(), undefined);
  });
});
