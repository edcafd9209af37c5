// The secret fixtures: quiet on a project full of placeholders, and the expected rules on real-shaped secrets.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';

const ROOT = path.resolve(__dirname, '../../../fixtures/secret');

async function secretFindings(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  return { text, findings: (await scanText({ path: file, text })).filter((f) => f.category === 'secret') };
}

describe('secret fixtures', () => {
  for (const name of fs.readdirSync(path.join(ROOT, 'quiet'))) {
    it(`is quiet on quiet/${name}`, async () => {
      const { text, findings } = await secretFindings(path.join(ROOT, 'quiet', name));
      assert.deepEqual(
        findings.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.range[0], f.range[1]).slice(0, 40))}`),
        [],
      );
    });
  }

  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'found', 'expected.json'), 'utf8')) as Record<string, string[]>;
  for (const [name, rules] of Object.entries(expected)) {
    it(`reports found/${name}`, async () => {
      const { findings } = await secretFindings(path.join(ROOT, 'found', name));
      assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].sort(), [...rules].sort());
      for (const f of findings) assert.ok(f.excerpt === undefined || !/[A-Za-z0-9]{12}/.test(f.excerpt.replace(/\*/g, '')), `excerpt not masked: ${f.excerpt}`);
    });
  }
});
