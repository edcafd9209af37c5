// The project file (.mamori.json) as the engine reads it, and baselines as data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyBaseline, formatBaseline, parseBaseline } from '../../../src/core/baseline';
import { allowList, guidanceFor, parseProjectConfig, restrictProjectConfig, withProjectConfig } from '../../../src/core/project-config';
import type { LocatedFinding } from '../../../src/core/report/model';
import { scanText } from '../../../src/core/scan';

const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

describe('parseProjectConfig', () => {
  it('reads JSONC: line and block comments, trailing commas', () => {
    const { config, problems } = parseProjectConfig(`// team settings
{
  /* stricter for a medical service */
  "profile": "mhlw-medical",
  "categories": { "pii-data": false, },
  "rules": { "secret/github-token": "warning", "secret/slack-token": "off", },
  "exclude": ["vendor/",],
  "allow": { "paths": ["test/fixtures/**"], "values": ["EXAMPLE"], "fingerprints": ["0123456789abcdef0123456789abcdef"] },
  "baseline": "ci/mamori-baseline.json",
  "guidance": { "secret": "https://wiki.example.jp/secrets", },
}
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      profile: 'mhlw-medical',
      categories: { 'pii-data': false },
      rules: { 'secret/github-token': 'warning', 'secret/slack-token': 'off' },
      exclude: ['vendor/'],
      allow: { paths: ['test/fixtures/**'], values: ['EXAMPLE'], fingerprints: ['0123456789abcdef0123456789abcdef'] },
      baseline: 'ci/mamori-baseline.json',
      guidance: { secret: 'https://wiki.example.jp/secrets' },
    });
  });

  it('says what is wrong, with the line of a syntax error, and never throws on odd input', () => {
    const syntax = parseProjectConfig('{\n  "rules": {\n    "secret/github-token": "off"\n');
    assert.equal(syntax.problems[0].level, 'error');
    assert.ok(syntax.problems[0].line && syntax.problems[0].line >= 3);
    const bad = parseProjectConfig(
      JSON.stringify({
        profile: 'lax',
        categories: { secrets: true },
        rules: { 'secret/github-token': 'loud', 'secret/nope': 'off' },
        allow: { values: ['ab'], fingerprints: ['xyz'] },
        guidance: { secret: 'javascript:alert(1)', nope: 'https://a.example' },
        extra: 1,
      }),
    );
    const errors = bad.problems.filter((p) => p.level === 'error').map((p) => p.message.en);
    const warnings = bad.problems.filter((p) => p.level === 'warning').map((p) => p.message.en);
    assert.equal(errors.length, 6, errors.join('\n'));
    assert.ok(errors.some((m) => m.includes('"profile" must be one of')));
    assert.ok(errors.some((m) => m.includes('shorter than 4 characters')));
    assert.ok(errors.some((m) => m.includes('https:// URL')));
    assert.ok(warnings.some((m) => m.includes('unknown rule "secret/nope"')));
    assert.ok(warnings.some((m) => m.includes('unknown setting "extra"')));
    assert.ok(warnings.some((m) => m.includes('"guidance.nope"')));
    for (const p of bad.problems) assert.match(p.message.ja, /[\u3040-\u30ff\u4e00-\u9fff]/);
    for (const text of ['', 'null', '[]', '"x"', '{"rules": []}', '{"allow": {"values": [1]}}', '\u0000{', '{'.repeat(10_000)]) {
      const r = parseProjectConfig(text);
      assert.ok(Array.isArray(r.problems));
    }
  });
});

describe('project configuration applied', () => {
  it('puts the file over the base settings, rule by rule and category by category', () => {
    const merged = withProjectConfig(
      { categories: { secret: true, 'pii-data': true }, ruleSeverity: { 'secret/slack-token': 'info', 'secret/aws-access-key': 'warning' } },
      { categories: { 'pii-data': false }, rules: { 'secret/slack-token': 'off' }, profile: 'pci-dss-4', allow: { values: ['EXAMPLE'] } },
    );
    assert.deepEqual(merged, {
      categories: { secret: true, 'pii-data': false },
      ruleSeverity: { 'secret/slack-token': 'off', 'secret/aws-access-key': 'warning' },
      passwordPolicy: { profile: 'pci-dss-4' },
      allowValues: ['EXAMPLE'],
    });
  });

  it('in Restricted Mode keeps only what cannot make Mamori report less, and names the rest', () => {
    const { config, ignored } = restrictProjectConfig({
      profile: 'jp-baseline',
      categories: { secret: false, 'pii-data': true },
      rules: { 'secret/github-token': 'off', 'secret/slack-token': 'info', 'pii-data/my-number': 'error' },
      exclude: ['**'],
      allow: { paths: ['**'] },
      baseline: 'b.json',
      guidance: { secret: 'https://phish.example' },
    });
    assert.deepEqual(config, { profile: 'jp-baseline', categories: { 'pii-data': true }, rules: { 'pii-data/my-number': 'error' } });
    assert.deepEqual(
      ignored.sort(),
      ['allow', 'baseline', 'categories.secret', 'exclude', 'guidance', 'rules.secret/github-token', 'rules.secret/slack-token'].sort(),
    );
  });

  it('allows by path (gitignore-style) and by fingerprint; by value only as literal text, inside the engine', async () => {
    const allow = allowList({ allow: { paths: ['fixtures/**', '*.sample'], fingerprints: ['0123456789abcdef0123456789abcdef'] } });
    assert.ok(allow);
    assert.ok(allow.allows('fixtures/a/b.env', undefined));
    assert.ok(allow.allows('conf/app.sample', undefined));
    assert.ok(!allow.allows('src/app.env', undefined));
    assert.ok(allow.allows('src/app.env', '0123456789abcdef0123456789abcdef'));
    assert.ok(!allow.allows('../outside/fixtures/x', undefined));
    assert.equal(allowList({}), undefined);

    const text = `GH=${GH}\n`;
    assert.equal((await scanText({ path: '.env', text })).length, 1);
    assert.equal((await scanText({ path: '.env', text }, { allowValues: [GH.slice(-8)] })).length, 0);
    // A literal that is a pattern's syntax matches only itself.
    assert.equal((await scanText({ path: '.env', text }, { allowValues: ['ghp_.*'] })).length, 1);
    assert.equal(
      guidanceFor({ guidance: { secret: 'https://a.example/s', 'secret/github-token': 'https://a.example/gh' } }, 'secret/github-token', 'secret'),
      'https://a.example/gh',
    );
    assert.equal(guidanceFor({ guidance: { secret: 'https://a.example/s' } }, 'secret/slack-token', 'secret'), 'https://a.example/s');
  });
});

describe('baseline data', () => {
  const finding = (fingerprint: string, path = '.env'): LocatedFinding => ({
    ruleId: 'secret/github-token',
    category: 'secret',
    severity: 'error',
    range: [0, 1],
    messageId: 'm',
    data: { value: 'ghp_****' },
    guidelines: [],
    excerpt: 'GH=ghp_****',
    path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    fingerprint,
  });

  it('round-trips, sorted, one entry per fingerprint, with no message data or excerpt', () => {
    const text = formatBaseline([finding('b'.repeat(32), 'z.env'), finding('a'.repeat(32)), finding('a'.repeat(32))], '0.1.0');
    assert.ok(!text.includes('ghp_') && !text.includes('excerpt'));
    const parsed = parseBaseline(text);
    assert.ok('baseline' in parsed);
    assert.deepEqual(
      parsed.baseline.entries.map((e) => e.path),
      ['.env', 'z.env'],
    );
  });

  it('marks findings unchanged or new and counts fixed entries only in scanned files', () => {
    const parsed = parseBaseline(
      formatBaseline([finding('a'.repeat(32)), finding('b'.repeat(32), 'gone.env'), finding('c'.repeat(32), 'elsewhere.env')], '0.1.0'),
    );
    assert.ok('baseline' in parsed);
    const { findings, summary } = applyBaseline([finding('a'.repeat(32)), finding('d'.repeat(32))], parsed.baseline, 'b.json', (p) => p !== 'elsewhere.env');
    assert.deepEqual(
      findings.map((f) => f.baseline),
      ['unchanged', 'new'],
    );
    assert.deepEqual(summary, { path: 'b.json', known: 1, new: 1, fixed: 1 });
  });

  it('refuses other shapes without throwing', () => {
    for (const text of [
      '',
      '{',
      '[]',
      '{"tool":"mamori-baseline","version":2,"findings":[]}',
      '{"tool":"mamori-baseline","version":1,"fingerprints":"mamori/v1","findings":[]}',
      '{"tool":"x","findings":[]}',
    ]) {
      assert.ok('problem' in parseBaseline(text), text);
    }
  });
});
