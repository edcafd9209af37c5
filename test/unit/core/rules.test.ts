// Every rule cites a guideline whose primary link is official and has text in both languages.
// Its cases (test/rules) are proved by the rule harness, test/unit/rule-cases.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GUIDELINES, OFFICIAL_HOSTS } from '../../../src/core/guidelines/catalog';
import { RULES } from '../../../src/core/rules/index';
import { scanText } from '../../../src/core/scan';

describe('rule catalogue', () => {
  it('has unique, well-formed rule ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^(secret|exposure|pii-data|password-policy)\/[a-z0-9][a-z0-9-]*$/, id);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('cites known guidelines, the first with an official URL', () => {
        assert.ok(rule.guidelines.length > 0);
        for (const g of rule.guidelines) assert.ok(GUIDELINES[g], `unknown guideline ${g}`);
        const url = GUIDELINES[rule.guidelines[0]].url;
        assert.ok(url, 'primary guideline has no URL');
        assert.ok(OFFICIAL_HOSTS.includes(new URL(url).host), `primary URL not official: ${url}`);
      });

      it('has English and Japanese text for every message', () => {
        for (const t of [rule.title, rule.description, ...Object.values(rule.messages)]) {
          assert.ok(t.en.trim() && t.ja.trim());
          assert.match(t.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `not Japanese: ${t.ja}`);
        }
      });
    });
  }
});

describe('dispatch from rule data', () => {
  it('runs a rule only on the formats and file names it declares', async () => {
    const hclOnly = RULES.find((r) => r.formats?.length === 1 && r.formats[0] === 'hcl');
    const byName = RULES.find((r) => r.id === 'exposure/pg-hba-open');
    assert.ok(hclOnly && byName?.files);
    const calls: string[] = [];
    const restore = [hclOnly, byName].map((rule) => {
      const check = rule.check.bind(rule);
      rule.check = (doc, ctx) => {
        calls.push(`${rule.id} ${doc.name}`);
        return check(doc, ctx);
      };
      return () => (rule.check = check);
    });
    try {
      await scanText({ path: 'main.yaml', text: 'a: 1\n' });
      await scanText({ path: 'hba.conf', text: 'host all all 0.0.0.0/0 trust\n' });
      assert.deepEqual(calls, []);
      await scanText({ path: 'main.tf', text: 'resource "x" "y" {}\n' });
      await scanText({ path: 'pg_hba.conf', text: 'host all all 0.0.0.0/0 trust\n' });
      assert.deepEqual(calls, [`${hclOnly.id} main.tf`, 'exposure/pg-hba-open pg_hba.conf']);
    } finally {
      for (const r of restore) r();
    }
  });
});
