import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../src/core/documents/lines';
import { fingerprintFindings } from '../../../src/core/fingerprint';
import { scanText } from '../../../src/core/scan';

// Two GitHub tokens of the usual shape, built so that no full token sits in the source.
const TOKEN_A = ['ghp', 'R8mK2pQ9vL3nX7tW5yZ1cB4dF6gH0jA2sD4f'].join('_');
const TOKEN_B = ['ghp', 'T3nB8vC1xZ9mL4kJ7hG2fD5sA0qW6eR8tY1u'].join('_');

async function prints(path: string, text: string): Promise<{ ruleId: string; print: string }[]> {
  const found = await scanText({ path, text });
  const p = fingerprintFindings(found, text, new LineIndex(text), path);
  return found.map((f, i) => ({ ruleId: f.ruleId, print: p[i] }));
}

describe('finding fingerprints', () => {
  it('differ between two tokens in one file, and survive lines added above', async () => {
    const text = `GITHUB_TOKEN=${TOKEN_A}\nDEPLOY_TOKEN=${TOKEN_B}\n`;
    const before = await prints('.env', text);
    assert.equal(before.length, 2, JSON.stringify(before));
    assert.notEqual(before[0].print, before[1].print);
    const after = await prints('.env', `# added later\nAPP_NAME=shop\n\n${text}`);
    assert.deepEqual(
      after.map((x) => x.print),
      before.map((x) => x.print),
    );
  });

  it('differ between two tokens on identical lines', async () => {
    const text = `token: ${TOKEN_A}\n---\ntoken: ${TOKEN_B}\n`;
    const found = await prints('config.yml', text);
    const tokens = found.filter((f) => f.ruleId === found[0].ruleId);
    assert.ok(tokens.length >= 2, JSON.stringify(found));
    assert.equal(new Set(tokens.map((f) => f.print)).size, tokens.length);
  });

  it('depend on the path and not on the value', async () => {
    const a = await prints('.env', `GITHUB_TOKEN=${TOKEN_A}\n`);
    const b = await prints('.env', `GITHUB_TOKEN=${TOKEN_B}\n`);
    const c = await prints('other/.env', `GITHUB_TOKEN=${TOKEN_A}\n`);
    assert.equal(a[0].print, b[0].print, 'the value must not be an input');
    assert.notEqual(a[0].print, c[0].print);
    assert.match(a[0].print, /^[0-9a-f]{32}$/);
  });

  it('stays cheap and bounded on a minified line', async () => {
    const text = `${'x=1;'.repeat(250_000)}GITHUB_TOKEN="${TOKEN_A}";${'y=2;'.repeat(250_000)}`;
    const found = await prints('app.min.js', text);
    assert.ok(found.length >= 1);
  });
});
