import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { FINGERPRINT_VERSION } from '../fingerprint';
import { primaryUrl } from '../guidelines/catalog';
import { findingGuidelines, findingMessage, guidelineLabelWithLevel, skipMessage, type Lang } from '../messages';
import { ruleById } from '../rules/index';
import type { Severity } from '../types';
import { assessFindings } from '../reporting/duty';
import { dutyJson } from '../reporting/json';
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
    const help = guidelines.map((g) => `- ${guidelineLabelWithLevel(g, lang)}${g.url ? ` <${g.url}>` : ''}`).join('\n');
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
      // In a history scan the commit is part of it: the same line brought in by two commits is two results.
      [FINGERPRINT_VERSION]: withCommit(f.fingerprint ?? createHash('sha256').update(`${f.ruleId}\u0000${f.path}\u0000${f.excerpt ?? f.messageId}\u0000${f.line}`).digest('hex').slice(0, 32), f.commit?.hash),
    },
    properties: {
      category: f.category,
      guidelines: f.guidelines,
      // A history scan names the commit that brought the content in (see core/git/history.ts).
      ...(f.commit ? { commit: f.commit.hash, commitDate: f.commit.date, inHead: f.commit.inHead } : {}),
    },
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
        ...(report.history
          ? {
              versionControlProvenance: [
                {
                  repositoryUri: report.history.repositoryUri,
                  ...(report.history.head ? { revisionId: report.history.head } : {}),
                  ...(report.history.branch ? { branch: report.history.branch } : {}),
                  mappedTo: { uriBaseId: '%SRCROOT%' },
                },
              ],
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
        ...reportingProperties(report, lang),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** The reporting duty as run properties (SARIF 2.1.0 §3.8), when any finding is about personal data. */
function reportingProperties(report: ScanReport, lang: Lang): { properties?: { mamoriReporting: unknown } } {
  const duty = assessFindings(report.findings);
  return duty ? { properties: { mamoriReporting: dutyJson(duty, lang) } } : {};
}

/** A finding's fingerprint, made distinct per commit for a history scan's results. */
function withCommit(fingerprint: string, commit: string | undefined): string {
  return commit ? createHash('sha256').update(`${fingerprint}\u0000${commit}`).digest('hex').slice(0, 32) : fingerprint;
}
