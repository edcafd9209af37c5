import { Document } from './documents/document';
import { redact } from './mask';
import { resolveConfig, type ResolvedConfig } from './config';
import { foldString, literalsIn } from './literals';
import { RULES, ruleById } from './rules/index';
import type { RawFinding, Rule } from './rules/rule';
import { dedupeOverlaps } from './dedupe';
import { mentionsMyNumber, MY_NUMBER_EXPOSURE_GUIDELINES } from './rules/exposure/analysis/common';
import { applySuppressions } from './suppress';
import type { Finding, ScanConfig, Severity, SourceFile } from './types';

/** What a configuration runs: its resolved form and the rules it leaves on, with their severity overrides. */
interface Plan {
  ctx: { config: ResolvedConfig };
  rules: { rule: Rule; override: Severity | undefined }[];
  /**
   * For each word some rule of the plan requires (Rule.requires, ASCII lower-cased), the
   * indexes in `rules` of the rules that require it: a document's found literals open the
   * rules they name, one lookup per found literal instead of one per rule and word.
   */
  requiredBy: Map<string, number[]>;
}

/**
 * Plans by the configuration's JSON: resolving a configuration and picking its rules costs more
 * than scanning a small file, and a scan of a tree uses one configuration (a worker even gets a
 * fresh copy of it with every file). Keyed by content, not identity, so a caller may change its
 * configuration object between scans.
 */
const PLANS = new Map<string, Plan>();
let defaultPlan: Plan | undefined;

function planOf(config: ScanConfig | undefined): Plan {
  if (config === undefined) return (defaultPlan ??= makePlan(undefined));
  let json: string;
  try {
    json = JSON.stringify(config);
  } catch {
    // Not plain data (a cycle, a BigInt): resolved afresh, as before plans were kept.
    return makePlan(config);
  }
  let plan = PLANS.get(json);
  if (!plan) {
    plan = makePlan(config);
    if (PLANS.size >= 16) PLANS.clear();
    PLANS.set(json, plan);
  }
  return plan;
}

function makePlan(config: ScanConfig | undefined): Plan {
  const resolved = resolveConfig(config);
  const rules: Plan['rules'] = [];
  for (const rule of RULES) {
    if (!resolved.categories[rule.category]) continue;
    const override = resolved.ruleSeverity[rule.id];
    if (override !== 'off') rules.push({ rule, override });
  }
  const requiredBy = new Map<string, number[]>();
  rules.forEach(({ rule }, i) => {
    for (const word of new Set((rule.requires ?? []).map(foldString))) {
      const list = requiredBy.get(word);
      if (list) list.push(i);
      else requiredBy.set(word, [i]);
    }
  });
  return { ctx: { config: resolved }, rules, requiredBy };
}

/**
 * Which of the plan's rules may run on the document as far as their required words go (1 at
 * its index): the rules without `requires`, and those one of whose words the document
 * contains, in any ASCII case, by the shared literal pass (core/literals.ts).
 */
function openRules(doc: Document, plan: Plan): Uint8Array {
  const open = new Uint8Array(plan.rules.length);
  for (let i = 0; i < open.length; i++) if (plan.rules[i].rule.requires === undefined) open[i] = 1;
  for (const word of literalsIn(doc)) {
    const list = plan.requiredBy.get(word);
    if (list) for (let j = 0; j < list.length; j++) open[list[j]] = 1;
  }
  return open;
}

/**
 * Scans one file's text and returns its findings, sorted by position, without those its
 * inline directives suppress (see suppress.ts). Pure: no file system,
 * no network. A rule that throws on odd input loses only its own findings; the error is
 * returned to the caller through `onRuleError` so it is never silent.
 */
export function scanText(file: SourceFile, config?: ScanConfig, onRuleError?: (ruleId: string, error: unknown) => void): Promise<Finding[]> {
  try {
    return scanNow(file, config, onRuleError);
  } catch (error) {
    // Callers get a promise either way, as from an async function.
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * Fault injection for the end-to-end tests, which cannot reach into the engine's worker threads:
 * with MAMORI_FAULT_RULE set to a rule id in the environment that starts the editor or the CLI,
 * that rule throws on files that contain FAULT_MARK, so the tests can see how a failing rule is
 * reported. A scanned repository cannot set it (it is read from the process environment only),
 * and without it nothing changes.
 */
const FAULT_RULE = typeof process !== 'undefined' ? process.env.MAMORI_FAULT_RULE : undefined;
const FAULT_MARK = 'mamori-fault-probe';

function scanNow(file: SourceFile, config: ScanConfig | undefined, onRuleError: ((ruleId: string, error: unknown) => void) | undefined): Promise<Finding[]> {
  const plan = planOf(config);
  const { ctx, rules } = plan;
  const doc = new Document(file.path, file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text);
  // Every rule runs now, in order; the few that answer with a promise (secretlint's) are awaited
  // together at the end. Results are kept by rule, so findings come out in rule order either way.
  const results = new Array<readonly RawFinding[] | undefined>(rules.length);
  let pending: Promise<void>[] | undefined;
  // Found when the first rule that requires words gets this far (one pass for every rule).
  let open: Uint8Array | undefined;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i].rule;
    try {
      if (rule.formats && !rule.formats.includes(doc.format)) continue;
      if (rule.files && !rule.files.test(doc.name)) continue;
      // A rule none of whose required words occurs reports nothing here: its check is skipped
      // (not the rule the fault injection names, which the tests expect to fail anywhere).
      if (rule.requires !== undefined && rule.id !== FAULT_RULE && (open ??= openRules(doc, plan))[i] === 0) continue;
      if (rule.appliesTo && !rule.appliesTo(doc)) continue;
      if (rule.id === FAULT_RULE && doc.text.includes(FAULT_MARK)) throw new Error('fault injected by MAMORI_FAULT_RULE');
      const result = rule.check(doc, ctx);
      if (result instanceof Promise) {
        (pending ??= []).push(
          result.then(
            (raw) => void (results[i] = raw),
            (error: unknown) => onRuleError?.(rule.id, error),
          ),
        );
      } else results[i] = result;
    } catch (error) {
      onRuleError?.(rule.id, error);
    }
  }
  const allowed = ctx.config.allowValues;
  if (pending) return Promise.all(pending).then(() => collect(file.text, doc.text, rules, results, allowed));
  return Promise.resolve(collect(file.text, doc.text, rules, results, allowed));
}

/**
 * The rules' raw findings as findings, deduplicated, without suppressed ones and without those
 * the project's allowed values cover, by position.
 */
function collect(
  original: string,
  text: string,
  rules: Plan['rules'],
  results: readonly (readonly RawFinding[] | undefined)[],
  allowed: readonly string[],
): Finding[] {
  const bom = text.length === original.length ? 0 : 1;
  const findings: Finding[] = [];
  for (let i = 0; i < rules.length; i++) {
    const raw = results[i];
    if (!raw || raw.length === 0) continue;
    const { rule, override } = rules[i];
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
        ...(r.fixes
          ? { fixes: r.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: [e.range[0] + bom, e.range[1] + bom] as const })) })) }
          : {}),
      });
    }
  }
  if (findings.length === 0) return findings;
  if (findings.some((f) => f.category === 'pii-exposure') && mentionsMyNumber(text)) markMyNumberExposures(findings);
  return applySuppressions(original, dedupeOverlaps(dedupe(allowed.length > 0 ? findings.filter((f) => !isAllowed(original, f, allowed)) : findings), ruleById))
    .map(masked)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Exposures in a file that names My Numbers cite the My Number Act first, and say so in their
 * data (`dataKind`), which the reporting assessment reads (see core/reporting).
 */
function markMyNumberExposures(findings: Finding[]): void {
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.category !== 'pii-exposure') continue;
    findings[i] = { ...f, data: { ...f.data, dataKind: 'myNumber' }, guidelines: [...new Set([...MY_NUMBER_EXPOSURE_GUIDELINES, ...f.guidelines])] };
  }
}

/**
 * A finding as it may leave the engine: its excerpt and message arguments through the one
 * masking step (`redact`), whatever the rule put there. Everything downstream (every report
 * format, the editor, the cache) gets findings from here.
 */
function masked(f: Finding): Finding {
  let data = f.data;
  for (const k in f.data) {
    const v = f.data[k];
    const r = redact(v);
    if (r !== v) data = { ...data, [k]: r };
  }
  const excerpt = f.excerpt === undefined ? undefined : redact(f.excerpt);
  return data === f.data && excerpt === f.excerpt ? f : { ...f, data, ...(excerpt !== undefined ? { excerpt } : {}) };
}

/** Whether the text a finding covers contains one of the allowed literals (plain `includes`, no pattern). */
function isAllowed(text: string, f: Finding, allowed: readonly string[]): boolean {
  const matched = text.slice(f.range[0], f.range[1]);
  return allowed.some((v) => matched.includes(v));
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
