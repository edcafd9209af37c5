import type { Document } from '../../documents/document';
import type { PolicyFacts } from './model';
import { codePolicies } from './sources/code';
import { systemPolicies } from './sources/system';
import { treePolicies } from './sources/trees';

/**
 * Every password policy in a document, computed once per document and shared by the
 * password-policy rules (length, composition, reuse, lockout, expiry).
 */
export function policiesOf(doc: Document): PolicyFacts[] {
  return doc.memo('password-policy', () => [...treePolicies(doc), ...codePolicies(doc), ...systemPolicies(doc)]);
}
