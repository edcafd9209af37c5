// secretlint's preset is skipped on documents that mention none of its trigger literals. The
// skip is only sound if every document on which the preset reports something passes the
// prefilter: checked here on every fixture and every rule example, with secretlint run raw.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintSource } from '@secretlint/core';
import { creator as recommendPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { Document } from '../../../../src/core/documents/document';
import { RULES } from '../../../../src/core/rules/index';
import { secretlintMayMatch } from '../../../../src/core/rules/secret/secretlint';

const ROOT = path.resolve(__dirname, '../../../..');
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendPreset }] };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Texts of the preset's own kinds that Mamori's examples may not cover, written for this test. */
const EXTRA: Array<[string, string]> = [
  ['a.env', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Hv2Lm4Q\n'],
  ['a.env', 'Secret_Access_Key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Hv2Lm4Q"\n'],
  ['package.json', '{"repository": "https://a8k2:x-oauth-basic@github.com/org/repo/"}\n'],
  ['.npmrc', '//registry.npmjs.org/:_authToken=abc123def456\n'],
  ['a.txt', 'token npm_4Rk9Lm2Pq7Xv3Zt8Wc6Yb1Hd5Fj0Ga2Sx7Nn\n'],
  ['a.txt', 'HTTPS://HOOKS.SLACK.COM/services/T0A1B2C3D/B0A1B2C3D/a8Kq2xVn4Lm7Pz3Rt9Wc5Yb1\n'],
  ['a.txt', 'curl https://deploy:Vq8kZ2mLt7Rw@git.example.jp/x\n'],
  ['a.txt', 'ftp://u_1:p-2@files.example.com/x\n'],
  ['a.txt', 'MONGODB://app:Vq8kZ2mLt7Rw@db.internal/app\n'],
  ['a.txt', 'jdbc:MySQL://app:Vq8kZ2mLt7Rw@db.internal/app\n'],
  ['a.txt', 'x = "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"\n'],
  ['a.txt', 'k = 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\n'],
  ['a.txt', 'k = github_pat_' + 'A1b2'.repeat(20) + 'Zz\n'],
  ['a.txt', 'k = lin_api_' + 'A1b2C3d4'.repeat(5) + '\n'],
  ['a.txt', 'k = sk-ant-api03-' + 'A1b2C3d4'.repeat(12) + 'AA\n'],
  ['a.txt', 'k = sk-' + 'A1b2C3d4e5'.repeat(2) + 'T3BlbkFJ' + 'A1b2C3d4e5'.repeat(2) + '\n'],
  ['a.txt', 'k = ops_eyJ' + 'A1b2C3d4'.repeat(14) + 'fQ==\n'],
];

function corpus(): Array<[string, string]> {
  const out: Array<[string, string]> = [...EXTRA];
  for (const f of files(path.join(ROOT, 'test/fixtures'))) {
    const buf = fs.readFileSync(f);
    if (buf.length < 512 * 1024 && !buf.includes(0)) out.push([f, buf.toString('utf8')]);
  }
  for (const rule of RULES) for (const e of [...rule.examples.bad, ...rule.examples.good]) out.push([e.path, e.text]);
  return out;
}

describe('secretlint prefilter', () => {
  it('lets through every document on which the preset reports something', async () => {
    let reported = 0;
    for (const [p, text] of corpus()) {
      const ext = /(\.[^./\\]+)$/.exec(p)?.[1] ?? '';
      const result = await lintSource({
        source: { content: text, filePath: p, ext, contentType: 'text' },
        options: { config, maskSecrets: true, noPhysicFilePath: true },
      });
      if (result.messages.length === 0) continue;
      reported++;
      assert.ok(secretlintMayMatch(new Document(p, text)), `secretlint reports ${result.messages.map((m) => m.ruleId).join(', ')} in ${p}, but the prefilter skips it`);
    }
    // The check above means something only if the preset found plenty.
    assert.ok(reported >= 40, `only ${reported} documents with secretlint messages`);
  });

  it('skips documents that mention none of the triggers', () => {
    assert.equal(secretlintMayMatch(new Document('src/a.ts', 'export const add = (a: number, b: number) => a + b;\n')), false);
    assert.equal(secretlintMayMatch(new Document('README.md', 'See https://example.com/docs for details.\n')), false);
  });
});
