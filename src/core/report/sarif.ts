import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { FINGERPRINT_VERSION } from '../fingerprint';
import { redact } from '../mask';
import { findingMessage, fixTitle, skipMessage, type Lang } from '../messages';
import { RULES, ruleById } from '../rules/index';
import { findingSecuritySeverity } from '../rules/risk';
import type { Severity } from '../types';
import { assessFindings } from '../reporting/duty';
import { dutyJson } from '../reporting/json';
import { ruleGuidanceHelp } from './guidance';
import type { LocatedFinding, ScanReport } from './model';
import { jsonChunks, JsonStream } from './json-stream';
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

/** A report path as a SARIF artifact location: relative to %SRCROOT%, or a file URL when absolute. */
function artifactLocation(p: string): { uri: string; uriBaseId?: string } {
  const absolute = p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
  return absolute ? { uri: pathToFileURL(p).href } : { uri: encodeURI(p), uriBaseId: '%SRCROOT%' };
}

/**
 * A finding's fixes as SARIF `fixes`: the edits of the file the finding is in, which a SARIF
 * viewer can apply. Left out: fixes of a finding in history (the file may no longer hold those
 * lines), edits of other files (`.env.example`, `.gitignore`: their text is not at hand here),
 * and any fix whose inserted text the masking step would change (it never carries a value, and
 * this keeps it so).
 */
function sarifFixes(f: LocatedFinding, lang: Lang): { fixes?: unknown[] } {
  if (f.commit || !f.fixes) return {};
  const uri = artifactLocation(f.path);
  const fixes = f.fixes
    .filter((fix) => fix.edits.length > 0 && fix.edits.every((e) => e.line !== undefined && e.endLine !== undefined && redact(e.newText) === e.newText))
    .map((fix) => ({
      description: { text: fixTitle(f, fix, lang) },
      artifactChanges: [
        {
          artifactLocation: uri,
          replacements: fix.edits.map((e) => ({
            deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
            insertedContent: { text: e.newText },
          })),
        },
      ],
    }));
  return fixes.length > 0 ? { fixes } : {};
}

/** The category when none is given. */
export const DEFAULT_SARIF_CATEGORY = 'mamori';

/**
 * SARIF 2.1.0 for GitHub code scanning and Azure DevOps Advanced Security: every Mamori rule in
 * `tool.driver.rules` (a stable list, whatever fired), with its risk, precision, CWE tags and
 * help (see sarif-rules); results relative to %SRCROOT%, the report's root.
 */
export function formatSarif(report: ScanReport, lang: Lang, options: SarifOptions = {}): string {
  return JSON.stringify(sarifLog(report, lang, options), null, 2) + '\n';
}

/**
 * The same text as `formatSarif`, in pieces, each result made only as it is written: for a
 * report too large to hold whole as text (see json-stream).
 */
export function* sarifChunks(report: ScanReport, lang: Lang, options: SarifOptions = {}): Generator<string> {
  yield* jsonChunks(sarifLog(report, lang, options));
  yield '\n';
}

/** The SARIF log, its results and notifications made as they are written. */
function sarifLog(report: ScanReport, lang: Lang, options: SarifOptions): unknown {
  const fired = new Set<string>();
  for (const f of report.findings) fired.add(f.ruleId);
  const extra = [...fired].filter((id) => !ruleById(id)).sort();
  // The organisation's own guidance link (.mamori.json) joins the help of the rules it names.
  const rules = new JsonStream([...RULES, ...extra], (r) =>
    typeof r === 'string' ? unknownRule(r) : withGuidance(sarifRule(r, lang), ruleGuidanceHelp(report, r.id, lang)),
  );
  const index = new Map([...RULES.map((r) => r.id), ...extra].map((id, i) => [id, i]));
  const results = new JsonStream(report.findings, (f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: findingMessage(f, lang) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(f.path),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    // Stable across line moves and distinct per finding, never derived from the value (core/fingerprint).
    partialFingerprints: {
      // In a history scan the commit is part of it: the same line brought in by two commits is two results.
      [FINGERPRINT_VERSION]: withCommit(
        f.fingerprint ??
          createHash('sha256')
            .update(`${f.ruleId}\u0000${f.path}\u0000${f.excerpt ?? f.messageId}\u0000${f.line}`)
            .digest('hex')
            .slice(0, 32),
        f.commit?.hash,
      ),
    },
    properties: {
      category: f.category,
      guidelines: f.guidelines,
      ...findingScore(f.ruleId, f.severity),
      // A history scan names the commit that brought the content in (see core/git/history.ts).
      ...(f.commit ? { commit: f.commit.hash, commitDate: f.commit.date, inHead: f.commit.inHead } : {}),
    },
    // With --baseline: "unchanged" for a finding the baseline knows, "new" otherwise (core/baseline).
    ...(f.baseline ? { baselineState: f.baseline } : {}),
    ...sarifFixes(f, lang),
  }));
  return {
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
            toolExecutionNotifications: new JsonStream(report.skipped, (s) => ({
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

/** A rule descriptor with the organisation's guidance appended to its help (unchanged without one). */
function withGuidance(descriptor: Record<string, unknown>, guidance: string): Record<string, unknown> {
  if (!guidance) return descriptor;
  const help = descriptor.help as { text: string; markdown: string };
  return { ...descriptor, help: { text: `${help.text}${guidance}`, markdown: `${help.markdown}${guidance}` } };
}
