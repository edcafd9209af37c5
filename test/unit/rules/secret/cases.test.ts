// Every secret rule proves itself on its cases in test/rules/secret/<name>/{ng,ok}/<case>/: each
// ng case gives at least one finding of that rule, no ok case gives one. (Until the rule test
// harness runs every category's cases; see helpers/rule-cases.ts.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../../src/core/rules/index';
import { scanText } from '../../../../src/core/scan';
import type { Finding } from '../../../../src/core/types';
import { CASES_ROOT, ruleCases, type RuleCase } from '../../helpers/rule-cases';

const SECRET_RULES = RULES.filter((r) => r.category === 'secret');

async function findingsOf(c: RuleCase): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const file of c.files) out.push(...(await scanText(file)));
  return out;
}

describe('secret rule cases', () => {
  it('exist for every secret rule, and only for rules that exist', () => {
    const ids = new Set(SECRET_RULES.map((r) => r.id));
    const onDisk = fs.readdirSync(path.join(CASES_ROOT, 'secret')).map((name) => `secret/${name}`);
    assert.deepEqual(
      onDisk.filter((id) => !ids.has(id)),
      [],
      'case folders of unknown rules',
    );
    const without = SECRET_RULES.filter((r) => ruleCases(r.id, 'ng').length === 0 || ruleCases(r.id, 'ok').length === 0).map((r) => r.id);
    assert.deepEqual(without, [], 'secret rules without an ng and an ok case');
  });

  for (const rule of SECRET_RULES) {
    describe(rule.id, () => {
      for (const c of ruleCases(rule.id, 'ng')) {
        it(`reports ng/${c.name}`, async () => {
          const findings = await findingsOf(c);
          const mine = findings.filter((f) => f.ruleId === rule.id);
          assert.ok(mine.length > 0, `no ${rule.id} finding; got ${findings.map((f) => f.ruleId).join(', ') || 'none'}`);
          for (const f of mine) assert.ok(rule.messages[f.messageId], `unknown message id ${f.messageId}`);
        });
      }
      for (const c of ruleCases(rule.id, 'ok')) {
        it(`is quiet on ok/${c.name}`, async () => {
          const mine: string[] = [];
          for (const file of c.files) {
            for (const f of await scanText(file)) if (f.ruleId === rule.id) mine.push(`${file.path} ${f.range.join('-')}`);
          }
          assert.deepEqual(mine, []);
        });
      }
    });
  }
});
