// secretlint reads only the lines around its triggers in a long document. That is sound only if
// the preset reports exactly the same matches there as on the whole text: checked here on every
// fixture and example set inside unrelated lines, and on random line soups built to split
// matches over lines (the AWS pattern's `\s*`, npm's `_authToken=` at a line's end).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import { Document } from '../../../../src/core/documents/document';
import { secretlintMayMatch, secretlintWindows } from '../../../../src/core/rules/secret/secretlint';
import { toTextRange, triggerWindows } from '../../../../src/core/rules/secret/secretlint-windows';
import { corpus, presetMessages } from '../../helpers/secretlint-corpus';

/** Lines with no trigger of the preset in them. */
const FILLER = [
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    restart: unless-stopped',
  '',
  '   ',
  '# a comment',
  '    timeout: 30',
  'name = "billing"',
  '\t',
  'retries: 3',
];

function pad(text: string, seed: number): string {
  const lines = (n: number): string => Array.from({ length: n }, (_, i) => FILLER[(i * 7 + seed) % FILLER.length]).join('\n');
  return `${lines(40 + (seed % 13))}\n${text}\n${lines(60 + (seed % 17))}\n`;
}

/** What is compared: which rule, which message, where. */
function keys(
  messages: readonly SecretLintCoreResultMessage[],
  map: (r: readonly [number, number]) => readonly [number, number] | undefined = (r) => r,
): string[] {
  return messages.map((m) => `${m.ruleId} ${m.messageId} ${JSON.stringify(map(m.range) ?? 'crosses a window')}`).sort();
}

/** The preset's messages on the windows, mapped back; undefined when the whole text is read instead. */
async function windowed(file: string, text: string): Promise<string[] | undefined> {
  const w = secretlintWindows(new Document(file, text), 0);
  if (!w) return undefined;
  return keys(await presetMessages(file, w.content), (r) => toTextRange(w, r));
}

describe('secretlint windows', () => {
  it('report what the whole text reports, for every fixture and example among unrelated lines', async () => {
    let compared = 0;
    let seed = 0;
    for (const [file, original] of corpus()) {
      const text = pad(original, seed++);
      if (!secretlintMayMatch(new Document(file, text))) continue;
      const whole = await presetMessages(file, text);
      const got = await windowed(file, text);
      if (got === undefined) continue;
      assert.deepEqual(got, keys(whole), file);
      if (whole.length > 0) compared++;
    }
    assert.ok(compared >= 30, `only ${compared} documents compared with messages`);
  });

  it('report what the whole text reports on line soups that split matches over lines', { timeout: 300_000 }, async () => {
    const key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Hv2Lm4Q';
    const parts = [
      'aws_secret_access_key',
      'AWS_SECRET_ACCESS_KEY=',
      '"Secret_Access_Key"',
      ':',
      ' = ',
      '=>',
      `"${key}"`,
      key,
      `  ${key} x`,
      '//registry.npmjs.org/:_authToken=',
      '_authToken=',
      'abc123def456',
      `ghp_${'a1B2'.repeat(9)}`,
      `xoxb-${'1'.repeat(11)}-${'2'.repeat(12)}-${'a1B2c3'.repeat(4)}`,
      'https://deploy:Vq8kZ2mLt7Rw@git.example.jp/x',
      'postgres://app:Vq8kZ2mLt7Rw@db.internal/app',
      'mysql://',
      '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',
      // Database URLs with and without credentials (the preset reports only the former).
      'jdbc:postgresql://db.internal:5432/app',
      'MONGODB+SRV://app:Vq8kZ2mLt7Rw@cluster0/x',
      'mysqlx://root@db',
      'postgres://a:@h',
      'mongodb://u:p@',
      'jdbc:mysql://app:Vq8kZ2mLt7Rw@db/x?ssl=true',
      '\u3000',
      '\u00a0',
      '\r',
      ' ',
      '"',
      "'",
      'secret',
      '://',
    ];
    const blanks = fc
      .array(fc.constantFrom('', ' ', '\u3000', '\u00a0', '\t', '\r', '\ufeff'), { maxLength: 3 })
      .map((b) => (b.length > 0 ? `${b.join('\n')}\n` : ''));
    // An AWS key split over lines: the name, white-space lines, the `:` or `=` alone, more, the value.
    const split = fc
      .tuple(
        fc.constantFrom('aws_secret_access_key', '"AWS_SECRET_ACCESS_KEY"', 'SecretAccessKey'),
        blanks,
        fc.constantFrom(':', '=', '=>', ' :'),
        blanks,
        fc.constantFrom(key, `"${key}"`, `  '${key}'`),
      )
      .map(([name, b1, connector, b2, value]) => `${name}\n${b1}${connector}\n${b2}${value}`);
    const line = fc.oneof(
      { arbitrary: fc.constantFrom(...FILLER), weight: 3 },
      { arbitrary: fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 4 }).map((p) => p.join('')), weight: 2 },
      { arbitrary: split, weight: 1 },
    );
    const doc = fc
      .array(line, { minLength: 1, maxLength: 80 })
      .map((lines) => `${FILLER.join('\n')}\n${lines.join('\n')}\n${FILLER.join('\n')}\n${FILLER.join('\n')}`);
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.env', 'config.yaml', '.npmrc', 'a.txt'), doc, async (file, text) => {
        const got = await windowed(file, text);
        if (got === undefined) return;
        assert.deepEqual(got, keys(await presetMessages(file, text)));
        compared++;
      }),
      { numRuns: 400 },
    );
    assert.ok(compared >= 100, `only ${compared} texts read through windows`);
  });

  it('cut a long file with a few tokens down to the lines around them', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 500 === 7 ? `  TOKEN: ghp_${'a1B2'.repeat(9)}` : `  key${i}: value ${i}`));
    const text = lines.join('\n');
    const w = secretlintWindows(new Document('docker-compose.yml', text));
    assert.ok(w);
    assert.equal(w.contentStarts.length, 10);
    // Each window is the trigger's line and the two lines below it.
    assert.equal(w.content.split('\n').length, 30);
    const first = text.indexOf('ghp_');
    assert.deepEqual(toTextRange(w, [w.content.indexOf('ghp_'), w.content.indexOf('ghp_') + 40]), [first, first + 40]);
  });

  it('read the whole text where the preset looks beyond the lines of a trigger', () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `k${i}: v`).join('\n');
    const token = `ghp_${'a1B2'.repeat(9)}`;
    for (const extra of ['-----BEGIN RSA PRIVATE KEY-----', '"private_key": "x"', '# secretlint-disable', '<!-- secretlint-disable-next-line -->']) {
      assert.equal(secretlintWindows(new Document('a.yml', `${filler}\n${extra}\nt: ${token}\n${filler}`)), undefined, extra);
    }
    assert.ok(secretlintWindows(new Document('a.yml', `${filler}\nt: ${token}\n${filler}`)));
    // Database URLs without a password cannot be reported: no windows, secretlint not run.
    const urls = Array.from({ length: 2000 }, (_, i) => `db.url.${i}=jdbc:postgresql://db.internal:5432/app`).join('\n');
    assert.equal(secretlintWindows(new Document('application.properties', urls))?.contentStarts.length, 0);
    assert.equal(secretlintWindows(new Document('a.env', 'DATABASE_URL=postgres://app@db/app\n'))?.contentStarts.length, 0);
    assert.equal(secretlintWindows(new Document('a.env', 'DATABASE_URL=postgres://app:Vq8kZ2mLt7Rw@db/app\n')), undefined);
    // Short documents and documents with triggers everywhere are read whole.
    assert.equal(secretlintWindows(new Document('a.yml', `t: ${token}\n`)), undefined);
    assert.equal(triggerWindows(Array.from({ length: 100 }, () => `t: ${token}`).join('\n'), /ghp_/gi), undefined);
  });

  it('map a range back only when it lies inside one window', () => {
    const text = 'a\nb\nghp_x\nc\nd\ne\nf\ng\nh\ni\nj\nk\nghp_y\nl\nm\nn\no\np\nq\nr\ns\nt\nu\nv\nw\n';
    const w = triggerWindows(text, /ghp_/gi);
    assert.ok(w);
    assert.equal(w.content, 'ghp_x\nc\nd\nghp_y\nl\nm');
    assert.deepEqual(toTextRange(w, [0, 5]), [4, 9]);
    assert.deepEqual(toTextRange(w, [10, 15]), [28, 33]);
    assert.equal(toTextRange(w, [8, 14]), undefined);
  });
});
