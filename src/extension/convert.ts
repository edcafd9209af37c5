import * as vscode from 'vscode';
import { engine, primaryUrl, type Finding, type Lang, type Severity } from './facade';
import type { KnownFindings } from './settings';

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

/**
 * A finding as a diagnostic whose code links to its primary guideline. A finding the project's
 * baseline already records says so, and is a hint unless `known` asks for its own severity.
 */
export function toDiagnostic(finding: Finding, rangeOf: RangeOf, lang: Lang, known: KnownFindings = 'hint'): vscode.Diagnostic {
  const message = engine().findingMessage(finding, lang);
  const isKnown = finding.baseline === 'unchanged';
  const d = new vscode.Diagnostic(
    rangeOf(finding.range),
    isKnown ? vscode.l10n.t('{0} (known: recorded in the project baseline)', message) : message,
    isKnown && known === 'hint' ? vscode.DiagnosticSeverity.Hint : SEVERITY[finding.severity],
  );
  d.source = DIAGNOSTIC_SOURCE;
  const url = primaryUrl(finding.guidelines);
  d.code = url ? { value: finding.ruleId, target: vscode.Uri.parse(url) } : finding.ruleId;
  return d;
}

/** The code of the diagnostic that says a rule failed on a file (not a finding: no fixes, no hover). */
export const RULE_ERROR_CODE = 'mamori.rule-error';

/**
 * A warning at the top of a file on which a rule threw: its findings there may be missing,
 * which a user must see in the editor, not only in the log. `detail` is the engine's
 * "<rule id>: <message>" (already masked); the message stays in the log.
 */
export function ruleErrorDiagnostic(detail: string | undefined): vscode.Diagnostic {
  const text = detail ?? '';
  const cut = text.indexOf(': ');
  const ruleId = cut > 0 ? text.slice(0, cut) : text || '?';
  const d = new vscode.Diagnostic(
    new vscode.Range(0, 0, 0, 0),
    vscode.l10n.t(
      'Mamori: the rule {0} failed on this file, so findings it would report here may be missing. The other rules ran. The Mamori output log has the details.',
      ruleId,
    ),
    vscode.DiagnosticSeverity.Warning,
  );
  d.source = DIAGNOSTIC_SOURCE;
  d.code = RULE_ERROR_CODE;
  return d;
}

/** The rule id of a Mamori diagnostic, or undefined for other sources. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
