// What the CLI writes, checked against the real CLI as a separate process: reports and caches
// are written whole or not at all (kills, signals, a full disk), never over a scanned file,
// never leave temporary files behind, and a cache shared by parallel runs keeps every run's
// entries.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTestBundle } from '../helpers/bundle';

/** A made-up GitHub-token-shaped value, different for each `i`, assembled at run time. */
const TOKEN = (i: number) =>
  [
    'ghp',
    createHash('sha256')
      .update(String(i))
      .digest('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 36),
  ].join('_');

let bin: string;
let CLI: string;
const made: string[] = [];

function tmp(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mamori-${prefix}-`));
  made.push(dir);
  return dir;
}

function project(files: Record<string, string>): string {
  const dir = tmp('w');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A tree whose JSON report is a few MB, so a kill can land while it is being written. */
function bigProject(files: number): string {
  const dir = tmp('big');
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, `d${i % 20}`);
    fs.mkdirSync(sub, { recursive: true });
    let text = '';
    for (let j = 0; j < 8; j++) text += `GITHUB_TOKEN_${j}=${TOKEN(i * 8 + j)}\n`;
    fs.writeFileSync(path.join(sub, `f${i}.env`), text);
  }
  return dir;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Temporary files of ours left in a folder. */
function temps(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => /\.mamori-\d+-[0-9a-f]{8}\.tmp$/.test(n) || n.endsWith('.lock'));
}

/**
 * Starts the CLI and sends it `signal` after `ms`, or, with `watch`, `ms` after the first change
 * in that folder (the report's write beginning); resolves with its exit code and stderr.
 */
function killAfter(
  args: string[],
  cwd: string,
  signal: NodeJS.Signals,
  ms: number,
  watch?: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timer: NodeJS.Timeout | undefined;
    let watcher: fs.FSWatcher | undefined;
    const kill = () => {
      if (ms === 0) child.kill(signal);
      else timer = setTimeout(() => child.kill(signal), ms);
    };
    if (watch) {
      watcher = fs.watch(watch, () => {
        watcher?.close();
        watcher = undefined;
        kill();
      });
    } else kill();
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      watcher?.close();
      resolve({ code, signal: sig, stderr });
    });
  });
}

describe('mamori CLI writes', () => {
  before(async () => {
    bin = tmp('bin');
    await buildTestBundle('src/core/worker.ts', path.join(bin, 'worker.js'));
    CLI = await buildTestBundle('src/cli/main.ts', path.join(bin, 'cli.js'));
  });
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses, before scanning, an output or cache path that is a scanned file', () => {
    const env = `TOKEN=${TOKEN(1)}\n`;
    const dir = project({ '.env': env, 'src/app.js': 'x = 1\n', 'conf/settings.yaml': 'a: 1\n' });
    for (const args of [
      ['scan', '.', '-o', '.env'],
      ['scan', '.', '--cache', '.env'],
      ['scan', '.env', '-o', '.env'],
      ['scan', 'src', 'conf', '-o', 'conf/settings.yaml', '--format', 'json'],
      ['scan', '.', '-o', 'src'],
    ]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /scanned/);
      // Refused before the scan: no report summary.
      assert.doesNotMatch(r.stderr + r.stdout, /file\(s\)/);
    }
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), env);
    assert.equal(fs.readFileSync(path.join(dir, 'conf/settings.yaml'), 'utf8'), 'a: 1\n');
    assert.match(run(['scan', '.', '-o', '.env', '--lang', 'ja'], dir).stderr, /上書きすると/);
  });

  it('overwrites its own report in the scanned folder, and leaves it out of the scan', () => {
    const dir = project({ '.env': `TOKEN=${TOKEN(2)}\n` });
    for (const format of ['json', 'sarif', 'text', 'markdown', 'html']) {
      const out = `report.${format}`;
      assert.equal(run(['scan', '.', '-o', out, '--format', format], dir).code, 1);
      const second = run(['scan', '.', '-o', out, '--format', format], dir);
      assert.equal(second.code, 1, second.stderr);
      assert.match(second.stderr, / 1 file\(s\)/, `${format}: the earlier report was scanned`);
      fs.rmSync(path.join(dir, out));
    }
    // A text report of personal data ends with the reporting summary, not the counts: still its own.
    const pii = project({
      'db/customers.csv':
        '氏名,電話番号,メールアドレス\n' + Array.from({ length: 8 }, (_, i) => `佐藤 一郎${i},090-3841-22${10 + i},u${i}.sato@gmail.com\n`).join(''),
    });
    for (const lang of ['ja', 'en']) {
      assert.notEqual(run(['scan', '.', '-o', 'report.txt', '--lang', lang], pii).code, 2);
      assert.match(fs.readFileSync(path.join(pii, 'report.txt'), 'utf8'), /leakAction\/\n$/);
      const second = run(['scan', '.', '-o', 'report.txt', '--lang', lang], pii);
      assert.notEqual(second.code, 2, second.stderr);
      assert.doesNotMatch(second.stderr, /Mamori did not write|Mamori が書いたものではありません/);
    }
  });

  it('keeps the previous report whole when the disk fills up, says where and what to do, and leaves no temporary file', (t) => {
    const dir = bigProject(40);
    const out = path.join(tmp('out'), 'report.json');
    fs.writeFileSync(out, '{"previous":true}');
    // A file-size limit makes the write fail with EFBIG, as a full disk fails with ENOSPC.
    const r = spawnSync('bash', ['-c', `ulimit -f 4 && exec "$0" "$@"`, process.execPath, CLI, 'scan', '.', '--format', 'json', '-o', out], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (r.status !== 2 && /ulimit/.test(r.stderr)) {
      t.skip('ulimit -f is not available');
      return;
    }
    assert.equal(r.status, 2, r.stderr);
    assert.ok(r.stderr.includes(out), r.stderr);
    assert.match(r.stderr, /disk is full .*Free some space/);
    assert.equal(fs.readFileSync(out, 'utf8'), '{"previous":true}');
    assert.deepEqual(temps(path.dirname(out)), []);
  });

  it('names the path and what to do when a file is in the way, in English and Japanese', () => {
    const dir = project({ '.env': `TOKEN=${TOKEN(3)}\n` });
    const blocker = path.join(tmp('out'), 'file');
    fs.writeFileSync(blocker, 'x');
    const en = run(['scan', '.', '-o', path.join(blocker, 'report.json')], dir);
    assert.equal(en.code, 2);
    assert.ok(en.stderr.includes(path.join(blocker, 'report.json')));
    assert.match(en.stderr, /a file is in the way/);
    const ja = run(['scan', '.', '-o', path.join(blocker, 'report.json'), '--lang', 'ja'], dir);
    assert.match(ja.stderr, /フォルダではなくファイルがあります/);
  });

  it('skips a file larger than the engine can hold (a sparse 2 GiB file), with and without workers, and reports it', () => {
    const dir = project({ '.env': `TOKEN=${TOKEN(6)}\n` });
    const fd = fs.openSync(path.join(dir, 'huge.env'), 'w');
    fs.ftruncateSync(fd, 2 * 1024 ** 3);
    fs.closeSync(fd);
    for (const jobs of ['0', '1']) {
      const r = run(['scan', '.', '--format', 'json', '--jobs', jobs, '--max-file-size', String(4 * 1024 ** 2)], dir);
      assert.equal(r.code, 1, `--jobs ${jobs}: exit ${r.code} ${r.stderr.slice(0, 300)}`);
      const j = JSON.parse(r.stdout) as { findings: { path: string }[]; skipped: { path: string; reason: string }[] };
      assert.deepEqual(
        j.skipped.map((s) => `${s.path}:${s.reason}`),
        ['huge.env:too-large'],
      );
      assert.deepEqual(
        j.findings.map((f) => f.path),
        ['.env'],
      );
    }
  });

  it('discards a cache of the wrong shape with a warning, and writes a good one', () => {
    const dir = project({ '.env': `TOKEN=${TOKEN(4)}\n` });
    const cache = path.join(tmp('cache'), 'c.json');
    for (const bad of ['[1,2]', 'null', '{"key":"x"}', '{not json']) {
      fs.writeFileSync(cache, bad);
      const r = run(['scan', '.', '--cache', cache], dir);
      assert.equal(r.code, 1, `${bad}: ${r.stderr}`);
      assert.match(r.stderr, /is not a Mamori cache/);
      assert.ok((JSON.parse(fs.readFileSync(cache, 'utf8')) as { files: object }).files);
    }
    // A cache whose key matches but whose entries are of another shape (what used to fail
    // every later run with exit 2).
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, '.env'), old, old);
    run(['scan', '.', '--cache', cache], dir);
    const good = JSON.parse(fs.readFileSync(cache, 'utf8')) as { key: string; files: Record<string, unknown> };
    assert.equal(Object.keys(good.files).length, 1);
    for (const k of Object.keys(good.files)) good.files[k] = { size: 1, mtimeMs: 2, findings: 'none' };
    fs.writeFileSync(cache, JSON.stringify(good));
    const r = run(['scan', '.', '--cache', cache], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /is not a Mamori cache/);
  });

  it('sweeps temporary files that killed runs left, and no run leaves one', () => {
    const dir = project({ '.env': `TOKEN=${TOKEN(5)}\n` });
    const outDir = tmp('out');
    // A process id that is not running: one of a process that has ended.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = [`.report.json.mamori-${gone}-0123abcd.tmp`, `.cache.json.mamori-${gone}-89abcdef.tmp`];
    for (const s of stale) fs.writeFileSync(path.join(outDir, s), '{"partial');
    fs.writeFileSync(path.join(outDir, 'cache.json.lock'), gone);
    fs.writeFileSync(path.join(outDir, 'unrelated.tmp'), 'not ours');
    const r = run(['scan', '.', '-o', path.join(outDir, 'report.json'), '--cache', path.join(outDir, 'cache.json')], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(fs.readdirSync(outDir).sort(), ['cache.json', 'report.json', 'unrelated.tmp']);
  });

  it('keeps every entry when parallel runs on different folders share one cache', async () => {
    const runs = 6;
    const per = 30;
    const dirs: string[] = [];
    const old = new Date(Date.now() - 60_000);
    for (let r = 0; r < runs; r++) {
      const files: Record<string, string> = {};
      for (let i = 0; i < per; i++) files[`f${i}.js`] = `const x${i} = ${i};\n`;
      const dir = project(files);
      for (const name of Object.keys(files)) fs.utimesSync(path.join(dir, name), old, old);
      dirs.push(dir);
    }
    const cache = path.join(tmp('cache'), 'shared.json');
    const codes = await Promise.all(
      dirs.map(
        (dir) =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [CLI, 'scan', '.', '--cache', cache, '--jobs', '0'], { cwd: dir, stdio: 'ignore' });
            child.on('exit', (code) => resolve(code));
          }),
      ),
    );
    assert.deepEqual(
      codes,
      dirs.map(() => 0),
    );
    const data = JSON.parse(fs.readFileSync(cache, 'utf8')) as { files: Record<string, unknown> };
    assert.equal(Object.keys(data.files).length, runs * per);
    assert.deepEqual(temps(path.dirname(cache)), []);
  });

  it('stops on SIGINT and SIGTERM: exit 130 and 143, says what was scanned, writes nothing', async () => {
    const dir = bigProject(600);
    const outDir = tmp('out');
    const out = path.join(outDir, 'report.json');
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      fs.writeFileSync(out, '{"previous":true}');
      // A signal that comes before the CLI has set up its handlers (on a loaded machine) ends
      // it as the signal's default says; it is sent later until it lands during the scan.
      let r = { code: null as number | null, signal: null as NodeJS.Signals | null, stderr: '' };
      for (let wait = 400; wait < 10_000; wait *= 2) {
        r = await killAfter(['scan', '.', '--format', 'json', '-o', out, '--cache', path.join(outDir, 'cache.json')], dir, signal, wait);
        if (r.signal !== signal) break;
        assert.equal(fs.readFileSync(out, 'utf8'), '{"previous":true}');
      }
      if (r.code === 0 || r.code === 1) continue; // Finished before the signal (a very fast machine).
      assert.equal(r.code, code, r.stderr);
      assert.match(r.stderr, new RegExp(`stopped by ${signal} after scanning \\d+ file\\(s\\); no report or cache was written`));
      assert.equal(fs.readFileSync(out, 'utf8'), '{"previous":true}');
      assert.ok(!fs.existsSync(path.join(outDir, 'cache.json')));
      assert.deepEqual(temps(outDir), []);
    }
  });

  it('never leaves a partial or empty report, nor a stray temporary file, however it is killed', async () => {
    const dir = bigProject(60);
    const outDir = tmp('out');
    const out = path.join(outDir, 'report.json');
    // A complete report to start from, and how long a whole run takes.
    const started = Date.now();
    const first = run(['scan', '.', '--format', 'json', '-o', out, '--jobs', '0'], dir);
    const took = Date.now() - started;
    assert.equal(first.code, 1, first.stderr);
    const whole = fs.readFileSync(out, 'utf8');
    const count = (JSON.parse(whole) as { findings: unknown[] }).findings.length;
    assert.ok(count >= 60 * 8, `${count} findings`);
    const signals: NodeJS.Signals[] = ['SIGKILL', 'SIGTERM', 'SIGINT'];
    let landed = 0;
    for (let i = 0; i < 50; i++) {
      const signal = signals[i % 3];
      const left = new Set(temps(outDir));
      // Every other kill lands as the write begins (what left a 0-byte report 15 times in 16),
      // the others at any moment of the run.
      const atWrite = i % 2 === 0;
      const delay = atWrite ? Math.floor(Math.random() * 3) : Math.floor(Math.random() * took * 1.1);
      const r = await killAfter(
        ['scan', '.', '--format', 'json', '-o', out, '--jobs', i % 4 < 2 ? '0' : '1'],
        dir,
        signal,
        delay,
        atWrite ? outDir : undefined,
      );
      if (r.code !== 0 && r.code !== 1) landed++;
      const text = fs.readFileSync(out, 'utf8');
      assert.ok(text.length > 0, `empty report after ${signal}`);
      let parsed: { findings: unknown[] };
      try {
        parsed = JSON.parse(text) as { findings: unknown[] };
      } catch {
        assert.fail(`partial report after ${signal} (${text.length} bytes)`);
      }
      assert.equal(parsed.findings.length, count);
      if (signal !== 'SIGKILL') {
        // (Before its handlers are set up, the process ends as the signal's default says.)
        assert.ok([0, 1, 130, 143].includes(r.code ?? -1) || r.signal === signal, `exit ${r.code} after ${signal}: ${r.stderr}`);
        assert.deepEqual(
          temps(outDir).filter((n) => !left.has(n)),
          [],
          `temporary file left after ${signal}`,
        );
      }
    }
    assert.ok(landed > 0, 'no kill landed during a run');
    // What a SIGKILL left, the next run sweeps.
    assert.equal(run(['scan', '.', '--format', 'json', '-o', out, '--jobs', '0'], dir).code, 1);
    assert.deepEqual(temps(outDir), []);
  });
});
