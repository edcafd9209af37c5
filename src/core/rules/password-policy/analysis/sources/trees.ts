import type { Document } from '../../../../documents/document';
import { treesOf } from '../../../../documents/trees';
import { bool, entry, get, num, type Entry, type ObjectNode, type TreeNode } from '../../../../documents/tree';
import { CHAR_CLASSES, type CharClass } from '../../../../guidelines/profiles';
import type { Range } from '../../../../types';
import { omitted, stated, type Fact, type LockoutFacts, type PolicyFacts } from '../model';
import { entryInserter, scalarReplacer } from '../edits';
import { headerRange, TreeReader, type WhenOmitted } from '../reader';
import { isKeycloakPolicy, keycloakPolicyFacts } from './keycloak';
import { mentionsAny } from '../../../../literals';
import { pamMinLength } from './system';
import { stringCandidates } from './hcl-eval';
import { isMinLengthSetting, namesPassword, PW_WORDS, splitWords } from './names';

/** Words (any case) every recogniser below needs: a cheap gate, answered by the shared one-pass search. */
export const TREE_WORDS: readonly string[] = ['passw', 'policy', 'brute', 'lockout', 'realm', 'minlen', 'min_len', 'user_pool_name'];

/**
 * Password policies in structured files: Terraform (HCL and JSON), CloudFormation, Pulumi YAML,
 * Ansible, Keycloak realms, Auth0, Okta, Firebase/Identity Platform and ASP.NET Core Identity
 * settings. Each recogniser matches an object by its distinctive keys, so the same shape is
 * found wherever a tool nests it.
 */

type ClassKeys = Record<CharClass, string[]>;

/** Key names of one dialect of the AWS IAM account password policy. */
interface AwsKeys {
  minLength: string[];
  classes: ClassKeys;
  history: string[];
  maxAge: string[];
}

const AWS_TF: AwsKeys = {
  minLength: ['minimum_password_length'],
  classes: { upper: ['require_uppercase_characters'], lower: ['require_lowercase_characters'], digit: ['require_numbers'], symbol: ['require_symbols'] },
  history: ['password_reuse_prevention'],
  maxAge: ['max_password_age'],
};

const AWS_CAMEL: AwsKeys = {
  minLength: ['minimumPasswordLength'],
  classes: { upper: ['requireUppercaseCharacters'], lower: ['requireLowercaseCharacters'], digit: ['requireNumbers'], symbol: ['requireSymbols'] },
  history: ['passwordReusePrevention'],
  maxAge: ['maxPasswordAge'],
};

// The IAM API's own names: CLI input JSON, CloudFormation custom resources, SDK payloads.
const AWS_API: AwsKeys = {
  minLength: ['MinimumPasswordLength'],
  classes: { upper: ['RequireUppercaseCharacters'], lower: ['RequireLowercaseCharacters'], digit: ['RequireNumbers'], symbol: ['RequireSymbols'] },
  history: ['PasswordReusePrevention'],
  maxAge: ['MaxPasswordAge'],
};

const AWS_ANSIBLE: AwsKeys = {
  minLength: ['min_pw_length', 'minimum_password_length'],
  classes: { upper: ['require_uppercase'], lower: ['require_lowercase'], digit: ['require_numbers'], symbol: ['require_symbols'] },
  history: ['pw_reuse_prevent', 'password_reuse_prevent', 'prevent_reuse'],
  maxAge: ['pw_max_age', 'password_max_age'],
};

/** Product defaults for omitted settings; undefined: omitted settings are unknown. */
interface Defaults {
  minLength?: WhenOmitted<number>;
  classes?: WhenOmitted<boolean>;
  history?: WhenOmitted<number>;
  maxAge?: WhenOmitted<number>;
}

// IAM applies 6 characters, no classes, no reuse limit and no expiry to what a policy omits.
const AWS_DEFAULTS: Defaults = { minLength: { default: 6 }, classes: { default: false }, history: { default: 0 }, maxAge: { default: 0 } };
// Alibaba Cloud RAM: 12 characters and all four classes unless turned off; no reuse limit.
const ALICLOUD_DEFAULTS: Defaults = { minLength: { default: 12 }, classes: { default: true }, history: { default: 0 }, maxAge: { default: 0 } };

function classFacts(r: TreeReader, keys: ClassKeys, whenOmitted: WhenOmitted<boolean>): Partial<Record<CharClass, Fact<boolean>>> {
  const out: Partial<Record<CharClass, Fact<boolean>>> = {};
  for (const [cls, k] of Object.entries(keys) as [CharClass, string[]][]) {
    const f = r.bool(k, whenOmitted);
    if (f) out[cls] = f;
  }
  return out;
}

function put<K extends keyof PolicyFacts>(facts: PolicyFacts, key: K, value: PolicyFacts[K] | undefined): void {
  if (value !== undefined) facts[key] = value;
}

function iamLike(r: TreeReader, product: string, keys: AwsKeys, d: Defaults): PolicyFacts {
  const facts: PolicyFacts = { product, anchor: r.anchor, classes: classFacts(r, keys.classes, d.classes) };
  put(facts, 'minLength', r.num(keys.minLength, d.minLength));
  put(facts, 'history', r.num(keys.history, d.history));
  put(facts, 'maxAgeDays', r.num(keys.maxAge, d.maxAge));
  return facts;
}

function alicloud(r: TreeReader, camel: boolean, explicitOnly: boolean): PolicyFacts {
  const keys = camel ? AWS_CAMEL : AWS_TF;
  const facts = iamLike(r, 'Alibaba Cloud RAM', keys, explicitOnly ? {} : ALICLOUD_DEFAULTS);
  // RAM locks an account for an hour after this many failures (default 5); 0 turns it off.
  const attempts = r.num(
    camel ? ['maxLoginAttempts', 'maxLoginAttemps'] : ['max_login_attempts', 'max_login_attemps'],
    explicitOnly ? undefined : { default: 5 },
  );
  if (attempts) facts.lockout = { attempts };
  return facts;
}

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

const COGNITO_CLASSES = (k: (s: string) => string): ClassKeys => ({
  upper: [k('require_uppercase')],
  lower: [k('require_lowercase')],
  digit: [k('require_numbers')],
  symbol: [k('require_symbols')],
});

/** Whether a Terraform body generates the named nested block with `dynamic "name" { … }`. */
function hasDynamic(body: ObjectNode | undefined, name: string): boolean {
  return body?.entries.some((e) => e.key === 'dynamic' && e.value.kind === 'object' && e.value.labels?.[0] === name) ?? false;
}

/**
 * Cognito user pools. Without a password policy Cognito applies 8 characters and all four
 * classes; inside a stated policy, omitted attributes are left to the provider and not judged.
 */
function cognito(doc: Document, pool: ObjectNode | undefined, anchor: Range, style: 'tf' | 'pulumi' | 'cfn'): PolicyFacts {
  const k = (snake: string): string => {
    if (style === 'tf') return snake;
    const camel = snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    return style === 'cfn' ? camel[0].toUpperCase() + camel.slice(1) : camel;
  };
  const policyNode = style === 'cfn' ? get(pool, 'Policies', 'PasswordPolicy') : style === 'tf' ? get(pool, 'password_policy') : get(pool, 'passwordPolicy');
  const mfa = new TreeReader(doc, pool, anchor).str([k('mfa_configuration')]);
  const facts: PolicyFacts = { product: 'Amazon Cognito', anchor, ...(mfa?.toUpperCase() === 'ON' ? { mfa: true } : {}) };
  if (policyNode?.kind === 'object') {
    const r = new TreeReader(doc, policyNode, anchor);
    facts.classes = classFacts(r, COGNITO_CLASSES(k), undefined);
    put(facts, 'minLength', r.num([k('minimum_length')]));
    put(facts, 'history', r.num([k('password_history_size')], { default: 0 }));
  } else if (policyNode === undefined && !(style === 'tf' && hasDynamic(pool, 'password_policy'))) {
    // (A Terraform `dynamic "password_policy"` block builds the policy from variables: the
    // values are judged where they are set.)
    facts.minLength = omitted(anchor, 8);
    facts.classes = { upper: omitted(anchor, true), lower: omitted(anchor, true), digit: omitted(anchor, true), symbol: omitted(anchor, true) };
    facts.history = omitted(anchor, 0);
  }
  return facts;
}

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

function keycloakRealm(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
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

const AUTH0_LEVELS: Readonly<Record<string, { min: number; classes?: CharClass[]; anyOf?: number }>> = {
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
const AUTH0_KEYS = [
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
function auth0Options(doc: Document, obj: ObjectNode, anchor: Range): PolicyFacts | undefined {
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

const ASPNET_PASSWORD_KEYS = ['RequiredLength', 'RequireDigit', 'RequireLowercase', 'RequireUppercase', 'RequireNonAlphanumeric', 'RequiredUniqueChars'];

/** Parses a .NET TimeSpan string ("00:05:00", "1.00:00:00") to minutes. */
function timeSpanMinutes(s: string): number | undefined {
  const m = /^\s*(?:(\d{1,5})\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?\s*$/.exec(s);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
}

/** ASP.NET Core Identity options bound from appsettings (`"Password": { "RequiredLength": 8 }`). */
function aspnet(doc: Document, parent: ObjectNode, password: Entry): PolicyFacts | undefined {
  if (password.value.kind !== 'object') return undefined;
  const anchor = headerRange(doc, password);
  const r = new TreeReader(doc, password.value, anchor, true);
  if (!ASPNET_PASSWORD_KEYS.some((k) => r.entry([k]))) return undefined;
  const facts: PolicyFacts = {
    product: 'ASP.NET Core Identity',
    anchor,
    classes: classFacts(
      r,
      { upper: ['RequireUppercase'], lower: ['RequireLowercase'], digit: ['RequireDigit'], symbol: ['RequireNonAlphanumeric'] },
      undefined,
    ),
  };
  put(facts, 'minLength', r.num(['RequiredLength']));
  const lock = new TreeReader(doc, parent, anchor, true).node(['Lockout']);
  if (lock?.kind === 'object') {
    const l = new TreeReader(doc, lock, anchor, true);
    const lockout: LockoutFacts = {};
    const attempts = l.num(['MaxFailedAccessAttempts']);
    if (attempts) lockout.attempts = attempts;
    const allowed = l.bool(['AllowedForNewUsers']);
    if (allowed?.kind === 'set' && !allowed.value) lockout.enabled = allowed;
    const span = l.node(['DefaultLockoutTimeSpan']);
    const minutes = span?.kind === 'scalar' && typeof span.value === 'string' ? timeSpanMinutes(span.value) : undefined;
    if (span && minutes !== undefined) lockout.minutes = stated(minutes, span.range);
    if (lockout.attempts || lockout.enabled || lockout.minutes) facts.lockout = lockout;
  }
  return facts;
}

const ANSIBLE_IAM = new Set(['iam_password_policy', 'community.aws.iam_password_policy', 'amazon.aws.iam_password_policy']);
const ANSIBLE_KEYCLOAK = new Set(['keycloak_realm', 'community.general.keycloak_realm']);

const PULUMI_TYPES: Readonly<Record<string, 'aws' | 'alicloud' | 'cognito'>> = {
  'aws:iam:AccountPasswordPolicy': 'aws',
  'aws:iam/accountPasswordPolicy:AccountPasswordPolicy': 'aws',
  'alicloud:ram:AccountPasswordPolicy': 'alicloud',
  'aws:cognito:UserPool': 'cognito',
  'aws:cognito/userPool:UserPool': 'cognito',
};

function isObject(n: TreeNode | undefined): n is ObjectNode {
  return n?.kind === 'object';
}

/** The document range of `part` inside a scalar's value, when the source writes the value verbatim. */
function partRange(doc: Document, node: TreeNode, value: string, part: Range): Range {
  const raw = doc.text.slice(node.range[0], node.range[1]);
  const at = raw.indexOf(value);
  return at >= 0 ? [node.range[0] + at + part[0], node.range[0] + at + part[1]] : node.range;
}

/**
 * Ansible tasks that write OS password settings: `lineinfile` putting `PASS_MIN_LEN 8` into
 * login.defs or `minlen = 8` into pwquality.conf, `ini_file` setting `minlen`, and `pamd`
 * module arguments (`minlen=8`, passwdqc `min=…`).
 */
function ansibleFileTask(doc: Document, obj: ObjectNode, out: PolicyFacts[]): void {
  const r = new TreeReader(doc, obj, obj.range);
  const file = r.str(['path', 'dest', 'name']) ?? '';
  const line = r.node(['line']);
  if (typeof file !== 'string') return;
  if (line?.kind === 'scalar' && typeof line.value === 'string' && /login\.defs|pwquality|pam\.d/.test(file)) {
    const m = /^\s*PASS_MIN_LEN\s+(\d{1,3})\b|^\s*minlen\s*=\s*(\d{1,3})\b/d.exec(line.value) ?? undefined;
    const g = m?.[1] !== undefined ? 1 : 2;
    const at = m?.indices?.[g];
    if (m && at)
      out.push({ product: 'system settings', anchor: line.range, minLength: stated(Number(m[g]), partRange(doc, line, line.value, [at[0], at[1]])) });
    else if (/pam\.d/.test(file)) {
      const min = pamMinLength(line.value);
      if (min) out.push({ product: 'PAM', anchor: line.range, minLength: stated(min.value, partRange(doc, line, line.value, min.range)) });
    }
    return;
  }
  const option = r.str(['option']);
  const value = r.node(['value']);
  if (option === 'minlen' && /pwquality/.test(file) && value?.kind === 'scalar') {
    const n = num(value);
    if (n !== undefined) out.push({ product: 'libpwquality', anchor: value.range, minLength: stated(n, value.range, scalarReplacer<number>(doc, value)) });
    return;
  }
  const args = r.node(['module_arguments']);
  if (args?.kind === 'scalar' && typeof args.value === 'string' && /pwquality|cracklib|passwdqc|unix/.test(r.str(['module_path']) ?? '')) {
    const min = pamMinLength(args.value);
    if (min) out.push({ product: 'PAM', anchor: args.range, minLength: stated(min.value, partRange(doc, args, args.value, min.range)) });
  }
}

/** Recognises one object of a YAML or JSON tree; `via` is the entry that holds it, if any. */
function recognise(doc: Document, obj: ObjectNode, via: Entry | undefined, out: PolicyFacts[]): void {
  const anchor = via ? headerRange(doc, via) : ([obj.range[0], Math.min(obj.range[1], obj.range[0] + 1)] as Range);
  const r = new TreeReader(doc, obj, anchor);

  // Pulumi YAML resource: { type: aws:iam:AccountPasswordPolicy, properties: {...} }.
  const pulumi = PULUMI_TYPES[r.str(['type']) ?? ''];
  if (pulumi) {
    const props = r.node(['properties']);
    const body = isObject(props) ? props : undefined;
    if (props && !body && !(props.kind === 'scalar' && props.value === null)) return;
    const pr = new TreeReader(doc, body, anchor);
    if (pulumi === 'aws') out.push(iamLike(pr, 'AWS IAM', AWS_CAMEL, AWS_DEFAULTS));
    else if (pulumi === 'alicloud') out.push(alicloud(pr, true, false));
    else out.push(cognito(doc, body, anchor, 'pulumi'));
    return;
  }
  // CloudFormation: AWS::Cognito::UserPool (IAM account policies have no native resource;
  // custom resources carrying the IAM API's names are caught below).
  if (r.str(['Type']) === 'AWS::Cognito::UserPool') {
    const props = r.node(['Properties']);
    out.push(cognito(doc, isObject(props) ? props : undefined, anchor, 'cfn'));
    return;
  }
  // Ansible tasks.
  if (doc.format === 'yaml' && (r.entry(['line']) || r.entry(['option']) || r.entry(['module_arguments']))) ansibleFileTask(doc, obj, out);
  for (const e of obj.entries) {
    if (ANSIBLE_IAM.has(e.key) && isObject(e.value)) {
      const a = new TreeReader(doc, e.value, headerRange(doc, e));
      if (a.str(['state']) === 'absent') continue;
      out.push(iamLike(a, 'AWS IAM', AWS_ANSIBLE, AWS_DEFAULTS));
    } else if (ANSIBLE_KEYCLOAK.has(e.key) && isObject(e.value)) {
      const f = keycloakRealm(doc, e.value, headerRange(doc, e));
      if (f) out.push(f);
    }
  }
  // IAM API shape.
  if (
    r.entry(['MinimumPasswordLength']) ||
    ['RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'PasswordReusePrevention'].filter((k) => r.entry([k]))
      .length >= 2
  ) {
    out.push(iamLike(r, 'AWS IAM', AWS_API, {}));
    return;
  }
  // Auth0 database connections (Management API `strategy: auth0`, deploy CLI `databases:`)
  // whose options state no password policy.
  if (r.str(['strategy']) === 'auth0' && isObject(r.node(['options'])) && (/auth0/i.test(doc.text) || r.entry(['enabled_clients', 'enabledClients']))) {
    const f = auth0Unset(doc, r.entry(['options']) as Entry);
    if (f) out.push(f);
  }
  const dbs = r.entry(['databases']);
  if (dbs?.value.kind === 'array' && /auth0/i.test(doc.text)) {
    for (const item of dbs.value.items) {
      const o = isObject(item) ? entry(item, 'options') : undefined;
      const f = o && isObject(item) && entry(item, 'strategy') === undefined ? auth0Unset(doc, o) : undefined;
      if (f) out.push(f);
    }
  }
  // Auth0 connection options / attack protection.
  const level = r.str(['passwordPolicy', 'password_policy']);
  // A bare level word ("good", "none") is Auth0's only where Auth0 is evident.
  const auth0Level =
    level !== undefined && AUTH0_LEVELS[level.toLowerCase()] !== undefined && (/auth0/i.test(doc.text) || AUTH0_KEYS.some((k) => r.entry([k])));
  if (auth0Level || isObject(r.node(['password_complexity_options'])) || isObject(get(r.node(['password_options']), 'complexity'))) {
    const f = auth0Options(doc, obj, anchor);
    if (f) out.push(f);
    return;
  }
  const bfp = r.entry(['bruteForceProtection', 'brute_force_protection']);
  if (bfp && isObject(bfp.value)) {
    const f = auth0BruteForce(doc, bfp.value, headerRange(doc, bfp));
    if (f) out.push(f);
  }
  // Keycloak realm or policy string.
  if (level !== undefined || r.entry(['bruteForceProtected']) || isRealmRepresentation(r)) {
    const f = keycloakRealm(doc, obj, anchor);
    if (f) out.push(f);
    return;
  }
  // Okta: settings.password.{complexity, age, lockout}.
  if (via?.key === 'password' && isObject(r.node(['complexity'])) && isObject(r.node(['age']) ?? r.node(['lockout']))) {
    const f = oktaApi(doc, obj, anchor);
    if (f) out.push(f);
    return;
  }
  const fb = r.entry(['passwordPolicyConfig']);
  if (fb && isObject(fb.value)) {
    const f = firebase(doc, fb.value, headerRange(doc, fb));
    if (f) out.push(f);
  }
  const pw = new TreeReader(doc, obj, anchor, true).entry(['Password']);
  if (pw) {
    const f = aspnet(doc, obj, pw);
    if (f) out.push(f);
  }
}

/**
 * Settings named for a password minimum length in any configuration (`password_min_length: 8`,
 * `passwordMinLength: 6`, `password: { min-length: 8 }`), whatever product reads them. A
 * JSON Schema property (`password: { type: string, minLength: 1 }`) describes input, not a
 * policy, and is left alone.
 */
function namedSettings(doc: Document, obj: ObjectNode, via: Entry | undefined, out: PolicyFacts[]): void {
  const parentWords = via ? splitWords(via.key) : [];
  const underPassword = parentWords.length === 1 && PW_WORDS.has(parentWords[0]) && entry(obj, 'type') === undefined;
  for (const e of obj.entries) {
    const v = e.value;
    // Cheap test first: every name this reads holds "min" (min, minimum, minlen).
    if (v.kind !== 'scalar' || !/min/i.test(e.key) || v.tag === 'expr' || (v.tag && v.tag.startsWith('!'))) continue;
    if (!(typeof v.value === 'number' || (typeof v.value === 'string' && /^\d{1,3}$/.test(v.value)))) continue;
    if (!isMinLengthSetting(e.key) && !(underPassword && isMinLengthSetting(`${via?.key}_${e.key}`))) continue;
    const n = Number(v.value);
    if (!Number.isInteger(n) || n < 0 || n > 512) continue;
    out.push({ product: 'configuration', anchor: e.keyRange, minLength: stated(n, v.range, scalarReplacer<number>(doc, v)) });
  }
}

function walk(doc: Document, node: TreeNode, via: Entry | undefined, out: PolicyFacts[], named: PolicyFacts[], depth: number): void {
  if (depth > 60 || out.length > 200) return;
  if (node.kind === 'object') {
    recognise(doc, node, via, out);
    if (named.length < 50) namedSettings(doc, node, via, named);
    for (const e of node.entries) walk(doc, e.value, e, out, named, depth + 1);
  } else if (node.kind === 'array') {
    for (const item of node.items) walk(doc, item, undefined, out, named, depth + 1);
  }
}

/** Adds `extra` policies whose minimum length no policy of `out` already states at that place. */
export function addUnseen(out: PolicyFacts[], extra: readonly PolicyFacts[]): void {
  const seen = new Set(out.flatMap((f) => (f.minLength?.kind === 'set' ? [f.minLength.range.join(':')] : [])));
  for (const f of extra) if (f.minLength?.kind === 'set' && !seen.has(f.minLength.range.join(':'))) out.push(f);
}

/** A Terraform resource: type label, body and the header to point at. */
interface TfResource {
  type: string;
  body: ObjectNode;
  anchor: Range;
}

function terraformResources(doc: Document, root: TreeNode): TfResource[] {
  const out: TfResource[] = [];
  if (root.kind !== 'object') return out;
  for (const e of root.entries) {
    if (e.key !== 'resource' || e.value.kind !== 'object') continue;
    if (doc.format === 'hcl') {
      const type = e.value.labels?.[0];
      if (type) out.push({ type, body: e.value, anchor: headerRange(doc, e) });
    } else {
      // Terraform JSON: { "resource": { "<type>": { "<name>": { … } } } }
      for (const t of e.value.entries) {
        if (t.value.kind !== 'object') continue;
        for (const n of t.value.entries) if (n.value.kind === 'object') out.push({ type: t.key, body: n.value, anchor: headerRange(doc, n) });
      }
    }
  }
  return out;
}

function terraform(doc: Document, res: TfResource, out: PolicyFacts[]): void {
  const r = new TreeReader(doc, res.body, res.anchor);
  switch (res.type) {
    case 'aws_iam_account_password_policy':
      out.push(iamLike(r, 'AWS IAM', AWS_TF, AWS_DEFAULTS));
      return;
    case 'alicloud_ram_account_password_policy':
      out.push(alicloud(r, false, false));
      return;
    case 'alicloud_ram_password_policy':
      out.push(alicloud(r, false, true));
      return;
    case 'oci_identity_authentication_policy': {
      const f = oci(doc, res.body, res.anchor);
      if (f) out.push(f);
      return;
    }
    case 'aws_cognito_user_pool':
      out.push(cognito(doc, res.body, res.anchor, 'tf'));
      return;
    case 'okta_policy_password':
    case 'okta_policy_password_default':
      out.push(okta(r));
      return;
    case 'keycloak_realm': {
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
      return;
    }
    case 'auth0_connection': {
      if (r.str(['strategy']) !== 'auth0') return;
      const options = r.entry(['options']);
      if (options && isObject(options.value)) {
        const f = auth0Options(doc, options.value, res.anchor) ?? auth0Unset(doc, options);
        if (f) out.push(f);
      } else if (!options && !hasDynamic(res.body, 'options')) {
        // A database connection with no options at all gets the `none` level too.
        out.push({ product: 'Auth0', anchor: res.anchor, minLength: omitted(res.anchor, AUTH0_LEVELS.none.min) });
      }
      return;
    }
    case 'auth0_attack_protection': {
      const bfp = r.entry(['brute_force_protection']);
      if (bfp && isObject(bfp.value)) {
        const f = auth0BruteForce(doc, bfp.value, headerRange(doc, bfp));
        if (f) out.push(f);
      }
      return;
    }
    default:
      return;
  }
}

const SUPABASE_REQUIREMENTS: Readonly<Record<string, CharClass[]>> = {
  '': [],
  letters_digits: ['lower', 'digit'],
  lower_upper_letters_digits: ['lower', 'upper', 'digit'],
  lower_upper_letters_digits_symbols: ['lower', 'upper', 'digit', 'symbol'],
};

/** Supabase `config.toml`: `[auth] minimum_password_length` (default 6) and `password_requirements`. */
function supabase(doc: Document, root: TreeNode): PolicyFacts | undefined {
  const auth = root.kind === 'object' ? entry(root, 'auth') : undefined;
  if (!auth || auth.value.kind !== 'object') return undefined;
  const isSupabase = entry(root, 'project_id') !== undefined || /(^|[\\/])supabase[\\/]/.test(doc.path);
  const r = new TreeReader(doc, auth.value, headerRange(doc, auth));
  if (!isSupabase && !r.entry(['minimum_password_length', 'password_requirements'])) return undefined;
  const facts: PolicyFacts = { product: 'Supabase Auth', anchor: r.anchor };
  put(facts, 'minLength', r.num(['minimum_password_length'], { default: 6 }));
  const req = r.entry(['password_requirements']);
  const value = req?.value.kind === 'scalar' && typeof req.value.value === 'string' ? req.value.value : req ? undefined : '';
  const classes = value !== undefined ? SUPABASE_REQUIREMENTS[value] : undefined;
  if (classes) {
    const strongest = 'lower_upper_letters_digits_symbols';
    const node = req?.value;
    const replace = node?.kind === 'scalar' ? scalarReplacer<string>(doc, node) : undefined;
    const insert = req ? undefined : entryInserter<string>(doc, auth.value, 'password_requirements');
    facts.classes = Object.fromEntries(
      CHAR_CLASSES.map((c): [CharClass, Fact<boolean>] => {
        const on = classes.includes(c);
        if (node) return [c, stated<boolean>(on, node.range, replace ? () => replace(strongest) : undefined)];
        return [c, omitted<boolean>(r.anchor, false, insert ? () => insert(strongest) : undefined)];
      }),
    );
  }
  return facts;
}

/**
 * Ansible role defaults and inventory variables that carry PAM option strings (`…_passwdqc_options:
 * min=disabled,24,12,8,7`, `…_pwquality_options: minlen=8`). Judged where the value is set.
 */
function ansibleVariables(doc: Document, root: TreeNode, out: PolicyFacts[]): void {
  if (root.kind !== 'object' || !/(^|[\\/])(defaults|vars|group_vars|host_vars)[\\/]/.test(doc.path)) return;
  for (const e of root.entries) {
    const v = e.value;
    if (v.kind !== 'scalar' || v.tag === 'expr') continue;
    const key = e.key.toLowerCase();
    // Plain numbers (`os_pw_min_length: 8`) are read by namedSettings, wherever they are.
    if (typeof v.value !== 'string' || !/(passwdqc|pwquality|cracklib|pam_unix)/.test(key) || !/options|args|params/.test(key)) continue;
    // A module switched off by its sibling `…_enable: false` sets nothing.
    const stem = key.replace(/_?(options|args|params)$/, '');
    const enable = root.entries.find((x) => x.key.toLowerCase() === `${stem}_enable` || x.key.toLowerCase() === `${stem}_enabled`);
    if (enable && bool(enable.value) === false) continue;
    const min = pamMinLength(v.value);
    if (!min) continue;
    // Point at the option inside the value when the source writes it verbatim.
    const raw = doc.text.slice(v.range[0], v.range[1]);
    const at = raw.indexOf(v.value);
    const range: Range = at >= 0 ? [v.range[0] + at + min.range[0], v.range[0] + at + min.range[1]] : v.range;
    out.push({ product: 'PAM (Ansible variable)', anchor: e.keyRange, minLength: stated(min.value, range) });
  }
}

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
function terraformValues(doc: Document, root: TreeNode, out: PolicyFacts[]): void {
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

/** Every password policy in a structured document. */
export function treePolicies(doc: Document): PolicyFacts[] {
  if (doc.format === 'toml') {
    const root = treesOf(doc)[0];
    const f = root ? supabase(doc, root) : undefined;
    return f ? [f] : [];
  }
  if (doc.format !== 'hcl' && doc.format !== 'json' && doc.format !== 'yaml') return [];
  // Cheap gate: every recogniser needs one of these words.
  if (!mentionsAny(doc, TREE_WORDS)) return [];
  const out: PolicyFacts[] = [];
  for (const tree of treesOf(doc)) {
    const resources = terraformResources(doc, tree);
    if (resources.length > 0 || doc.format === 'hcl') {
      for (const res of resources) terraform(doc, res, out);
      if (doc.format === 'hcl') terraformValues(doc, tree, out);
      continue;
    }
    const named: PolicyFacts[] = [];
    walk(doc, tree, undefined, out, named, 0);
    if (doc.format === 'yaml') ansibleVariables(doc, tree, out);
    addUnseen(out, named);
  }
  return out;
}
