import { findingGuidelines, findingMessage, type Lang } from '../messages';
import { assessFindings } from '../reporting/duty';
import { dutyJson } from '../reporting/json';
import { jsonChunks, JsonStream } from './json-stream';
import type { LocatedFinding, ScanReport } from './model';

/** The JSON report: a stable, documented shape for scripts. */
export function formatJson(report: ScanReport, lang: Lang): string {
  return JSON.stringify(jsonReport(report, lang), null, 2) + '\n';
}

/**
 * The same text as `formatJson`, in pieces, each finding's object made only as it is written:
 * for a report too large to hold whole as text (see json-stream).
 */
export function* jsonReportChunks(report: ScanReport, lang: Lang): Generator<string> {
  yield* jsonChunks(jsonReport(report, lang));
  yield '\n';
}

function jsonReport(report: ScanReport, lang: Lang): unknown {
  return {
    version: report.version,
    findings: new JsonStream(report.findings, (f) => findingJson(f, lang)),
    skipped: new JsonStream(report.skipped, (s) => ({ path: s.path, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}) })),
    ...(report.baseline ? { baseline: { ...report.baseline } } : {}),
    ...reporting(report, lang),
  };
}

function findingJson(f: LocatedFinding, lang: Lang): unknown {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: findingMessage(f, lang),
    ...(f.excerpt !== undefined ? { excerpt: f.excerpt } : {}),
    ...(f.fingerprint !== undefined ? { fingerprint: f.fingerprint } : {}),
    ...(f.commit ? { commit: f.commit.hash, commitDate: f.commit.date, inHead: f.commit.inHead } : {}),
    ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
    ...(f.guidance !== undefined ? { guidance: f.guidance } : {}),
    guidelines: findingGuidelines(f).map((g) => ({ id: g.id, title: g.title[lang], ...(g.url ? { url: g.url } : {}), level: g.level, origin: g.origin })),
  };
}

/** The reporting duty, when any finding is about personal data. */
function reporting(report: ScanReport, lang: Lang): { reporting?: unknown } {
  const duty = assessFindings(report.findings);
  return duty ? { reporting: dutyJson(duty, lang) } : {};
}
