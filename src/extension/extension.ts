import * as vscode from 'vscode';
import { GUIDELINES } from './facade';
import { FindingCodeActionProvider } from './codeActions';
import { DocumentScanner } from './documentScanner';
import { exportReport, type ReportFormat } from './exportReport';
import { FindingsStatus, FindingsView } from './findingsView';
import { FindingHoverProvider } from './hover';
import { RULE_SCHEME, RuleDocsProvider, showRule } from './ruleDocs';
import { createLogger } from './log';
import { ProjectConfigs } from './projectConfig';
import { FindingStore } from './state';
import { WorkspaceScanner, type WorkspaceScanSummary } from './workspaceScan';

/** Activation stays cheap: wire listeners, then scan what is already open. */
export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const log = createLogger();
  const collection = vscode.languages.createDiagnosticCollection('mamori');
  const store = new FindingStore();
  const projects = new ProjectConfigs(log);
  const documents = new DocumentScanner(collection, store, log, projects);
  const workspace = new WorkspaceScanner(collection, store, documents, log);
  const view = new FindingsView(store);
  const status = new FindingsStatus(store);
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

  context.subscriptions.push(
    log,
    projects,
    // A .mamori.json created, changed or deleted at a folder's root: open documents again.
    projects.onDidChange(() => documents.rescanOpen()),
    collection,
    documents,
    workspace,
    vscode.languages.registerHoverProvider(selector, new FindingHoverProvider(store)),
    vscode.languages.registerCodeActionsProvider(selector, new FindingCodeActionProvider(store), FindingCodeActionProvider.metadata),
    vscode.commands.registerCommand('mamori.scanWorkspace', async (): Promise<WorkspaceScanSummary> => {
      const summary = await workspace.run();
      if (!summary.cancelled) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Mamori: {0} files scanned, {1} findings, {2} skipped.', summary.filesScanned, summary.findings, summary.skipped),
        );
      }
      return summary;
    }),
    status,
    store.onDidChange(() => {
      view.refresh();
      status.update();
    }),
    vscode.window.createTreeView('mamori.findings', { treeDataProvider: view, showCollapseAll: true }),
    vscode.commands.registerCommand('mamori.showFindings', () => vscode.commands.executeCommand('mamori.findings.focus')),
    vscode.commands.registerCommand('mamori.exportReport', async (format?: ReportFormat, target?: vscode.Uri) => {
      const uri = await exportReport(store, format, target);
      if (uri && !target) {
        const open = vscode.l10n.t('Open');
        if ((await vscode.window.showInformationMessage(vscode.l10n.t('Mamori: report written to {0}', vscode.workspace.asRelativePath(uri)), open)) === open) {
          await vscode.commands.executeCommand('vscode.open', uri);
        }
      }
      return uri;
    }),
    vscode.commands.registerCommand('mamori.showLog', () => log.show()),
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, new RuleDocsProvider()),
    vscode.commands.registerCommand('mamori.showRule', (ruleId: unknown) => showRule(ruleId)),
    vscode.commands.registerCommand('mamori.openGuideline', (arg: unknown) => {
      // From a code action (a URL) or the findings view (a guideline node with an id).
      const url = typeof arg === 'string' ? arg : guidelineUrlOf(arg);
      // Only catalog links reach here, but never open anything that is not https.
      if (url?.startsWith('https://')) return vscode.env.openExternal(vscode.Uri.parse(url));
      return false;
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mamori')) documents.rescanOpen();
    }),
    // Trusted now: the workspace's own settings apply from here on.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      status.update();
      documents.rescanOpen();
    }),
  );

  // The first scan loads the engine (engine() in facade/index.ts): after activation, not as part of it.
  const initial = setTimeout(() => documents.rescanOpen(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(initial) });
  log.info(`Mamori activated in ${Date.now() - started} ms`);
}

function guidelineUrlOf(node: unknown): string | undefined {
  const id = (node as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? GUIDELINES[id]?.url : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
