import * as vscode from 'vscode';
import { langFromLocale, type Lang } from './facade';

/** The engine language that matches VS Code's display language. */
export function displayLang(): Lang {
  return langFromLocale(vscode.env.language);
}
