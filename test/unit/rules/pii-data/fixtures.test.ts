// Scans every file of test/fixtures/pii-data: files under positive/ must yield exactly the
// pii-data rules listed in expected.json, files under negative/ none. Precision and recall,
// counted file by file, are printed in the test names.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';
import type { Finding } from '../../../../src/core/types';

const ROOT = path.join(__dirname, '../../../fixtures/pii-data');
const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'expected.json'), 'utf8')) as Record<string, string[] | string>;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

const files = listFiles(ROOT)
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .filter((f) => f.startsWith('positive/') || f.startsWith('negative/'))
  .sort();

async function piiFindings(rel: string): Promise<Finding[]> {
  const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
  return (await scanText({ path: rel, text })).filter((f) => f.category === 'pii-data');
}

describe('pii-data fixtures', async () => {
  const results = await Promise.all(files.map(async (f) => ({ file: f, findings: await piiFindings(f) })));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of results) {
    const positive = r.file.startsWith('positive/');
    const found = r.findings.length > 0;
    if (positive && found) tp++;
    else if (positive) fn++;
    else if (found) fp++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);

  it(`file-level precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}, ${files.length} files)`, () => {
    assert.equal(fp, 0, 'negative fixtures with findings');
    assert.equal(fn, 0, 'positive fixtures without findings');
  });

  it('lists every positive fixture in expected.json and nothing else', () => {
    const positives = files.filter((f) => f.startsWith('positive/'));
    assert.deepEqual(
      Object.keys(expected)
        .filter((k) => !k.startsWith('//'))
        .sort(),
      positives,
    );
  });

  for (const r of results) {
    it(`${r.file}: ${r.findings.length === 0 ? 'quiet' : [...new Set(r.findings.map((f) => f.ruleId))].join(', ')}`, () => {
      const want = r.file.startsWith('positive/') ? ((expected[r.file] as string[] | undefined) ?? ['(missing from expected.json)']) : [];
      assert.deepEqual([...new Set(r.findings.map((f) => f.ruleId))].sort(), [...want].sort());
      const text = fs.readFileSync(path.join(ROOT, r.file), 'utf8');
      for (const f of r.findings) {
        // Identifiers are never shown in full: at most the last four digits survive masking.
        if (f.ruleId !== 'pii-data/personal-data-store') {
          const value = text.slice(f.range[0], f.range[1]);
          assert.ok(!JSON.stringify(f.data).includes(value), `unmasked value in ${f.ruleId}`);
          assert.ok(!f.excerpt?.includes(value.replace(/[\s-]/g, '')), 'unmasked excerpt');
          assert.ok(!/\d{5}/.test(f.data.masked ?? ''), `more than four digits shown: ${f.data.masked}`);
        }
      }
      // One finding per store, at most five per identifier kind.
      assert.ok(r.findings.filter((f) => f.ruleId === 'pii-data/personal-data-store').length <= 2);
      for (const id of ['pii-data/my-number', 'pii-data/passport-number', 'pii-data/card-number']) {
        assert.ok(r.findings.filter((f) => f.ruleId === id).length <= 5);
      }
    });
  }
});
