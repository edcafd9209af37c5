import { engineMessage, type Lang } from '../messages';
import type { ScanReport } from './model';

/** Per report, each rule's guidance link (the first its findings carry). */
const BY_RULE = new WeakMap<ScanReport, Map<string, string>>();

/**
 * The organisation's guidance of a rule (from `.mamori.json`, carried by its findings), as a
 * line to append to the rule's help in SARIF; empty when there is none.
 */
export function ruleGuidanceHelp(report: ScanReport, ruleId: string, lang: Lang): string {
  let byRule = BY_RULE.get(report);
  if (!byRule) {
    byRule = new Map();
    for (const f of report.findings) if (f.guidance && !byRule.has(f.ruleId)) byRule.set(f.ruleId, f.guidance);
    BY_RULE.set(report, byRule);
  }
  const url = byRule.get(ruleId);
  return url ? `\n- ${engineMessage('report.guidance', lang)} <${url}>` : '';
}
