import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decode, decodeDetailed } from '../../../src/core/decode';
import { scanPaths } from '../../../src/core/scan-paths';

const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

// "パスワード" (password) and "設定" (settings) in Shift_JIS and EUC-JP, written out as bytes
// so the test does not depend on an encoder.
const SJIS_PASSWORD = [0x83, 0x70, 0x83, 0x58, 0x83, 0x8f, 0x81, 0x5b, 0x83, 0x68];
const SJIS_SETTINGS = [0x90, 0xdd, 0x92, 0xe8];
const EUC_PASSWORD = [0xa5, 0xd1, 0xa5, 0xb9, 0xa5, 0xef, 0xa1, 0xbc, 0xa5, 0xc9];
const EUC_SETTINGS = [0xc0, 0xdf, 0xc4, 0xea];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]));
  return Buffer.concat([bom ? Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
}

describe('decoding hostile and legacy encodings', () => {
  it('reads UTF-8 with and without a BOM', () => {
    assert.equal(decode(Buffer.from('a=1\n')), 'a=1\n');
    assert.equal(decode(Buffer.from('\ufeffa=日本\n')), 'a=日本\n');
  });

  it('reads any valid UTF-8, pure ASCII or not, exactly as the UTF-8 decoder does', () => {
    // ASCII takes a shorter road (copied as Latin-1, the same characters); the text must not differ.
    const byte = fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.constantFrom(0x0a, 0x0d, 0x1b, 0x20, 0x7e));
    const codePoint = fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(byte, { minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.array(codePoint, { minLength: 1, maxLength: 100 }).map((c) => Buffer.from(String.fromCodePoint(...c), 'utf8')),
        ),
        (bytes) => {
          const r = decodeDetailed(bytes);
          // (Escape sequences make some 7-bit text ISO-2022-JP; that is checked on its own below.)
          if (r?.encoding === 'iso-2022-jp') return;
          if (bytes.includes(0) || (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))) return;
          if (r?.encoding === 'utf-16le' || r?.encoding === 'utf-16be') return;
          const expected = bytes.toString('utf8').replace(/^\ufeff/, '');
          assert.deepEqual(r, { text: expected, encoding: 'utf-8' });
        },
      ),
      { numRuns: 500 },
    );
    // Pure ASCII that is ISO-2022-JP still reads as such.
    assert.equal(decodeDetailed(Buffer.from([0x1b, 0x24, 0x42, 0x40, 0x5f, 0x44, 0x6a, 0x1b, 0x28, 0x42, 0x0a]))?.encoding, 'iso-2022-jp');
  });

  it('reads UTF-16 LE and BE, with a BOM and without', () => {
    const text = 'token = "日本語 and ascii"\nsecond line\n';
    for (const order of ['le', 'be'] as const) {
      assert.equal(decode(utf16(text, order, true)), text);
      assert.equal(decodeDetailed(utf16(text, order, false))?.encoding, `utf-16${order}`);
      assert.equal(decode(utf16(text, order, false)), text);
    }
  });

  it('reads Shift_JIS and EUC-JP, and tells them apart', () => {
    const sjis = Buffer.from([...SJIS_SETTINGS, ...ascii('\n'), ...SJIS_PASSWORD, ...ascii('=hunter2\n')]);
    const euc = Buffer.from([...EUC_SETTINGS, ...ascii('\n'), ...EUC_PASSWORD, ...ascii('=hunter2\n')]);
    assert.deepEqual(decodeDetailed(sjis), { text: '設定\nパスワード=hunter2\n', encoding: 'shift_jis' });
    assert.deepEqual(decodeDetailed(euc), { text: '設定\nパスワード=hunter2\n', encoding: 'euc-jp' });
  });

  it('reads ISO-2022-JP (7-bit JIS)', () => {
    // ESC $ B "設定" ESC ( B
    const jis = Buffer.from([0x1b, 0x24, 0x42, 0x40, 0x5f, 0x44, 0x6a, 0x1b, 0x28, 0x42, ...ascii('=1\n')]);
    assert.deepEqual(decodeDetailed(jis), { text: '設定=1\n', encoding: 'iso-2022-jp' });
  });

  it('keeps invalid UTF-8 as text with replacement characters rather than dropping the file', () => {
    const bytes = Buffer.concat([Buffer.from(`TOKEN=${GH}\n`), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0x0a])]);
    const d = decodeDetailed(bytes);
    assert.equal(d?.encoding, 'utf-8-lossy');
    assert.ok(d?.text.startsWith(`TOKEN=${GH}\n`));
  });

  it('still calls NUL-laden binaries binary, including arrays of small 16-bit numbers', () => {
    assert.equal(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])), undefined);
    const shorts = Buffer.alloc(4096);
    for (let i = 0; i < shorts.length; i += 2) shorts[i] = (i * 7) % 256 || 1;
    for (let i = 0; i < shorts.length; i += 2) if (shorts[i] >= 0x20 && shorts[i] < 0x7f) shorts[i] = 0x80 + (i % 0x70);
    assert.equal(decode(shorts), undefined);
  });

  it('scans Shift_JIS, EUC-JP and UTF-16 files, with offsets into the decoded text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-enc-'));
    const line = (prefix: number[]) => Buffer.from([...prefix, ...ascii(`\nGITHUB_TOKEN=${GH}\n`)]);
    fs.writeFileSync(path.join(dir, 'sjis.env'), line(SJIS_SETTINGS.concat(ascii('# '), SJIS_PASSWORD)));
    fs.writeFileSync(path.join(dir, 'euc.env'), line(EUC_SETTINGS.concat(ascii('# '), EUC_PASSWORD)));
    fs.writeFileSync(path.join(dir, 'utf16.env'), utf16(`# 設定\nGITHUB_TOKEN=${GH}\n`, 'le', true));
    const report = await scanPaths([dir], { maxFileSize: 1 << 20, root: dir, jobs: 0 });
    assert.deepEqual(report.skipped, []);
    for (const file of ['euc.env', 'sjis.env', 'utf16.env']) {
      const f = report.findings.find((x) => x.path === file && x.ruleId === 'secret/github-token');
      assert.ok(f, `no finding in ${file}`);
      assert.equal(f.line, 2);
      assert.equal(f.column, 'GITHUB_TOKEN='.length + 1);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
