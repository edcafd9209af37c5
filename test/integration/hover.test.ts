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
});
