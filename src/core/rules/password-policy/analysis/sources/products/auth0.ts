import type { Document } from '../../../../../documents/document';
import { entry, get, type Entry, type ObjectNode, type TreeNode } from '../../../../../documents/tree';
import type { CharClass } from '../../../../../guidelines/profiles';
import type { Range } from '../../../../../types';
import { omitted, stated, type LockoutFacts, type PolicyFacts } from '../../model';
import { headerRange, TreeReader } from '../../reader';
import { stringCandidates } from '../hcl-eval';
import { hasDynamic, isObject, put, type ObjectRecogniser, type ResourceRecogniser } from './shared';

/** Auth0 database connections (password policy levels, complexity options, history) and attack protection. */

export const AUTH0_LEVELS: Readonly<Record<string, { min: number; classes?: CharClass[]; anyOf?: number }>> = {
  none: { min: 1, classes: [] },
  low: { min: 6, classes: [] },
  fair: { min: 8, classes: ['lower', 'upper', 'digit'] },
  good: { min: 8, anyOf: 3 },
  excellent: { min: 10, anyOf: 3 },
};

type Auth0Level = (typeof AUTH0_LEVELS)[string];

/**
 * The Auth0 level a value names: a literal word, or in Terraform the weakest of the words an
 * expression may give (`var.strict ? "excellent" : "good"`, `each.value.password_policy`).
 */
function auth0Level(doc: Document, node: TreeNode): { spec: Auth0Level; range: Range } | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.tag !== 'expr') {
    const spec = AUTH0_LEVELS[node.value.toLowerCase()];
    return spec ? { spec, range: node.range } : undefined;
  }
  if (doc.format !== 'hcl') return undefined;
  let weakest: { spec: Auth0Level; range: Range } | undefined;
  for (const c of stringCandidates(doc, node)) {
    const spec = AUTH0_LEVELS[c.value.toLowerCase()];
    if (spec && (!weakest || spec.min < weakest.spec.min)) weakest = { spec, range: c.range };
  }
  return weakest;
}

// Options only an Auth0 database connection has.
export const AUTH0_KEYS = [
  'brute_force_protection',
  'password_history',
  'password_dictionary',
  'password_no_personal_info',
  'password_complexity_options',
  'requires_username',
  'disable_signup',
  'enabledDatabaseCustomization',
  'import_mode',
];

/** Auth0 database-connection options (Management API JSON, deploy CLI YAML, Terraform). */
export function auth0Options(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
  const r = new TreeReader(doc, obj, anchor);
  const levelEntry = r.entry(['passwordPolicy', 'password_policy']);
  const chosen = levelEntry ? auth0Level(doc, levelEntry.value) : undefined;
  const spec = chosen?.spec;
  const complexity = r.node(['password_complexity_options', 'passwordComplexityOptions']);
  // The newer flexible policy: password_options.complexity.{min_length, character_types}.
  const options = r.node(['password_options', 'passwordOptions']);
  const flexible = get(options, 'complexity');
  if (!spec && complexity?.kind !== 'object' && flexible?.kind !== 'object') return undefined;
  const facts: PolicyFacts = { product: 'Auth0', anchor };
  if (flexible?.kind === 'object') {
    const fr = new TreeReader(doc, flexible, anchor);
    put(facts, 'minLength', fr.num(['min_length', 'minLength']));
    const types = fr.node(['character_types', 'characterTypes']);
    const rule = fr.str(['character_type_rule', 'characterTypeRule']);
    if (types?.kind === 'array' && (rule === undefined || /^all$/i.test(rule))) {
      const named = new Set(types.items.map((i) => (i.kind === 'scalar' ? String(i.value).toLowerCase() : '')));
      const map: [CharClass, string][] = [
        ['upper', 'uppercase'],
        ['lower', 'lowercase'],
        ['digit', 'number'],
        ['symbol', 'special'],
      ];
      facts.classes = Object.fromEntries(map.map(([c, n]) => [c, stated(named.has(n), types.range)]));
    }
    const hist = get(options, 'history');
    if (hist?.kind === 'object') {
      const hr = new TreeReader(doc, hist, anchor);
      const on = hr.bool(['enable', 'enabled', 'active']);
      if (on?.kind === 'set') facts.history = on.value ? (hr.num(['size'], { default: 5 }) ?? stated(5, on.range)) : stated(0, on.range);
    }
  }
  if (complexity?.kind === 'object' && !facts.minLength) put(facts, 'minLength', new TreeReader(doc, complexity, anchor).num(['min_length', 'minLength']));
  if (spec && chosen) {
    const at = chosen.range;
    if (!facts.minLength) facts.minLength = stated(spec.min, at);
    if (spec.classes) {
      const req = spec.classes;
      facts.classes = Object.fromEntries((['upper', 'lower', 'digit', 'symbol'] as CharClass[]).map((c) => [c, stated(req.includes(c), at)]));
    } else if (spec.anyOf) facts.minClasses = stated(spec.anyOf, at);
  }
  const history = r.node(['password_history', 'passwordHistory']);
  const h = history?.kind === 'array' ? history.items[0] : history;
  if (h?.kind === 'object' && !facts.history) {
    const hr = new TreeReader(doc, h, anchor);
    const enable = hr.bool(['enable']);
    if (enable?.kind === 'set') facts.history = enable.value ? (hr.num(['size'], { default: 5 }) ?? stated(5, enable.range)) : stated(0, enable.range);
  }
  const bfp = r.bool(['brute_force_protection', 'bruteForceProtection']);
  if (bfp?.kind === 'set') facts.lockout = { enabled: bfp };
  return facts;
}

/**
 * An Auth0 database connection whose options state no password policy at all: Auth0 then
 * applies the `none` level (any non-empty password). The finding points at `options`.
 */
function auth0Unset(doc: Document, options: Entry): PolicyFacts | undefined {
  if (options.value.kind !== 'object') return undefined;
  const r = new TreeReader(doc, options.value, headerRange(doc, options));
  const stated = r.entry([
    'passwordPolicy',
    'password_policy',
    'password_complexity_options',
    'passwordComplexityOptions',
    'password_options',
    'passwordOptions',
  ]);
  // `passwordPolicy: null` is how the Management API writes "no policy".
  if (stated && !(stated.value.kind === 'scalar' && stated.value.value === null)) return undefined;
  const spec = AUTH0_LEVELS.none;
  const at = r.anchor;
  const facts: PolicyFacts = { product: 'Auth0', anchor: at, minLength: omitted(at, spec.min) };
  const bfp = r.bool(['brute_force_protection', 'bruteForceProtection']);
  if (bfp?.kind === 'set') facts.lockout = { enabled: bfp };
  return facts;
}

/** Auth0 attack protection: `brute_force_protection { enabled, max_attempts }`. */
function auth0BruteForce(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
  const r = new TreeReader(doc, obj, anchor);
  const enabled = r.bool(['enabled']);
  const attempts = r.num(['max_attempts', 'maxAttempts']);
  if (!enabled && !attempts) return undefined;
  const lockout: LockoutFacts = {};
  if (enabled) lockout.enabled = enabled;
  if (attempts) lockout.attempts = attempts;
  return { product: 'Auth0', anchor, lockout };
}

/** A Management API connection (`strategy: auth0`) whose options state no password policy. */
export const auth0UnsetConnection: ObjectRecogniser = ({ doc, r }, out) => {
  if (r.str(['strategy']) === 'auth0' && isObject(r.node(['options'])) && (/auth0/i.test(doc.text) || r.entry(['enabled_clients', 'enabledClients']))) {
    const f = auth0Unset(doc, r.entry(['options']) as Entry);
    if (f) out.push(f);
  }
  return false;
};

/** The deploy CLI's `databases:` list, where a connection's options state no password policy. */
export const auth0DeployDatabases: ObjectRecogniser = ({ doc, r }, out) => {
  const dbs = r.entry(['databases']);
  if (dbs?.value.kind === 'array' && /auth0/i.test(doc.text)) {
    for (const item of dbs.value.items) {
      const o = isObject(item) ? entry(item, 'options') : undefined;
      const f = o && isObject(item) && entry(item, 'strategy') === undefined ? auth0Unset(doc, o) : undefined;
      if (f) out.push(f);
    }
  }
  return false;
};

/** Connection options: a policy level, complexity options or the flexible password options. */
export const auth0ConnectionOptions: ObjectRecogniser = ({ doc, obj, r, anchor }, out) => {
  const level = r.str(['passwordPolicy', 'password_policy']);
  // A bare level word ("good", "none") is Auth0's only where Auth0 is evident.
  const auth0Level =
    level !== undefined && AUTH0_LEVELS[level.toLowerCase()] !== undefined && (/auth0/i.test(doc.text) || AUTH0_KEYS.some((k) => r.entry([k])));
  if (auth0Level || isObject(r.node(['password_complexity_options'])) || isObject(get(r.node(['password_options']), 'complexity'))) {
    const f = auth0Options(doc, obj, anchor);
    if (f) out.push(f);
    return true;
  }
  return false;
};

/** Attack protection: `bruteForceProtection` / `brute_force_protection` objects. */
export const auth0AttackProtection: ObjectRecogniser = ({ doc, r }, out) => {
  const bfp = r.entry(['bruteForceProtection', 'brute_force_protection']);
  if (bfp && isObject(bfp.value)) {
    const f = auth0BruteForce(doc, bfp.value, headerRange(doc, bfp));
    if (f) out.push(f);
  }
  return false;
};

/** Terraform `auth0_connection` with the `auth0` (database) strategy. */
export const auth0ConnectionTerraform: ResourceRecogniser = (doc, res, r, out) => {
  if (r.str(['strategy']) !== 'auth0') return;
  const options = r.entry(['options']);
  if (options && isObject(options.value)) {
    const f = auth0Options(doc, options.value, res.anchor) ?? auth0Unset(doc, options);
    if (f) out.push(f);
  } else if (!options && !hasDynamic(res.body, 'options')) {
    // A database connection with no options at all gets the `none` level too.
    out.push({ product: 'Auth0', anchor: res.anchor, minLength: omitted(res.anchor, AUTH0_LEVELS.none.min) });
  }
};

/** Terraform `auth0_attack_protection`. */
export const auth0AttackProtectionTerraform: ResourceRecogniser = (doc, _res, r, out) => {
  const bfp = r.entry(['brute_force_protection']);
  if (bfp && isObject(bfp.value)) {
    const f = auth0BruteForce(doc, bfp.value, headerRange(doc, bfp));
    if (f) out.push(f);
  }
};
