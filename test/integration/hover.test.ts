import * as assert from 'node:assert/strict';
import { SLACK_TOKEN, closeAllEditors, expectedLocale, hoverNaming, openInEditor, ruleGuidelines, waitForActivation, waitForRule } from './helpers';

describe('hover', () => {
  before(async () => {
    await waitForActivation();
  });
  afterEach(closeAllEditors);

  it('names the guideline (title and URL) at the diagnostic range', async () => {
    const { document } = await openInEditor('.env');
    const d = await waitForRule(document.uri, 'secret/slack-token');
    const primary = ruleGuidelines('secret/slack-token').find((g) => g.url);
    assert.ok(primary?.url, 'secret/slack-token cites no guideline with a URL');
    const lang = expectedLocale().startsWith('ja') ? 'ja' : 'en';
    const text = await hoverNaming(document.uri, d.range.start.translate(0, 1), primary.url);
    assert.ok(text.includes(primary.title[lang]), `the hover does not name "${primary.title[lang]}"`);
    assert.ok(!text.includes(SLACK_TOKEN), 'the hover shows the full secret');
  });

  it('adds the reporting duty to an exposure finding: the regime, the clock and keeping the access logs', async () => {
    const { document } = await openInEditor('deploy/docker-compose.yml');
    const d = await waitForRule(document.uri, 'exposure/compose-db-port-public');
    const ja = expectedLocale().startsWith('ja');
    const text = await hoverNaming(document.uri, d.range.start.translate(0, 1), 'https://www.ppc.go.jp/personalinfo/legal/leakAction/');
    assert.ok(text.includes(ja ? '漏えい等報告の確認' : 'Breach-report check'), 'no reporting heading');
    assert.ok(text.includes(ja ? 'アクセスログ' : 'access logs'), 'the first step (keep the access logs) is missing');
    assert.ok(text.includes(ja ? '概ね3～5日以内' : 'roughly 3–5 days'), 'the preliminary-report deadline is missing');
  });
});
