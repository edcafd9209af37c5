import type { RuleRisk } from '../../risk';
/**
 * The strong identifiers, reported value by value: My Number, Japanese passport numbers and
 * payment card numbers. Each needs a validated value and context (a column header, a key or a
 * word on the same line); each file reports at most the first five per kind.
 */
import type { Localized } from '../../../guidelines/catalog';
import type { RawFinding, Rule } from '../../rule';
import { piiDescription } from './common';
import type { FieldKind } from './fields';
import { piiApplies, piiView } from './analyze';
import { IdHits } from './tally';

/** A strong-identifier rule: the values of one kind that piiView found, masked, at most IdHits.CAP per file. */
export function identifierRule(spec: {
  id: string;
  kind: FieldKind;
  guidelines: string[];
  /** The rule's risk in code scanning (see rules/risk.ts). */
  risk: RuleRisk;
  title: Localized;
  what: Localized;
  found: Localized;
  mask: (value: string) => string;
}): Rule {
  return {
    id: spec.id,
    risk: spec.risk,
    category: 'pii-data',
    severity: 'error',
    guidelines: spec.guidelines,
    title: spec.title,
    description: piiDescription(spec.what),
    messages: {
      found: spec.found,
      foundMore: {
        en: `${spec.found.en} This file holds {more} more; only the first ${IdHits.CAP} are marked.`,
        ja: `${spec.found.ja}このファイルには他に {more} 件あります（最初の ${IdHits.CAP} 件のみ表示）。`,
      },
    },
    appliesTo: piiApplies,
    check(doc) {
      const { ids } = piiView(doc);
      const mine = ids.hits.filter((h) => h.kind === spec.kind);
      const total = ids.totals.get(spec.kind) ?? 0;
      return mine.map((h, i): RawFinding => {
        const masked = spec.mask(h.value);
        const last = i === mine.length - 1 && total > mine.length;
        return {
          range: h.range,
          messageId: last ? 'foundMore' : 'found',
          data: { masked, ...(last ? { more: String(total - mine.length) } : {}) },
          excerpt: masked,
        };
      });
    },
  };
}
