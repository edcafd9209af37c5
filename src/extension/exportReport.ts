import * as vscode from 'vscode';
import { engine, VERSION, writeFileAtomic, type LocatedFinding, type ScanReport } from './facade';
import { displayLang } from './lang';
import type { FileFindings, FindingStore } from './state';

export type ReportFormat = 'sarif' | 'markdown' | 'html';

const EXTENSION: Record<ReportFormat, string> = { sarif: 'sarif', markdown: 'md', html: 'html' };

/** The current findings as a scan report, with paths relative to the first workspace folder. */
export function currentReport(store: FindingStore): ScanReport {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const findings: LocatedFinding[] = [];
  for (const file of store.all()) {
    const rel = folder ? vscode.workspace.asRelativePath(file.uri, false) : file.uri.fsPath;
    const prints = fingerprintsOf(file, rel);
    file.findings.forEach((f, i) => {
      const r = file.ranges[i];
      const fingerprint = prints?.[i] ?? (f as Partial<LocatedFinding>).fingerprint;
      findings.push({
        ...f,
        path: rel,
        line: r.start.line + 1,
        column: r.start.character + 1,
        endLine: r.end.line + 1,
        endColumn: r.end.character + 1,
        ...(fingerprint ? { fingerprint } : {}),
      });
    });
  }
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return { version: VERSION, root: folder?.uri.fsPath ?? '', filesScanned: store.all().length, findings, skipped: [] };
}

/**
 * Fingerprints of an open document's findings, from the text they were computed on (the same
 * identity the CLI gives them). A workspace scan's findings carry theirs already.
 */
function fingerprintsOf(file: FileFindings, rel: string): string[] | undefined {
  if (file.version === undefined) return undefined;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.uri.toString() && d.version === file.version);
  if (!doc) return undefined;
  const text = doc.getText();
  const { fingerprintFindings, LineIndex } = engine();
  return fingerprintFindings(file.findings, text, new LineIndex(text), rel);
}

/**
 * "Mamori: Export Report": SARIF for code scanning, or a Markdown/HTML review document grouped
 * by guideline in the display language. Arguments let tasks and tests skip the pickers.
 */
export async function exportReport(store: FindingStore, format?: ReportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Markdown', description: vscode.l10n.t('Review document grouped by guideline'), format: 'markdown' as const },
          { label: 'HTML', description: vscode.l10n.t('Review document grouped by guideline'), format: 'html' as const },
          { label: 'SARIF 2.1.0', description: vscode.l10n.t('For GitHub code scanning and other tools'), format: 'sarif' as const },
        ],
        { title: vscode.l10n.t('Mamori: Export Report'), placeHolder: vscode.l10n.t('Choose a report format') },
      )
    )?.format;
  if (!picked) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `mamori-report.${EXTENSION[picked]}`) : undefined,
      filters: { [picked.toUpperCase()]: [EXTENSION[picked]] },
    }));
  if (!uri) return undefined;
  const report = currentReport(store);
  const lang = displayLang();
  const { formatHtml, formatMarkdown, formatSarif } = engine();
  const body = picked === 'sarif' ? formatSarif(report, lang) : picked === 'html' ? formatHtml(report, lang) : formatMarkdown(report, lang);
  // On disk: a temporary file beside it, renamed over it, so a crash or a full disk leaves the
  // previous report whole. Elsewhere (a remote or virtual file system): VS Code's own write.
  if (uri.scheme === 'file') writeFileAtomic(uri.fsPath, body);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(body));
  return uri;
}
