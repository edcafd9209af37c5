import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ScanCache } from '../../../src/core/pool/cache';
import { ScanPool, type PoolResult } from '../../../src/core/pool/pool';
import type { ScanJob } from '../../../src/core/pool/protocol';
import { scanText } from '../../../src/core/scan';
import { scanPaths } from '../../../src/core/scan-paths';
import { buildTestBundle } from '../helpers/bundle';

const ROOT = path.resolve(__dirname, '../../..');
// Made-up tokens with real providers' shapes, assembled so the source holds none whole.
const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');
const GH2 = ['ghp', 'Zt7Yq3Wm9Xk2Lp5Vr8Bn4Hc6Jd1Fg0Ks3TaQ'].join('_');

let work: string;
let workerJs: string;

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(work, 'tree-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A worker script for failure cases: says it is ready, then does what `onJob` says. */
function fakeWorker(name: string, onJob: string): string {
  const file = path.join(work, `${name}.js`);
  fs.writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (m) => { ${onJob} });\nparentPort.postMessage({ ready: true });\n`,
  );
  return file;
}

function job(file: string, display = path.basename(file)): ScanJob {
  return { path: file, display, maxFileSize: 1 << 20 };
}

const sample = () => ({
  '.env': `GITHUB_TOKEN=${GH}\n`,
  'a/config.js': `module.exports = { token: '${GH2}' };\n`,
  'a/b/notes.md': 'nothing here\n',
  'z.yaml': `token: ${GH}\n`,
  'bin.dat': 'a\u0000b',
});

describe('scan pool', () => {
  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-pool-'));
    // The real worker bundle, built into a folder of its own (not dist/, which other builds rewrite).
    workerJs = await buildTestBundle('src/core/worker.ts', path.join(work, 'worker.js'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('falls back to scanning in this thread when there is no worker bundle', async () => {
    const pool = new ScanPool({ size: 2, workerPath: path.join(work, 'missing.js') });
    assert.equal(pool.threaded, false);
    const dir = tree(sample());
    const r = await pool.run(job(path.join(dir, '.env')));
    assert.equal(r.kind, 'scanned');
    assert.ok(r.kind === 'scanned' && r.findings.some((f) => f.ruleId === 'secret/github-token'));
    await pool.dispose();
  });

  it('gives the same report on worker threads as in one thread, in walk order', async () => {
    const dir = tree(sample());
    const pool = new ScanPool({ size: 2, workerPath: workerJs });
    assert.equal(pool.threaded, true);
    const streamed: string[] = [];
    const threaded = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, pool, onFile: (f) => streamed.push(f) });
    const single = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, jobs: 0 });
    await pool.dispose();
    assert.deepEqual(threaded, single);
    assert.equal(threaded.filesScanned, 4);
    assert.equal(streamed.length, 4);
    assert.deepEqual(
      threaded.findings.map((f) => f.path),
      [...threaded.findings.map((f) => f.path)].sort((a, b) => order(a) - order(b)),
    );
    assert.deepEqual(threaded.skipped, [{ path: 'bin.dat', reason: 'binary' }]);
  });

  it('stops with the error an onFile callback throws, in this thread and on workers, and never hangs', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`f${i}.txt`] = 'x\n';
    const dir = tree(files);
    for (const threaded of [false, true]) {
      const pool = new ScanPool({ size: threaded ? 2 : 0, workerPath: workerJs });
      let seen = 0;
      const onFile = () => {
        if (++seen === 3) throw new Error('listener failed');
      };
      await assert.rejects(scanPaths([dir], { maxFileSize: 1 << 20, root: dir, pool, onFile }), /listener failed/, `threaded: ${threaded}`);
      await pool.dispose();
    }
  });

  it('never reads a FIFO or a vanished file in a worker either', async () => {
    const dir = tree({ '.env': `TOKEN=${GH}\n` });
    const fifo = path.join(dir, 'pipe.env');
    execFileSync('mkfifo', [fifo]);
    const pool = new ScanPool({ size: 1, workerPath: workerJs, fileTimeoutMs: 10_000 });
    const [a, b, c] = await Promise.all([pool.run(job(fifo)), pool.run(job(path.join(dir, 'gone.env'))), pool.run(job(path.join(dir, '.env')))]);
    assert.ok(a.kind === 'skipped' && a.skip.reason === 'not-regular', JSON.stringify(a));
    assert.ok(b.kind === 'skipped' && b.skip.reason === 'unreadable' && b.skip.detail === 'ENOENT', JSON.stringify(b));
    assert.ok(c.kind === 'scanned' && c.findings.length === 1, JSON.stringify(c));
    await pool.dispose();
  });

  it('reads each file whole and alone on a worker that reuses its read buffer: nothing of a longer file before it, whatever its encoding', async () => {
    // A long file with a token far past the end of the short files after it; the worker reads
    // them all into one kept buffer, so a short file must never see the long one's bytes.
    const long = `# config\n${'x = 1\n'.repeat(4000)}token = "${GH}"\n`;
    const dir = tree({ 'a.env': long, 'b.env': 'A=1\n', 'c.txt': 'plain\n' });
    fs.writeFileSync(path.join(dir, 'd.env'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('B=2\n', 'utf16le')]));
    fs.writeFileSync(path.join(dir, 'e.env'), Buffer.from([0x42, 0x3d, 0x82, 0xa0, 0x0a])); // "B=あ" in Shift_JIS
    const pool = new ScanPool({ size: 1, workerPath: workerJs });
    const names = ['a.env', 'b.env', 'c.txt', 'a.env', 'd.env', 'e.env'];
    const results = [];
    // One at a time, on one worker, in this order.
    for (const name of names) results.push(await pool.run(job(path.join(dir, name))));
    await pool.dispose();
    const counts = results.map((r) => (r.kind === 'scanned' ? r.findings.length : r.kind));
    assert.deepEqual(counts, [1, 0, 0, 1, 0, 0]);
    const stamps = results.map((r) => (r.kind === 'scanned' ? r.stamp?.size : undefined));
    assert.deepEqual(stamps, [Buffer.byteLength(long), 4, 6, Buffer.byteLength(long), 10, 5]);
    // The text the worker scanned is the file's own: a finding's position is within it.
    const again = results[3];
    assert.ok(again.kind === 'scanned' && again.findings[0].line === 4002, JSON.stringify(again.kind === 'scanned' ? again.findings[0].line : again));
  });

  it('scans a job that cannot be sent to a worker in this thread instead of throwing', async () => {
    const dir = tree({ '.env': `TOKEN=${GH}\n` });
    const pool = new ScanPool({ size: 1, workerPath: workerJs });
    const config = { ruleSeverity: new Proxy({}, {}) as Record<string, 'off'>, categories: { secret: true }, extra: () => 1 } as unknown as ScanJob['config'];
    const r = await pool.run({ ...job(path.join(dir, '.env')), config });
    assert.ok(r.kind === 'scanned' && r.findings.length === 1, JSON.stringify(r));
    await pool.dispose();
  });

  it('answers a document job with exactly what scanText returns, on a worker and in this thread', async () => {
    const fixture = (rel: string) => ({ path: path.join(ROOT, rel), text: fs.readFileSync(path.join(ROOT, rel), 'utf8') });
    const inputs = [
      fixture('test/fixtures/sample-project/.env'),
      fixture('test/fixtures/sample-project/src/config.js'),
      fixture('test/fixtures/sample-project/docker-compose.yml'),
      fixture('test/fixtures/sample-project/infra/main.tf'),
      fixture('test/rules/password-policy/min-length/ng/cloudformation-iam-password-policy-yaml/cloudformation/iam-password-policy.yaml'),
      // An unsaved buffer: not on disk, CRLF and non-ASCII text before the secrets (offsets in UTF-16).
      { path: path.join(work, 'unsaved', 'settings.yaml'), text: `# 設定ファイル\r\ngithub:\r\n  token: ${GH}\r\napi_key: "${GH2}"\r\n` },
    ];
    const threaded = new ScanPool({ size: 1, workerPath: workerJs });
    const inThread = new ScanPool({ size: 1, workerPath: path.join(work, 'missing.js') });
    assert.equal(threaded.threaded, true);
    let fixes = 0;
    for (const input of inputs) {
      const expected = await scanText(input);
      fixes += expected.filter((f) => (f.fixes?.length ?? 0) > 0).length;
      assert.ok(expected.length > 0, `${path.basename(input.path)} has no findings to compare`);
      for (const pool of [threaded, inThread]) {
        const r = await pool.run({ kind: 'document', path: input.path, display: path.basename(input.path), text: input.text });
        assert.ok(r.kind === 'document', `${path.basename(input.path)}: ${r.kind}`);
        assert.deepEqual(r.findings, expected, path.basename(input.path));
        assert.deepEqual(r.errors, []);
      }
    }
    assert.ok(fixes >= 5, `only ${fixes} findings with fixes`);
    await Promise.all([threaded.dispose(), inThread.dispose()]);
  });

  it('gives up on a document job that hangs, with no trace of its text, and scans the next one on a fresh worker', async () => {
    // Scans like the real worker would, except a buffer holding "hang" never finishes.
    const worker = fakeWorker(
      'text-hang',
      `if (m.job.text.includes('hang')) return;
       parentPort.postMessage({ id: m.id, result: { kind: 'document', path: m.job.path, findings: [{ ruleId: 'x', job: m.job.kind }], errors: [] } });`,
    );
    const pool = new ScanPool({ size: 1, workerPath: worker, fileTimeoutMs: 300 });
    const started = Date.now();
    const [hung, next] = await Promise.all([
      pool.run({ kind: 'document', path: path.join(work, 'big.yaml'), display: 'big.yaml', text: `hang\ntoken: ${GH}\n` }),
      pool.run({ kind: 'document', path: path.join(work, 'small.yaml'), display: 'small.yaml', text: 'a: 1\n' }),
    ]);
    assert.ok(hung.kind === 'skipped' && hung.skip.reason === 'scan-failed' && /timed out after 300 ms/.test(hung.skip.detail ?? ''), JSON.stringify(hung));
    assert.equal(hung.path, path.join(work, 'big.yaml'));
    assert.ok(!JSON.stringify(hung).includes(GH.slice(4)), 'the skip quotes the text');
    assert.ok(next.kind === 'document' && JSON.stringify(next.findings) === '[{"ruleId":"x","job":"document"}]', JSON.stringify(next));
    assert.ok(Date.now() - started < 3000);
    await pool.dispose();
  });

  it("does not count a worker's start against the first file's time limit", async () => {
    // Loads for 400 ms (as an engine can on a loaded machine), then answers at once.
    const slowStart = path.join(work, 'slow-start.js');
    fs.writeFileSync(
      slowStart,
      `const { parentPort } = require('node:worker_threads');
       const until = Date.now() + 400; while (Date.now() < until);
       parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, result: { kind: 'scanned', path: m.job.path, findings: [], errors: [], dateSensitive: false } }));
       parentPort.postMessage({ ready: true });\n`,
    );
    const pool = new ScanPool({ size: 1, workerPath: slowStart, fileTimeoutMs: 300 });
    const r = await pool.run(job(path.join(work, 'first.txt')));
    assert.equal(r.kind, 'scanned', JSON.stringify(r));
    await pool.dispose();
  });

  it('gives up on a file that hangs (timeout), and the scan goes on', async () => {
    const pool = new ScanPool({ size: 1, workerPath: fakeWorker('hang', '/* never answers */'), fileTimeoutMs: 300 });
    const started = Date.now();
    const r = await pool.run(job(path.join(work, 'x.txt')));
    assert.equal(r.kind, 'skipped');
    assert.ok(r.kind === 'skipped' && r.skip.reason === 'scan-failed' && /timed out/.test(r.skip.detail ?? ''));
    assert.ok(Date.now() - started < 3000);
    await pool.dispose();
  });

  it('runs the time limit only for the file a worker is on, not for the files queued behind it', async () => {
    // One file at a time, 100 ms each, like the real worker; "hang" never finishes.
    const worker = fakeWorker(
      'queue',
      `q.push(m); next();
       function next() {
         if (busy || q.length === 0) return;
         busy = true;
         const j = q.shift();
         if (j.job.path.includes('hang')) return;
         setTimeout(() => { parentPort.postMessage({ id: j.id, result: { kind: 'scanned', path: j.job.path, findings: [], errors: [], dateSensitive: false } }); busy = false; next(); }, 100);
       }`,
    );
    fs.writeFileSync(worker, 'let busy = false; const q = [];\n' + fs.readFileSync(worker, 'utf8'));
    // The time limit is generous for one 100 ms file even on a loaded machine, and shorter than
    // the 24 files queued together: only the hanging one may time out.
    const pool = new ScanPool({ size: 1, workerPath: worker, fileTimeoutMs: 1000 });
    const names = Array.from({ length: 24 }, (_, i) => (i === 3 ? 'hang' : `f${i}`));
    const results = await Promise.all(names.map((n) => pool.run(job(path.join(work, `${n}.txt`)))));
    assert.deepEqual(
      results.map((r) => `${r.kind}${r.kind === 'skipped' && /timed out/.test(r.skip.detail ?? '') ? ':timeout' : ''}`),
      names.map((n) => (n === 'hang' ? 'skipped:timeout' : 'scanned')),
    );
    await pool.dispose();
  });

  it('reports a file that crashes its worker, and replaces the worker', async () => {
    const pool = new ScanPool({ size: 1, workerPath: fakeWorker('crash', 'process.exit(3);') });
    const r = await pool.run(job(path.join(work, 'y.txt')));
    assert.ok(r.kind === 'skipped' && r.skip.reason === 'scan-failed', JSON.stringify(r));
    await pool.dispose();
  });

  it('blames only the file that crashes a worker it shares with others', async () => {
    const worker = fakeWorker(
      'picky',
      `if (m.job.path.includes('bad')) setTimeout(() => process.exit(4), 20);
       else setTimeout(() => parentPort.postMessage({ id: m.id, result: { kind: 'scanned', path: m.job.path, findings: [], errors: [], dateSensitive: false } }), 60);`,
    );
    const pool = new ScanPool({ size: 1, workerPath: worker });
    const results = await Promise.all(['good1', 'bad', 'good2', 'good3'].map((n) => pool.run(job(path.join(work, `${n}.txt`)))));
    assert.deepEqual(
      results.map((r) => r.kind),
      ['scanned', 'skipped', 'scanned', 'scanned'],
    );
    await pool.dispose();
  });

  /** A worker that answers each job after `ms`, naming its thread in the result. */
  function threadNamingWorker(ms: number): string {
    return fakeWorker(
      `threads-${ms}`,
      `const { threadId } = require('node:worker_threads');
       setTimeout(() => parentPort.postMessage({ id: m.id, result: { kind: 'scanned', path: m.job.path, findings: [], errors: [{ path: m.job.display, reason: 'rule-error', detail: String(threadId) }], dateSensitive: false } }), ${ms});`,
    );
  }
  const threadOf = (r: PoolResult) => (r.kind === 'scanned' ? r.errors[0]?.detail : undefined);

  it('gives each format to one worker, so each engine compiles the code of fewer formats', async () => {
    // Every worker started as soon as a job finds none idle (growAfterMs 0).
    const pool = new ScanPool({ size: 2, workerPath: threadNamingWorker(3), growAfterMs: 0 });
    // Both workers started first: one that starts late leaves the other idle, and it steals.
    await Promise.all(['w.csv', 'w.yaml'].map((n) => pool.run(job(path.join(work, n)))));
    // In runs of 16, as a walk of folders finds them.
    const names = Array.from({ length: 64 }, (_, i) => (Math.floor(i / 16) % 2 === 0 ? `f${i}.csv` : `f${i}.yaml`));
    const results = await Promise.all(names.map((n) => pool.run(job(path.join(work, n)))));
    const byFormat = new Map<string, string[]>();
    results.forEach((r, i) => {
      const format = path.extname(names[i]);
      byFormat.set(format, [...(byFormat.get(format) ?? []), String(threadOf(r))]);
    });
    const majority = (threads: string[]) => {
      const counts = new Map<string, number>();
      for (const t of threads) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0];
    };
    const [csvThread, csvCount] = majority(byFormat.get('.csv') ?? []);
    const [yamlThread, yamlCount] = majority(byFormat.get('.yaml') ?? []);
    assert.notEqual(csvThread, yamlThread, 'the two formats went to the same worker');
    // A worker out of its own files may take a few of the other's at the end, never many.
    assert.ok(csvCount >= 28 && yamlCount >= 28, `csv ${csvCount}/32 on one worker, yaml ${yamlCount}/32`);
    await pool.dispose();
  });

  it('keeps a worker on the format it is on while it has files of it, whatever the walk order', async () => {
    // One worker owning both formats, files alternating as a walk may find them. The first
    // jobs go to the worker as they come (16 at most, in walk order); from then on it takes
    // the files of the format it is on one after another instead of switching at every file.
    const worker = fakeWorker(
      'order',
      `setTimeout(() => parentPort.postMessage({ id: m.id, result: { kind: 'scanned', path: m.job.path, findings: [], errors: [{ path: m.job.display, reason: 'rule-error', detail: String(++globalThis.seen) }], dateSensitive: false } }), 2);`,
    );
    fs.writeFileSync(worker, 'globalThis.seen = 0;\n' + fs.readFileSync(worker, 'utf8'));
    const pool = new ScanPool({ size: 1, workerPath: worker });
    const names = Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? `r${i}.csv` : `r${i}.yaml`));
    const results = await Promise.all(names.map((n) => pool.run(job(path.join(work, n)))));
    const scanned = names.map((n, i) => ({ format: path.extname(n), at: Number(threadOf(results[i])) })).sort((a, b) => a.at - b.at);
    assert.deepEqual(
      scanned.map((x) => x.at),
      names.map((_, i) => i + 1),
    );
    const switches = scanned.filter((x, i) => i > 0 && x.format !== scanned[i - 1].format).length;
    // 15 among the first 16, then one or two; switching at every file would be 63.
    assert.ok(switches <= 18, `${switches} switches: ${scanned.map((x) => x.format).join(' ')}`);
    await pool.dispose();
  });

  it("lets a worker with nothing of its own take another worker's format rather than sit idle", async () => {
    const pool = new ScanPool({ size: 2, workerPath: threadNamingWorker(3), growAfterMs: 0 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.run(job(path.join(work, `only${i}.csv`)))));
    const threads = new Set(results.map(threadOf));
    assert.equal(threads.size, 2, `all 40 files on ${[...threads].join(', ')}`);
    assert.ok(!threads.has(undefined));
    await pool.dispose();
  });

  it('starts one worker for a small scan, and another only once the first has had files waiting for a while', async () => {
    // 24 short jobs, with more workers allowed than the machine may have cores: the first worker
    // scans them all, no other is started (each would load the engine for nothing).
    const small = new ScanPool({ size: 4, workerPath: threadNamingWorker(2), growAfterMs: 60_000 });
    const few = await Promise.all(Array.from({ length: 24 }, (_, i) => small.run(job(path.join(work, `few${i}.env`)))));
    assert.equal(new Set(few.map(threadOf)).size, 1);
    await small.dispose();
    // 60 jobs of 20 ms, the first worker's queue kept full for far longer than 50 ms: a second starts.
    const large = new ScanPool({ size: 2, workerPath: threadNamingWorker(20), growAfterMs: 50 });
    const many = await Promise.all(Array.from({ length: 60 }, (_, i) => large.run(job(path.join(work, `many${i}.env`)))));
    const threads = many.map(threadOf);
    assert.equal(new Set(threads).size, 2, `all 60 files on ${threads[0]}`);
    // Files the first worker had been sent when the second started stay with it; the second
    // takes the files still waiting.
    assert.equal(threads[0], threads[1]);
    await large.dispose();
  });

  it('gives a worker started late a format of its own, from the worker that owned every format', async () => {
    // Each result names its thread, its format and the most jobs the worker held at once.
    const worker = fakeWorker(
      'late',
      `const { threadId } = require('node:worker_threads');
       globalThis.held = (globalThis.held ?? 0) + 1;
       globalThis.most = Math.max(globalThis.most ?? 0, globalThis.held);
       globalThis.chain = (globalThis.chain ?? Promise.resolve()).then(() => new Promise((done) => setTimeout(() => {
         globalThis.held--;
         parentPort.postMessage({ id: m.id, result: { kind: 'scanned', path: m.job.path, findings: [], errors: [{ path: m.job.display, reason: 'rule-error', detail: threadId + ' ' + globalThis.most }], dateSensitive: false } });
         done();
       }, 30)));`,
    );
    const pool = new ScanPool({ size: 2, workerPath: worker, growAfterMs: 50 });
    const names = Array.from({ length: 80 }, (_, i) => (i % 2 === 0 ? `late${i}.csv` : `late${i}.yaml`));
    const results = (await Promise.all(names.map((n) => pool.run(job(path.join(work, n)))))).map((r) => String(threadOf(r)).split(' '));
    const second = results.filter(([thread]) => thread !== results[0][0]);
    assert.ok(second.length > 0, 'no second worker');
    // The second owns a format and is sent runs of its files; taking one file at a time of
    // another's (as a worker owning none does) it would never hold more than two.
    assert.ok(Math.max(...second.map(([, most]) => Number(most))) > 2, JSON.stringify(second));
    await pool.dispose();
  });

  it('starts its first worker before any job when warmed, and scans the first job on it', async () => {
    const started = path.join(work, 'warm-started');
    const worker = fakeWorker(
      'warm',
      `const { threadId } = require('node:worker_threads');
       parentPort.postMessage({ id: m.id, result: { kind: 'scanned', path: m.job.path, findings: [], errors: [{ path: m.job.display, reason: 'rule-error', detail: String(threadId) }], dateSensitive: false } });`,
    );
    fs.writeFileSync(
      worker,
      `require('node:fs').appendFileSync(${JSON.stringify(started)}, require('node:worker_threads').threadId + '\\n');\n` + fs.readFileSync(worker, 'utf8'),
    );
    const pool = new ScanPool({ size: 2, workerPath: worker });
    pool.warm();
    pool.warm();
    for (let waited = 0; !fs.existsSync(started) && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const threads = fs.readFileSync(started, 'utf8').trim().split('\n');
    assert.equal(threads.length, 1, 'warmed twice: one worker');
    const r = await pool.run(job(path.join(work, 'warm.env')));
    assert.equal(threadOf(r), threads[0]);
    await pool.dispose();
  });

  it('scans in this thread when the worker bundle does not load', async () => {
    const broken = path.join(work, 'broken.js');
    fs.writeFileSync(broken, 'throw new Error("cannot load");\n');
    const dir = tree(sample());
    const pool = new ScanPool({ size: 2, workerPath: broken });
    const r = await pool.run(job(path.join(dir, '.env')));
    assert.ok(r.kind === 'scanned' && r.findings.length > 0, JSON.stringify(r));
    assert.equal(pool.threaded, false);
    await pool.dispose();
  });

  it('honours cancellation within 200 ms, even while files are being scanned', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.txt`] = 'x\n';
    const dir = tree(files);
    const pool = new ScanPool({ size: 2, workerPath: fakeWorker('slow', '/* busy forever */') });
    let cancelled = false;
    let cancelledAt = 0;
    setTimeout(() => {
      cancelled = true;
      cancelledAt = Date.now();
    }, 150);
    const report = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, pool, isCancelled: () => cancelled });
    const lag = Date.now() - cancelledAt;
    assert.ok(cancelled);
    assert.ok(lag < 200, `took ${lag} ms after cancellation`);
    assert.equal(report.filesScanned, 0);
    assert.equal(pool.pending, 0);
    await pool.dispose();
  });

  it('does not scan unchanged files again, and rescans changed ones', async () => {
    const dir = tree(sample());
    const old = new Date(Date.now() - 60_000);
    for (const f of ['.env', 'a/config.js', 'a/b/notes.md', 'z.yaml']) fs.utimesSync(path.join(dir, f), old, old);
    const cache = new ScanCache(ScanCache.keyFor());
    const kinds: string[] = [];
    const pool = new ScanPool({ size: 0 });
    const run = pool.run.bind(pool);
    pool.run = ((j: ScanJob): Promise<PoolResult> =>
      run(j).then((r) => {
        kinds.push(`${path.basename(j.path)}:${r.kind}`);
        return r;
      })) as typeof pool.run;
    const first = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, pool, cache });
    kinds.length = 0;
    fs.writeFileSync(path.join(dir, 'z.yaml'), `token: ${GH}\nother: ${GH2}\n`);
    fs.utimesSync(path.join(dir, 'z.yaml'), old, new Date(Date.now() - 30_000));
    const second = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, pool, cache });
    assert.deepEqual(kinds.sort(), ['.env:unchanged', 'bin.dat:skipped', 'config.js:unchanged', 'notes.md:unchanged', 'z.yaml:scanned']);
    assert.equal(second.filesScanned, first.filesScanned);
    assert.equal(second.findings.filter((f) => f.path === 'z.yaml').length, 2);
    assert.deepEqual(
      second.findings.filter((f) => f.path !== 'z.yaml'),
      first.findings.filter((f) => f.path !== 'z.yaml'),
    );
    // A deleted file leaves the cache.
    fs.rmSync(path.join(dir, '.env'));
    await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, pool, cache });
    assert.equal(cache.get(path.join(dir, '.env')), undefined);
  });

  it('scans the first part of an SQL dump over the size limit, and still lists it as too large', async () => {
    const dir = tree({ 'dump.sql': `-- token ${GH}\n${"INSERT INTO t VALUES (1, 'x');\n".repeat(200)}` });
    const result = await scanPaths([dir], { maxFileSize: 1000, root: dir, jobs: 0 });
    assert.deepEqual(
      result.findings.map((f) => f.line),
      [1],
    );
    assert.deepEqual(
      result.skipped.map((s) => `${s.path}:${s.reason}`),
      ['dump.sql:too-large'],
    );
  });

  it('applies a size limit lowered since a file was cached', async () => {
    const dir = tree({ 'big.env': `TOKEN=${GH}\n${'#'.repeat(5000)}\n` });
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'big.env'), old, old);
    const cache = new ScanCache(ScanCache.keyFor());
    const first = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, jobs: 0, cache });
    assert.equal(first.findings.length, 1);
    const second = await scanPaths([dir], { maxFileSize: 1000, root: dir, jobs: 0, cache });
    assert.deepEqual(
      second.skipped.map((s) => s.reason),
      ['too-large'],
    );
    assert.equal(second.findings.length, 0);
  });

  it('does not trust an mtime so recent that a same-size edit could hide in it', () => {
    const cache = new ScanCache('k');
    cache.set('/x', { size: 1, mtimeMs: Date.now() }, [], false);
    assert.equal(cache.get('/x'), undefined);
    cache.set('/y', { size: 1, mtimeMs: Date.now() - 10_000 }, [], false);
    assert.ok(cache.get('/y'));
  });

  it('writes no secret into the on-disk cache, and ignores a cache of another engine or config', async () => {
    const dir = tree(sample());
    const old = new Date(Date.now() - 60_000);
    for (const f of ['.env', 'a/config.js', 'z.yaml']) fs.utimesSync(path.join(dir, f), old, old);
    const key = ScanCache.keyFor();
    const cache = new ScanCache(key);
    const report = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, jobs: 0, cache });
    assert.ok(report.findings.length >= 3);
    const file = path.join(work, 'cache.json');
    cache.save(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of [GH, GH2, GH.slice(4), GH2.slice(4)]) assert.ok(!text.includes(secret), 'the cache holds a secret');
    assert.ok(ScanCache.load(file, key).size >= 3);
    assert.equal(ScanCache.load(file, ScanCache.keyFor({ categories: { secret: false } })).size, 0);
    fs.writeFileSync(file, '{not json');
    assert.equal(ScanCache.load(file, key).size, 0);
  });
});

/** Walk order of the sample tree (names sorted within each folder). */
function order(p: string): number {
  return ['.env', 'a/b/notes.md', 'a/config.js', 'z.yaml'].indexOf(p);
}
