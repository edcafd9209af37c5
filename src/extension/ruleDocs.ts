import * as vscode from 'vscode';
import { engine } from './facade';
import { displayLang } from './lang';

/** Rule pages, rendered offline from the engine's own rule metadata (`mamori-rule:` URIs). */
export const RULE_SCHEME = 'mamori-rule';

export class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    return engine().ruleMarkdown(id, displayLang()) ?? `# ${id}\n`;
  }
}

/** Opens a rule's documentation page in the Markdown preview (or as text without one). */
export async function showRule(ruleId: unknown): Promise<boolean> {
  if (typeof ruleId !== 'string' || !engine().ruleById(ruleId)) return false;
  const uri = vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${ruleId}.md` });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
  return true;
}
