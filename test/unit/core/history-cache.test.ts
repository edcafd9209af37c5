// The history cache file: written an entry at a time as the same text JSON.stringify gives,
// merged with what another run wrote meanwhile, and read back whole.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { HistoryCache } from '../../../src/core/git/history-cache';
import type { LocatedFinding } from '../../../src/core/report/model';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-hcache-unit-'));
  dirs.push(dir);
  return path.join(dir, 'cache.json');
}

const oid = (n: number) => n.toString(16).padStart(40, '0');

function finding(line: number, pathName: string): LocatedFinding {
  return {
    ruleId: 'secret/hardcoded-password',
    category: 'secret',
    severity: 'warning',
    messageId: 'hardcoded-password',
    data: { name: 'password', value: '******' },
    range: [line * 10, line * 10 + 6],
    guidelines: ['nisc-2023'],
    path: pathName,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    excerpt: 'password = ******',
    fingerprint: `f${line}`,
  } as LocatedFinding;
}

describe('HistoryCache file', () => {
  it("is JSON.stringify's text of every entry, and reads back the same", () => {
    const file = tempFile();
    const cache = new HistoryCache('k1');
    cache.setScanned(oid(1), 'a.env', [finding(1, 'a.env'), finding(4, 'a.env')], [], false, [1]);
    cache.setScanned(oid(2), 'b "q".py', [], [{ path: 'b', reason: 'too-large', detail: '9' }], true);
    cache.setSkipped(oid(3), 'img.png', { path: 'img.png', reason: 'binary' });
    cache.setScanned(oid(4), 'empty.txt', [], [], false);
    cache.save(file);
    const text = fs.readFileSync(file, 'utf8');
    const data = JSON.parse(text) as { key: string; blobs: Record<string, unknown> };
    assert.equal(text, JSON.stringify(data));
    assert.deepEqual(Object.keys(data.blobs), [`${oid(1)} a.env`, `${oid(2)} b "q".py`, `${oid(3)} img.png`, `${oid(4)} empty.txt`]);
    const back = HistoryCache.load(file, 'k1');
    assert.equal(back.size, 4);
    assert.deepEqual(
      back.get(oid(1), 'a.env')?.findings?.map((f) => f.line),
      [1, 4],
    );
    assert.deepEqual(back.get(oid(1), 'a.env')?.carried, [1]);
    assert.deepEqual(back.get(oid(3), 'img.png'), { skipped: { reason: 'binary' } });
  });

  it("keeps the entries another run wrote since this one loaded the file, and this run's over them", () => {
    const file = tempFile();
    const first = new HistoryCache('k1');
    first.setScanned(oid(1), 'a.env', [finding(1, 'a.env')], [], false);
    first.setScanned(oid(2), 'b.env', [], [], false);
    first.save(file);
    // Two runs load the same file; the other one saves first.
    const mine = HistoryCache.load(file, 'k1');
    const other = HistoryCache.load(file, 'k1');
    other.setScanned(oid(3), 'c.env', [finding(7, 'c.env')], [], false);
    other.save(file);
    mine.setScanned(oid(1), 'a.env', [], [], false);
    mine.setScanned(oid(4), 'd.env', [], [], false);
    mine.save(file);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { blobs: Record<string, { findings?: unknown[] }> };
    assert.deepEqual(Object.keys(data.blobs), [`${oid(1)} a.env`, `${oid(2)} b.env`, `${oid(3)} c.env`, `${oid(4)} d.env`]);
    assert.equal(data.blobs[`${oid(1)} a.env`].findings, undefined, "this run's entry replaces the file's");
    assert.equal(data.blobs[`${oid(3)} c.env`].findings?.length, 1);
    // Unchanged since it was loaded: written from this run's entries, the loaded ones among them.
    const again = HistoryCache.load(file, 'k1');
    again.setScanned(oid(5), 'e.env', [], [], false);
    again.save(file);
    assert.deepEqual(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { blobs: object }).blobs).length, 5);
  });

  it('starts afresh over a cache of another key', () => {
    const file = tempFile();
    const old = new HistoryCache('old');
    old.setScanned(oid(1), 'a.env', [], [], false);
    old.save(file);
    const cache = HistoryCache.load(file, 'new');
    assert.equal(cache.size, 0);
    cache.setScanned(oid(2), 'b.env', [], [], false);
    cache.save(file);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; blobs: object };
    assert.equal(data.key, 'new');
    assert.deepEqual(Object.keys(data.blobs), [`${oid(2)} b.env`]);
  });
});
