import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultCodeCacheDir } from '../../../src/core/pool/code-cache';
import { ScanPool, type PoolResult } from '../../../src/core/pool/pool';
import { buildTestBundle } from '../helpers/bundle';

// A made-up token with a real provider's shape, assembled so the source holds none whole.
const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

let work: string;
let workerJs: string;
let files: string[];

/** Each file's findings as `path:rule:line`, in the order given. */
async function scanAll(pool: ScanPool): Promise<string[]> {
  const results: PoolResult[] = await Promise.all(files.map((f) => pool.run({ path: f, display: path.basename(f), maxFileSize: 1 << 20 })));
  return results.flatMap((r) => (r.kind === 'scanned' ? r.findings.map((f) => `${path.basename(r.path)}:${f.ruleId}:${f.line}`) : [`${r.path}:${r.kind}`]));
}

/** The cache files in `dir`, once one is there (a worker writes it after its first jobs). */
async function cacheFiles(dir: string): Promise<string[]> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.cache')) : [];
    if (names.length > 0) return names.map((n) => path.join(dir, n));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [];
}

describe('code cache of the worker bundle', () => {
  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-code-cache-'));
    workerJs = await buildTestBundle('src/core/worker.ts', path.join(work, 'bundle', 'worker.js'));
    const tree = path.join(work, 'tree');
    fs.mkdirSync(tree);
    const sample: Record<string, string> = {
      '.env': `GITHUB_TOKEN=${GH}\nDB_PASSWORD=hunter2\n`,
      'compose.yaml': 'services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n    environment:\n      POSTGRES_PASSWORD: postgres\n',
      'config.js': `module.exports = { token: '${GH}' };\n`,
    };
    for (const [name, text] of Object.entries(sample)) fs.writeFileSync(path.join(tree, name), text);
    files = Object.keys(sample).map((n) => path.join(tree, n));
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('is written by a first run, used by the next, and changes no finding; a damaged one is ignored and written again', async () => {
    const plain = new ScanPool({ size: 1, workerPath: workerJs });
    const expected = await scanAll(plain);
    await plain.dispose();
    assert.ok(expected.some((f) => f.startsWith('.env:')) && expected.some((f) => f.startsWith('compose.yaml:')), expected.join(' '));

    const dir = path.join(work, 'cache');
    const first = new ScanPool({ size: 1, workerPath: workerJs, codeCacheDir: dir });
    assert.deepEqual(await scanAll(first), expected);
    assert.equal(first.codeCache, 'miss');
    const [file, ...more] = await cacheFiles(dir);
    await first.dispose();
    assert.ok(file, 'no cache file written');
    assert.deepEqual(more, []);
    assert.match(path.basename(file), /^worker-[0-9a-f]{32}\.cache$/);
    const written = fs.readFileSync(file);
    // Compiled code only: nothing of the scanned text.
    assert.equal(written.includes(GH), false);
    assert.equal(written.includes('hunter2'), false);

    const second = new ScanPool({ size: 1, workerPath: workerJs, codeCacheDir: dir });
    assert.deepEqual(await scanAll(second), expected);
    assert.equal(second.codeCache, 'hit');
    await second.dispose();

    // One byte changed in the middle of the cached code: the checksum no longer fits.
    const damaged = Buffer.from(written);
    damaged[damaged.length >> 1] ^= 0xff;
    fs.writeFileSync(file, damaged);
    const third = new ScanPool({ size: 1, workerPath: workerJs, codeCacheDir: dir });
    assert.deepEqual(await scanAll(third), expected);
    assert.equal(third.codeCache, 'bad');
    for (let waited = 0; fs.readFileSync(file).equals(damaged) && waited < 30_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await third.dispose();
    assert.equal(fs.readFileSync(file).equals(damaged), false, 'the damaged cache was not written again');

    // Cut short, and empty: ignored the same way.
    for (const bytes of [written.subarray(0, 40), Buffer.alloc(0)]) {
      fs.writeFileSync(file, bytes);
      const pool = new ScanPool({ size: 1, workerPath: workerJs, codeCacheDir: dir });
      assert.deepEqual(await scanAll(pool), expected);
      assert.equal(pool.codeCache, 'bad');
      await pool.dispose();
    }
  });

  it('is never read for another bundle: the file is named after the bundle it was made for', async () => {
    const dir = path.join(work, 'cache-other');
    const pool = new ScanPool({ size: 1, workerPath: workerJs, codeCacheDir: dir });
    await scanAll(pool);
    const [made] = await cacheFiles(dir);
    await pool.dispose();
    // The same bundle with one comment more: the same length in V8's check would not tell them apart.
    const other = path.join(work, 'other', 'worker.js');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, `${fs.readFileSync(workerJs, 'utf8')}\n// another build\n`);
    const next = new ScanPool({ size: 1, workerPath: other, codeCacheDir: dir });
    await scanAll(next);
    assert.equal(next.codeCache, 'miss');
    await next.dispose();
    assert.ok(fs.existsSync(made));
  });

  it('lives in the user cache folder of each platform', () => {
    assert.equal(defaultCodeCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux'), path.join('/x/cache', 'mamori'));
    // A relative XDG_CACHE_HOME is invalid by the specification: the default is used.
    assert.equal(defaultCodeCacheDir({ XDG_CACHE_HOME: 'rel' }, 'linux'), path.join(os.homedir(), '.cache', 'mamori'));
    assert.equal(defaultCodeCacheDir({}, 'darwin'), path.join(os.homedir(), 'Library', 'Caches', 'mamori'));
    if (process.platform === 'win32')
      assert.equal(defaultCodeCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'), 'C:\\Users\\u\\AppData\\Local\\mamori\\Cache');
  });
});
