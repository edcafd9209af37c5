import { Document } from './documents/document';
import { resolveConfig } from './config';
import { RULES } from './rules/index';
import { dedupeSecretFindings } from './rules/secret/dedupe';
import { applySuppressions } from './suppress';
import type { Finding, ScanConfig, SourceFile } from './types';

/**
 * Scans one file's text and returns its findings, sorted by position, without those its
 * inline directives suppress (see suppress.ts). Pure: no file system,
 * no network. A rule that throws on odd input loses only its own findings; the error is
 * returned to the caller through `onRuleError` so it is never silent.
 */
export async function scanText(
  file: SourceFile,
  config?: ScanConfig,
  onRuleError?: (ruleId: string, error: unknown) => void,
): Promise<Finding[]> {
  const resolved = resolveConfig(config);
  const doc = new Document(file.path, file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text);
  const bom = doc.text.length === file.text.length ? 0 : 1;
  const findings: Finding[] = [];
  const ctx = { config: resolved };
  for (const rule of RULES) {
    if (!resolved.categories[rule.category]) continue;
    const override = resolved.ruleSeverity[rule.id];
    if (override === 'off') continue;
    let raw;
    try {
      if (!rule.appliesTo(doc)) continue;
      // Most rules answer synchronously: awaiting only promises saves a microtask per rule per file.
      const result = rule.check(doc, ctx);
      raw = result instanceof Promise ? await result : result;
    } catch (error) {
      onRuleError?.(rule.id, error);
      continue;
    }
    for (const r of raw) {
      findings.push({
        ruleId: rule.id,
        category: rule.category,
        severity: override ?? r.severity ?? rule.severity,
        range: [r.range[0] + bom, r.range[1] + bom],
        messageId: r.messageId,
        data: r.data ?? {},
        guidelines: r.guidelines ?? rule.guidelines,
        ...(r.excerpt !== undefined ? { excerpt: r.excerpt } : {}),
        ...(r.fixes ? { fixes: r.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: [e.range[0] + bom, e.range[1] + bom] as const })) })) } : {}),
      });
    }
  }
  return applySuppressions(file.text, dedupeSecretFindings(dedupe(findings))).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
}

/** Drops exact repeats (same rule, same range), which overlapping detectors can produce. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\u0000${f.range[0]}\u0000${f.range[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
