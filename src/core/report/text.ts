import { findingGuidelines, findingMessage, guidelineLabelWithLevel, engineMessage, provenanceText, skipMessage, type Lang } from '../messages';
import { SEVERITY_JA } from '../l10n-glossary';
import { assessFindings } from '../reporting/duty';
import { dutySummary } from '../reporting/render';
import type { ScanReport } from './model';

/**
 * Compiler-style text: `path:line:col  severity  ruleId  message`, then the guideline link and
 * the organisation's own guidance. Findings known from a baseline end with a marker.
 */
export function formatText(report: ScanReport, lang: Lang, color = false): string {
  return [...textReportChunks(report, lang, color)].join('');
}

/** The text of `formatText`, a line at a time (each with its line break): for a large report. */
export function* textReportChunks(report: ScanReport, lang: Lang, color = false): Generator<string> {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  // Severity words in the report's language (the glossary's 重大 / 警告 / 情報 in Japanese).
  const word = lang === 'ja' ? SEVERITY_JA : { error: 'error', warning: 'warning', info: 'info' };
  const sev = { error: paint('31', word.error), warning: paint('33', word.warning), info: paint('36', word.info) };
  const known = paint('2', engineMessage('report.known', lang));
  for (const f of report.findings) {
    yield `${f.path}:${f.line}:${f.column}  ${sev[f.severity]}  ${f.ruleId}  ${findingMessage(f, lang)}${f.baseline === 'unchanged' ? `  ${known}` : ''}\n`;
    if (f.commit) yield `    ${paint('2', '↳')} ${provenanceText(f.commit, lang)}\n`;
    const [g] = findingGuidelines(f).filter((x) => x.url);
    if (g) yield `    ${paint('2', '↳')} ${guidelineLabelWithLevel(g, lang)} ${g.url}\n`;
    if (f.guidance) yield `    ${paint('2', '↳')} ${engineMessage('report.guidance', lang)} ${f.guidance}\n`;
  }
  for (const s of report.skipped) {
    yield `${s.path}  ${paint('2', engineMessage('report.skipped', lang))}  ${skipMessage(s, lang)}\n`;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  // Before the summary line, which stays the last (io.ts knows a text report by it).
  if (report.baseline)
    yield `\n${engineMessage('report.baseline', lang, { file: report.baseline.path, known: String(report.baseline.known), new: String(report.baseline.new), fixed: String(report.baseline.fixed) })}\n`;
  const summary =
    lang === 'ja'
      ? `\n${report.history ? `履歴 ${report.history.commits} コミットの異なるファイル内容 ${report.filesScanned} 件` : `${report.filesScanned} ファイル`}をスキャン: 重大 ${counts.error} 件、警告 ${counts.warning} 件、情報 ${counts.info} 件、スキップ ${report.skipped.length} 件`
      : `\nScanned ${report.history ? `${report.filesScanned} unique file version(s) from ${report.history.commits} commit(s)` : `${report.filesScanned} file(s)`}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${report.skipped.length} skipped`;
  yield `${summary}\n`;
  // What CI users read last: the reporting duty, when any finding is about personal data.
  const duty = assessFindings(report.findings);
  if (duty) for (const line of ['', ...dutySummary(duty, lang)]) yield `${line}\n`;
}
