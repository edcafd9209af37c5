// One secret, one finding: the most specific overlapping secret finding stays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedupeOverlaps } from '../../../../src/core/dedupe';
import { RULES, ruleById } from '../../../../src/core/rules/index';
import type { Finding } from '../../../../src/core/types';

const dedupeSecretFindings = (findings: Finding[]) => dedupeOverlaps(findings, ruleById);

function f(ruleId: string, range: [number, number], extra: Partial<Finding> = {}): Finding {
  return { ruleId, category: 'secret', severity: 'error', range, messageId: 'found', data: {}, guidelines: [], ...extra };
}

describe('secret/dedupe', () => {
  it('keeps a provider finding over a generic one on the same span', () => {
    const out = dedupeSecretFindings([f('secret/hardcoded-secret', [10, 50], { severity: 'warning' }), f('secret/stripe-secret-key', [10, 50])]);
    assert.deepEqual(
      out.map((x) => x.ruleId),
      ['secret/stripe-secret-key'],
    );
  });

  it('prefers secretlint on a tie and narrower findings after that', () => {
    const out = dedupeSecretFindings([f('secret/private-key-block', [5, 100]), f('secret/private-key', [0, 120])]);
    assert.deepEqual(
      out.map((x) => x.ruleId),
      ['secret/private-key'],
    );
    const out2 = dedupeSecretFindings([f('secret/gitlab-token', [0, 40]), f('secret/jwt', [5, 30])]);
    assert.deepEqual(
      out2.map((x) => x.ruleId),
      ['secret/jwt'],
    );
  });

  it('keeps fixes of the dropped finding', () => {
    const fixes = [{ titleId: 'fix.env', edits: [{ range: [9, 51] as const, newText: 'process.env.X' }], safe: false }];
    const out = dedupeSecretFindings([f('secret/github-token', [10, 50]), f('secret/hardcoded-secret', [10, 50], { severity: 'warning', fixes })]);
    assert.equal(out.length, 1);
    assert.equal(out[0].ruleId, 'secret/github-token');
    assert.deepEqual(out[0].fixes, fixes);
  });

  it('leaves separate secrets and other categories alone', () => {
    const other: Finding = { ...f('pii-data/card-number', [10, 50]), category: 'pii-data' };
    const out = dedupeSecretFindings([f('secret/hardcoded-password', [0, 8]), f('secret/hardcoded-secret', [20, 30]), other]);
    assert.equal(out.length, 3);
  });

  it('handles chains of overlaps', () => {
    const out = dedupeSecretFindings([
      f('secret/hardcoded-secret', [0, 20], { severity: 'warning' }),
      f('secret/connection-string', [10, 30]),
      f('secret/aws-access-key-id', [25, 45]),
    ]);
    assert.deepEqual(out.map((x) => x.ruleId).sort(), ['secret/aws-access-key-id']);
  });
});

describe('dedupe from rule data', () => {
  const g = (ruleId: string, range: [number, number], extra: Partial<Finding> = {}): Finding => ({ ...f(ruleId, range), ...extra });

  it('reads specificity and reference from the rules, not from lists of ids', () => {
    const standing = (id: string) => ({ 'x/loose': { specificity: 'generic' as const }, 'x/tight': {}, 'x/ref': { reference: true } })[id];
    assert.deepEqual(
      dedupeOverlaps([g('x/loose', [0, 40]), g('x/tight', [5, 30])], standing).map((x) => x.ruleId),
      ['x/tight'],
    );
    assert.deepEqual(
      dedupeOverlaps([g('x/tight', [0, 40]), g('x/ref', [0, 40])], standing).map((x) => x.ruleId),
      ['x/ref'],
    );
    // Another category keeps overlapping findings: each says something different.
    const exposure = [g('x/loose', [0, 40], { category: 'pii-exposure' }), g('x/tight', [5, 30], { category: 'pii-exposure' })];
    assert.equal(dedupeOverlaps(exposure, standing).length, 2);
  });

  it('every secret rule that gives way says so in its own definition', () => {
    const generic = RULES.filter((r) => r.specificity === 'generic')
      .map((r) => r.id)
      .sort();
    assert.deepEqual(generic, ['secret/hardcoded-password', 'secret/hardcoded-secret']);
    assert.ok(RULES.filter((r) => r.reference).every((r) => r.category === 'secret'));
    assert.ok(RULES.filter((r) => r.reference).length >= 10);
  });
});
