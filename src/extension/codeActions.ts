import * as vscode from 'vscode';
import { GUIDELINES, primaryUrl } from '../core/guidelines/catalog';
import { fixTitle, guidelineLabel } from '../core/messages';
import type { Finding } from '../core/types';
import { ruleIdOf } from './convert';
import { displayLang } from './lang';
import type { FindingStore } from './state';

/**
 * The code actions of each Mamori diagnostic: the rule's fixes (preferred only when the
 * engine marks them safe to apply blind) and a link to the guideline. Actions are found by
 * the diagnostic's code and range, never by its message.
 */
export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly store: FindingStore) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.store.get(doc.uri);
    if (!entry || entry.version !== doc.version) return [];
    const lang = displayLang();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = entry.findings.find(
        (f) => f.ruleId === ruleId && doc.positionAt(f.range[0]).isEqual(diagnostic.range.start) && doc.positionAt(f.range[1]).isEqual(diagnostic.range.end),
      );
      if (!finding) continue;
      for (const fix of finding.fixes ?? []) {
        const action = new vscode.CodeAction(`Mamori: ${fixTitle(finding, fix, lang)}`, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.safe;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.newText);
        action.edit = edit;
        actions.push(action);
      }
      const open = openGuidelineAction(finding, lang);
      if (open) {
        open.diagnostics = [diagnostic];
        actions.push(open);
      }
    }
    return actions;
  }
}

function openGuidelineAction(finding: Finding, lang: 'en' | 'ja'): vscode.CodeAction | undefined {
  const url = primaryUrl(finding.guidelines);
  const g = finding.guidelines.map((id) => GUIDELINES[id]).find((x) => x?.url === url);
  if (!url || !g) return undefined;
  const action = new vscode.CodeAction(`Mamori: ${fixTitle(finding, { titleId: 'fix.openGuideline', data: { title: guidelineLabel(g, lang) } }, lang)}`, vscode.CodeActionKind.QuickFix);
  action.command = { command: 'mamori.openGuideline', title: action.title, arguments: [url] };
  return action;
}
