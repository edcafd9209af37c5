import { registerLiterals } from '../literals';
import type { Rule } from './rule';
import { exposureRules } from './exposure/index';
import { passwordPolicyRules } from './password-policy/index';
import { secretRules } from './secret/index';
import { piiDataRules } from './pii-data/index';

/** Every rule, listed explicitly so the bundler keeps them and one test can walk them all. */
export const RULES: readonly Rule[] = [...secretRules, ...exposureRules, ...piiDataRules, ...passwordPolicyRules];

// The shared one-pass literal search is built from what the rules declare (see Rule.literals,
// Rule.requires).
for (const r of RULES) {
  registerLiterals(r.literals ?? []);
  registerLiterals(r.requires ?? []);
  registerLiterals(r.positionalLiterals ?? [], { positional: true });
}

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** Looks up a rule by id. */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
