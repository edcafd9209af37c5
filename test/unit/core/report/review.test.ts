import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../../src/core/documents/lines';
import { formatHtml } from '../../../../src/core/report/html';
import { formatMarkdown } from '../../../../src/core/report/markdown';
import { locate, type ScanReport } from '../../../../src/core/report/model';
import { scanText } from '../../../../src/core/scan';

const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');

async function report(files: Record<string, string>): Promise<ScanReport> {
  const findings = [];
  for (const [path, text] of Object.entries(files)) {
    const lines = new LineIndex(text);
    for (const f of await scanText({ path, text })) findings.push(locate(f, lines, path));
  }
  return { version: '0.0.0', root: '/repo', filesScanned: Object.keys(files).length, findings, skipped: [{ path: 'big.bin', reason: 'binary' }] };
}

describe('review reports', () => {
  it('groups findings by guideline with counts per category, masked, in both languages', async () => {
    const r = await report({ '.env': `SLACK_TOKEN=${SLACK}\n`, 'a|b.txt': 'clean' });
    for (const lang of ['en', 'ja'] as const) {
      const md = formatMarkdown(r, lang, '2026-11-21T00:00:00Z');
      const html = formatHtml(r, lang, '2026-11-21T00:00:00Z');
      for (const out of [md, html]) {
        assert.ok(!out.includes(SLACK), 'secret in full');
        assert.ok(out.includes('secret/slack-token'));
        assert.ok(out.includes('https://www.ppc.go.jp/personalinfo/legal/guidelines_tsusoku/'));
        assert.ok(out.includes('big.bin'));
      }
      assert.match(md, lang === 'ja' ? /ハードコードされた認証情報 \(`secret`\) \| 1 \| 0 \| 0/ : /Hardcoded secrets \(`secret`\) \| 1 \| 0 \| 0/);
      assert.match(html, /<html lang="(en|ja)">/);
      assert.ok(!/<script/i.test(html));
    }
  });

  it('adds the PPC breach-report reminder only when personal data is involved', async () => {
    const secretsOnly = formatMarkdown(await report({ '.env': `SLACK_TOKEN=${SLACK}\n` }), 'en');
    assert.ok(!secretsOnly.includes('Breach-report check'));
    const r = await report({ '.env': `SLACK_TOKEN=${SLACK}\n` });
    r.findings.push({ ...r.findings[0], ruleId: 'pii-data/x', category: 'pii-data' });
    const md = formatMarkdown(r, 'ja');
    assert.ok(md.includes('漏えい等報告の確認'));
    assert.ok(md.includes('https://www.ppc.go.jp/personalinfo/legal/leakAction/'));
    assert.match(md, /概ね3～5日以内/);
  });

  it('escapes markup from file names and messages', async () => {
    const r = await report({ '<img src=x>.env': `SLACK_TOKEN=${SLACK}\n` });
    const html = formatHtml(r, 'en');
    assert.ok(!html.includes('<img src=x>'));
    assert.ok(html.includes('&lt;img src=x&gt;'));
  });
});

describe('rule pages', () => {
  it('documents a rule with its guidelines and examples, and never shows secret examples', async () => {
    const { ruleMarkdown } = await import('../../../../src/core/report/rules-table');
    const page = ruleMarkdown('exposure/compose-db-port-public', 'ja');
    assert.ok(page?.includes('`exposure/compose-db-port-public`'));
    assert.ok(page?.includes('https://www.ppc.go.jp/'));
    assert.ok(page?.includes('5432:5432'));
    const secret = ruleMarkdown('secret/github-token', 'en');
    assert.ok(secret && !/ghp_[A-Za-z0-9]{20,}/.test(secret));
    assert.equal(ruleMarkdown('nope/nothing', 'en'), undefined);
  });
});
