import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { scanText } from '../../../src/core/scan';
import type { Finding } from '../../../src/core/types';
import { cpuNow } from '../helpers/cpu-clock';

const ROOT = path.resolve(__dirname, '../../..');
const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

/**
 * Scans hostile text and checks the engine neither throws nor stalls, no rule fails, and a
 * secret planted after the hostile part is still found (nothing is lost). Budgets are wide
 * (this machine may be shared); the point is "seconds, not hours".
 */
async function survives(file: string, hostile: string, tail: string, budgetMs: number): Promise<Finding[]> {
  const errors: string[] = [];
  const started = cpuNow();
  const findings = await scanText({ path: file, text: hostile + tail }, undefined, (id, e) => errors.push(`${id}: ${String(e)}`));
  const took = cpuNow() - started;
  assert.ok(took < budgetMs, `${file}: ${Math.round(took)} ms (budget ${budgetMs} ms)`);
  assert.deepEqual(errors, [], `${file}: rules failed`);
  const at = hostile.length;
  assert.ok(
    findings.some((f) => f.ruleId === 'secret/github-token' && f.range[0] >= at),
    `${file}: the secret after the hostile part was lost`,
  );
  return findings;
}

function aliasBomb(levels: number): string {
  const names = 'abcdefghijklmnop';
  const lines = [`${names[0]}: &${names[0]} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < levels; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return lines.join('\n') + '\n';
}

describe('hostile input', () => {
  it('survives a YAML alias bomb (a billion laughs)', async () => {
    await survives('bomb.yaml', aliasBomb(10), `token: ${GH}\n`, 20_000);
    await survives(
      'docker-compose.yml',
      `x-base: &b\n  image: postgres\n${aliasBomb(9)}`,
      `services:\n  db:\n    <<: *b\n    environment:\n      GITHUB_TOKEN: ${GH}\n`,
      20_000,
    );
  });

  it('survives deep nesting in every structured format', async () => {
    await survives('deep.json', '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + ',\n', `"token": "${GH}"}\n`, 20_000);
    await survives('deep.yaml', 'a: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n', `token: ${GH}\n`, 20_000);
    await survives('deep2.yaml', Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + '\n', `token: ${GH}\n`, 20_000);
    await survives('deep.tf', 'a = ' + '{ b = '.repeat(20_000) + '1' + ' }'.repeat(20_000) + '\n', `token = "${GH}"\n`, 20_000);
    await survives('deep.toml', 'a = ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n', `token = "${GH}"\n`, 20_000);
    await survives('deep.js', '('.repeat(50_000) + ')'.repeat(50_000) + ';\n', `const token = "${GH}";\n`, 20_000);
  });

  it('survives 20 MB single lines', async () => {
    await survives('line.js', 'var a=1;'.repeat(2_500_000) + '\n', `const t = "${GH}";\n`, 60_000);
    await survives('line.env', 'A=' + 'a'.repeat(20_000_000) + '\n', `TOKEN=${GH}\n`, 60_000);
    await survives('line.txt', ' '.repeat(20_000_000) + 'x\n', `TOKEN=${GH}\n`, 60_000);
  });

  it('survives a minified bundle', async () => {
    const out = await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/core/index.ts')],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      mainFields: ['module', 'main'],
      define: { 'import.meta.url': 'undefined' },
      logLevel: 'silent',
    });
    const bundle = out.outputFiles[0].text;
    assert.ok(bundle.length > 500_000);
    await survives('vendor.min.js', bundle + '\n', `var t="${GH}";\n`, 60_000);
  });

  it('survives a minified line of many assignments (each once quadratic in the line length)', async () => {
    let line = 'var token=1';
    for (let i = 0; i < 80_000; i++) line += `,a${i}=${i}`;
    await survives('app.min.js', line + ';\n', `const t = "${GH}";\n`, 20_000);
  });

  it('survives control characters, lone surrogates, NULs and replacement characters', async () => {
    const junk = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('') + '\n';
    await survives('junk.yaml', junk, `token: ${GH}\n`, 20_000);
    await survives('junk.json', '\ud800\udfff\ud800'.repeat(10_000) + '\u0000\ufffd\n', `{"token": "${GH}"}\n`, 20_000);
  });

  it('survives pathological CSV and SQL dumps', async () => {
    await survives('quotes.csv', 'a,b\n' + '"'.repeat(200_001) + '\n', `x,${GH}\n`, 20_000);
    await survives('wide.csv', Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',') + '\n', `${GH}\n`, 20_000);
    await survives('dump.sql', 'INSERT INTO t VALUES ' + "('a',".repeat(100_000) + '\n', `-- ${GH}\n`, 20_000);
  });
});
