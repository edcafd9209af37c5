// A file written from pieces (a large report made a finding at a time) is written whole or not at
// all, as a file written from one string is: the pieces land in order, a failure while they are
// made leaves the previous file as it was, and no temporary file stays behind.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { batches, writeFileAtomicChunks } from '../../../src/core/write-file';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-write-'));
  made.push(dir);
  return dir;
}

/** Three MB of text in short pieces of several scripts, with a byte buffer among them. */
function* pieces(fail = false): Generator<string | Uint8Array> {
  for (let i = 0; i < 40_000; i++) {
    if (fail && i === 30_000) throw new Error('the report could not be made');
    yield `{"n": ${i}, "text": "漏えい等 ${'x'.repeat(i % 97)}"},\n`;
    if (i % 10_000 === 0) yield Buffer.from(`<${i}>`);
  }
}

const whole = (chunks: Iterable<string | Uint8Array>) => Buffer.concat([...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

describe('writeFileAtomicChunks', () => {
  it('writes the pieces in order, and leaves no temporary file', () => {
    const dir = folder();
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'previous');
    writeFileAtomicChunks(file, pieces());
    const expected = whole(pieces());
    assert.ok(expected.length > 3 * 1024 * 1024, `${expected.length} bytes`);
    assert.ok(fs.readFileSync(file).equals(expected));
    assert.deepEqual(fs.readdirSync(dir), ['report.json']);
  });

  it('keeps the previous file whole when a piece cannot be made, after MB of it were written', () => {
    const dir = folder();
    const file = path.join(dir, 'report.json');
    fs.writeFileSync(file, 'previous');
    assert.throws(() => writeFileAtomicChunks(file, pieces(true)), /could not be made/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'previous');
    assert.deepEqual(fs.readdirSync(dir), ['report.json']);
  });

  it('writes a file that was not there, and an empty one', () => {
    const dir = folder();
    writeFileAtomicChunks(path.join(dir, 'sub', 'a.txt'), ['a', '', 'b']);
    writeFileAtomicChunks(path.join(dir, 'empty.txt'), []);
    assert.equal(fs.readFileSync(path.join(dir, 'sub', 'a.txt'), 'utf8'), 'ab');
    assert.equal(fs.readFileSync(path.join(dir, 'empty.txt'), 'utf8'), '');
  });
});

describe('batches', () => {
  it('gathers short pieces into about a MB each, the text unchanged', () => {
    const out = [...batches(pieces())];
    assert.ok(whole(out).equals(whole(pieces())));
    const strings = out.filter((b): b is string => typeof b === 'string');
    // ~3 MB of text in 40,000 pieces: a handful of writes, none much above a MB.
    assert.ok(out.length < 20, `${out.length} batches`);
    for (const s of strings) assert.ok(s.length < (1 << 20) + 200, `${s.length}`);
    // (A byte buffer is passed on as it is, after the text gathered before it.)
    assert.ok(strings.filter((s) => s.length > 500_000).length >= 3, 'gathered batches');
  });
});
