// The rule harness: every rule's cases in test/rules/<category>/<rule-name>/{ng,ok}/<case>/
// are scanned as the CLI scans a tree, and every finding of ANY rule (rule, severity, path,
// range, English message, the first fix's result) is compared with the rule's snapshot.json,
// so a finding that moves, changes its message or appears from another rule shows up. Besides:
// each ng case is reported by its rule, each ok case is not.
// Refresh the snapshots with: UPDATE_SNAPSHOTS=1 node test/run-unit.mjs rule-cases
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/core/rules/index';
import { scanText } from '../../src/core/scan';
import { CASES_ROOT, ruleCases, ruleIdsWithFolders, scanCase, type SnapshotFinding } from './helpers/rule-cases';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const HOW = 'run UPDATE_SNAPSHOTS=1 node test/run-unit.mjs rule-cases and review the diff';

type Snapshot = Record<string, SnapshotFinding[]>;

function snapshotPath(ruleId: string): string {
  return path.join(CASES_ROOT, ruleId, 'snapshot.json');
}

describe('rule cases', () => {
  it('are folders of known rules only, each with ng/ and ok/ cases only', () => {
    const known = new Set(RULES.map((r) => r.id));
    assert.deepEqual(
      ruleIdsWithFolders().filter((id) => !known.has(id)),
      [],
      'folders under test/rules that name no rule',
    );
    for (const id of ruleIdsWithFolders()) {
      const entries = fs.readdirSync(path.join(CASES_ROOT, id)).filter((n) => n !== 'ng' && n !== 'ok' && n !== 'snapshot.json');
      assert.deepEqual(entries, [], `unexpected entries in test/rules/${id}`);
    }
  });

  const withoutCases = RULES.filter((r) => {
    const cases = ruleCases(r.id);
    return !cases.some((c) => c.kind === 'ng') || !cases.some((c) => c.kind === 'ok');
  }).map((r) => r.id);
  it(`cover every rule: each of the ${RULES.length} rules has an ng and an ok case`, () => {
    assert.deepEqual(withoutCases, [], 'rules without an ng and an ok case in test/rules (npm run new-rule creates them for a new rule)');
  });

  for (const rule of RULES) {
    const cases = ruleCases(rule.id);
    if (cases.length === 0) continue;
    describe(rule.id, () => {
      const results = new Map<string, SnapshotFinding[]>();
      for (const c of cases) {
        it(`${c.kind}/${c.name}: ${c.kind === 'ng' ? 'reported' : 'not reported'}`, async () => {
          const found = await scanCase(c);
          results.set(`${c.kind}/${c.name}`, found);
          const mine = found.filter((f) => f.rule === rule.id);
          if (c.kind === 'ng') assert.ok(mine.length > 0, `no ${rule.id} finding; got ${found.map((f) => f.rule).join(', ') || 'none'}`);
          else
            assert.deepEqual(
              mine.map((f) => `${f.path} ${f.range} ${f.message}`),
              [],
            );
        });
      }
      it('matches snapshot.json', () => {
        assert.equal(results.size, cases.length, 'a case failed to scan');
        const actual: Snapshot = {};
        for (const c of cases) actual[`${c.kind}/${c.name}`] = results.get(`${c.kind}/${c.name}`) ?? [];
        const file = snapshotPath(rule.id);
        if (UPDATE) fs.writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        assert.ok(fs.existsSync(file), `test/rules/${rule.id}/snapshot.json is missing: ${HOW}`);
        const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot;
        // Case by case, so the diff shows only what changed.
        const names = [...new Set([...Object.keys(stored), ...Object.keys(actual)])];
        const changed = names.filter((n) => JSON.stringify(stored[n]) !== JSON.stringify(actual[n]));
        const pick = (s: Snapshot) => Object.fromEntries(changed.map((n) => [n, s[n] ?? '(no such case)']));
        assert.deepEqual(pick(actual), pick(stored), `test/rules/${rule.id}/snapshot.json differs in ${changed.join(', ')}: ${HOW}`);
      });
    });
  }

  it('hold no secret: Mamori finds none in the snapshots (messages and fixed lines are masked)', async () => {
    const found: string[] = [];
    for (const id of ruleIdsWithFolders().filter((x) => fs.existsSync(snapshotPath(x)))) {
      const file = snapshotPath(id);
      for (const f of await scanText({ path: file, text: fs.readFileSync(file, 'utf8') })) if (f.category === 'secret') found.push(`${id}: ${f.ruleId}`);
    }
    assert.deepEqual(found, []);
  });

  it('leaves no snapshot without its rule', () => {
    const stray = ruleIdsWithFolders().filter((id) => fs.existsSync(snapshotPath(id)) && ruleCases(id).length === 0);
    assert.deepEqual(stray, []);
  });
});
