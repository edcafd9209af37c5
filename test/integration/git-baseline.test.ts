import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  GITHUB_TOKEN,
  REPO_ROOT,
  closeAllEditors,
  codeValue,
  fixtureUri,
  mamoriDiagnostics,
  openInEditor,
  waitForActivation,
  waitForDiagnostics,
  waitForRule,
  workspaceRoot,
} from './helpers';

/** Runs git in the workspace folder, with an identity of its own; fails the test on an error. */
function git(...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Mamori Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd: workspaceRoot().fsPath,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Runs the CLI at the folder's root, as CI would. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
    cwd: workspaceRoot().fsPath,
    encoding: 'utf8',
    // In a desktop VS Code the extension host is Electron: run it as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
}

async function remove(relative: string): Promise<void> {
  await vscode.workspace.fs.delete(fixtureUri(relative), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** A fake token of the same shape as the fixture's (its body reversed), not in any fixture file. */
const NEW_TOKEN = `ghp_${[...GITHUB_TOKEN.slice(4)].reverse().join('')}`;

/**
 * Git's file set and the project's baseline in the real VS Code: the workspace scan takes what
 * git holds, as `mamori scan` does, and findings a baseline records are shown as known.
 */
describe('git file set and baseline in the editor', () => {
  before(async () => {
    await waitForActivation();
    await closeAllEditors();
  });

  describe('Scan Workspace in a git work tree', function () {
    const committed = '.env.production';
    before(function () {
      // Run from .vscode/launch.json the workspace is the fixture folder inside Mamori's own
      // repository: a repository of its own cannot be made there.
      const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: workspaceRoot().fsPath, encoding: 'utf8' });
      if (inside.status === 0 && inside.stdout.trim() === 'true') this.skip();
    });

    after(async () => {
      await vscode.workspace.getConfiguration('mamori', workspaceRoot()).update('files.useGit', undefined, vscode.ConfigurationTarget.Workspace);
      await remove('.git');
      await remove('.gitignore');
      await remove(committed);
      await vscode.commands.executeCommand('mamori.scanWorkspace');
    });

    it('reports a committed file that .gitignore lists, which a walk of the folder skips', async () => {
      // The common way a secret stays in a repository: committed, then "ignored" instead of removed.
      await vscode.workspace.fs.writeFile(fixtureUri(committed), Buffer.from(`GITHUB_TOKEN=${GITHUB_TOKEN}\n`, 'utf8'));
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'fixture');
      await vscode.workspace.fs.writeFile(fixtureUri('.gitignore'), Buffer.from(`${committed}\n`, 'utf8'));
      assert.match(git('ls-files', '--', committed), /\.env\.production/);

      await vscode.commands.executeCommand('mamori.scanWorkspace');
      await waitForRule(fixtureUri(committed), 'secret/github-token', 5_000);

      // The same scan with git's file set turned off walks the folder and honours .gitignore.
      await vscode.workspace.getConfiguration('mamori', workspaceRoot()).update('files.useGit', false, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('mamori.scanWorkspace');
      assert.deepEqual(mamoriDiagnostics(fixtureUri(committed)), [], 'the walker skips the ignored file, so the scan clears it');
    });
  });

  describe('a baseline named in .mamori.json', () => {
    const baselineFile = '.mamori-baseline.json';
    const fresh = 'src/new-secret.js';
    const settings = () => vscode.workspace.getConfiguration('mamori', workspaceRoot());

    after(async () => {
      await settings().update('baseline.knownFindings', undefined, vscode.ConfigurationTarget.Workspace);
      await remove('.mamori.json');
      await remove(baselineFile);
      await remove(fresh);
      await closeAllEditors();
    });

    it('shows what the baseline records as known hints, and a new secret as an error', async () => {
      // Today's findings recorded by the CLI, as a team does before turning CI on.
      const written = cli('scan', '.', '--write-baseline', baselineFile, '--format', 'json');
      assert.ok(written.status === 0 || written.status === 1, `--write-baseline failed (${written.status}): ${written.stderr}`);
      await vscode.workspace.fs.writeFile(fixtureUri('.mamori.json'), Buffer.from(`{ "baseline": "${baselineFile}" }\n`, 'utf8'));

      await openInEditor('src/config.js');
      const known = await waitForDiagnostics(
        fixtureUri('src/config.js'),
        (ds) => ds.some((d) => codeValue(d) === 'secret/github-token' && d.severity === vscode.DiagnosticSeverity.Hint),
        'the recorded GitHub token to be a known hint',
      );
      const d = known.find((x) => codeValue(x) === 'secret/github-token');
      assert.match(d?.message ?? '', /known: recorded in the project baseline/);

      // A secret added after the baseline is new: its own severity, not marked known.
      await vscode.workspace.fs.writeFile(fixtureUri(fresh), Buffer.from(`const token = "${NEW_TOKEN}";\n`, 'utf8'));
      await openInEditor(fresh);
      const added = await waitForRule(fixtureUri(fresh), 'secret/github-token');
      assert.equal(added.severity, vscode.DiagnosticSeverity.Error);
      assert.doesNotMatch(added.message, /known/);

      // The CLI agrees: only the new secret counts for the exit code.
      const checked = cli('scan', '.', '--format', 'json');
      assert.equal(checked.status, 1, 'the new secret must fail the CLI run with the baseline');
      const report = JSON.parse(checked.stdout) as { findings: { path: string; ruleId: string; baseline?: string }[] };
      const fresher = report.findings.filter((f) => f.baseline === 'new');
      assert.deepEqual(
        fresher.map((f) => `${f.path} ${f.ruleId}`),
        [`${fresh} secret/github-token`],
      );
    });

    it('follows mamori.baseline.knownFindings: shown with its severity, or hidden', async () => {
      const uri = fixtureUri('src/config.js');
      await openInEditor('src/config.js');
      await settings().update('baseline.knownFindings', 'show', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(
        uri,
        (ds) => ds.some((d) => codeValue(d) === 'secret/github-token' && d.severity === vscode.DiagnosticSeverity.Error && /known/.test(d.message)),
        'the known token shown as an error marked known',
      );
      await settings().update('baseline.knownFindings', 'hide', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeValue(d) === 'secret/github-token'), 'the known token hidden');
    });
  });
});
