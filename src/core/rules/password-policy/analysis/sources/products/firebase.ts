import type { Document } from '../../../../../documents/document';
import { get, type ObjectNode } from '../../../../../documents/tree';
import type { Range } from '../../../../../types';
import { omitted, type PolicyFacts } from '../../model';
import { headerRange, TreeReader } from '../../reader';
import { classFacts, isObject, type ObjectRecogniser } from './shared';

/** Firebase Auth / Identity Platform `passwordPolicyConfig` (REST and Admin SDK shapes). */
function firebase(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
  const r = new TreeReader(doc, obj, anchor);
  const state = r.str(['passwordPolicyEnforcementState', 'enforcementState']);
  const facts: PolicyFacts = { product: 'Firebase Authentication', anchor };
  // Without an enforced policy Firebase accepts any password of 6 characters or more.
  if (state !== undefined && state.toUpperCase() !== 'ENFORCE') {
    facts.minLength = omitted(anchor, 6);
    return facts;
  }
  const versions = get(obj, 'passwordPolicyVersions', 0, 'customStrengthOptions');
  const constraints = versions?.kind === 'object' ? versions : get(obj, 'constraints');
  if (constraints?.kind !== 'object') return undefined;
  const c = new TreeReader(doc, constraints, anchor);
  facts.minLength = c.num(['minPasswordLength', 'minLength'], { default: 6 });
  facts.classes = classFacts(
    c,
    {
      upper: ['containsUppercaseCharacter', 'requireUppercase'],
      lower: ['containsLowercaseCharacter', 'requireLowercase'],
      digit: ['containsNumericCharacter', 'requireNumeric'],
      symbol: ['containsNonAlphanumericCharacter', 'requireNonAlphanumeric'],
    },
    undefined,
  );
  return facts;
}

/** An object holding `passwordPolicyConfig`. */
export const firebaseConfig: ObjectRecogniser = ({ doc, r }, out) => {
  const fb = r.entry(['passwordPolicyConfig']);
  if (fb && isObject(fb.value)) {
    const f = firebase(doc, fb.value, headerRange(doc, fb));
    if (f) out.push(f);
  }
  return false;
};
