// Over every case in test/rules/pii-data: identifiers are never shown in full (at most the last
// four digits survive masking), a file gives at most one store finding per store and at most
// five per identifier kind. (What each case reports, and where, is in the rules' snapshots:
// see test/unit/rule-cases.test.ts.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../../src/core/rules/index';
import { scanText } from '../../../../src/core/scan';
import { ruleCases } from '../../helpers/rule-cases';

const files = RULES.filter((r) => r.category === 'pii-data')
  .flatMap((r) => ruleCases(r.id))
  .flatMap((c) => c.files.map((rel) => ({ file: path.join(c.dir, rel), name: `${c.ruleId}/${c.kind}/${c.name}/${rel}` })));

describe('pii-data findings on the rule cases', () => {
  for (const { file, name } of files) {
    it(`${name}: masked and bounded`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const findings = (await scanText({ path: file, text })).filter((f) => f.category === 'pii-data');
      for (const f of findings) {
        // Identifiers are never shown in full: at most the last four digits survive masking.
        if (f.ruleId !== 'pii-data/personal-data-store') {
          const value = text.slice(f.range[0], f.range[1]);
          assert.ok(!JSON.stringify(f.data).includes(value), `unmasked value in ${f.ruleId}`);
          assert.ok(!f.excerpt?.includes(value.replace(/[\s-]/g, '')), 'unmasked excerpt');
          assert.ok(!/\d{5}/.test(f.data.masked ?? ''), `more than four digits shown: ${f.data.masked}`);
        }
      }
      // One finding per store, at most five per identifier kind.
      assert.ok(findings.filter((f) => f.ruleId === 'pii-data/personal-data-store').length <= 2);
      for (const id of ['pii-data/my-number', 'pii-data/passport-number', 'pii-data/card-number']) {
        assert.ok(findings.filter((f) => f.ruleId === id).length <= 5);
      }
    });
  }
});
