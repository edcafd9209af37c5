import type { Document } from '../../../../../documents/document';
import { entry, num, type Entry, type ObjectNode, type TreeNode } from '../../../../../documents/tree';
import { CHAR_CLASSES } from '../../../../../guidelines/profiles';
import type { Range } from '../../../../../types';
import { scalarReplacer } from '../../edits';
import { stated, type Fact, type PolicyFacts } from '../../model';
import { headerRange, TreeReader } from '../../reader';
import { isMinLengthSetting, namesPassword } from '../names';
import { AUTH0_LEVELS, auth0Options } from './auth0';
import { AWS_TF, iamLike } from './aws-iam';
import { cloudSqlPolicy } from './cloud-sql';
import { cognito } from './cognito';
import { classFacts, put, type ClassKeys } from './shared';

/**
 * Policies in a Terraform file's own values rather than a provider's resource: module calls
 * (IAM, Cognito), variable defaults and locals.
 */

// Keys of a policy-shaped object's minimum length, and of its class switches.
const OBJECT_MIN_KEYS = ['minimum_length', 'min_length', 'minimum_password_length', 'password_min_length', 'password_minimum_length'];

const OBJECT_CLASSES: ClassKeys = {
  upper: ['require_uppercase', 'require_uppercase_characters'],
  lower: ['require_lowercase', 'require_lowercase_characters'],
  digit: ['require_numbers', 'require_digits'],
  symbol: ['require_symbols'],
};

/** A Terraform object value shaped like a password policy (a locals map entry, a module argument). */
function policyObject(doc: Document, obj: ObjectNode, anchor: Range, product: string, named: boolean): PolicyFacts | undefined {
  const r = new TreeReader(doc, obj, anchor);
  const hasClasses = Object.values(OBJECT_CLASSES).some((k) => r.entry(k));
  if (!r.entry(OBJECT_MIN_KEYS) || !(named || hasClasses)) return undefined;
  const facts: PolicyFacts = { product, anchor, classes: classFacts(r, OBJECT_CLASSES, undefined) };
  put(facts, 'minLength', r.num(OBJECT_MIN_KEYS));
  put(facts, 'history', r.num(['password_history_size', 'password_reuse_prevention']));
  return facts;
}

/** Policy-shaped objects anywhere in a `locals` value (for_each maps nest them by name). */
function localsPolicies(doc: Document, e: Entry, named: boolean, out: PolicyFacts[], depth: number): void {
  if (e.value.kind !== 'object' || depth > 4) return;
  const isNamed = named || namesPassword(e.key);
  // An Auth0 level kept in locals (`password_policy = "fair"`), where Auth0 is evident.
  const level = entry(e.value, 'password_policy');
  const auth0 =
    level?.value.kind === 'scalar' &&
    typeof level.value.value === 'string' &&
    AUTH0_LEVELS[level.value.value.toLowerCase()] !== undefined &&
    /auth0/i.test(doc.text);
  const f = auth0 ? auth0Options(doc, e.value, headerRange(doc, e)) : policyObject(doc, e.value, headerRange(doc, e), 'Terraform locals', isNamed);
  if (f) {
    out.push(f);
    return;
  }
  for (const c of e.value.entries) localsPolicies(doc, c, isNamed, out, depth + 1);
}

/**
 * A Terraform module call carrying policy arguments: the IAM account policy's own names
 * (terraform-aws-modules' iam-account), a Cognito `password_policy = { … }` object, flat
 * `password_policy_*` arguments, or a Cognito user-pool module given no policy at all, which
 * then gets Cognito's 8 characters.
 */
function moduleCall(doc: Document, e: Entry, out: PolicyFacts[]): void {
  if (e.value.kind !== 'object') return;
  const anchor = headerRange(doc, e);
  const r = new TreeReader(doc, e.value, anchor);
  const iamKeys = [...AWS_TF.minLength, ...Object.values(AWS_TF.classes).flat(), ...AWS_TF.history];
  if (r.entry(AWS_TF.minLength) || iamKeys.filter((k) => r.entry([k])).length >= 2) {
    out.push(iamLike(r, 'AWS IAM', AWS_TF, {}));
    return;
  }
  // The Cloud SQL modules pass `password_validation_policy_config` on to the instance's policy.
  const cloudSql = cloudSqlPolicy(doc, r.node(['password_validation_policy_config']), anchor);
  if (cloudSql) {
    out.push(cloudSql);
    return;
  }
  const pp = r.node(['password_policy']);
  if (pp?.kind === 'object') {
    const f = policyObject(doc, pp, anchor, 'Amazon Cognito', true);
    if (f) out.push(f);
    return;
  }
  const flat = (k: string): string[] => [`password_policy_${k}`];
  if (
    r.entry([
      'password_policy_minimum_length',
      ...Object.values(OBJECT_CLASSES)
        .flat()
        .map((k) => `password_policy_${k}`),
    ])
  ) {
    const facts: PolicyFacts = {
      product: 'Amazon Cognito',
      anchor,
      classes: classFacts(
        r,
        { upper: flat('require_uppercase'), lower: flat('require_lowercase'), digit: flat('require_numbers'), symbol: flat('require_symbols') },
        undefined,
      ),
    };
    put(facts, 'minLength', r.num(flat('minimum_length')));
    out.push(facts);
    return;
  }
  const source = r.str(['source']) ?? '';
  const cognitoPool = r.entry(['user_pool_name']) !== undefined && /cognito/i.test(`${source} ${e.value.labels?.[0] ?? ''}`);
  if (cognitoPool && (pp === undefined || (pp.kind === 'scalar' && pp.value === null))) out.push(cognito(doc, undefined, anchor, 'tf'));
}

/**
 * A variable declaration whose default feeds a policy: a minimum-length variable
 * (`variable "minimum_password_length" { default = 8 }`) or a password-policy object.
 */
function variableDefault(doc: Document, e: Entry, out: PolicyFacts[]): void {
  if (e.value.kind !== 'object') return;
  const name = e.value.labels?.[0];
  const d = entry(e.value, 'default');
  if (!name || !d) return;
  const anchor = headerRange(doc, e);
  if (isMinLengthSetting(name)) {
    const w = d.value.kind === 'scalar' ? num(d.value) : undefined;
    if (w === undefined || d.value.kind !== 'scalar') return;
    out.push({ product: 'Terraform variable', anchor, minLength: stated(w, d.value.range, scalarReplacer<number>(doc, d.value)) });
    return;
  }
  if (d.value.kind === 'object' && namesPassword(name)) {
    const f = policyObject(doc, d.value, anchor, 'Terraform variable', true);
    if (f) out.push(f);
  }
}

/** Module calls, variable defaults and locals of a Terraform file. */
export function terraformValues(doc: Document, root: TreeNode, out: PolicyFacts[]): void {
  if (root.kind !== 'object') return;
  const before = out.length;
  for (const e of root.entries) {
    if (e.key === 'module') moduleCall(doc, e, out);
    else if (e.key === 'variable') variableDefault(doc, e, out);
    else if (e.key === 'locals' && e.value.kind === 'object') for (const l of e.value.entries) localsPolicies(doc, l, false, out, 0);
  }
  // A resource reading `local.p.minimum_length` already reports the value where the locals
  // set it: the locals' own policy keeps only the facts no resource stated.
  const seen = new Set<string>();
  const stated = (f: PolicyFacts): (Fact<number> | Fact<boolean> | undefined)[] => [f.minLength, f.minClasses, ...Object.values(f.classes ?? {})];
  for (const f of out.slice(0, before)) for (const x of stated(f)) if (x?.kind === 'set') seen.add(x.range.join(':'));
  for (const f of out.slice(before)) {
    if (f.minLength?.kind === 'set' && seen.has(f.minLength.range.join(':'))) delete f.minLength;
    if (f.minClasses?.kind === 'set' && seen.has(f.minClasses.range.join(':'))) delete f.minClasses;
    for (const c of CHAR_CLASSES) {
      const x = f.classes?.[c];
      if (f.classes && x?.kind === 'set' && seen.has(x.range.join(':'))) delete f.classes[c];
    }
  }
}
