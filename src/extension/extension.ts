import * as vscode from 'vscode';
import { FindingCodeActionProvider } from './codeActions';
import { DocumentScanner } from './documentScanner';
import { FindingHoverProvider } from './hover';
import { createLogger } from './log';
import { FindingStore } from './state';
import { WorkspaceScanner, type WorkspaceScanSummary } from './workspaceScan';

/** Activation stays cheap: wire listeners, then scan what is already open. */
export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const log = createLogger();
  const collection = vscode.languages.createDiagnosticCollection('mamori');
  const store = new FindingStore();
  const documents = new DocumentScanner(collection, store, log);
  const workspace = new WorkspaceScanner(collection, store, documents, log);
  const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

  context.subscriptions.push(
    log,
    collection,
    documents,
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
    vscode.commands.registerCommand('mamori.showLog', () => log.show()),
    vscode.commands.registerCommand('mamori.openGuideline', (url: unknown) => {
      // Only catalog links reach here, but never open anything that is not https.
      if (typeof url === 'string' && url.startsWith('https://')) return vscode.env.openExternal(vscode.Uri.parse(url));
      return false;
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('mamori')) documents.rescanOpen();
    }),
  );

  documents.rescanOpen();
  log.info(`Mamori activated in ${Date.now() - started} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
