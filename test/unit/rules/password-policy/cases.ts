// Where the password-policy tests find their files among the rule cases: `weak/…` files are
// ng cases, `strong/…` and `not-policy/…` files ok cases named after them (see test/rules).
import * as path from 'node:path';
import { RULES } from '../../../../src/core/rules/index';
import { ruleCases, type RuleCase } from '../../helpers/rule-cases';

export const POLICY_CASES: readonly RuleCase[] = RULES.filter((r) => r.category === 'password-policy').flatMap((r) => ruleCases(r.id));

/** A case's name from a file's path: `terraform/iam.tf` → `terraform-iam-tf`. */
function slug(p: string): string {
  return p
    .replace(/^\./, 'dot-')
    .replace(/\/\./g, '/dot-')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/**
 * The file of a case named by its kind and path: `weak/terraform/iam.tf` is the ng case
 * `terraform-iam-tf`, `strong/terraform/iam.tf` the ok case `strong-terraform-iam-tf`. Returns
 * the absolute path, scanned as is.
 */
export function policyFile(rel: string): string {
  const [kind, ...rest] = rel.split('/');
  const file = rest.join('/');
  const name = kind === 'weak' ? slug(file) : `${kind}-${slug(file)}`;
  const c = POLICY_CASES.find((x) => x.kind === (kind === 'weak' ? 'ng' : 'ok') && x.name === name && x.files.includes(file));
  if (!c) throw new Error(`no password-policy case holds ${rel}`);
  return path.join(c.dir, file);
}
