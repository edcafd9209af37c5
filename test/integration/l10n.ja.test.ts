import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  SLACK_TOKEN,
  assertMasked,
  closeAllEditors,
  codeValue,
  hasJapanese,
  hoverNaming,
  openInEditor,
  ruleGuidelines,
  waitForActivation,
  waitForRule,
} from './helpers';

// Runs only when the harness starts VS Code with the Japanese display language
// (MAMORI_E2E_LOCALE=ja; see test/e2e/run-e2e.sh for the language-pack setup).
describe('Japanese display language', () => {
  before(async () => {
    await waitForActivation();
  });
  afterEach(closeAllEditors);

  it('VS Code runs in Japanese', () => {
    assert.equal(vscode.env.language, 'ja');
  });

  it('the manifest is localised (package.nls.ja.json)', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    type Title = string | { value: string; original: string };
    const pkg = ext?.packageJSON as { contributes?: { commands?: Array<{ command: string; title: Title }> } } | undefined;
    // VS Code hands localised titles over as { value, original }.
    const title = pkg?.contributes?.commands?.find((c) => c.command === 'mamori.scanWorkspace')?.title ?? '';
    const value = typeof title === 'string' ? title : title.value;
    assert.ok(hasJapanese(value), `command title is not Japanese: ${JSON.stringify(title)}`);
  });

  it('diagnostic messages are Japanese and masked', async () => {
    const { document } = await openInEditor('.env');
    const d = await waitForRule(document.uri, 'secret/slack-token');
    assert.equal(codeValue(d), 'secret/slack-token');
    assert.ok(hasJapanese(d.message), `message is not Japanese: ${d.message}`);
    assertMasked(d.message, SLACK_TOKEN);
  });

  it('the hover names the guideline by its Japanese title', async () => {
    const { document } = await openInEditor('.env');
    const d = await waitForRule(document.uri, 'secret/slack-token');
    const primary = ruleGuidelines('secret/slack-token').find((g) => g.url);
    assert.ok(primary?.url);
    const text = await hoverNaming(document.uri, d.range.start.translate(0, 1), primary.url);
    assert.ok(text.includes(primary.title.ja), `the hover does not name "${primary.title.ja}"`);
  });
});
