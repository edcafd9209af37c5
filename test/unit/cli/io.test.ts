// The CLI's write errors name the path and say what to do, by error code, in English and
// Japanese (the codes a test cannot easily cause for real: a full disk, a read-only file system).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeErrorMessage } from '../../../src/cli/io';

const err = (code: string) => Object.assign(new Error(code), { code });

describe('write error messages', () => {
  it('name the path and say what to do, for every common code, in both languages', () => {
    const cases: [string, RegExp, RegExp][] = [
      ['ENOSPC', /disk is full \(ENOSPC\)\. Free some space/, /ディスクの空き容量が足りません（ENOSPC）/],
      ['EROFS', /read-only \(EROFS\)\. Choose a writable location/, /読み取り専用のファイルシステムです/],
      ['ENOENT', /folder does not exist .*Choose an existing folder/, /フォルダが存在せず/],
      ['EEXIST', /a file is in the way/, /フォルダではなくファイルがあります/],
      ['EACCES', /permission denied \(EACCES\)/, /書き込む権限がありません/],
      ['EISDIR', /it is a folder \(EISDIR\)\. Give a file name/, /フォルダです/],
    ];
    for (const [code, en, ja] of cases) {
      const e = writeErrorMessage('out/report.sarif', 'report', err(code), 'en');
      assert.ok(e.includes('out/report.sarif'), e);
      assert.match(e, en);
      assert.match(e, /previous file there is unchanged/);
      const j = writeErrorMessage('out/report.sarif', 'report', err(code), 'ja');
      assert.ok(j.includes('out/report.sarif'), j);
      assert.match(j, ja);
    }
    assert.match(writeErrorMessage('c.json', 'cache', err('ENOSPC'), 'en'), /^mamori: cannot write the cache to c\.json: the disk is full/);
  });
});
