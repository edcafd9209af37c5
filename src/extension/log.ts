import * as vscode from 'vscode';

/** The log output channel ("Mamori" in the Output panel); level set by the user. */
export type Logger = vscode.LogOutputChannel;

export function createLogger(): Logger {
  return vscode.window.createOutputChannel('Mamori', { log: true });
}
