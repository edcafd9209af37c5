// The git readers on their own: the streaming `git log --raw -z` parser, fed its input cut at
// every byte, the `git cat-file` output parser fed its input in pieces, the pipelined
// `git cat-file` reader against a real repository, and blob jobs read by the scanning thread.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { BatchOutput, CatFile } from '../../../src/core/git/cat-file';
import { isDate } from '../../../src/core/git/history';
import { parseLog, type RawChange } from '../../../src/core/git/log';
import { idleBlobs, prefetch } from '../../../src/core/pool/blob-source';
import type { ScanJob } from '../../../src/core/pool/protocol';
import { scanFile } from '../../../src/core/pool/scan-file';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

async function parse(chunks: Buffer[]): Promise<RawChange[]> {
  const out: RawChange[] = [];
  for await (const c of parseLog(Readable.from(chunks))) out.push(c);
  return out;
}

describe('parseLog', () => {
  // Two commits (the first with no change), a path with multi-byte characters, a deletion.
  const text = Buffer.from(
    `\u0001${'1'.repeat(40)} 1700000000\u0000` +
      `\u0001${'2'.repeat(40)} 1700000060\u0000\n:000000 100644 ${ZERO} ${A} A\u0000設定/秘密.env\u0000` +
      `:100644 000000 ${B} ${ZERO} D\u0000old.txt\u0000` +
      `\u0001${'3'.repeat(40)} 1700000120\u0000\n:100644 100644 ${A} ${B} M\u0000a b\tc\u0000`,
  );
  const expected: RawChange[] = [
    { commit: '2'.repeat(40), time: 1700000060, mode: '100644', oid: A, parent: ZERO, status: 'A', path: '設定/秘密.env' },
    { commit: '2'.repeat(40), time: 1700000060, mode: '000000', oid: ZERO, parent: B, status: 'D', path: 'old.txt' },
    { commit: '3'.repeat(40), time: 1700000120, mode: '100644', oid: B, parent: A, status: 'M', path: 'a b\tc' },
  ];

  it('reads commits and their changes', async () => {
    assert.deepEqual(await parse([text]), expected);
  });

  it('reads the same whatever the chunks (cut at every byte, even inside a character)', async () => {
    for (let cut = 1; cut < text.length; cut++) {
      assert.deepEqual(await parse([text.subarray(0, cut), text.subarray(cut)]), expected, `cut at ${cut}`);
    }
    const bytes = [...text].map((b) => Buffer.from([b]));
    assert.deepEqual(await parse(bytes), expected);
  });

  it('ignores what it cannot read instead of throwing', async () => {
    assert.deepEqual(await parse([Buffer.from(':garbage\u0000path\u0000\u0000\u0001x\u0000')]), []);
  });
});

describe('isDate', () => {
  it('takes ISO dates and "<n> <unit>s ago", nothing else', () => {
    for (const d of ['2024-01-31', '2024-01-31T10:00:00Z', '2 weeks ago', '3.days.ago']) assert.ok(isDate(d), d);
    for (const d of ['main', 'v1.0', '2024-13-45x', 'yesterday; rm -rf /', '']) assert.ok(!isDate(d), d);
  });
});

/** What a `BatchOutput` reported, with each content copied out (its bytes are valid only during the call). */
type Event = { object: string; type: string; size: number; content?: Buffer; buffer?: ArrayBufferLike } | { missing: string } | 'malformed';

function batchEvents(contents: boolean, chunks: Buffer[]): Event[] {
  const events: Event[] = [];
  const out = new BatchOutput(contents, {
    object: (oid, type, size, bytes) => events.push({ object: oid, type, size, ...(bytes ? { content: Buffer.from(bytes), buffer: bytes.buffer } : {}) }),
    missing: (name) => events.push({ missing: name }),
    malformed: () => events.push('malformed'),
  });
  for (const c of chunks) out.receive(c);
  return events;
}

/** `git cat-file --batch` output for these objects (a name without content is missing). */
function batchText(objects: { oid: string; type?: string; content?: Buffer }[]): Buffer {
  return Buffer.concat(
    objects.flatMap((o) =>
      o.content === undefined
        ? [Buffer.from(`${o.oid} missing\n`)]
        : [Buffer.from(`${o.oid} ${o.type ?? 'blob'} ${o.content.length}\n`), o.content, Buffer.from('\n')],
    ),
  );
}

/** `bytes` cut into pieces of pseudo-random lengths up to `most` (the same cuts every run). */
function cut(bytes: Buffer, most: number, seed: number): Buffer[] {
  const pieces: Buffer[] = [];
  let x = seed;
  for (let at = 0; at < bytes.length;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const n = 1 + (x % most);
    pieces.push(bytes.subarray(at, at + n));
    at += n;
  }
  return pieces;
}

const strip = (events: Event[]) => events.map((e) => (typeof e === 'object' && 'object' in e ? { ...e, buffer: undefined } : e));

describe('BatchOutput (git cat-file output, in pieces)', () => {
  const oid = (n: number) => n.toString(16).padStart(40, '0');
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const small = [
    { oid: oid(1), content: Buffer.alloc(0) },
    { oid: oid(2), content: Buffer.from('\n') },
    { oid: 'no such name', content: undefined },
    { oid: oid(3), type: 'tree', content: Buffer.from('x y\n') },
    { oid: oid(4), content: every },
    { oid: oid(5), content: Buffer.from('設定\r\npassword=1\n\n') },
  ];
  const expected = (objects: typeof small): Event[] =>
    objects.map((o) =>
      o.content === undefined ? { missing: o.oid } : { object: o.oid, type: o.type ?? 'blob', size: o.content.length, content: o.content, buffer: undefined },
    );

  it('reads objects and missing names, whole or cut at any byte (headers and contents)', () => {
    const text = batchText(small);
    assert.deepEqual(strip(batchEvents(true, [text])), expected(small));
    for (let at = 1; at < text.length; at++) {
      assert.deepEqual(strip(batchEvents(true, [text.subarray(0, at), text.subarray(at)])), expected(small), `cut at ${at}`);
    }
    assert.deepEqual(
      strip(
        batchEvents(
          true,
          [...text].map((b) => Buffer.from([b])),
        ),
      ),
      expected(small),
    );
  });

  it('reads contents of many sizes in chunks of any length, one larger than the kept buffer', () => {
    const objects: { oid: string; content?: Buffer }[] = [];
    for (const size of [1, 2, 100, 4095, 4096, 65_535, 65_536, 65_537, 100_000, 300_000, 1 << 20, (4 << 20) + 1, 7]) {
      // Every byte value, shifted by the size: a content cut or joined wrongly differs.
      const content = Buffer.alloc(size);
      for (let i = 0; i < size; i++) content[i] = (i * 7 + size) & 0xff;
      objects.push({ oid: oid(size), content });
      if (size === 100) objects.push({ oid: oid(999) });
    }
    const text = batchText(objects);
    for (const [most, seed] of [
      [65_536, 1],
      [10_000, 2],
      [333, 3],
      [1 << 22, 4],
    ]) {
      assert.deepEqual(strip(batchEvents(true, cut(text, most, seed))), expected(objects as typeof small), `pieces of up to ${most}`);
    }
  });

  it('hands over contents without a buffer per object: a view of the chunk, or of one reused buffer', () => {
    const a = Buffer.alloc(50_000, 'a');
    const b = Buffer.alloc(40_000, 'b');
    const text = batchText([
      { oid: oid(1), content: a },
      { oid: oid(2), content: b },
      { oid: oid(3), content: Buffer.from('small') },
    ]);
    // Each large content is split between two chunks; the small one lies whole in the last.
    const chunks = [text.subarray(0, 30_000), text.subarray(30_000, 70_000), Buffer.from(text.subarray(70_000))];
    const events = batchEvents(true, chunks) as { object: string; content: Buffer; buffer: ArrayBufferLike }[];
    assert.deepEqual(
      events.map((e) => e.content.length),
      [50_000, 40_000, 5],
    );
    assert.ok(events[0].content.equals(a) && events[1].content.equals(b));
    assert.equal(events[0].buffer, events[1].buffer, 'both split contents were gathered in the same buffer');
    assert.notEqual(events[0].buffer, chunks[1].buffer);
    assert.equal(events[2].buffer, chunks[2].buffer, 'a content within one chunk is not copied');
  });

  it('reads --batch-check headers, and stops at a line that is no header', () => {
    const text = Buffer.from(`${oid(1)} blob 12\n${oid(2)} missing\n${oid(3)} tree 0\n`);
    assert.deepEqual(batchEvents(false, cut(text, 5, 9)), [
      { object: oid(1), type: 'blob', size: 12 },
      { missing: oid(2) },
      { object: oid(3), type: 'tree', size: 0 },
    ]);
    for (const bad of ['garbage\n', `${oid(1)} blob -3\n`, `${oid(1)} blob 1.5\n`, `${oid(1)} blob\n`]) {
      assert.deepEqual(batchEvents(true, [Buffer.from(bad), batchText([{ oid: oid(2), content: Buffer.from('x') }])]), ['malformed'], bad);
    }
  });
});

describe('CatFile', () => {
  let dir: string;
  const blobs: { oid: string; content: Buffer }[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-catfile-'));
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    execFileSync('git', ['init', '-q'], { cwd: dir, env });
    // Contents of many sizes, one empty, one with every byte value and newlines.
    const inputs = [Buffer.alloc(0), Buffer.from('\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.alloc(300_000, 'x\n')];
    for (let i = 0; i < 40; i++) inputs.push(Buffer.from(`file ${i}\n`.repeat(i * 50)));
    // Larger than the buffer a reader keeps for contents split across pipe chunks (4 MB).
    const large = Buffer.alloc(5 << 20);
    for (let i = 0; i < large.length; i++) large[i] = (i * 31) & 0xff;
    inputs.push(large);
    for (const content of inputs) {
      const oid = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, env, input: content }).toString().trim();
      blobs.push({ oid, content });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers many pipelined requests in order, contents exact', async () => {
    const read = new CatFile(dir, true);
    try {
      const asked = [...blobs, ...blobs].map((b) => read.get(b.oid));
      const got = await Promise.all(asked);
      got.forEach((info, i) => {
        const want = blobs[i % blobs.length];
        assert.ok(!('missing' in info));
        assert.equal(info.oid, want.oid);
        assert.equal(info.type, 'blob');
        assert.ok(info.content?.equals(want.content), `content of ${want.oid}`);
      });
    } finally {
      read.close();
    }
  });

  it('reads through a use function: a blob larger than the kept buffer, a missing object, a use that throws', async () => {
    const read = new CatFile(dir, true);
    try {
      const big = blobs[blobs.length - 1];
      const asked = [
        read.read(big.oid, (bytes) => bytes.equals(big.content)),
        read.read('f'.repeat(40), () => true),
        read.read(blobs[4].oid, () => {
          throw new Error('no');
        }),
        ...blobs.map((b) => read.read(b.oid, (bytes, type) => `${type} ${bytes.toString('latin1')}`)),
      ];
      const [first, missing, thrown, ...rest] = await Promise.allSettled(asked);
      assert.deepEqual(first, { status: 'fulfilled', value: { oid: big.oid, type: 'blob', size: big.content.length, value: true } });
      assert.deepEqual(missing, { status: 'fulfilled', value: { oid: 'f'.repeat(40), missing: true } });
      assert.equal(thrown.status, 'rejected');
      rest.forEach((r, i) =>
        assert.deepEqual(r, {
          status: 'fulfilled',
          value: { oid: blobs[i].oid, type: 'blob', size: blobs[i].content.length, value: `blob ${blobs[i].content.toString('latin1')}` },
        }),
      );
    } finally {
      read.close();
    }
  });

  it('keeps nothing of an answered request (a reader left open holds no old answer)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let collected = 0;
    const registry = new FinalizationRegistry(() => collected++);
    const read = new CatFile(dir, true);
    try {
      const n = 40;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          read.read(blobs[i % blobs.length].oid, (bytes) => {
            const made = { text: bytes.toString('latin1') };
            registry.register(made, i);
            return made;
          }),
        ),
      );
      // Finalizers run after a collection, in a later task.
      for (let i = 0; i < 10 && collected < n; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.equal(collected, n);
    } finally {
      read.close();
    }
  });

  it('gives sizes without contents, and says which objects are missing', async () => {
    const check = new CatFile(dir, false);
    try {
      const [first, missing, bad] = await Promise.all([check.get(blobs[3].oid), check.get('f'.repeat(40)), check.get('x\ny')]);
      assert.ok(!('missing' in first));
      assert.equal(first.size, 300_000);
      assert.equal(first.content, undefined);
      assert.ok('missing' in missing);
      assert.ok('missing' in bad);
    } finally {
      check.close();
    }
  });
});

describe('blob jobs (ScanJob.blob): read by the scanning thread itself', () => {
  let dir: string;
  const oids: Record<string, string> = {};
  const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-blobjob-'));
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir };
    execFileSync('git', ['init', '-q'], { cwd: dir, env });
    const contents: Record<string, Buffer> = {
      secret: Buffer.from(`SLACK_TOKEN=${SLACK}\n`),
      binary: Buffer.from([0, 1, 2, 3, 0, 255]),
      csv: Buffer.from(`id,note\n${'1,plain text here\n'.repeat(200)}`),
    };
    for (const [name, content] of Object.entries(contents)) {
      oids[name] = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: dir, env, input: content }).toString().trim();
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const job = (name: string, file: string, maxFileSize = 1 << 20): ScanJob => ({
    path: file,
    display: file,
    maxFileSize,
    blob: { repo: dir, oid: oids[name] ?? name },
  });

  it('scans a blob as the same file on disk, and skips binaries, missing objects and blobs over the limit', async () => {
    const asked = [job('secret', 'a.env'), job('binary', 'img.bin'), job('f'.repeat(40), 'gone.txt'), job('csv', 'data.csv', 100)];
    // Asked for ahead, as a worker does when the jobs arrive.
    for (const j of asked) prefetch(j);
    const [secret, binary, missing, sampled] = await Promise.all(asked.map((j) => scanFile(j)));
    assert.equal(secret.kind, 'scanned');
    assert.deepEqual(secret.kind === 'scanned' ? secret.findings.map((f) => `${f.ruleId} ${f.path}:${f.line}`) : [], ['secret/slack-token a.env:1']);
    assert.equal(binary.kind === 'skipped' && binary.skip.reason, 'binary');
    assert.equal(missing.kind === 'skipped' && missing.skip.reason, 'unreadable');
    // A CSV over the limit is scanned from its first part and says so, as on disk.
    assert.equal(sampled.kind, 'scanned');
    assert.deepEqual(sampled.kind === 'scanned' ? sampled.errors.map((e) => e.reason) : [], ['too-large']);
    idleBlobs();
  });
});
