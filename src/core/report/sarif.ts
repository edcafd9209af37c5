import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { FINGERPRINT_VERSION } from '../fingerprint';
import { findingMessage, skipMessage, type Lang } from '../messages';
import { RULES, ruleById } from '../rules/index';
import { findingSecuritySeverity } from '../rules/risk';
import type { Severity } from '../types';
import type { ScanReport } from './model';
import { LEVEL, sarifRule, unknownRule } from './sarif-rules';

/** What a SARIF log says about its run besides the report. */
export interface SarifOptions {
  /**
   * `automationDetails.id`'s category: code scanning keeps one set of alerts per category, so
   * two jobs that scan different folders of one repository need different ones.
   */
  category?: string;
  /**
   * The whole `automationDetails` object, in place of the category: Azure DevOps Advanced
   * Security wants its pipeline's build and phase there (see cli/ci-env).
   */
  automationDetails?: { id: string; properties?: Record<string, string> };
}

/** A result's own `security-severity` when its rule reported it below the rule's default severity. */
function findingScore(ruleId: string, severity: Severity): { 'security-severity'?: string } {
  const rule = ruleById(ruleId);
  const score = rule ? findingSecuritySeverity(rule, severity) : undefined;
  return score !== undefined ? { 'security-severity': score.toFixed(1) } : {};
}

/** The category when none is given. */
export const DEFAULT_SARIF_CATEGORY = 'mamori';

/**
 * SARIF 2.1.0 for GitHub code scanning and Azure DevOps Advanced Security: every Mamori rule in
 * `tool.driver.rules` (a stable list, whatever fired), with its risk, precision, CWE tags and
 * help (see sarif-rules); results relative to %SRCROOT%, the report's root.
 */
export function formatSarif(report: ScanReport, lang: Lang, options: SarifOptions = {}): string {
  const extra = [...new Set(report.findings.map((f) => f.ruleId))].filter((id) => !ruleById(id)).sort();
  const rules = [...RULES.map((r) => sarifRule(r, lang)), ...extra.map(unknownRule)];
  const index = new Map([...RULES.map((r) => r.id), ...extra].map((id, i) => [id, i]));
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
    properties: { category: f.category, guidelines: f.guidelines, ...findingScore(f.ruleId, f.severity) },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Mamori',
            fullName: `Mamori ${report.version}`,
            organization: 'Mamori contributors',
            semanticVersion: report.version,
            version: report.version,
            informationUri: 'https://github.com/mamori-security/mamori',
            rules,
          },
        },
        // The category, then a trailing slash: no instance id, so each run replaces the last one's alerts.
        automationDetails: options.automationDetails ?? { id: `${options.category ?? DEFAULT_SARIF_CATEGORY}/` },
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
