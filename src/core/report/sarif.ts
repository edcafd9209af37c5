import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { FINGERPRINT_VERSION } from '../fingerprint';
import { primaryUrl } from '../guidelines/catalog';
import { findingGuidelines, findingMessage, guidelineLabel, skipMessage, type Lang } from '../messages';
import { ruleById } from '../rules/index';
import type { Severity } from '../types';
import { ruleGuidanceHelp } from './guidance';
import type { ScanReport } from './model';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per Mamori rule that fired, with its category
 * and the primary guideline as helpUri; results relative to %SRCROOT%.
 */
export function formatSarif(report: ScanReport, lang: Lang): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const rule = ruleById(id);
    const guidelines = rule ? findingGuidelines(rule) : [];
    const help = guidelines.map((g) => `- ${guidelineLabel(g, lang)}${g.url ? ` <${g.url}>` : ''}`).join('\n');
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: rule?.title[lang] ?? id },
      fullDescription: { text: rule?.description[lang] ?? id },
      ...(rule && primaryUrl(rule.guidelines) ? { helpUri: primaryUrl(rule.guidelines) } : {}),
      help: { text: `${rule?.description[lang] ?? ''}\n\n${help}${ruleGuidanceHelp(report, id, lang)}`, markdown: `${rule?.description[lang] ?? ''}\n\n${help}${ruleGuidanceHelp(report, id, lang)}` },
      defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warning'] },
      properties: {
        category: rule?.category,
        tags: ['security', rule?.category ?? 'mamori'],
        precision: 'high',
        'security-severity': SECURITY_SEVERITY[rule?.severity ?? 'warning'],
        guidelines: rule?.guidelines ?? [],
      },
    };
  });
  const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: findingMessage(f, lang) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: isAbsolute(f.path) ? { uri: pathToFileURL(f.path).href } : { uri: encodeURI(f.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    // Stable across line moves and distinct per finding, never derived from the value (core/fingerprint).
    partialFingerprints: {
      [FINGERPRINT_VERSION]: f.fingerprint ?? createHash('sha256').update(`${f.ruleId}\u0000${f.path}\u0000${f.excerpt ?? f.messageId}\u0000${f.line}`).digest('hex').slice(0, 32),
    },
    properties: { category: f.category, guidelines: f.guidelines },
    // With --baseline: "unchanged" for a finding the baseline knows, "new" otherwise (core/baseline).
    ...(f.baseline ? { baselineState: f.baseline } : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Mamori',
            semanticVersion: report.version,
            version: report.version,
            informationUri: 'https://github.com/mamori-security/mamori',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.root.endsWith('/') ? report.root : `${report.root}/`).href } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.skipped.map((s) => ({
              level: s.reason === 'unreadable' || s.reason === 'changed' || s.reason === 'rule-error' || s.reason === 'scan-failed' ? 'error' : 'note',
              message: { text: `${s.path}: ${skipMessage(s, lang)}` },
              descriptor: { id: `skipped/${s.reason}` },
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
