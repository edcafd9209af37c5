/**
 * The code-action menu of a Mamori diagnostic, exercised through VS Code's own command
 * (vscode.executeCodeActionProvider) and applied as a WorkspaceEdit, as the lightbulb does:
 * a fix changes the text and the diagnostic goes away; a suppression inserts a directive and
 * the diagnostic goes away; export writes a report.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeValue, fixtureUri, mamoriDiagnostics, openInEditor, waitForActivation, waitForDiagnostics, waitForRule } from './helpers';

const COMPOSE = 'deploy/docker-compose.yml';
const RULE = 'exposure/compose-db-port-public';

/** The code actions VS Code offers for a range; retried only on the documented "Canceled". */
async function actionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    } catch (error) {
      if (attempt >= 20 || !/Canceled/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
}

describe('code actions', () => {
  before(async () => {
    await waitForActivation();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('offers a predictable menu: fixes first, then fix-all, suppressions, guideline', async () => {
    const editor = await openInEditor(COMPOSE);
    const d = await waitForRule(editor.document.uri, RULE);
    const titles = (await actionsAt(editor.document.uri, d.range)).filter((a) => a.title.startsWith('Mamori')).map((a) => a.title);
    const at = (re: RegExp) => titles.findIndex((t) => re.test(t));
    const fix = at(/127\.0\.0\.1/);
    const fixAll = at(/Fix all|すべて修正/);
    const line = at(/for this line|この行/);
    const file = at(/for this file|このファイル/);
    const guide = at(/guideline|ガイドライン/i);
    assert.ok(fix >= 0 && line >= 0 && file >= 0 && guide >= 0, `menu: ${titles.join(' | ')}`);
    assert.ok(fix < line && line < file && file < guide, `order: ${titles.join(' | ')}`);
    assert.ok(fixAll > fix && fixAll < line, `fix-all position: ${titles.join(' | ')}`);
  });

  it('a quick fix changes the text and the diagnostic goes away; undo brings it back', async () => {
    const editor = await openInEditor(COMPOSE);
    const uri = editor.document.uri;
    const d = await waitForRule(uri, RULE);
    const line = d.range.start.line;
    const fix = (await actionsAt(uri, d.range)).find((a) => /127\.0\.0\.1/.test(a.title));
    assert.ok(fix, 'no loopback fix offered');
    assert.equal(fix.isPreferred, true, 'binding to loopback is safe to apply blind');
    await apply(fix);
    assert.match(editor.document.lineAt(line).text, /"127\.0\.0\.1:5432:5432"/);
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeValue(x) === RULE && x.range.start.line === line), 'the fixed port to lose its diagnostic');
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.lineAt(line).text, /"5432:5432"/);
    await waitForDiagnostics(uri, (ds) => ds.some((x) => codeValue(x) === RULE && x.range.start.line === line), 'the diagnostic to return after undo');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the suppress-line action inserts a directive and the diagnostic goes away', async () => {
    const editor = await openInEditor(COMPOSE);
    const uri = editor.document.uri;
    const d = await waitForRule(uri, RULE);
    const before = mamoriDiagnostics(uri).filter((x) => codeValue(x) === RULE).length;
    const suppress = (await actionsAt(uri, d.range)).find((a) => /for this line|この行/.test(a.title));
    assert.ok(suppress);
    await apply(suppress);
    assert.match(editor.document.lineAt(d.range.start.line).text, /^\s+# mamori-ignore-next-line exposure\/compose-db-port-public$/);
    await waitForDiagnostics(uri, (ds) => ds.filter((x) => codeValue(x) === RULE).length === before - 1, 'one fewer diagnostic after suppressing');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('source.fixAll.mamori applies every safe fix in the file', async () => {
    const editor = await openInEditor(COMPOSE);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.filter((x) => codeValue(x) === RULE).length === 2, 'two published ports');
    const [all] = await actionsAt(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'source.fixAll.mamori');
    assert.ok(all, 'no fix-all source action');
    await apply(all);
    assert.match(editor.document.getText(), /"127\.0\.0\.1:5432:5432"[\s\S]*"127\.0\.0\.1:6379:6379"/);
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeValue(x) === RULE), 'no published-port diagnostics');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('the environment-variable fix rewrites the literal, lists it in .env.example and git-ignores .env', async () => {
    const editor = await openInEditor('src/config.js');
    const uri = editor.document.uri;
    const d = await waitForRule(uri, 'secret/github-token');
    const fix = (await actionsAt(uri, d.range)).find((a) => /environment variable|環境変数/.test(a.title));
    assert.ok(fix, 'no environment-variable fix');
    assert.notEqual(fix.isPreferred, true, 'moving a secret needs review: not preferred');
    const example = fixtureUri('.env.example');
    const gitignore = fixtureUri('.gitignore');
    try {
      await apply(fix);
      assert.match(editor.document.getText(), /token: process\.env\.TOKEN,/);
      await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeValue(x) === 'secret/github-token'), 'the token diagnostic to go');
      const read = async (u: vscode.Uri) => {
        const open = vscode.workspace.textDocuments.find((t) => t.uri.toString() === u.toString());
        return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
      };
      assert.match(await read(example), /^TOKEN=$/m);
      assert.match(await read(gitignore), /^\.env$/m);
    } finally {
      await closeAllEditors();
      for (const u of [example, gitignore]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
  });

  it('the hover links the rule documentation, which opens offline from the engine', async () => {
    const editor = await openInEditor(COMPOSE);
    const d = await waitForRule(editor.document.uri, RULE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, d.range.start);
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(md, /command:mamori\.showRule\?/);
    assert.equal(await vscode.commands.executeCommand<boolean>('mamori.showRule', RULE), true);
    const page = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'mamori-rule', path: `/${RULE}.md` }));
    assert.ok(page.getText().includes(`\`${RULE}\``));
    assert.match(page.getText(), /https:\/\/www\.ppc\.go\.jp\//);
  });

  it('Export Report writes Markdown, HTML and SARIF of the current findings', async () => {
    const editor = await openInEditor(COMPOSE);
    await waitForRule(editor.document.uri, RULE);
    for (const [format, check] of [
      ['markdown', (t: string) => t.includes(RULE) && /ppc\.go\.jp/.test(t)],
      ['html', (t: string) => t.startsWith('<!doctype html>') && t.includes(RULE)],
      ['sarif', (t: string) => (JSON.parse(t) as { version: string }).version === '2.1.0' && t.includes(RULE)],
    ] as const) {
      const target = fixtureUri(`out/report.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri>('mamori.exportReport', format, target);
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(check(text), `${format} report lacks the finding`);
    }
  });
});
