import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  GITHUB_TOKEN,
  NOTIFY_TOKEN,
  SLACK_TOKEN,
  assertMasked,
  closeAllEditors,
  codeTarget,
  codeValue,
  fixtureUri,
  mamoriDiagnostics,
  waitForActivation,
  waitForRule,
} from './helpers';

interface ScanResult {
  filesScanned: number;
  findings: number;
  skipped: number;
}

function isScanResult(value: unknown): value is ScanResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['filesScanned', 'findings', 'skipped'].every((k) => typeof v[k] === 'number' && Number.isInteger(v[k]) && Number(v[k]) >= 0);
}

describe('command mamori.scanWorkspace', () => {
  // Created by the first test, removed afterwards: the workspace may be the fixture folder
  // itself when the suite runs from .vscode/launch.json.
  const fresh = (): vscode.Uri => fixtureUri('generated/never-opened.env');

  before(async () => {
    await waitForActivation();
    await closeAllEditors();
  });

  after(async () => {
    await vscode.workspace.fs.delete(fixtureUri('generated'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('scans every file, including files never opened, and resolves to { filesScanned, findings, skipped }', async () => {
    // A file created just now, never opened: only a scan of the disk can find its secret.
    await vscode.workspace.fs.writeFile(fresh(), Buffer.from(`GITHUB_TOKEN=${GITHUB_TOKEN}\n`, 'utf8'));
    const notify = fixtureUri('scripts/notify.sh');
    for (const uri of [fresh(), notify]) {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${uri.path} must not be open`);
    }

    const result: unknown = await vscode.commands.executeCommand('mamori.scanWorkspace');
    assert.ok(isScanResult(result), `unexpected result: ${JSON.stringify(result)}`);
    // Text files: .env, README.md, src/config.js, scripts/notify.sh, generated/never-opened.env.
    assert.ok(result.filesScanned >= 5, `filesScanned = ${result.filesScanned}, expected at least 5`);
    // Planted secrets: .env, src/config.js, scripts/notify.sh, generated/never-opened.env.
    assert.ok(result.findings >= 4, `findings = ${result.findings}, expected at least 4`);
    // assets/blank.bin is binary.
    assert.ok(result.skipped >= 1, `skipped = ${result.skipped}, expected at least 1 (assets/blank.bin is binary)`);

    const d = await waitForRule(notify, 'secret/slack-token', 5_000);
    assertMasked(d.message, NOTIFY_TOKEN);
    assert.equal(codeTarget(d)?.authority, 'www.ppc.go.jp');
    assertMasked((await waitForRule(fresh(), 'secret/github-token', 5_000)).message, GITHUB_TOKEN);
    assertMasked((await waitForRule(fixtureUri('.env'), 'secret/slack-token', 5_000)).message, SLACK_TOKEN);
    await waitForRule(fixtureUri('src/config.js'), 'secret/github-token', 5_000);
  });

  it('leaves clean files without diagnostics', () => {
    const readme = fixtureUri('README.md');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === readme.toString());
    const state = doc ? `open, ${doc.isDirty ? 'dirty' : 'saved'}, ${doc.getText().includes('xox') ? 'with' : 'without'} a token` : 'not open';
    assert.deepEqual(
      mamoriDiagnostics(readme).map((d) => codeValue(d)),
      [],
      `README.md (${state}) has diagnostics`,
    );
  });
});
