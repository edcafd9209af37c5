import type { Specificity } from './rules/rule';
import type { Category, Finding } from './types';

/**
 * One span, one finding, in the categories where several rules can name the same thing: a
 * secret seen by secretlint's preset, a provider rule, a connection-string rule and a generic
 * `password = …` rule is one secret. Of overlapping findings in such a category the rule with
 * the higher `specificity` keeps its finding (a rule's own field; unset means 'specific'), then
 * the higher severity, then a `reference` rule, then the narrower span. Fixes of a dropped
 * finding pass to the one kept when it has none. Other categories pass through untouched.
 */
export const ONE_FINDING_PER_SPAN: ReadonlySet<Category> = new Set<Category>(['secret']);

const RANK: Record<Specificity, number> = { generic: 1, connection: 2, store: 3, specific: 4 };
const SEVERITY = { error: 3, warning: 2, info: 1 } as const;

/** What the engine knows of a rule when it reduces overlaps. */
export interface Standing {
  specificity?: Specificity;
  reference?: boolean;
}

function better(a: Finding, b: Finding, standing: (ruleId: string) => Standing | undefined): boolean {
  const sa = standing(a.ruleId);
  const sb = standing(b.ruleId);
  const ra = RANK[sa?.specificity ?? 'specific'];
  const rb = RANK[sb?.specificity ?? 'specific'];
  if (ra !== rb) return ra > rb;
  if (SEVERITY[a.severity] !== SEVERITY[b.severity]) return SEVERITY[a.severity] > SEVERITY[b.severity];
  const fa = sa?.reference === true;
  const fb = sb?.reference === true;
  if (fa !== fb) return fa;
  // Otherwise the narrower finding points more precisely at what was found.
  return a.range[1] - a.range[0] <= b.range[1] - b.range[0];
}

function overlaps(a: Finding, b: Finding): boolean {
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/** Drops findings that overlap a better one of the same category; the survivors keep their order. */
export function dedupeOverlaps(findings: readonly Finding[], standing: (ruleId: string) => Standing | undefined): Finding[] {
  const dropped = new Set<number>();
  const replaced = new Map<number, Finding>();
  for (const category of ONE_FINDING_PER_SPAN) {
    const group = findings.map((f, i) => ({ f, i })).filter((x) => x.f.category === category);
    if (group.length < 2) continue;
    group.sort((a, b) => a.f.range[0] - b.f.range[0] || a.f.range[1] - b.f.range[1]);
    // Sweep: each finding is compared with the overlapping ones after it (ranges sorted by start).
    for (let x = 0; x < group.length; x++) {
      if (dropped.has(group[x].i)) continue;
      for (let y = x + 1; y < group.length && group[y].f.range[0] < group[x].f.range[1]; y++) {
        if (dropped.has(group[y].i)) continue;
        const a = replaced.get(group[x].i) ?? group[x].f;
        const b = replaced.get(group[y].i) ?? group[y].f;
        if (!overlaps(a, b)) continue;
        const [win, lose, winIdx, loseIdx] = better(a, b, standing) ? [a, b, group[x].i, group[y].i] : [b, a, group[y].i, group[x].i];
        dropped.add(loseIdx);
        if (!win.fixes?.length && lose.fixes?.length) replaced.set(winIdx, { ...win, fixes: lose.fixes });
        if (loseIdx === group[x].i) break;
      }
    }
  }
  if (dropped.size === 0 && replaced.size === 0) return [...findings];
  return findings.flatMap((f, i) => (dropped.has(i) ? [] : [replaced.get(i) ?? f]));
}
