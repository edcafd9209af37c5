/**
 * Shared helpers of the integration suite, which runs inside a real VS Code extension host
 * (code-server in test/e2e/run-e2e.sh, or desktop VS Code through test/electron/runTest.ts)
 * against the fixture workspace test/fixtures/e2e-workspace.
 *
 * Every wait here is on an event or a poll with a deadline, never a fixed sleep: a test that
 * waits for diagnostics fails when they stop appearing.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GUIDELINES, ruleById, type Guideline } from '../../src/core';

export const EXTENSION_ID = 'mamori-security.mamori';
export const SOURCE = 'Mamori';

/** The repository root: this bundle lives in <root>/dist/test/integration. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Planted fake secrets of the fixture workspace. */
export const SLACK_TOKEN = 'xoxb-2948573910-4827361920-aK8mP2xQ9vL3nR7tW5yZ1cB4';
export const GITHUB_TOKEN = 'ghp_8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E';
export const NOTIFY_TOKEN = 'xoxp-5820394817-7392018465-8301746529-f3a9c1e7b5d2f4a6c8e0b1d3f5a7c9e2';

/** Default deadline of a wait: generous for a cold CI machine, short enough to fail fast. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Hiragana, katakana or CJK ideographs. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

export function hasJapanese(text: string): boolean {
  return JAPANESE.test(text);
}

/** The locale the harness started VS Code with ("en" unless told otherwise). */
export function expectedLocale(): string {
  return process.env.MAMORI_E2E_LOCALE ?? 'en';
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace must be open');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function mamoriDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Polls `probe` until it returns a value other than undefined, or throws at the deadline. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Resolves with Mamori's diagnostics of `uri` once `accept` holds for them: checked now and on
 * every onDidChangeDiagnostics event for that uri, with a deadline.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = mamoriDiagnostics(uri);
      if (!accept(current)) return false;
      done();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const got = mamoriDiagnostics(uri).map((d) => `${codeValue(d)} @${d.range.start.line + 1}:${d.range.start.character + 1}`);
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; Mamori diagnostics now: [${got.join(', ')}]`,
        ),
      );
    }, timeoutMs);
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Waits until `uri` has at least one Mamori diagnostic with rule `ruleId`. */
export async function waitForRule(uri: vscode.Uri, ruleId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeValue(d) === ruleId), `a ${ruleId} diagnostic`, timeoutMs);
  const found = diagnostics.find((d) => codeValue(d) === ruleId);
  assert.ok(found);
  return found;
}

/** Waits until `uri` has no Mamori diagnostics. */
export async function waitForNoDiagnostics(uri: vscode.Uri, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await waitForDiagnostics(uri, (ds) => ds.length === 0, what, timeoutMs);
}

export function codeValue(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function codeTarget(d: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof d.code === 'object' ? d.code.target : undefined;
}

/** The catalog entries a rule cites, in order (the first is the primary guideline). */
export function ruleGuidelines(ruleId: string): Guideline[] {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is not in the engine's rule list`);
  return rule.guidelines.map((id) => GUIDELINES[id]).filter((g): g is Guideline => g !== undefined);
}

/** Waits for Mamori to be active, without activating it: activation must come from its own events. */
export async function waitForActivation(timeoutMs = 60_000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  await waitFor(`${EXTENSION_ID} to activate on its own`, () => (ext.isActive ? true : undefined), timeoutMs);
  return ext;
}

/**
 * Opens a fixture file in an editor the way the workbench does (not through
 * workspace.openTextDocument, which keeps the document alive for minutes after it is closed).
 */
export async function openInEditor(relative: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(relative);
  await vscode.commands.executeCommand('vscode.open', uri);
  return waitFor(`an editor for ${relative}`, () => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.toString() === uri.toString() ? editor : undefined;
  });
}

/** Reverts and closes every editor, so each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  // Right after start the workbench may be opening an editor of its own (in one CI run, the user
  // settings file, in the Japanese instance): an open or a close of ours then fails with
  // "another editor opened in the meantime". Doing it again, once that editor is open, settles it.
  for (let attempt = 1; ; attempt++) {
    try {
      await revertAndCloseAll();
      return;
    } catch (error) {
      if (attempt >= 3 || !/opened in the meantime/i.test(String(error))) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

async function revertAndCloseAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    // Only the test's own files: the workbench's own settings file is not ours to revert.
    if (doc.isDirty && doc.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(doc.uri)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Replaces the first occurrence of `search` in the document. */
export async function replaceText(doc: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = doc.getText().indexOf(search);
  assert.ok(offset >= 0, `${JSON.stringify(search.slice(0, 8))}… not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + search.length)), replacement);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not applied');
}

/** The range of the first occurrence of `search` in the document. */
export function rangeOf(doc: vscode.TextDocument, search: string): vscode.Range {
  const offset = doc.getText().indexOf(search);
  assert.ok(offset >= 0, 'text not found in the document');
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + search.length));
}

/** Markdown of a hover as plain text: backslash escapes removed so titles compare as written. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!~|<>])/g, '$1');
}

/** The hover's text at `position`, once it names `url`. */
export async function hoverNaming(uri: vscode.Uri, position: vscode.Position, url: string): Promise<string> {
  let last = '';
  try {
    return await waitFor(`a hover naming ${url}`, async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
      last = hoverText(hovers ?? []);
      return last.includes(url) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${String(error)}; hover text was: ${JSON.stringify(last.slice(0, 400))}`);
  }
}

/** Asserts a diagnostic message is non-empty and never spells out `secret` in full. */
export function assertMasked(message: string, secret: string): void {
  assert.ok(message.trim().length > 0, 'the message is empty');
  assert.ok(!message.includes(secret), 'the message contains the full secret');
  // A long enough tail of the secret would leak it too.
  assert.ok(!message.includes(secret.slice(-16)), 'the message contains the end of the secret');
}
