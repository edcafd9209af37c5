// Texts on which secretlint's recommended preset has plenty to report, and the preset run raw,
// for the tests that hold Mamori's shortcuts around secretlint (prefilter, windows) to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as recommendPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
// The rules register the literals the prefilter asks about when they load.
import '../../../src/core/rules/index';

const ROOT = path.resolve(__dirname, '../../..');
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendPreset }] };

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Texts of the preset's own kinds that Mamori's examples may not cover, written for this test. */
export const EXTRA: Array<[string, string]> = [
  ['a.env', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Hv2Lm4Q\n'],
  ['a.env', 'Secret_Access_Key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Hv2Lm4Q"\n'],
  ['package.json', '{"repository": "https://a8k2:x-oauth-basic@github.com/org/repo/"}\n'],
  ['.npmrc', '//registry.npmjs.org/:_authToken=abc123def456\n'],
  ['a.txt', 'token npm_4Rk9Lm2Pq7Xv3Zt8Wc6Yb1Hd5Fj0Ga2Sx7Nn\n'],
  ['a.txt', 'HTTPS://HOOKS.SLACK.COM/services/T0A1B2C3D/B0A1B2C3D/a8Kq2xVn4Lm7Pz3Rt9Wc5Yb1\n'],
  ['a.txt', 'curl https://deploy:Vq8kZ2mLt7Rw@git.example.jp/x\n'],
  ['a.txt', 'ftp://u_1:p-2@files.example.com/x\n'],
  // The basic-auth URL and SendGrid shapes at the very start of a text, and SendGrid after a non-letter.
  ['a.txt', 'https://deploy:Vq8kZ2mLt7Rw@git.example.jp/x\n'],
  ['a.txt', 'http://deploy:Vq8kZ2mLt7Rw@git.example.jp/x\n'],
  ['a.txt', '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\n'],
  ['a.txt', 'key_SG.aK8mP2xQ9vL3nR7tW5yZ1c.bD4fH6jK8mN0pQ2rS4tU6vW8xY0zA2cE4gI6kM8oQ0s\n'],
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

export function corpus(): Array<[string, string]> {
  const out: Array<[string, string]> = [...EXTRA];
  for (const f of [...files(path.join(ROOT, 'test/fixtures')), ...files(path.join(ROOT, 'test/rules'))]) {
    const buf = fs.readFileSync(f);
    if (buf.length < 512 * 1024 && !buf.includes(0)) out.push([f, buf.toString('utf8')]);
  }
  return out;
}

/** The preset's messages on a text, run as secretlint ships it. */
export async function presetMessages(file: string, content: string): Promise<SecretLintCoreResultMessage[]> {
  const ext = /(\.[^./\\]+)$/.exec(file)?.[1] ?? '';
  const result = await lintSource({
    source: { content, filePath: file, ext, contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages;
}
