import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { walk, type WalkEntry } from '../../../src/core/walk';

function tree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-walk-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function collect(root: string, opts: Partial<Parameters<typeof walk>[1]> = {}) {
  const files: string[] = [];
  const skipped: string[] = [];
  const texts: Record<string, string> = {};
  for await (const e of walk([root], { maxFileSize: 1024 * 1024, ...opts })) {
    const rel = path.relative(root, e.path).split(path.sep).join('/');
    if (e.kind === 'file') {
      files.push(rel);
      texts[rel] = e.text;
    } else skipped.push(`${rel}:${e.reason}`);
  }
  return { files: files.sort(), skipped: skipped.sort(), texts };
}

describe('walk', () => {
  it('honours .gitignore (nested too), .mamoriignore and extra excludes; skips .git and node_modules', async () => {
    const root = tree({
      '.gitignore': 'dist/\n*.log\n',
      'a.txt': 'a',
      'dist/x.js': 'x',
      'debug.log': 'l',
      'sub/.gitignore': 'secret-notes.md\n',
      'sub/secret-notes.md': 's',
      'sub/keep.md': 'k',
      '.mamoriignore': 'fixtures/\n',
      'fixtures/f.txt': 'f',
      'vendor/v.txt': 'v',
      '.git/config': 'c',
      'node_modules/p/index.js': 'n',
      'deep/node_modules/q.js': 'q',
    });
    const { files } = await collect(root, { exclude: ['vendor/'] });
    assert.deepEqual(files, ['.gitignore', '.mamoriignore', 'a.txt', 'sub/.gitignore', 'sub/keep.md']);
  });

  it('reports binary and too-large files as skipped', async () => {
    const root = tree({ 'ok.txt': 'hello', 'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'big.txt': 'x'.repeat(5000) });
    const { files, skipped } = await collect(root, { maxFileSize: 1000 });
    assert.deepEqual(files, ['ok.txt']);
    assert.deepEqual(skipped, ['big.txt:too-large', 'img.png:binary']);
  });

  it('reads the first part of an SQL/CSV data file over the size limit, cut at a line end', async () => {
    const row = "INSERT INTO t VALUES (1, 'a');\n";
    const root = tree({ 'dump.sql': row.repeat(100), 'big.csv': 'a,b\n'.repeat(500), 'wide.csv': 'x'.repeat(3000), 'big.txt': 'x\n'.repeat(1000) });
    const { files, skipped, texts } = await collect(root, { maxFileSize: 1000 });
    assert.deepEqual(files, ['big.csv', 'dump.sql']);
    assert.deepEqual(skipped, ['big.txt:too-large', 'wide.csv:too-large']);
    assert.equal(texts['dump.sql'], row.repeat(Math.floor(1000 / row.length)));
    assert.ok(texts['big.csv'].length <= 1000 && texts['big.csv'].endsWith('a,b\n'));
  });

  it('decodes UTF-8 with BOM and UTF-16 with BOM', async () => {
    const root = tree({
      'u8.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名', 'utf8')]),
      'u16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('パスワード', 'utf16le')]),
    });
    const { texts } = await collect(root);
    assert.equal(texts['u8.txt'], '氏名');
    assert.equal(texts['u16.txt'], 'パスワード');
  });

  it('never follows a link out of the root, follows links inside it, and survives cycles', async () => {
    const outside = tree({ 'secret.txt': 'outside' });
    const root = tree({ 'real/file.txt': 'inside' });
    fs.symlinkSync(outside, path.join(root, 'out-dir'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'out-file.txt'));
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
    fs.symlinkSync(root, path.join(root, 'real', 'loop'));
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
    const { files, skipped } = await collect(root);
    assert.deepEqual(files, ['real/file.txt']);
    assert.ok(skipped.includes('out-dir:outside-root'));
    assert.ok(skipped.includes('out-file.txt:outside-root'));
    assert.ok(skipped.includes('dangling:unreadable'));
  });

  it('never opens a FIFO', { skip: process.platform === 'win32' }, async () => {
    const root = tree({ 'a.txt': 'a' });
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    fs.symlinkSync(path.join(root, 'pipe'), path.join(root, 'pipe-link'));
    const { files, skipped } = await collect(root);
    assert.deepEqual(files, ['a.txt']);
    assert.deepEqual(skipped, ['pipe-link:not-regular', 'pipe:not-regular']);
  });

  it('reports a missing root as unreadable and scans a single file root', async () => {
    const root = tree({ 'one.txt': '1' });
    const missing = await collect(path.join(root, 'missing'));
    assert.deepEqual(missing.skipped, [':unreadable']);
    const single: WalkEntry[] = [];
    for await (const e of walk([path.join(root, 'one.txt')], { maxFileSize: 100 })) single.push(e);
    assert.equal(single.length, 1);
    assert.equal(single[0].kind, 'file');
  });

  it('stops when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.txt`] = 'x';
    const root = tree(files);
    let n = 0;
    for await (const e of walk([root], { maxFileSize: 100, isCancelled: () => n >= 5 })) if (e.kind === 'file') n++;
    assert.equal(n, 5);
  });
});
