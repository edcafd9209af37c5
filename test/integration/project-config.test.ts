import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  REPO_ROOT,
  SLACK_TOKEN,
  closeAllEditors,
  codeValue,
  fixtureUri,
  hoverNaming,
  mamoriDiagnostics,
  openInEditor,
  rangeOf,
  waitForActivation,
  waitForDiagnostics,
  waitFor,
  waitForRule,
  workspaceRoot,
} from './helpers';

const GUIDANCE = 'https://wiki.example.co.jp/security/secrets';

/** The project file, JSONC as a team would write it: comments and trailing commas. */
const PROJECT_FILE = `// Mamori settings shared by the editor and CI.
{
  /* The GitHub token in src/config.js is a known test fixture. */
  "rules": { "secret/github-token": "off", },
  "guidance": { "secret": "${GUIDANCE}", },
}
`;

/**
 * `.mamori.json` in the real VS Code: read from the folder's root, watched (open documents are
 * scanned again when it appears, changes or goes), and giving the editor the findings the CLI
 * gives on the same tree.
 */
describe('.mamori.json', () => {
  const configFile = (): vscode.Uri => fixtureUri('.mamori.json');
  const configJs = (): vscode.Uri => fixtureUri('src/config.js');
  const noGithub = (ds: vscode.Diagnostic[]) => !ds.some((d) => codeValue(d) === 'secret/github-token');

  before(async () => {
    await waitForActivation();
    await closeAllEditors();
  });

  after(async () => {
    await vscode.workspace.fs.delete(configFile(), { useTrash: false }).then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('turns a rule off in the editor as soon as the file appears, and back on when it goes', async () => {
    await openInEditor('src/config.js');
    await waitForRule(configJs(), 'secret/github-token');

    await vscode.workspace.fs.writeFile(configFile(), Buffer.from(PROJECT_FILE, 'utf8'));
    await waitForDiagnostics(configJs(), noGithub, 'no secret/github-token diagnostic once .mamori.json turns the rule off');

    // Other rules still report, and the hover links the organisation's own page.
    const env = await openInEditor('.env');
    await waitForRule(fixtureUri('.env'), 'secret/slack-token');
    const hover = await hoverNaming(env.document.uri, rangeOf(env.document, SLACK_TOKEN).start, GUIDANCE);
    assert.match(hover, /Your organisation's guidance/);

    await vscode.workspace.fs.delete(configFile(), { useTrash: false });
    await waitForRule(configJs(), 'secret/github-token');
  });

  it('wins over the VS Code settings, rule by rule', async () => {
    const env = fixtureUri('.env');
    const settings = vscode.workspace.getConfiguration('mamori', workspaceRoot());
    await settings.update('rules.severity', { 'secret/slack-token': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await openInEditor('.env');
      await waitForDiagnostics(env, (ds) => !ds.some((d) => codeValue(d) === 'secret/slack-token'), 'the setting to turn secret/slack-token off');
      await vscode.workspace.fs.writeFile(configFile(), Buffer.from('{ "rules": { "secret/slack-token": "warning" } }\n', 'utf8'));
      const d = await waitForRule(env, 'secret/slack-token');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await settings.update('rules.severity', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(configFile(), { useTrash: false }).then(undefined, () => undefined);
      await closeAllEditors();
    }
  });

  it('is JSONC checked against the schema generated from the rules, with no other extension', async () => {
    await vscode.workspace.fs.writeFile(
      configFile(),
      Buffer.from('// comments are fine\n{\n  "profile": "lax",\n  "rules": { "secret/no-such-rule": "off", },\n}\n', 'utf8'),
    );
    const doc = await vscode.workspace.openTextDocument(configFile());
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'jsonc');
    // VS Code's own JSON language features report what the schema forbids; comments and the
    // trailing comma are not among them.
    const problems = await waitFor(
      'schema diagnostics on .mamori.json',
      () => {
        const ds = vscode.languages.getDiagnostics(configFile()).filter((d) => d.source !== 'Mamori');
        return ds.some((d) => d.message.includes('secret/no-such-rule')) && ds.some((d) => d.range.start.line === 2) ? ds : undefined;
      },
      30_000,
    );
    assert.ok(!problems.some((d) => /comment|trailing/i.test(d.message)), problems.map((d) => d.message).join('; '));
    await closeAllEditors();
    await vscode.workspace.fs.delete(configFile(), { useTrash: false });
  });

  it('gives the same findings as the CLI on the same tree', async () => {
    await vscode.workspace.fs.writeFile(configFile(), Buffer.from(PROJECT_FILE, 'utf8'));
    await closeAllEditors();
    // The workspace scan reads the files on disk, as the CLI does.
    await vscode.commands.executeCommand('mamori.scanWorkspace');
    const root = workspaceRoot();
    const editor = new Set<string>();
    for (const [uri] of vscode.languages.getDiagnostics()) {
      if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) continue;
      for (const d of mamoriDiagnostics(uri)) editor.add(`${path.posix.relative(root.path, uri.path)}:${d.range.start.line + 1}:${String(codeValue(d))}`);
    }

    // The CLI, run at the folder's root as CI would, reads the same .mamori.json.
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'scan', '--format', 'json'], {
      cwd: root.fsPath,
      encoding: 'utf8',
      // In a desktop VS Code the extension host is Electron: run it as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      timeout: 60_000,
    });
    assert.ok(cli.status === 0 || cli.status === 1, `the CLI failed (${cli.status}): ${cli.stderr}`);
    const report = JSON.parse(cli.stdout) as { findings: { path: string; line: number; ruleId: string }[] };
    const fromCli = new Set(report.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}`));

    assert.ok(fromCli.size > 0, 'the CLI found nothing: the comparison would prove nothing');
    assert.ok(![...fromCli].some((k) => k.endsWith(':secret/github-token')), 'the CLI did not apply .mamori.json');
    assert.deepEqual([...editor].sort(), [...fromCli].sort());
  });
});
