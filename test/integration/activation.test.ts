import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPO_ROOT, expectedLocale, waitForActivation } from './helpers';

describe('activation', () => {
  it('activates on its own after startup, loaded from this checkout', async () => {
    const ext = await waitForActivation();
    // The harness also installs the packaged .vsix; the development copy must win.
    assert.equal(path.resolve(ext.extensionUri.fsPath), REPO_ROOT);
  });

  it('registers the mamori.scanWorkspace command', async () => {
    await waitForActivation();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mamori.scanWorkspace'), 'mamori.scanWorkspace is not registered');
  });

  it('runs under the display language the harness asked for', () => {
    assert.equal(vscode.env.language, expectedLocale());
  });
});
