import type * as vscode from 'vscode';
import type { Finding } from '../core/types';

/**
 * What the extension knows about each file: the findings behind its diagnostics, in offsets
 * of the text they were computed on. Code actions and hovers look findings up here by the
 * diagnostic's code and range, never by message text.
 */
export interface FileFindings {
  /** Document version the findings belong to; undefined for a workspace scan of the file on disk. */
  version: number | undefined;
  findings: Finding[];
}

export class FindingStore {
  private readonly byUri = new Map<string, FileFindings>();

  set(uri: vscode.Uri, value: FileFindings): void {
    this.byUri.set(uri.toString(), value);
  }

  get(uri: vscode.Uri): FileFindings | undefined {
    return this.byUri.get(uri.toString());
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  clear(): void {
    this.byUri.clear();
  }
}
