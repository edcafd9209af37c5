import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  GITHUB_TOKEN,
  SLACK_TOKEN,
  SOURCE,
  assertMasked,
  closeAllEditors,
  codeTarget,
  codeValue,
  fixtureUri,
  hasJapanese,
  mamoriDiagnostics,
  openInEditor,
  rangeOf,
  replaceText,
  ruleGuidelines,
  waitFor,
  waitForActivation,
  waitForNoDiagnostics,
  waitForRule,
} from './helpers';

/** The checks every secret diagnostic must pass, whatever the rule. */
function assertSecretDiagnostic(doc: vscode.TextDocument, d: vscode.Diagnostic, ruleId: string, secret: string): void {
  assert.equal(d.source, SOURCE);
  assert.equal(codeValue(d), ruleId);
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error, 'secrets are errors in the engine');
  const target = codeTarget(d);
  assert.ok(target, 'diagnostic.code must be { value, target } with a guideline link');
  assert.equal(target.scheme, 'https');
  assert.equal(target.authority, 'www.ppc.go.jp');
  const cited = ruleGuidelines(ruleId).flatMap((g) => (g.url ? [vscode.Uri.parse(g.url).toString()] : []));
  assert.ok(cited.includes(target.toString()), `${target.toString()} is not one of ${ruleId}'s guidelines`);
  assertMasked(d.message, secret);
  assert.ok(!hasJapanese(d.message), `an English VS Code got a Japanese message: ${d.message}`);
  const overlap = d.range.intersection(rangeOf(doc, secret));
  assert.ok(overlap && !overlap.isEmpty, `the diagnostic range does not cover the secret (line ${d.range.start.line + 1})`);
}

describe('diagnostics in open files', () => {
  before(async () => {
    await waitForActivation();
  });
  afterEach(closeAllEditors);

  it('flags the Slack token in .env as secret/slack-token, linked to a PPC guideline, masked', async () => {
    const { document } = await openInEditor('.env');
    const d = await waitForRule(document.uri, 'secret/slack-token');
    assertSecretDiagnostic(document, d, 'secret/slack-token', SLACK_TOKEN);
  });

  it('flags the GitHub token in src/config.js as secret/github-token', async () => {
    const { document } = await openInEditor('src/config.js');
    const d = await waitForRule(document.uri, 'secret/github-token');
    assertSecretDiagnostic(document, d, 'secret/github-token', GITHUB_TOKEN);
  });

  it("shows a rule that fails on a file as a warning on that file, and keeps the other rules' findings", async () => {
    // The end-to-end runner starts the editor with MAMORI_FAULT_RULE=exposure/redis-open, which
    // makes that rule throw on files that contain the marker below.
    const uri = fixtureUri('generated-fault/redis.conf');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`# mamori-fault-probe\nbind 0.0.0.0\nprotected-mode no\nmasterauth-token ${GITHUB_TOKEN}\n`, 'utf8'));
    try {
      await openInEditor('generated-fault/redis.conf');
      await waitForRule(uri, 'secret/github-token');
      const failed = await waitFor('a rule-error diagnostic', () => mamoriDiagnostics(uri).find((d) => codeValue(d) === 'mamori.rule-error'));
      assert.equal(failed.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(failed.range.start.line, 0);
      assert.ok(failed.message.includes('exposure/redis-open'), failed.message);
      assert.ok(!mamoriDiagnostics(uri).some((d) => codeValue(d) === 'exposure/redis-open'), 'the failed rule reported nothing');
      assertMasked(failed.message, GITHUB_TOKEN);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(fixtureUri('generated-fault'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });

  it('updates on edit: removing the secret clears the diagnostic, typing it back restores it', async () => {
    const { document } = await openInEditor('src/config.js');
    await waitForRule(document.uri, 'secret/github-token');
    await replaceText(document, `'${GITHUB_TOKEN}'`, 'process.env.GITHUB_TOKEN');
    await waitForNoDiagnostics(document.uri, 'diagnostics to clear after the secret was removed');
    await replaceText(document, 'process.env.GITHUB_TOKEN', `'${GITHUB_TOKEN}'`);
    const d = await waitForRule(document.uri, 'secret/github-token');
    assertSecretDiagnostic(document, d, 'secret/github-token', GITHUB_TOKEN);
  });

  it('flags a secret typed into a clean file', async () => {
    const { document } = await openInEditor('README.md');
    assert.equal(vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE).length, 0);
    await replaceText(document, 'A tiny project', `A tiny project (token ${SLACK_TOKEN})`);
    const d = await waitForRule(document.uri, 'secret/slack-token');
    assertSecretDiagnostic(document, d, 'secret/slack-token', SLACK_TOKEN);
    await replaceText(document, ` (token ${SLACK_TOKEN})`, '');
    await waitForNoDiagnostics(document.uri, 'diagnostics to clear after the secret was deleted');
  });

  it('clears the diagnostics when the document closes', async () => {
    const { document } = await openInEditor('.env');
    const uri = document.uri;
    await waitForRule(uri, 'secret/slack-token');
    let closed = false;
    const subscription = vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.toString() === uri.toString()) closed = true;
    });
    try {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitFor('VS Code to close the document (onDidCloseTextDocument)', () => (closed ? true : undefined), 60_000);
    } finally {
      subscription.dispose();
    }
    await waitForNoDiagnostics(uri, 'diagnostics to clear after the document closed');
  });
});
