// The CLI's code cache (core/pool/code-cache.ts), checked against the real CLI: written to the
// user's cache folder, never into a folder being scanned, and a run with it finds the same.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBuilt } from '../helpers/built';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
// A made-up GitHub-token-shaped value, assembled so the source holds none whole.
const TOKEN = ['ghp', 'Zt7Yq3Wm9Xk2Lp5Vr8Bn4Hc6Jd1Fg0Ks3TaQ'].join('_');

let work: string;

function run(args: string[], cwd: string, cacheHome: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, XDG_CACHE_HOME: cacheHome },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort() : [];
}

describe('CLI code cache', () => {
  before(() => {
    assertBuilt();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-code-cache-'));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('is written to the user cache folder, and a second run with it reports the same', () => {
    const project = path.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, '.env'), `GITHUB_TOKEN=${TOKEN}\n`);
    const cacheHome = path.join(work, 'xdg');
    const first = run(['scan', '.', '--format', 'json', '--no-color'], project, cacheHome);
    assert.equal(first.status, 1, first.stderr);
    const cached = filesUnder(path.join(cacheHome, 'mamori'));
    // The worker's (written by the worker after its jobs) and the CLI's own (as it exits).
    assert.ok(
      cached.some((f) => /^worker-[0-9a-f]{32}\.cache$/.test(f)),
      cached.join(', '),
    );
    assert.ok(
      cached.some((f) => /^cli-[0-9a-f]{32}\.cache$/.test(f)),
      cached.join(', '),
    );
    // Nothing else: no temporary file left, nothing in the project.
    assert.ok(
      cached.every((f) => f.endsWith('.cache')),
      cached.join(', '),
    );
    assert.deepEqual(filesUnder(project), ['.env']);
    for (const f of cached) assert.equal(fs.readFileSync(path.join(cacheHome, 'mamori', f)).includes(TOKEN), false);
    const second = run(['scan', '.', '--format', 'json', '--no-color'], project, cacheHome);
    assert.equal(second.status, 1, second.stderr);
    const findings = (out: string) => (JSON.parse(out) as { findings: unknown[] }).findings;
    assert.deepEqual(findings(second.stdout), findings(first.stdout));
    // Damaged caches (one byte changed in each): the same report, and both written again.
    const damaged = new Map<string, Buffer>();
    for (const f of cached) {
      const file = path.join(cacheHome, 'mamori', f);
      const bytes = fs.readFileSync(file);
      bytes[bytes.length >> 1] ^= 0xff;
      fs.writeFileSync(file, bytes);
      damaged.set(file, bytes);
    }
    const third = run(['scan', '.', '--format', 'json', '--no-color'], project, cacheHome);
    assert.equal(third.status, 1, third.stderr);
    assert.deepEqual(findings(third.stdout), findings(first.stdout));
    for (const [file, bytes] of damaged) assert.equal(fs.readFileSync(file).equals(bytes), false, `${path.basename(file)} not written again`);
  });

  it('runs without a cache folder it can write', () => {
    const project = path.join(work, 'readonly');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, '.env'), `GITHUB_TOKEN=${TOKEN}\n`);
    // A file where the cache folder would be: no folder can be made there.
    const blocked = path.join(work, 'blocked');
    fs.writeFileSync(blocked, '');
    const r = run(['scan', '.', '--format', 'json'], project, blocked);
    assert.equal(r.status, 1, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length > 0, true);
    assert.equal(r.stderr.includes('cache'), false, r.stderr);
  });

  it('is not written when the cache folder is inside a folder being scanned', () => {
    const project = path.join(work, 'home');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, '.env'), `GITHUB_TOKEN=${TOKEN}\n`);
    const r = run(['scan', '.', '--format', 'json'], project, path.join(project, '.cache'));
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(filesUnder(project), ['.env']);
    // Scanning another folder, the same cache folder is used.
    const other = path.join(work, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'a.env'), `GITHUB_TOKEN=${TOKEN}\n`);
    assert.equal(run(['scan', other, '--format', 'json'], project, path.join(project, '.cache')).status, 1);
    assert.ok(filesUnder(path.join(project, '.cache')).length > 0);
  });
});
