import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingMessage } from '../../../src/core/messages';
import { applySuppressions, parseDirectives } from '../../../src/core/suppress';
import type { Finding } from '../../../src/core/types';

function findingAt(text: string, needle: string, ruleId = 'secret/github-token'): Finding {
  const i = text.indexOf(needle);
  assert.ok(i >= 0);
  return {
    ruleId,
    category: ruleId.startsWith('secret/') ? 'secret' : 'pii-exposure',
    severity: 'error',
    range: [i, i + needle.length],
    messageId: 'found',
    data: { masked: 'x***' },
    guidelines: [],
  };
}

describe('suppressions', () => {
  it('parses directives in several comment syntaxes, with until and reason', () => {
    const text = [
      '# mamori-ignore-next-line secret/github-token until 2030-01-01 -- rotated, test key',
      '// mamori-ignore-file pii-data',
      '-- mamori-ignore-next-line *',
      '/* mamori-ignore-next-line secret/*,exposure/compose-db-port-public */',
      'const s = "mamori-ignore-next-line *";',
    ].join('\n');
    const ds = parseDirectives(text);
    assert.equal(ds.length, 4, 'a directive inside a string must not count');
    assert.deepEqual(ds[0], {
      kind: 'next-line',
      line: 0,
      rules: ['secret/github-token'],
      until: '2030-01-01',
      reason: 'rotated, test key',
      range: ds[0].range,
    });
    assert.deepEqual(ds[1].rules, ['pii-data']);
    assert.equal(ds[1].kind, 'file');
    assert.deepEqual(ds[3].rules, ['secret/*', 'exposure/compose-db-port-public']);
  });

  it('suppresses the next line only, for the named rules', () => {
    const text = '# mamori-ignore-next-line secret/github-token\nA=ghp_1\nB=ghp_2\n';
    const kept = applySuppressions(text, [findingAt(text, 'ghp_1'), findingAt(text, 'ghp_2')]);
    assert.deepEqual(
      kept.map((f) => text.slice(...f.range)),
      ['ghp_2'],
    );
    const other = applySuppressions(text, [findingAt(text, 'ghp_1', 'secret/slack-token')]);
    assert.equal(other.length, 1, 'another rule is not suppressed');
  });

  it('suppresses a whole file by category or prefix', () => {
    const text = 'x: 1\n# mamori-ignore-file secret\ny: ghp_1\n';
    assert.deepEqual(applySuppressions(text, [findingAt(text, 'ghp_1')]), []);
    const t2 = '// mamori-ignore-file exposure/*\nports: 5432\n';
    assert.deepEqual(applySuppressions(t2, [findingAt(t2, '5432', 'exposure/compose-db-port-public')]), []);
  });

  it('reports a finding again once its suppression expired, and says so', () => {
    const text = '# mamori-ignore-next-line secret/github-token until 2020-01-31\nA=ghp_1\n';
    const kept = applySuppressions(text, [findingAt(text, 'ghp_1')], '2026-11-21');
    assert.equal(kept.length, 1);
    assert.equal(kept[0].data.suppressionExpired, '2020-01-31');
    assert.match(findingMessage(kept[0], 'en'), /suppression expired on 2020-01-31/);
    assert.match(findingMessage(kept[0], 'ja'), /期限 2020-01-31/);
    assert.deepEqual(applySuppressions(text, [findingAt(text, 'ghp_1')], '2019-12-31'), []);
  });

  it("honours secretlint's disable comments for secrets only", () => {
    const text =
      'A=ghp_1 // secretlint-disable-line\n// secretlint-disable-next-line\nB=ghp_2\n/* secretlint-disable */\nC=ghp_3\n/* secretlint-enable */\nD=ghp_4\n';
    const fs = ['ghp_1', 'ghp_2', 'ghp_3', 'ghp_4'].map((n) => findingAt(text, n));
    assert.deepEqual(
      applySuppressions(text, fs).map((f) => text.slice(...f.range)),
      ['ghp_4'],
    );
    const exposure = findingAt(text, 'ghp_1', 'exposure/x');
    assert.equal(applySuppressions(text, [exposure]).length, 1);
  });
});

describe('scanText applies suppressions', () => {
  it('drops a suppressed secret and keeps the next one', async () => {
    const { scanText } = await import('../../../src/core/scan');
    const tok = (s: string) => ['ghp', s].join('_');
    const text = `# mamori-ignore-next-line secret/github-token -- fixture\nA=${tok('8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E')}\nB=${tok('9Lr3yWo5Mn8Qa4Su0Xd6Zc2Ie7Gk1Hb3Ty5F')}\n`;
    const findings = (await scanText({ path: '.env', text })).filter((f) => f.ruleId === 'secret/github-token');
    assert.equal(findings.length, 1);
    assert.ok(text.slice(findings[0].range[0], findings[0].range[1]).startsWith('ghp_9Lr3'));
  });
});

describe('suppressionEdit', () => {
  it('inserts a next-line directive with the line indentation, in the file comment syntax', async () => {
    const { suppressionEdit } = await import('../../../src/core/suppress');
    const text = 'a:\n  token: ghp_1\n';
    const f = findingAt(text, 'ghp_1');
    const e = suppressionEdit(text, 'yaml', f, 'next-line');
    assert.ok(e);
    const out = text.slice(0, e.range[0]) + e.newText + text.slice(e.range[1]);
    assert.equal(out, 'a:\n  # mamori-ignore-next-line secret/github-token\n  token: ghp_1\n');
    assert.equal(applySuppressions(out, [findingAt(out, 'ghp_1')]).length, 0);
  });

  it('puts a file directive after a shebang, keeps CRLF, and offers nothing for plain JSON', async () => {
    const { suppressionEdit } = await import('../../../src/core/suppress');
    const py = '#!/usr/bin/env python3\r\nTOKEN = "ghp_1"\r\n';
    const e = suppressionEdit(py, 'python', findingAt(py, 'ghp_1'), 'file');
    assert.ok(e);
    assert.equal(
      py.slice(0, e.range[0]) + e.newText + py.slice(e.range[1]),
      '#!/usr/bin/env python3\r\n# mamori-ignore-file secret/github-token\r\nTOKEN = "ghp_1"\r\n',
    );
    assert.equal(suppressionEdit('{"t": "ghp_1"}', 'json', findingAt('{"t": "ghp_1"}', 'ghp_1'), 'next-line'), undefined);
    assert.ok(suppressionEdit('{"t": "ghp_1"}', 'json', findingAt('{"t": "ghp_1"}', 'ghp_1'), 'next-line', true));
  });
});
