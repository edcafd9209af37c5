import { findingGuidelines, findingMessage, guidelineLabel, engineMessage, skipMessage, type Lang } from '../messages';
import type { ScanReport } from './model';

/**
 * Compiler-style text: `path:line:col  severity  ruleId  message`, then the guideline link and
 * the organisation's own guidance. Findings known from a baseline end with a marker.
 */
export function formatText(report: ScanReport, lang: Lang, color = false): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = { error: paint('31', 'error'), warning: paint('33', 'warning'), info: paint('36', 'info') };
  const known = paint('2', engineMessage('report.known', lang));
  const out: string[] = [];
  for (const f of report.findings) {
    out.push(`${f.path}:${f.line}:${f.column}  ${sev[f.severity]}  ${f.ruleId}  ${findingMessage(f, lang)}${f.baseline === 'unchanged' ? `  ${known}` : ''}`);
    const [g] = findingGuidelines(f).filter((x) => x.url);
    if (g) out.push(`    ${paint('2', '↳')} ${guidelineLabel(g, lang)} ${g.url}`);
    if (f.guidance) out.push(`    ${paint('2', '↳')} ${engineMessage('report.guidance', lang)} ${f.guidance}`);
  }
  for (const s of report.skipped) {
    out.push(`${s.path}  ${paint('2', engineMessage('report.skipped', lang))}  ${skipMessage(s, lang)}`);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) counts[f.severity]++;
  // Before the summary line, which stays the last (io.ts knows a text report by it).
  if (report.baseline) out.push(`\n${engineMessage('report.baseline', lang, { file: report.baseline.path, known: String(report.baseline.known), new: String(report.baseline.new), fixed: String(report.baseline.fixed) })}`);
  out.push(
    lang === 'ja'
      ? `\n${report.filesScanned} ファイルを走査: エラー ${counts.error} 件、警告 ${counts.warning} 件、情報 ${counts.info} 件、スキップ ${report.skipped.length} 件`
      : `\nScanned ${report.filesScanned} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${report.skipped.length} skipped`,
  );
  return out.join('\n') + '\n';
}
