import * as vscode from 'vscode';
import { detectFormat, engine, GUIDELINES, LineIndex, primaryUrl, suppressionEdit, type Finding, type Lang, type OtherFileEdit, type TextEdit } from './facade';
import { ruleIdOf } from './convert';
import { displayLang } from './lang';
import type { FindingStore } from './state';

/** `source.fixAll.mamori`, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('mamori');

/**
 * A predictable menu per Mamori diagnostic, in this order: the rule's fixes (preferred only
 * when the engine marks them safe to apply blind), fix all of this rule in the file,
 * suppress for this line, suppress for this file, open the guideline. Plus a fix-all source
 * action that applies only safe fixes. Findings are found by the diagnostic's code and
 * range, never by its message; every edit is a WorkspaceEdit, so undo works.
 */
export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: FindingStore) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const entry = this.store.get(doc.uri);
    if (!entry || entry.version !== doc.version) return [];
    const lang = displayLang();
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      // source.fixAll(.mamori), e.g. on save: only fixes that are safe to apply blind.
      if (!context.only.intersects(FIX_ALL_KIND)) return [];
      const all = fixAllAction(doc, entry.findings, (f) => f.fixes?.find((x) => x.safe)?.edits, vscode.l10n.t('Mamori: Fix all safe problems'), FIX_ALL_KIND);
      return all ? [all] : [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = entry.findings.find(
        (f) => f.ruleId === ruleId && doc.positionAt(f.range[0]).isEqual(diagnostic.range.start) && doc.positionAt(f.range[1]).isEqual(diagnostic.range.end),
      );
      if (!finding) continue;
      const add = (a: vscode.CodeAction | undefined) => {
        if (!a) return;
        a.diagnostics = [diagnostic];
        actions.push(a);
      };
      for (const fix of finding.fixes ?? []) {
        const a = editAction(doc, `Mamori: ${engine().fixTitle(finding, fix, lang)}`, fix.edits);
        a.isPreferred = fix.safe;
        if (fix.others?.length && a.edit) await addOtherFiles(a.edit, doc.uri, fix.others);
        add(a);
      }
      const sameRule = entry.findings.filter((f) => f.ruleId === ruleId && (f.fixes?.length ?? 0) > 0);
      if (sameRule.length > 1) {
        add(
          fixAllAction(
            doc,
            sameRule,
            (f) => f.fixes?.[0]?.edits,
            vscode.l10n.t('Mamori: Fix all {0} problems in this file', ruleId),
            vscode.CodeActionKind.QuickFix,
          ),
        );
      }
      add(suppressAction(doc, finding, 'next-line'));
      add(suppressAction(doc, finding, 'file'));
      add(openGuidelineAction(finding, lang));
    }
    return actions;
  }
}

function editAction(doc: vscode.TextDocument, title: string, edits: readonly TextEdit[], kind = vscode.CodeActionKind.QuickFix): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.newText);
  action.edit = edit;
  return action;
}

/** One action applying a fix of each finding; overlapping edits are dropped, not merged. */
function fixAllAction(
  doc: vscode.TextDocument,
  findings: readonly Finding[],
  pick: (f: Finding) => readonly TextEdit[] | undefined,
  title: string,
  kind: vscode.CodeActionKind,
): vscode.CodeAction | undefined {
  const edits: TextEdit[] = [];
  let lastEnd = -1;
  const chosen = findings.map(pick).filter((e): e is readonly TextEdit[] => !!e && e.length > 0);
  const flat = chosen.flat().sort((a, b) => a.range[0] - b.range[0]);
  for (const e of flat) {
    if (e.range[0] < lastEnd) continue;
    edits.push(e);
    lastEnd = e.range[1];
  }
  return edits.length > 0 ? editAction(doc, title, edits, kind) : undefined;
}

/**
 * With a secret moved to an environment variable, the variable is listed (empty) in the
 * folder's `.env.example` and `.env` is git-ignored, in the same undoable edit.
 */
/** Adds a fix's changes to other files of the workspace folder (see OtherFileEdit) to its edit. */
async function addOtherFiles(edit: vscode.WorkspaceEdit, uri: vscode.Uri, others: readonly OtherFileEdit[]): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (!folder) return;
  const update = async (file: vscode.Uri, next: (text: string | undefined) => string) => {
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      text = undefined;
    }
    const updated = next(text);
    if (text === undefined) {
      // Created empty, then filled: file contents do not survive the trip through the
      // code-action API, text edits do.
      edit.createFile(file, { ignoreIfExists: true });
      edit.insert(file, new vscode.Position(0, 0), updated);
    } else if (updated !== text) {
      // Only ever appended to: insert the tail at the end of the file.
      const end = new LineIndex(text).positionAt(text.length);
      edit.insert(file, new vscode.Position(end.line, end.character), updated.slice(text.length));
    }
  };
  const { otherFileText } = engine();
  for (const o of others) {
    // A path that climbs out of the folder is never followed (a fix is data from the engine).
    if (o.path.split(/[\\/]/).some((part) => part === '..' || part === '')) continue;
    await update(vscode.Uri.joinPath(folder, ...o.path.split('/')), (t) => otherFileText(o, t));
  }
}

function suppressAction(doc: vscode.TextDocument, finding: Finding, kind: 'next-line' | 'file'): vscode.CodeAction | undefined {
  const text = doc.getText();
  const edit = suppressionEdit(text, detectFormat(doc.uri.path, text), finding, kind, doc.languageId === 'jsonc');
  if (!edit) return undefined;
  const title =
    kind === 'next-line'
      ? vscode.l10n.t('Mamori: Suppress {0} for this line', finding.ruleId)
      : vscode.l10n.t('Mamori: Suppress {0} for this file', finding.ruleId);
  return editAction(doc, title, [edit]);
}

function openGuidelineAction(finding: Finding, lang: Lang): vscode.CodeAction | undefined {
  const url = primaryUrl(finding.guidelines);
  const g = finding.guidelines.map((id) => GUIDELINES[id]).find((x) => x?.url === url);
  if (!url || !g) return undefined;
  const action = new vscode.CodeAction(
    `Mamori: ${engine().fixTitle(finding, { titleId: 'fix.openGuideline', data: { title: engine().guidelineLabel(g, lang) } }, lang)}`,
    vscode.CodeActionKind.QuickFix,
  );
  action.command = { command: 'mamori.openGuideline', title: action.title, arguments: [url] };
  return action;
}
