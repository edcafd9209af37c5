import type * as vscode from 'vscode';
import type { Finding } from './facade';

/**
 * What the extension knows about each file: the findings behind its diagnostics, in offsets
 * of the text they were computed on, and their ranges in that text. Code actions, hovers,
 * the findings view and reports read from here, and look findings up by the diagnostic's
 * code and range, never by message text.
 */
export interface FileFindings {
  uri: vscode.Uri;
  /** Document version the findings belong to; undefined for a workspace scan of the file on disk. */
  version: number | undefined;
  findings: Finding[];
  /** `ranges[i]` is where `findings[i]` sits. */
  ranges: vscode.Range[];
}

export class FindingStore {
  private readonly byUri = new Map<string, FileFindings>();
  private readonly listeners = new Set<() => void>();
  private pending: NodeJS.Timeout | undefined;

  set(value: FileFindings): void {
    this.byUri.set(value.uri.toString(), value);
    this.changed();
  }

  get(uri: vscode.Uri): FileFindings | undefined {
    return this.byUri.get(uri.toString());
  }

  delete(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed();
  }

  /** Every file with findings. */
  all(): FileFindings[] {
    return [...this.byUri.values()].filter((f) => f.findings.length > 0);
  }

  /** Subscribes to changes (coalesced, so a workspace scan does not repaint per file). */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      for (const l of this.listeners) l();
    }, 50);
  }
}
