import type { Document } from '../../../../../documents/document';
import { entry, type ObjectNode } from '../../../../../documents/tree';
import type { Range } from '../../../../../types';
import type { PolicyFacts } from '../../model';
import { TreeReader } from '../../reader';
import { classFacts, put, type ResourceRecogniser } from './shared';

/** Oracle Cloud Infrastructure IAM: the password policy of `oci_identity_authentication_policy`. */

function oci(doc: Document, body: ObjectNode, anchor: Range): PolicyFacts | undefined {
  const pp = entry(body, 'password_policy');
  if (pp?.value.kind !== 'object') return undefined;
  const r = new TreeReader(doc, pp.value, anchor);
  const facts: PolicyFacts = {
    product: 'OCI IAM',
    anchor,
    classes: classFacts(
      r,
      {
        upper: ['is_uppercase_characters_required'],
        lower: ['is_lowercase_characters_required'],
        digit: ['is_numeric_characters_required'],
        symbol: ['is_special_characters_required'],
      },
      undefined,
    ),
  };
  put(facts, 'minLength', r.num(['minimum_password_length']));
  return facts;
}

/** Terraform `oci_identity_authentication_policy`. */
export const ociTerraform: ResourceRecogniser = (doc, res, _r, out) => {
  const f = oci(doc, res.body, res.anchor);
  if (f) out.push(f);
};
