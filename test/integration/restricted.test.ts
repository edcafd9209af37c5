import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ignoreFiles, readSettings, RESTRICTED_SETTINGS } from '../../src/extension/settings';
import { waitForActivation, workspaceRoot } from './helpers';

/**
 * Restricted Mode: an untrusted workspace cannot make Mamori report less. Its own values of
 * `mamori.enable`, `mamori.categories.*`, `mamori.rules.severity` and the file settings are
 * ignored (only user settings apply), and so is its `.mamoriignore`. The harness runs a trusted
 * workspace, so the settings are read as an untrusted workspace would have them read.
 */
describe('Restricted Mode', () => {
  const workspace: [string, unknown][] = [
    ['enable', false],
    ['categories.secret', false],
    ['categories.piiExposure', false],
    ['rules.severity', { 'secret/github-token': 'off', 'secret/slack-token': 'info' }],
    ['files.maxFileSize', 1],
  ];

  before(async () => {
    await waitForActivation();
    const c = vscode.workspace.getConfiguration('mamori', workspaceRoot());
    for (const [key, value] of workspace) await c.update(key, value, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    const c = vscode.workspace.getConfiguration('mamori', workspaceRoot());
    for (const [key] of workspace) await c.update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('applies the workspace values in a trusted workspace (the test really set them)', () => {
    const s = readSettings(workspaceRoot(), true);
    assert.equal(s.enable, false);
    assert.equal(s.scan.categories?.secret, false);
    assert.equal(s.scan.ruleSeverity?.['secret/github-token'], 'off');
  });

  it('ignores workspace values that lower what Mamori reports in an untrusted workspace', () => {
    const s = readSettings(workspaceRoot(), false);
    assert.equal(s.enable, true);
    assert.equal(s.scan.categories?.secret, true);
    assert.equal(s.scan.categories?.['pii-exposure'], true);
    assert.equal(s.scan.ruleSeverity?.['secret/github-token'], undefined);
    assert.equal(s.scan.ruleSeverity?.['secret/slack-token'], undefined);
    assert.ok(s.maxFileSizeBytes > 1024);
  });

  it('does not honour .mamoriignore in an untrusted workspace', () => {
    assert.deepEqual(ignoreFiles(false), ['.gitignore']);
    assert.deepEqual(ignoreFiles(true), ['.gitignore', '.mamoriignore']);
  });

  it('declares every such setting in restrictedConfigurations', () => {
    const ext = vscode.extensions.getExtension('mamori-security.mamori');
    assert.ok(ext);
    const declared = (ext.packageJSON as { capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } } }).capabilities.untrustedWorkspaces
      .restrictedConfigurations;
    for (const key of RESTRICTED_SETTINGS) assert.ok(declared.includes(`mamori.${key}`), `mamori.${key} is not restricted`);
  });
});
