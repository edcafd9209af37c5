import * as vscode from 'vscode';
import { primaryUrl } from '../core/guidelines/catalog';
import type { Lang } from '../core/lang';
import type { Finding, Severity } from '../core/types';
import { engine } from './engine';

export const DIAGNOSTIC_SOURCE = 'Mamori';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Maps a text offset range to a VS Code range with a converter of the text it came from. */
export type RangeOf = (range: readonly [number, number]) => vscode.Range;

/** The range converter of an open document. */
export function documentRanges(doc: vscode.TextDocument): RangeOf {
  return ([s, e]) => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
}

/** A finding as a diagnostic whose code links to its primary guideline. */
export function toDiagnostic(finding: Finding, rangeOf: RangeOf, lang: Lang): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(finding.range), engine().findingMessage(finding, lang), SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  const url = primaryUrl(finding.guidelines);
  d.code = url ? { value: finding.ruleId, target: vscode.Uri.parse(url) } : finding.ruleId;
  return d;
}

/** The rule id of a Mamori diagnostic, or undefined for other sources. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
