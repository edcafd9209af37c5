import type { Document } from '../../../../../documents/document';
import { get, type ObjectNode } from '../../../../../documents/tree';
import type { CharClass } from '../../../../../guidelines/profiles';
import type { Range } from '../../../../../types';
import { stated, type LockoutFacts, type PolicyFacts } from '../../model';
import { TreeReader } from '../../reader';
import { isObject, put, type ObjectRecogniser, type ResourceRecogniser } from './shared';

/** Okta password policies: the Terraform provider's resources and the API's `settings.password`. */

function okta(r: TreeReader): PolicyFacts {
  const facts: PolicyFacts = {
    product: 'Okta',
    anchor: r.anchor,
    classes: {},
  };
  const cls: [CharClass, string][] = [
    ['upper', 'password_min_uppercase'],
    ['lower', 'password_min_lowercase'],
    ['digit', 'password_min_number'],
    ['symbol', 'password_min_symbol'],
  ];
  for (const [c, key] of cls) {
    const f = r.countFlag([key]);
    if (f && facts.classes) facts.classes[c] = f;
  }
  // The provider applies Okta's minimum of 8 characters when the resource leaves it out.
  put(facts, 'minLength', r.num(['password_min_length'], { default: 8 }));
  put(facts, 'history', r.num(['password_history_count']));
  put(facts, 'maxAgeDays', r.num(['password_max_age_days']));
  const lockout: LockoutFacts = {};
  const attempts = r.num(['password_max_lockout_attempts']);
  if (attempts) lockout.attempts = attempts;
  const unlock = r.num(['password_auto_unlock_minutes']);
  // 0: never unlocked automatically, only by an administrator.
  if (unlock?.kind === 'set') lockout.minutes = stated(unlock.value === 0 ? Infinity : unlock.value, unlock.range);
  if (lockout.attempts || lockout.minutes) facts.lockout = lockout;
  return facts;
}

/** Okta password policy settings as the API returns them (`settings.password`). */
function oktaApi(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
  const complexity = get(obj, 'complexity');
  if (complexity?.kind !== 'object') return undefined;
  const c = new TreeReader(doc, complexity, anchor);
  const facts: PolicyFacts = { product: 'Okta', anchor, classes: {} };
  put(facts, 'minLength', c.num(['minLength']));
  const cls: [CharClass, string][] = [
    ['upper', 'minUpperCase'],
    ['lower', 'minLowerCase'],
    ['digit', 'minNumber'],
    ['symbol', 'minSymbol'],
  ];
  for (const [k, key] of cls) {
    const f = c.countFlag([key]);
    if (f && facts.classes) facts.classes[k] = f;
  }
  const age = get(obj, 'age');
  if (age?.kind === 'object') {
    const a = new TreeReader(doc, age, anchor);
    put(facts, 'history', a.num(['historyCount']));
    put(facts, 'maxAgeDays', a.num(['maxAgeDays']));
  }
  const lock = get(obj, 'lockout');
  if (lock?.kind === 'object') {
    const l = new TreeReader(doc, lock, anchor);
    const lockout: LockoutFacts = {};
    const attempts = l.num(['maxAttempts']);
    if (attempts) lockout.attempts = attempts;
    const unlock = l.num(['autoUnlockMinutes']);
    if (unlock?.kind === 'set') lockout.minutes = stated(unlock.value === 0 ? Infinity : unlock.value, unlock.range);
    if (lockout.attempts || lockout.minutes) facts.lockout = lockout;
  }
  return facts;
}

/** Terraform `okta_policy_password` and `okta_policy_password_default`. */
export const oktaTerraform: ResourceRecogniser = (_doc, _res, r, out) => {
  out.push(okta(r));
};

/** Okta's API shape: `settings.password.{complexity, age, lockout}`. */
export const oktaApiSettings: ObjectRecogniser = ({ doc, obj, via, r, anchor }, out) => {
  if (!(via?.key === 'password' && isObject(r.node(['complexity'])) && isObject(r.node(['age']) ?? r.node(['lockout'])))) return false;
  const f = oktaApi(doc, obj, anchor);
  if (f) out.push(f);
  return true;
};
