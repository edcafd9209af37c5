// Fixtures of the structured secret sources (Keycloak realms, SQL, Terraform): every credential
// line of the found/ files is reported by the expected rule, and the quiet/ files give nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';

const ROOT = path.resolve(__dirname, '../../../fixtures/secret/structured');

async function secretFindings(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const findings = (await scanText({ path: file, text })).filter((f) => f.category === 'secret');
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  return { text, findings, lineOf };
}

describe('structured secret fixtures', () => {
  for (const name of fs.readdirSync(path.join(ROOT, 'quiet'))) {
    it(`is quiet on quiet/${name}`, async () => {
      const { text, findings } = await secretFindings(path.join(ROOT, 'quiet', name));
      assert.deepEqual(findings.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.range[0], f.range[1]).slice(0, 40))}`), []);
    });
  }

  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'found', 'expected.json'), 'utf8')) as Record<string, string[]>;
  for (const [name, want] of Object.entries(expected)) {
    it(`reports every credential line of found/${name}`, async () => {
      const { text, findings, lineOf } = await secretFindings(path.join(ROOT, 'found', name));
      assert.deepEqual(findings.map((f) => `${f.ruleId}:${lineOf(f.range[0])}:${f.severity}`).sort(), [...want].sort());
      // Secrets stay secret: the excerpt (after the key it names) never holds the value.
      for (const f of findings) {
        const shown = f.excerpt?.replace(/^[^:=]{0,80}[:=] /, '') ?? '';
        assert.ok(!shown.includes(text.slice(f.range[0], f.range[1])), `excerpt not masked: ${f.excerpt}`);
      }
    });
  }
});
