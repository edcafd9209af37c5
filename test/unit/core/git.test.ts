// The git readers on their own: the streaming `git log --raw -z` parser, fed its input cut at
// every byte, the pipelined `git cat-file` reader against a real repository, and blob jobs read
// by the scanning thread.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { CatFile } from '../../../src/core/git/cat-file';
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
