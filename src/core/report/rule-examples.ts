import type { Rule, RuleExamples } from '../rules/rule';
import { CASE_EXAMPLES } from './rule-examples.generated';

const NONE: RuleExamples = { bad: [], good: [] };

/**
 * The examples a rule's help shows (SARIF help, the editor's rule page): its first cases in
 * test/rules, copied into rule-examples.generated.ts by the rule pages' test, else what the
 * rule itself carries (secret rules not yet moved to cases; empty in the shipped bundles).
 */
export function ruleExamples(rule: Pick<Rule, 'id' | 'examples'>): RuleExamples {
  return CASE_EXAMPLES[rule.id] ?? rule.examples ?? NONE;
}
