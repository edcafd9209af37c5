import * as vscode from 'vscode';
import { engine, type Finding } from './facade';
import { displayLang } from './lang';
import type { FindingStore } from './state';

/**
 * Explains a finding where the cursor rests: what was found, why it matters in the words of
 * the guideline, and where to read it.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: FindingStore) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(doc.uri);
    if (!entry || entry.version !== doc.version) return undefined;
    const offset = doc.offsetAt(position);
    const hits = entry.findings.filter((f) => f.range[0] <= offset && offset <= f.range[1]);
    if (hits.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    // Only Mamori's own rule page may be run from a hover link.
    md.isTrusted = { enabledCommands: ['mamori.showRule'] };
    hits.forEach((f, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      appendFinding(md, f);
    });
    const [start, end] = [Math.min(...hits.map((f) => f.range[0])), Math.max(...hits.map((f) => f.range[1]))];
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|]/g, (c) => `\\${c}`);
}

/** One finding in markdown. Shared with the findings view's tooltips. */
export function appendFinding(md: vscode.MarkdownString, f: Finding): void {
  const lang = displayLang();
  const { assessIncidents, dutySummary, findingGuidelines, findingIncident, findingMessage, guidelineLabelWithLevel, ruleById } = engine();
  const rule = ruleById(f.ruleId);
  md.appendMarkdown(`$(shield) **Mamori** · \`${f.ruleId}\` · ${vscode.l10n.t(f.severity)}\n\n`);
  md.appendMarkdown(`${escape(findingMessage(f, lang))}\n\n`);
  if (f.baseline === 'unchanged')
    md.appendMarkdown(
      `${escape(vscode.l10n.t("Known: the project's baseline records this finding, so mamori scan --baseline does not fail on it. It is still a finding: fix it when you can."))}\n\n`,
    );
  if (rule) md.appendMarkdown(`${escape(rule.description[lang])}\n\n`);
  if (rule) {
    md.appendMarkdown(`[${vscode.l10n.t('Rule documentation')}](command:mamori.showRule?${encodeURIComponent(JSON.stringify([f.ruleId]))})\n\n`);
  }
  // The organisation's own page, from .mamori.json (https only; never in Restricted Mode).
  if (f.guidance?.startsWith('https://'))
    md.appendMarkdown(`[${vscode.l10n.t("Your organisation's guidance")}](${f.guidance.replace(/[()\s]/g, encodeURIComponent)})\n\n`);
  const guidelines = findingGuidelines(f);
  if (guidelines.length > 0) {
    md.appendMarkdown(`**${vscode.l10n.t('Guidelines')}**\n\n`);
    for (const g of guidelines) {
      const label = `${escape(g.issuer[lang])} — ${escape(guidelineLabelWithLevel(g, lang))}`;
      md.appendMarkdown(`- ${g.url ? `[${label}](${g.url})` : label}: ${escape(g.summary[lang])}\n`);
    }
  }
  // Exposures and personal data in files: the reporting duty they may trigger, worked out in core.
  const incident = findingIncident(f);
  if (incident) {
    const [heading, ...lines] = dutySummary(assessIncidents([incident]), lang);
    const link = lines.pop() ?? '';
    md.appendMarkdown(`\n**${escape(heading.replace(/^── | ──$/g, ''))}**\n\n`);
    for (const l of lines) md.appendMarkdown(`${l.startsWith('  ') ? '    - ' : '- '}${escape(l.trim())}\n`);
    const url = link.slice(link.lastIndexOf(' ') + 1);
    if (url.startsWith('https://')) md.appendMarkdown(`\n[${escape(link.slice(0, link.lastIndexOf(' ')).replace(/[:：]$/, ''))}](${url})\n`);
  }
}
