// A tree that changes while it is scanned must not lead the scan out of its root: a folder
// replaced by a link to another place after the walk listed it (`mv root/b root/b.old && ln -s
// /outside root/b`), or a file replaced by a link, is skipped and reported, never read.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ScanPool } from '../../../src/core/pool/pool';
import type { ScanReport } from '../../../src/core/report/model';
import { scanPaths } from '../../../src/core/scan-paths';
import { buildTestBundle } from '../helpers/bundle';

// Inside the root: GitHub-token-shaped values. Outside: Slack-token-shaped ones, so any finding
// of the Slack rule was read from outside. Made up, assembled at run time.
const INSIDE = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');
const OUTSIDE = ['xoxb', '2718281828', '3141592653', 'Zq8Vn4Lm7Pz3Rt9Wc5Yb1Hd'].join('-');
const FILES = 40;

const made: string[] = [];
let workerJs: string;

function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-swap-'));
  made.push(dir);
  return dir;
}

/** A root with folders a and b of files holding inside tokens, and a folder outside it with the same names. */
function setup(): { root: string; outside: string } {
  const base = tmp();
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  for (const sub of ['a', 'b']) fs.mkdirSync(path.join(root, sub), { recursive: true });
  fs.mkdirSync(outside);
  for (let i = 0; i < FILES; i++) {
    for (const sub of ['a', 'b']) fs.writeFileSync(path.join(root, sub, `f${i}.env`), `GITHUB_TOKEN=${INSIDE}\n`);
    fs.writeFileSync(path.join(outside, `f${i}.env`), `SLACK_TOKEN=${OUTSIDE}\n`);
  }
  return { root, outside };
}

/** Replaces root/b by a link to the outside folder. */
function swap(root: string, outside: string): void {
  const b = path.join(root, 'b');
  if (fs.lstatSync(b).isSymbolicLink()) return;
  fs.renameSync(b, path.join(root, 'b.old'));
  fs.symlinkSync(outside, b);
}

function fromOutside(report: ScanReport): string[] {
  return report.findings
    .filter((f) => f.ruleId === 'secret/slack-token' || (!f.path.startsWith('a/') && !f.path.startsWith('b/')))
    .map((f) => `${f.path} ${f.ruleId}`);
}

describe('a tree changing during the scan', () => {
  before(async () => {
    workerJs = await buildTestBundle('src/core/worker.ts', path.join(tmp(), 'worker.js'));
  });
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const threaded of [false, true]) {
    it(`never reads through a folder swapped for a link after the walk listed it (${threaded ? 'worker threads' : 'in this thread'})`, async () => {
      const { root, outside } = setup();
      const pool = new ScanPool({ size: threaded ? 2 : 0, workerPath: workerJs });
      try {
        // The swap happens when the walk hands over b's first file: every file of b is then
        // read after its folder became a link out of the root.
        const report = await scanPaths([root], {
          root,
          maxFileSize: 1 << 20,
          pool,
          claim: (file) => {
            if (file.startsWith(path.join(root, 'b') + path.sep)) swap(root, outside);
            return false;
          },
        });
        assert.deepEqual(fromOutside(report), []);
        const changed = report.skipped.filter((s) => s.reason === 'changed');
        assert.equal(changed.length, FILES, JSON.stringify(report.skipped.slice(0, 3)));
        assert.ok(changed.every((s) => s.path.startsWith('b/')));
        assert.equal(report.findings.filter((f) => f.path.startsWith('a/')).length, FILES);
      } finally {
        await pool.dispose();
      }
    });
  }

  it('never reads a file swapped for a link after the walk listed it', async () => {
    const { root, outside } = setup();
    const victim = path.join(root, 'a', 'f3.env');
    const report = await scanPaths([root], {
      root,
      maxFileSize: 1 << 20,
      jobs: 0,
      claim: (file) => {
        if (file === victim) {
          fs.rmSync(victim);
          fs.symlinkSync(path.join(outside, 'f3.env'), victim);
        }
        return false;
      },
    });
    assert.deepEqual(fromOutside(report), []);
    assert.deepEqual(
      report.skipped.filter((s) => s.reason === 'changed').map((s) => s.path),
      ['a/f3.env'],
    );
  });

  it('still reads files through links that stay inside the root', async () => {
    const { root } = setup();
    fs.symlinkSync(path.join(root, 'a', 'f1.env'), path.join(root, 'link.env'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'c'));
    const report = await scanPaths([path.join(root, 'link.env'), root], { root, maxFileSize: 1 << 20, jobs: 0 });
    assert.deepEqual(report.skipped, []);
    assert.ok(report.findings.some((f) => f.path === 'link.env'));
  });

  it('never yields a finding from outside the root in 50 swaps at random moments', async () => {
    let landed = 0;
    // One pool of each kind for all tries: a worker's start is most of a small scan's time.
    const pools = [new ScanPool({ size: 0 }), new ScanPool({ size: 2, workerPath: workerJs })];
    for (let i = 0; i < 50; i++) {
      const { root, outside } = setup();
      const threaded = i % 2 === 1;
      const pool = pools[i % 2];
      const at = Math.floor(Math.random() * FILES * 2);
      let done = 0;
      let swapped = false;
      try {
        const report = await scanPaths([root], {
          root,
          maxFileSize: 1 << 20,
          pool,
          onFile: () => {
            if (++done >= at && !swapped) {
              swapped = true;
              // Swapped from a timer, between the walk's and the workers' steps.
              setImmediate(() => swap(root, outside));
            }
          },
        });
        if (report.skipped.some((s) => s.reason === 'changed' || s.reason === 'outside-root')) landed++;
        assert.deepEqual(fromOutside(report), [], `try ${i} (${threaded ? 'threads' : 'in thread'}, swap after ${at} files)`);
      } finally {
        // A swap still waiting (the scan ended first) runs before the tree is removed.
        await new Promise((resolve) => setImmediate(resolve));
        fs.rmSync(path.dirname(root), { recursive: true, force: true });
      }
    }
    for (const pool of pools) await pool.dispose();
    assert.ok(landed > 0, 'no swap landed during a scan');
  });
});
