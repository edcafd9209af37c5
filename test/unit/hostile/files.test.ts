import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scanFile } from '../../../src/core/pool/scan-file';
import { scanPaths } from '../../../src/core/scan-paths';
import { readEntry, walkPaths } from '../../../src/core/walk';

const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');
const isRoot = process.getuid?.() === 0;

function dir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-hostile-'));
}

/** Every walked path is either scanned or reported as skipped: nothing is lost silently. */
async function accountedFor(root: string) {
  const walked: string[] = [];
  for await (const e of walkPaths([root], { maxFileSize: 1 << 20 })) walked.push(path.relative(root, e.path).split(path.sep).join('/'));
  const scanned: string[] = [];
  const report = await scanPaths([root], {
    maxFileSize: 1 << 20,
    root,
    jobs: 0,
    onFile: (f) => scanned.push(path.relative(root, f).split(path.sep).join('/')),
  });
  const skipped = report.skipped.map((s) => s.path);
  assert.deepEqual([...scanned, ...skipped].sort(), walked.sort());
  assert.equal(report.filesScanned, scanned.length);
  return report;
}

describe('hostile files on disk', () => {
  it('never opens FIFOs or devices, and reports them', async (t) => {
    const root = dir();
    fs.writeFileSync(path.join(root, '.env'), `TOKEN=${GH}\n`);
    try {
      execFileSync('mkfifo', [path.join(root, 'pipe.env')]);
    } catch {
      t.skip('mkfifo is not available');
      return;
    }
    if (isRoot) {
      try {
        execFileSync('mknod', [path.join(root, 'zero.txt'), 'c', '1', '5']);
      } catch {
        // Containers may forbid device nodes; the FIFO still covers the non-regular case.
      }
    }
    const started = Date.now();
    const report = await accountedFor(root);
    assert.ok(Date.now() - started < 10_000, 'the scan blocked on a FIFO or device');
    assert.ok(report.skipped.some((s) => s.path === 'pipe.env' && s.reason === 'not-regular'));
    assert.ok(report.findings.some((f) => f.path === '.env'));
    // A file swapped for a FIFO after the walk listed it is still not read from.
    const swapped = path.join(root, 'late.env');
    execFileSync('mkfifo', [swapped]);
    assert.deepEqual(await readEntry(swapped, 1 << 20), { kind: 'skipped', path: swapped, reason: 'not-regular' });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('ends symbolic-link cycles and does not leave the root through links', async () => {
    const root = dir();
    fs.mkdirSync(path.join(root, 'a/b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'a/b/.env'), `TOKEN=${GH}\n`);
    fs.symlinkSync('..', path.join(root, 'a/b/up'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a/b/loop'));
    fs.symlinkSync('/etc', path.join(root, 'outside'));
    fs.symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
    fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling'));
    const report = await accountedFor(root);
    assert.equal(report.findings.length, 1);
    assert.ok(report.skipped.some((s) => s.path === 'outside' && s.reason === 'outside-root'));
    assert.ok(report.skipped.some((s) => s.path === 'self' && s.reason === 'unreadable'));
    assert.ok(report.skipped.some((s) => s.path === 'dangling' && s.reason === 'unreadable'));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports files that vanish between the walk and the read', async () => {
    const root = dir();
    const file = path.join(root, 'gone.env');
    fs.writeFileSync(file, `TOKEN=${GH}\n`);
    const listed: string[] = [];
    for await (const e of walkPaths([root], { maxFileSize: 1 << 20 })) listed.push(e.path);
    fs.rmSync(file);
    const r = await scanFile({ path: listed[0], display: 'gone.env', maxFileSize: 1 << 20 });
    assert.deepEqual(r, { kind: 'skipped', path: file, skip: { path: 'gone.env', reason: 'unreadable', detail: 'ENOENT' } });
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads a file that shrinks or grows while it is read without crashing', async () => {
    const root = dir();
    const file = path.join(root, 'moving.env');
    fs.writeFileSync(file, `TOKEN=${GH}\n`.repeat(2000));
    const reading = readEntry(file, 1 << 22);
    fs.truncateSync(file, 10);
    const e = await reading;
    assert.ok(e.kind === 'file' || e.kind === 'skipped');
    fs.appendFileSync(file, 'x'.repeat(100_000));
    const grown = await readEntry(file, 1 << 22);
    assert.ok(grown.kind === 'file');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports unreadable files and folders (chmod 000), or reads them where permissions do not bind (root)', async () => {
    const root = dir();
    fs.writeFileSync(path.join(root, 'locked.env'), `TOKEN=${GH}\n`);
    fs.mkdirSync(path.join(root, 'closed'));
    fs.writeFileSync(path.join(root, 'closed/inner.env'), `TOKEN=${GH}\n`);
    fs.chmodSync(path.join(root, 'locked.env'), 0o000);
    fs.chmodSync(path.join(root, 'closed'), 0o000);
    try {
      const report = isRoot ? await scanPaths([root], { maxFileSize: 1 << 20, root, jobs: 0 }) : await accountedFor(root);
      if (isRoot) {
        // root reads through chmod 000: both files are simply scanned.
        assert.equal(report.findings.length, 2);
      } else {
        assert.ok(report.skipped.some((s) => s.path === 'locked.env' && s.reason === 'unreadable'));
        assert.ok(report.skipped.some((s) => s.path === 'closed' && s.reason === 'unreadable'));
      }
    } finally {
      fs.chmodSync(path.join(root, 'locked.env'), 0o644);
      fs.chmodSync(path.join(root, 'closed'), 0o755);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('skips a 20 MB file as too large by default, and says so', async () => {
    const root = dir();
    const fd = fs.openSync(path.join(root, 'huge.min.js'), 'w');
    const chunk = Buffer.from('var a=1;'.repeat(128 * 1024));
    for (let i = 0; i < 20; i++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const report = await accountedFor(root);
    assert.deepEqual(report.skipped, [{ path: 'huge.min.js', reason: 'too-large', detail: String(20 * chunk.length) }]);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
