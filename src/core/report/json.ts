import { findingGuidelines, findingMessage, type Lang } from '../messages';
import type { ScanReport } from './model';

/** The JSON report: a stable, documented shape for scripts. */
export function formatJson(report: ScanReport, lang: Lang): string {
  return (
    JSON.stringify(
      {
        version: report.version,
        findings: report.findings.map((f) => ({
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
          ...(f.baseline !== undefined ? { baseline: f.baseline } : {}),
          ...(f.guidance !== undefined ? { guidance: f.guidance } : {}),
          guidelines: findingGuidelines(f).map((g) => ({ id: g.id, title: g.title[lang], ...(g.url ? { url: g.url } : {}) })),
        })),
        skipped: report.skipped.map((s) => ({ path: s.path, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}) })),
        ...(report.baseline ? { baseline: { ...report.baseline } } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}
