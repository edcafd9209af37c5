import type { Rule, RuleExamples } from '../rules/rule';
import { CASE_EXAMPLES } from './rule-examples.generated';

const NONE: RuleExamples = { bad: [], good: [] };

/**
 * The examples a rule's help shows (SARIF help, the editor's rule page): its first cases in
 * test/rules, copied into rule-examples.generated.ts by the rule pages' test. Secret rules'
 * cases are not copied (their fabricated tokens stay out of the packages): none here.
 */
export function ruleExamples(rule: Pick<Rule, 'id'>): RuleExamples {
  return CASE_EXAMPLES[rule.id] ?? NONE;
}
