import type { Document } from '../../../../../documents/document';
import { entry, type TreeNode } from '../../../../../documents/tree';
import type { Range } from '../../../../../types';
import type { PolicyFacts } from '../../model';
import { TreeReader } from '../../reader';
import { put, type ResourceRecogniser } from './shared';

/**
 * Google Cloud SQL: the password validation policy that database users' passwords must meet
 * (`settings { password_validation_policy { … } }` of `google_sql_database_instance`, and the
 * `password_validation_policy_config` object that the Cloud SQL modules pass on to it).
 * `min_length` is the minimum length and `reuse_interval` the number of earlier passwords
 * refused. `password_change_interval` is the least time between two changes, not an expiry,
 * and a policy with `enable_password_policy = false` enforces nothing it lists.
 */
export function cloudSqlPolicy(doc: Document, pp: TreeNode | undefined, anchor: Range): PolicyFacts | undefined {
  if (pp?.kind !== 'object') return undefined;
  const r = new TreeReader(doc, pp, anchor);
  const enabled = r.bool(['enable_password_policy']);
  if (enabled?.kind === 'set' && !enabled.value) return undefined;
  const facts: PolicyFacts = { product: 'Cloud SQL', anchor };
  put(facts, 'minLength', r.num(['min_length']));
  put(facts, 'history', r.num(['reuse_interval']));
  return facts.minLength || facts.history ? facts : undefined;
}

/** Terraform `google_sql_database_instance`: its `settings` block's password validation policy. */
export const cloudSqlTerraform: ResourceRecogniser = (doc, res, _r, out) => {
  const settings = entry(res.body, 'settings')?.value;
  const f = cloudSqlPolicy(doc, settings?.kind === 'object' ? entry(settings, 'password_validation_policy')?.value : undefined, res.anchor);
  if (f) out.push(f);
};
