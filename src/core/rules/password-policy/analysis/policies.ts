import type { Document } from '../../../documents/document';
import type { PolicyFacts } from './model';
import { CODE_LITERALS, codePolicies } from './sources/code';
import { SYSTEM_LITERALS, systemPolicies } from './sources/system';
import { TOML_WORDS, TREE_WORDS, treePolicies } from './sources/trees';

/**
 * Every password policy in a document, computed once per document and shared by the
 * password-policy rules (length, composition, reuse, lockout, expiry).
 */
export function policiesOf(doc: Document): PolicyFacts[] {
  return doc.memo('password-policy', () => [...treePolicies(doc), ...codePolicies(doc), ...systemPolicies(doc)]);
}

/** The words the policy recognisers ask about: every rule that reads policies declares them (Rule.literals). */
export const POLICY_LITERALS: readonly string[] = [...CODE_LITERALS, ...SYSTEM_LITERALS, ...TREE_WORDS, ...TOML_WORDS];
