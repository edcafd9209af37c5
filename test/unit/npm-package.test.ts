// The npm package as someone outside the repository gets it: `npm pack` on a clean checkout
// (no dist/) builds first, packs only what the CLI needs at run time, and the tarball installs
// into an empty folder without a registry (the CLI has no runtime dependencies) and scans.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * A child npm's environment: no npm_config_* of an npm that started these tests (a nested npm
 * reads them as its own), a cache of its own, and no registry it could reach by mistake.
 */
function npmEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    npm_config_cache: cache,
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

describe('npm package', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-pack-'));
  const checkout = path.join(tmp, 'checkout');
  const consumer = path.join(tmp, 'consumer');
  const env = npmEnv(path.join(tmp, 'npm-cache'));
  let pack: PackResult;
  let tarball: string;

  before(() => {
    // A clean checkout: the repository's files (tracked, and new ones not ignored), no dist/.
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    for (const rel of listed) {
      const from = path.join(ROOT, rel);
      if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted, or a submodule
      fs.mkdirSync(path.dirname(path.join(checkout, rel)), { recursive: true });
      fs.copyFileSync(from, path.join(checkout, rel));
    }
    assert.ok(!fs.existsSync(path.join(checkout, 'dist')));
    // The dev dependencies a checkout gets from `npm ci`, without installing them again.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', tmp], {
      cwd: checkout,
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    // npm prints the build's output before the JSON on some versions: take the JSON array.
    [pack] = JSON.parse(out.slice(out.indexOf('[\n'))) as PackResult[];
    tarball = path.join(tmp, pack.filename);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('builds first and packs the CLI, its worker, the library, README and licence: no sources, tests, fixtures or maps', () => {
    const files = pack.files.map((f) => f.path).sort();
    for (const f of [
      'dist/cli.js',
      'dist/cli-main.js',
      'dist/worker.js',
      'dist/core.js',
      'dist/THIRD-PARTY-NOTICES.txt',
      'README.md',
      'LICENSE',
      'package.json',
    ])
      assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
    for (const f of files) {
      assert.doesNotMatch(f, /^(src|test|bench|node_modules|media)\/|\.map$|\.ts$|(^|\/)\.env|^dist\/test\//, f);
    }
    // The issue measured 8.6 MB packed before there was a file list.
    assert.ok(pack.size < 2_000_000, `packed ${pack.size} bytes`);
    console.log(`# npm package: ${(pack.size / 1e6).toFixed(2)} MB packed, ${(pack.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${files.length} files`);
  });

  it('declares no runtime dependencies, so it installs without a registry', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.optionalDependencies, undefined);
    assert.equal(manifest.peerDependencies, undefined);
    assert.deepEqual(manifest.bin, { mamori: './dist/cli.js' });
  });

  it('installs from the tarball into an empty folder and `npx mamori scan` finds what a fixture holds', () => {
    fs.mkdirSync(consumer);
    const install = spawnSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: consumer, encoding: 'utf8', env, timeout: 300_000 });
    assert.equal(install.status, 0, install.stderr);
    const project = path.join(tmp, 'project');
    fs.cpSync(path.join(ROOT, 'test/fixtures/sample-project'), project, { recursive: true });
    const version = spawnSync(NPX, ['--offline', 'mamori', '--version'], { cwd: consumer, encoding: 'utf8', env, timeout: 120_000 });
    assert.equal(version.status, 0, version.stderr);
    assert.match(version.stdout, /^mamori \d+\.\d+\.\d+/);
    const scan = spawnSync(NPX, ['--offline', 'mamori', 'scan', project, '--format', 'json'], { cwd: consumer, encoding: 'utf8', env, timeout: 120_000 });
    assert.equal(scan.status, 1, scan.stderr);
    const report = JSON.parse(scan.stdout) as { findings: { ruleId: string; category: string }[] };
    const categories = new Set(report.findings.map((f) => f.category));
    for (const c of ['secret', 'pii-exposure']) assert.ok(categories.has(c), `no ${c} finding in ${[...categories].join(', ')}`);
  });
});
