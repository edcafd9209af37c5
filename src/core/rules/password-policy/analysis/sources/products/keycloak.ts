import type { Document } from '../../../../../documents/document';
import { get, type ObjectNode, type ScalarNode } from '../../../../../documents/tree';
import type { CharClass } from '../../../../../guidelines/profiles';
import type { Range, TextEdit } from '../../../../../types';
import { omitted, stated, type Fact, type LockoutFacts, type PolicyFacts } from '../../model';
import { headerRange, TreeReader, type WhenOmitted } from '../../reader';
import type { ObjectRecogniser, ResourceRecogniser } from './shared';

/**
 * Keycloak's password policy string, e.g. `length(12) and digits(1) and passwordHistory(3)`,
 * as written in realm exports (`passwordPolicy`), the Terraform provider and the Ansible module
 * (`password_policy`). A policy without an argument takes Keycloak's default.
 */

interface Term {
  name: string;
  arg?: string;
  /** Offsets of the argument (or of the name when there is none), in the document. */
  range: Range;
}

// Keycloak's built-in policy provider ids; a string made only of these is a policy.
const KNOWN = new Set([
  'length',
  'maxLength',
  'digits',
  'lowerCase',
  'upperCase',
  'specialChars',
  'notUsername',
  'notEmail',
  'notContainsUsername',
  'passwordHistory',
  'passwordAge',
  'forceExpiredPasswordChange',
  'hashIterations',
  'hashAlgorithm',
  'regexPattern',
  'passwordBlacklist',
  'maxAuthAge',
  'recoveryCodesWarningThreshold',
]);

const DEFAULT_ARG: Readonly<Record<string, number>> = {
  length: 8,
  digits: 1,
  lowerCase: 1,
  upperCase: 1,
  specialChars: 1,
  passwordHistory: 3,
  forceExpiredPasswordChange: 365,
};

const CLASS_TERM: Readonly<Record<CharClass, string>> = { upper: 'upperCase', lower: 'lowerCase', digit: 'digits', symbol: 'specialChars' };

/** Where the string's characters start in the source, when they map one to one (no escapes). */
function contentStart(doc: Document, node: ScalarNode, value: string): number | undefined {
  const raw = doc.text.slice(node.range[0], node.range[1]);
  if (raw === value) return node.range[0];
  if (raw.length === value.length + 2 && raw.slice(1, -1) === value) return node.range[0] + 1;
  return undefined;
}

function parse(value: string, base: number | undefined, whole: Range): Term[] | undefined {
  if (value.length > 2000) return undefined;
  const terms: Term[] = [];
  const parts = value.split(/\band\b/);
  let offset = 0;
  for (const part of parts) {
    const m = /^(\s*)([A-Za-z]+)\s*(?:\(([^()]*)\))?\s*$/.exec(part);
    if (!m) {
      if (part.trim() === '' && parts.length === 1) return [];
      // Free-form arguments (regular expressions, file names) are skipped, not misread.
      if (/^\s*(regexPattern|passwordBlacklist|hashAlgorithm)\s*\(/.test(part)) {
        offset += part.length + 3;
        continue;
      }
      return undefined;
    }
    const name = m[2];
    if (!KNOWN.has(name)) return undefined;
    const nameAt = offset + m[1].length;
    let range: Range = whole;
    if (base !== undefined) {
      if (m[3] !== undefined) {
        const argAt = part.indexOf('(', m[1].length + name.length) + 1 + offset;
        const lead = m[3].length - m[3].trimStart().length;
        range = [base + argAt + lead, base + argAt + lead + m[3].trim().length];
      } else range = [base + nameAt, base + nameAt + name.length];
    }
    terms.push({ name, ...(m[3] !== undefined ? { arg: m[3].trim() } : {}), range });
    offset += part.length + 3;
  }
  return terms;
}

/** Whether a string value looks like a Keycloak password policy. */
export function isKeycloakPolicy(value: string): boolean {
  return (
    parse(value, undefined, [0, 0])?.length !== undefined &&
    /\b(length|digits|lowerCase|upperCase|specialChars|passwordHistory|hashIterations|hashAlgorithm|notUsername|forceExpiredPasswordChange)\b/.test(value)
  );
}

/**
 * Facts of a Keycloak policy string. Absent terms are omitted settings with no minimum (an
 * empty policy accepts any password); fixes rewrite an argument or append ` and term(n)`.
 */
export function keycloakPolicyFacts(doc: Document, node: ScalarNode, anchor: Range): PolicyFacts | undefined {
  if (typeof node.value !== 'string' || node.tag === 'expr') return undefined;
  const value = node.value;
  const base = contentStart(doc, node, value);
  const terms = parse(value, base, node.range);
  if (!terms) return undefined;
  const byName = new Map(terms.map((t) => [t.name, t]));
  const end = base !== undefined ? base + value.length : undefined;
  const append = (name: string) =>
    end === undefined ? undefined : (n: number): TextEdit => ({ range: [end, end], newText: `${value.trim() === '' ? '' : ' and '}${name}(${n})` });
  const replaceArg = (t: Term) =>
    base === undefined
      ? undefined
      : (n: number): TextEdit => (t.arg !== undefined ? { range: t.range, newText: String(n) } : { range: [t.range[1], t.range[1]], newText: `(${n})` });

  const numeric = (name: string, dflt: number | undefined): Fact<number> | undefined => {
    const t = byName.get(name);
    if (!t) return omitted<number>(anchor, dflt, append(name));
    const n = t.arg === undefined ? DEFAULT_ARG[name] : /^\d{1,6}$/.test(t.arg) ? Number(t.arg) : undefined;
    return n === undefined ? undefined : stated(n, t.range, replaceArg(t));
  };

  const classes: Partial<Record<CharClass, Fact<boolean>>> = {};
  for (const [cls, name] of Object.entries(CLASS_TERM) as [CharClass, string][]) {
    const f = numeric(name, 0);
    if (!f) continue;
    const add = append(name);
    classes[cls] =
      f.kind === 'set'
        ? stated(f.value > 0, f.range, f.replace ? (v: boolean) => (f.replace as (n: number) => TextEdit)(v ? Math.max(1, f.value) : 0) : undefined)
        : omitted<boolean>(anchor, false, add ? (v: boolean) => add(v ? 1 : 0) : undefined);
  }
  const facts: PolicyFacts = { product: 'Keycloak', anchor, classes };
  const minLength = numeric('length', undefined);
  if (minLength) facts.minLength = minLength;
  const history = numeric('passwordHistory', 0);
  if (history) facts.history = history;
  const expiry = byName.has('forceExpiredPasswordChange') ? numeric('forceExpiredPasswordChange', 0) : undefined;
  if (expiry) facts.maxAgeDays = expiry;
  return facts;
}

/** Keycloak brute-force detection, from realm-export, Terraform or Ansible keys. */
function keycloakLockout(r: TreeReader, full: boolean): LockoutFacts | undefined {
  const d = <T>(v: T): WhenOmitted<T> => (full ? { default: v } : undefined);
  const enabled = r.bool(['bruteForceProtected', 'brute_force_protected'], d(false));
  if (!enabled) return undefined;
  const lockout: LockoutFacts = { enabled };
  if (enabled.kind === 'set' && !enabled.value) return lockout;
  const attempts = r.num(['failureFactor', 'failure_factor'], d(30));
  if (attempts) lockout.attempts = attempts;
  const permanent = r.bool(['permanentLockout', 'permanent_lockout']);
  if (permanent?.kind === 'set' && permanent.value) lockout.minutes = stated(Infinity, permanent.range);
  else {
    // The first lockout lasts waitIncrementSeconds, capped by maxFailureWaitSeconds.
    const wait = r.num(['waitIncrementSeconds', 'wait_increment_seconds'], d(60));
    const cap = r.num(['maxFailureWaitSeconds', 'max_failure_wait_seconds'], d(900));
    const w = wait && (wait.kind === 'set' ? wait.value : wait.default);
    const c = cap && (cap.kind === 'set' ? cap.value : cap.default);
    if (w !== undefined && c !== undefined && wait) {
      const minutes = Math.min(w, c) / 60;
      lockout.minutes = wait.kind === 'set' ? stated(minutes, wait.range) : omitted(wait.range, minutes);
    }
  }
  return lockout;
}

/** Keycloak Terraform realm: `security_defenses { brute_force_detection { … } }`. */
function keycloakTerraformLockout(doc: Document, body: ObjectNode, anchor: Range): LockoutFacts {
  const bfd = get(body, 'security_defenses', 'brute_force_detection');
  if (bfd?.kind !== 'object') return { enabled: omitted(anchor, false) };
  const r = new TreeReader(doc, bfd, anchor);
  const lockout: LockoutFacts = { enabled: stated(true, anchor) };
  const attempts = r.num(['max_login_failures'], { default: 30 });
  if (attempts) lockout.attempts = attempts;
  const permanent = r.bool(['permanent_lockout']);
  if (permanent?.kind === 'set' && permanent.value) lockout.minutes = stated(Infinity, permanent.range);
  else {
    const wait = r.num(['wait_increment_seconds'], { default: 60 });
    if (wait?.kind === 'set') lockout.minutes = stated(wait.value / 60, wait.range);
    else if (wait) lockout.minutes = omitted(anchor, 1);
  }
  return lockout;
}

// Keys only a realm representation has (realm exports, imports, keycloak-config-cli files).
const REALM_KEYS = [
  'requiredCredentials',
  'sslRequired',
  'bruteForceProtected',
  'registrationAllowed',
  'resetPasswordAllowed',
  'loginTheme',
  'loginWithEmailAllowed',
];

// Lists a realm holds; with `enabled` they make a minimal realm import.
const REALM_LISTS = ['users', 'clients', 'roles', 'groups', 'identityProviders'];

// Keys of a client adapter's keycloak.json, which names a realm but configures no policy.
const ADAPTER_KEYS = ['auth-server-url', 'authServerUrl', 'resource', 'bearer-only', 'public-client', 'ssl-required'];

/** Whether an object is a whole realm representation rather than something naming a realm. */
function isRealmRepresentation(r: TreeReader): boolean {
  if (typeof r.str(['realm']) !== 'string' || r.entry(ADAPTER_KEYS)) return false;
  if (REALM_KEYS.some((k) => r.entry([k]) !== undefined)) return true;
  return r.entry(['enabled']) !== undefined && REALM_LISTS.some((k) => r.node([k])?.kind === 'array');
}

export function keycloakRealm(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
  const r = new TreeReader(doc, obj, anchor);
  const policyEntry = r.entry(['passwordPolicy', 'password_policy']);
  const policyNode = policyEntry?.value;
  const isRealm = typeof r.str(['realm']) === 'string';
  // A full realm export lists every setting; there an omitted one means Keycloak's default.
  const full = isRealm && r.entry(['sslRequired']) !== undefined && r.entry(['bruteForceProtected']) !== undefined;
  let facts: PolicyFacts | undefined;
  if (policyNode?.kind === 'scalar' && typeof policyNode.value === 'string') {
    if (isKeycloakPolicy(policyNode.value) || (policyNode.value.trim() === '' && isRealm)) {
      facts = keycloakPolicyFacts(doc, policyNode, policyEntry ? headerRange(doc, policyEntry) : anchor);
    }
  } else if (!policyEntry && (full || isRealmRepresentation(r))) {
    // Keycloak applies no password policy at all to a realm that states none: no minimum
    // length, no history. The finding points at the realm's credential settings, else its name.
    const at = r.entry(['requiredCredentials'])?.keyRange ?? r.entry(['realm'])?.keyRange ?? anchor;
    facts = { product: 'Keycloak', anchor: at, minLength: omitted(at), history: omitted(at, 0) };
  }
  const lockout = isRealm || r.entry(['bruteForceProtected', 'brute_force_protected']) ? keycloakLockout(r, full) : undefined;
  if (!facts && !lockout) return undefined;
  facts ??= { product: 'Keycloak', anchor };
  if (lockout) facts.lockout = lockout;
  return facts;
}

/** A Keycloak realm (export, import, keycloak-config-cli file) or an object stating a policy string. */
export const keycloakRealmObject: ObjectRecogniser = ({ doc, obj, r, anchor }, out) => {
  const level = r.str(['passwordPolicy', 'password_policy']);
  if (!(level !== undefined || r.entry(['bruteForceProtected']) || isRealmRepresentation(r))) return false;
  const f = keycloakRealm(doc, obj, anchor);
  if (f) out.push(f);
  return true;
};

/** Terraform `keycloak_realm`: its `password_policy` string and `security_defenses`. */
export const keycloakTerraform: ResourceRecogniser = (doc, res, r, out) => {
  const policy = r.entry(['password_policy']);
  const facts: PolicyFacts =
    (policy?.value.kind === 'scalar' && typeof policy.value.value === 'string' && policy.value.tag !== 'expr'
      ? keycloakPolicyFacts(doc, policy.value, headerRange(doc, policy))
      : undefined) ??
    (policy
      ? { product: 'Keycloak', anchor: res.anchor }
      : { product: 'Keycloak', anchor: res.anchor, minLength: omitted(res.anchor), history: omitted(res.anchor, 0) });
  facts.lockout = keycloakTerraformLockout(doc, res.body, res.anchor);
  out.push(facts);
};
