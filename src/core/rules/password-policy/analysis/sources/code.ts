import type { Document } from '../../../../documents/document';
import type { CharClass } from '../../../../guidelines/profiles';
import type { Range, TextEdit } from '../../../../types';
import { omitted, stated, type Fact, type LockoutFacts, type PolicyFacts } from '../model';
import { closing, groupRange, inLineComment, matches, numberReplacer, splitArgs } from './text';
import { mentionsAny } from '../../../../literals';

/**
 * Password policies written in application code: ASP.NET Core Identity options, Django's
 * AUTH_PASSWORD_VALIDATORS, Laravel's Password rule, Devise and Rails validations, validation
 * schemas (zod, yup, Joi, class-validator, Bean Validation, pydantic/Django forms), Firebase's
 * passwordPolicyConfig and Azure AD B2C predicates.
 *
 * A schema's `min(n)` is a policy only where passwords are set (registration, reset, change);
 * a login form's `min(1)` merely says "required". We judge a schema only when its field or its
 * enclosing declaration or file is named for setting a password, never for logging in.
 */

const SET_CONTEXT =
  /regist|sign[-_]?up|create|new[-_]?(user|account|pass)|reset|change[-_]?pass|update[-_]?pass|set[-_]?pass|pass(word)?[-_]?(change|reset|update|policy|rules?|schema|strength)|onboard|invit|enrol|join/i;
const LOGIN_CONTEXT = /log[-_]?in|sign[-_]?in|authenticat|credential|session/i;
const PASSWORD_FIELD = /pass(word|wd)?$|^pass(word|wd)|pwd|password/i;
const NOT_POLICY_FIELD = /confirm|current|old|verify|repeat|again|retype|existing|^password2$|hash|salt/i;
// Credentials of services (`DB_PASSWORD`, `smtpPassword`) are secrets to configure, not user passwords.
const SERVICE_CREDENTIAL = /(db|database|smtp|mail|redis|mongo|mysql|postgres|pg|ldap|proxy|api|service|keystore|truststore|root)_?pass/i;
const CONSTANT_NAME = /^[A-Z0-9_]+$/;

function isSetPasswordField(name: string): boolean {
  return /^(new|initial|create)[-_]?pass|^pass(word)?1$/i.test(name);
}

/** The name of the declaration enclosing `offset` (class, function, const …), if close by. */
function enclosingName(text: string, offset: number): string | undefined {
  const from = Math.max(0, offset - 3000);
  const window = text.slice(from, offset);
  const re = /\b(?:class|interface|type|function|def|const|let|var|val|record|struct)\s+([A-Za-z_$][\w$]*)/g;
  let last: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(window)) !== null) last = m[1];
  return last;
}

/** Whether a schema field at `offset` sets a password (see the module comment). */
function setsPassword(doc: Document, offset: number, field: string): boolean {
  if (!PASSWORD_FIELD.test(field) || NOT_POLICY_FIELD.test(field) || SERVICE_CREDENTIAL.test(field) || CONSTANT_NAME.test(field)) return false;
  if (isSetPasswordField(field)) return true;
  const name = enclosingName(doc.text, offset);
  if (name && LOGIN_CONTEXT.test(name)) return false;
  if (name && SET_CONTEXT.test(name)) return true;
  const file = doc.path.split(/[\\/]/).slice(-3).join('/');
  if (LOGIN_CONTEXT.test(file)) return false;
  return SET_CONTEXT.test(file);
}

function minLengthPolicy(product: string, anchor: Range, m: RegExpExecArray, group: number): PolicyFacts | undefined {
  const r = groupRange(m, group);
  const n = Number(m[group]);
  // `min(1)` only says "required".
  if (!r || !(n >= 2)) return undefined;
  return { product, anchor, minLength: stated(n, r, numberReplacer(r)) };
}

/** zod / yup / Joi chains: `password: z.string().min(8)`. */
function schemaChains(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  // Found by the `.string()` call, then the `field: z` before it: a regex that starts with the
  // field name is tried at every identifier of a file (a fifth of the password-policy time).
  for (const call of matches(/\.\s*string\s*\(\s*\)/dg, text)) {
    const from = Math.max(0, call.index - 200);
    const head = /(?<![\w$])(['"]?)([A-Za-z_$][\w$]{0,60})\1\s*:\s*(z|yup|Yup|Joi|joi)\s*$/d.exec(text.slice(from, call.index));
    if (!head?.indices) continue;
    const field = head[2];
    if (!PASSWORD_FIELD.test(field)) continue;
    const at = from + head.index;
    // The chain runs to the next top-level comma, brace or semicolon.
    const start = call.index + call[0].length;
    let end = start;
    let depth = 0;
    for (; end < Math.min(text.length, start + 600); end++) {
      const c = text[end];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if ((c === ',' || c === ';') && depth === 0) break;
    }
    const chain = /\.\s*min\s*\(\s*(\d{1,4})\s*[,)]/d.exec(text.slice(start, end));
    if (!chain?.indices) continue;
    if (!setsPassword(doc, at, field)) continue;
    const numAt = start + chain.indices[1][0];
    const r: Range = [numAt, numAt + chain[1].length];
    const n = Number(chain[1]);
    const anchor: Range = [from + head.indices[2][0], from + head.indices[2][1]];
    if (n >= 2) out.push({ product: head[3].toLowerCase() === 'z' ? 'zod' : head[3], anchor, minLength: stated(n, r, numberReplacer(r)) });
  }
}

/** The name of the field or property after a decorator ending at `from`, past other decorators. */
function decoratedName(text: string, from: number): string | undefined {
  let at = from;
  for (let i = 0; i < 8; i++) {
    const d = /^\s*@[\w.]+\s*/.exec(text.slice(at, at + 200));
    if (!d) break;
    at += d[0].length;
    if (text[at] === '(') {
      const close = closing(text, at, 1000);
      if (close === undefined) return undefined;
      at = close;
    }
  }
  const m = /^\s*(?:(?:public|private|protected|readonly|final|override|lateinit|var|val)\s+)*(?:String\s+)?([A-Za-z_$][\w$]*)\s*[!?]?\s*[:;=]/.exec(
    text.slice(at, at + 300),
  );
  return m?.[1];
}

const DECORATOR_WORDS = ['@size', '@length', '@minlength'];

/** class-validator (`@MinLength(8) password`) and Bean Validation (`@Size(min = 8) String password`). */
function decorators(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!mentionsAny(doc, DECORATOR_WORDS)) return;
  const re =
    doc.format === 'java' || doc.format === 'kotlin'
      ? /@(?:Size|Length)\s*\([^()\n]{0,200}?\bmin\s*=\s*(\d{1,4})[^()\n]{0,200}\)/dg
      : /@(?:MinLength|Length)\s*\(\s*(\d{1,4})\b[^()\n]{0,200}\)/dg;
  for (const m of matches(re, text)) {
    const field = decoratedName(text, m.index + m[0].length);
    if (!field || !setsPassword(doc, m.index, field)) continue;
    const f = minLengthPolicy(doc.format === 'java' ? 'Bean Validation' : 'class-validator', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
}

/** Python: pydantic `Field(min_length=8)` / `constr(min_length=8)`, Django forms, marshmallow. */
function pythonFields(doc: Document, out: PolicyFacts[]): void {
  const re = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*[:=][^\n]*?\b(?:min_length[ \t]*=|Length\([ \t]*min[ \t]*=)[ \t]*(\d{1,4})/dgm;
  for (const m of matches(re, doc.text)) {
    if (!setsPassword(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('Python validation', groupRange(m, 1) ?? [m.index, m.index], m, 2);
    if (f) out.push(f);
  }
}

/** Rails model validations and Devise's initializer. */
function ruby(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  for (const m of matches(/^[ \t]*validates(?:_length_of)?[ \t]+:password\b[^\n]*?\b(?:minimum:|in:|within:|minimum[ \t]*=>)[ \t]*(\d{1,4})/dgm, text)) {
    const f = minLengthPolicy('Rails', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
  if (!/\bconfig\.(password_length|maximum_attempts|lock_strategy|unlock_in)\b/.test(text)) return;
  let facts: PolicyFacts | undefined;
  const get = (at: number): PolicyFacts => (facts ??= { product: 'Devise', anchor: [at, text.indexOf('\n', at) >>> 0] });
  for (const m of matches(/^[ \t]*config\.password_length[ \t]*=[ \t]*(\d{1,4})[ \t]*\.\.\.?/dgm, text)) {
    const r = groupRange(m, 1);
    if (r) get(m.index).minLength = stated(Number(m[1]), r, numberReplacer(r));
  }
  const lockout: LockoutFacts = {};
  for (const m of matches(
    /^[ \t]*config\.(maximum_attempts|lock_strategy|unlock_in)[ \t]*=[ \t]*(:none|:failed_attempts|\d{1,6})(?:\.(minutes?|hours?|days?))?/dgm,
    text,
  )) {
    const r = groupRange(m, 2);
    if (!r) continue;
    get(m.index);
    if (m[1] === 'maximum_attempts') lockout.attempts = stated(Number(m[2]), r, numberReplacer(r));
    else if (m[1] === 'lock_strategy' && m[2] === ':none')
      lockout.enabled = stated<boolean>(false, r, (v: boolean): TextEdit => ({ range: r, newText: v ? ':failed_attempts' : ':none' }));
    else if (m[1] === 'unlock_in' && /^\d+$/.test(m[2])) {
      const unit = (m[3] ?? 'minutes')[0];
      lockout.minutes = stated(Number(m[2]) * (unit === 'h' ? 60 : unit === 'd' ? 1440 : 1), r);
    }
  }
  if (facts && (lockout.attempts || lockout.enabled || lockout.minutes)) facts.lockout = lockout;
  if (facts) out.push(facts);
}

/** Laravel: `Password::min(8)->mixedCase()…` and `'password' => 'required|min:8|confirmed'`. */
function laravel(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  // `Password::defaults()` is `Password::min(8)` until an application sets its own defaults
  // (`Password::defaults(fn () => …)`); a file that sets them is read by the rule below.
  if (!/\bPassword::defaults\(\s*(?:fn\b|function\b|static\b|\$)/.test(text)) {
    for (const m of matches(/\bPassword::defaults\(\s*\)/dg, text)) {
      if (inLineComment(text, m.index, ['//', '#'])) continue;
      const at: Range = [m.index, m.index + m[0].length];
      out.push({ product: 'Laravel', anchor: at, minLength: omitted(at, 8) });
    }
  }
  for (const m of matches(/\bPassword::min\(\s*(\d{1,4})\s*\)((?:\s*->\s*\w+\([^()]{0,100}\)){0,12})/dg, text)) {
    const r = groupRange(m, 1);
    if (!r || inLineComment(text, m.index, ['//', '#'])) continue;
    const calls = new Set([...m[2].matchAll(/->\s*(\w+)/g)].map((c) => c[1]));
    const at: Range = [m.index, m.index + 'Password::min('.length + m[1].length + 1];
    const end = m.index + m[0].length;
    const append =
      (call: string) =>
      (v: boolean): TextEdit => ({ range: [end, end], newText: v ? `->${call}()` : '' });
    const flag = (on: boolean, call: string): Fact<boolean> => (on ? stated(true, at) : stated<boolean>(false, at, append(call)));
    const mixed = calls.has('mixedCase');
    const classes: Record<CharClass, Fact<boolean>> = {
      upper: flag(mixed, 'mixedCase'),
      // letters() asks for any letter: enough where a profile asks for "letters".
      lower: flag(mixed || calls.has('letters'), 'mixedCase'),
      digit: flag(calls.has('numbers'), 'numbers'),
      symbol: flag(calls.has('symbols'), 'symbols'),
    };
    out.push({ product: 'Laravel', anchor: at, minLength: stated(Number(m[1]), r, numberReplacer(r)), classes });
  }
  // Validation rules on a field that is confirmed (typed twice) are where a password is set.
  const rules = /['"](?:new_)?password['"]\s*=>\s*(?:(['"])([^'"\n]{0,300})\1|\[([^\]]{0,400})\])/dg;
  for (const m of matches(rules, text)) {
    const body = m[2] ?? m[3] ?? '';
    if (!/\bconfirmed\b/.test(body)) continue;
    const min = /\bmin:(\d{1,4})\b/d.exec(body);
    const groupStart = groupRange(m, m[2] !== undefined ? 2 : 3);
    if (!min?.indices || !groupStart) continue;
    const s = groupStart[0] + min.indices[1][0];
    const r: Range = [s, s + min[1].length];
    const n = Number(min[1]);
    if (n >= 2) out.push({ product: 'Laravel', anchor: [m.index, m.index + m[0].length], minLength: stated(n, r, numberReplacer(r)) });
  }
}

const IDENTITY_KEYS: Readonly<Record<string, CharClass | 'length'>> = {
  RequiredLength: 'length',
  RequireDigit: 'digit',
  RequireLowercase: 'lower',
  RequireUppercase: 'upper',
  RequireNonAlphanumeric: 'symbol',
};

/** ASP.NET Core Identity options in C#, and sign-ins that never count failures. */
function csharp(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (/IdentityOptions|PasswordOptions|AddIdentity|AddDefaultIdentity|\.Password\.Required/.test(text)) {
    let facts: PolicyFacts | undefined;
    const lockout: LockoutFacts = {};
    const re =
      /\b(RequiredLength|RequireDigit|RequireLowercase|RequireUppercase|RequireNonAlphanumeric|MaxFailedAccessAttempts|AllowedForNewUsers)\s*=\s*(\d{1,4}|true|false)\b/dg;
    for (const m of matches(re, text)) {
      if (inLineComment(text, m.index, ['//'])) continue;
      const r = groupRange(m, 2);
      if (!r) continue;
      facts ??= { product: 'ASP.NET Core Identity', anchor: [m.index, m.index + m[0].length], classes: {} };
      const key = IDENTITY_KEYS[m[1]];
      if (key === 'length' && /^\d+$/.test(m[2])) facts.minLength = stated(Number(m[2]), r, numberReplacer(r));
      else if (key && key !== 'length' && facts.classes && /^(true|false)$/.test(m[2])) {
        facts.classes[key] = stated(m[2] === 'true', r, (v: boolean): TextEdit => ({ range: r, newText: String(v) }));
      } else if (m[1] === 'MaxFailedAccessAttempts' && /^\d+$/.test(m[2])) lockout.attempts = stated(Number(m[2]), r, numberReplacer(r));
      else if (m[1] === 'AllowedForNewUsers' && m[2] === 'false')
        lockout.enabled = stated<boolean>(false, r, (v: boolean): TextEdit => ({ range: r, newText: String(v) }));
    }
    for (const m of matches(/\bDefaultLockoutTimeSpan\s*=\s*TimeSpan\.From(Minutes|Seconds|Hours|Days)\(\s*(\d{1,6}(?:\.\d+)?)\s*\)/dg, text)) {
      const r = groupRange(m, 2);
      if (!r || !facts) continue;
      const unit = { Minutes: 1, Seconds: 1 / 60, Hours: 60, Days: 1440 }[m[1]] ?? 1;
      lockout.minutes = stated(Number(m[2]) * unit, r);
    }
    if (facts) {
      if (lockout.attempts || lockout.enabled || lockout.minutes) facts.lockout = lockout;
      out.push(facts);
    }
  }
  // SignInManager.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure) and
  // CheckPasswordSignInAsync(user, password, lockoutOnFailure): `false` means brute force is free.
  for (const m of matches(/\b(Check)?PasswordSignInAsync\s*\(/dg, text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open, 2000);
    if (close === undefined || inLineComment(text, m.index, ['//'])) continue;
    const args = splitArgs(text, open + 1, close - 1);
    const want = m[1] ? 3 : 4;
    const named = args.find((a) => /^lockoutOnFailure\s*:/.test(a.text));
    const arg = named ?? (args.length === want ? args[want - 1] : undefined);
    if (!arg) continue;
    const v = /(?:^lockoutOnFailure\s*:\s*)?(true|false)$/d.exec(arg.text);
    if (!v?.indices || v[1] !== 'false') continue;
    const r: Range = [arg.range[0] + v.indices[1][0], arg.range[0] + v.indices[1][1]];
    out.push({
      product: 'ASP.NET Core Identity',
      anchor: [m.index, close],
      lockout: { enabled: stated<boolean>(false, r, (on: boolean): TextEdit => ({ range: r, newText: String(on) })) },
    });
  }
}

/**
 * A length validator's name in AUTH_PASSWORD_VALIDATORS: Django's own, or a project's class
 * named for a minimum length (`accounts.validators.MinLengthValidator`).
 */
const DJANGO_LENGTH_NAME = /['"]NAME['"]\s*:\s*['"]([\w.]{0,200}?(MinimumLength|Min(?:imum)?_?Length|PasswordLength|LengthValidator)\w{0,40})['"]/dg;

/** Django settings: AUTH_PASSWORD_VALIDATORS and the minimum length it leaves. */
function django(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  djangoValidatorClasses(doc, out);
  // `AUTH_PASSWORD_VALIDATORS = [` or with a type annotation (`: list[dict[str, str]] = [`).
  const m = /^AUTH_PASSWORD_VALIDATORS[ \t]*(?::[^=\n]{0,80})?=\s*\[/dm.exec(text);
  if (!m) return;
  const open = m.index + m[0].length - 1;
  const close = closing(text, open);
  if (close === undefined) return;
  const body = text.slice(open, close);
  const anchor: Range = [m.index, m.index + 'AUTH_PASSWORD_VALIDATORS'.length];
  const found = [...matches(DJANGO_LENGTH_NAME, body)];
  if (found.length === 0) {
    // Test and local development settings often drop validators on purpose, to create users
    // quickly; production and shared settings do not.
    const where = doc.path.split(/[\\/]/).slice(-2).join('/');
    if (/(^|[\\/_.-])(tests?|testing|dev|develop|development|local)([\\/_.-]|$)/i.test(where)) return;
    out.push({ product: 'Django', anchor, minLength: omitted(anchor) });
    return;
  }
  for (const v of found) {
    const at = v.index;
    const next = body.slice(at + 1).search(/['"]NAME['"]/);
    const segment = body.slice(at, next < 0 ? undefined : at + 1 + next);
    // The same validator entry may name OPTIONS before NAME: look back to the entry's brace.
    const entryStart = body.lastIndexOf('{', at);
    const before = entryStart >= 0 ? body.slice(entryStart, at) : '';
    const base = open + at;
    // The finding points at the validator's NAME line, where the policy is declared.
    const nameRange: Range = [base, base + v[0].length];
    const min = /['"]min_length['"]\s*:\s*(\d{1,4})/d.exec(segment);
    const minBefore = min ? undefined : /['"]min_length['"]\s*:\s*(\d{1,4})/d.exec(before);
    if (min?.indices) {
      const r: Range = [base + min.indices[1][0], base + min.indices[1][1]];
      out.push({ product: 'Django', anchor: nameRange, minLength: stated(Number(min[1]), r, numberReplacer(r)) });
      continue;
    }
    if (minBefore?.indices) {
      const b = open + entryStart;
      const r: Range = [b + minBefore.indices[1][0], b + minBefore.indices[1][1]];
      out.push({ product: 'Django', anchor: nameRange, minLength: stated(Number(minBefore[1]), r, numberReplacer(r)) });
      continue;
    }
    // A project's own validator class has its own default, which the settings do not show.
    if (v[2] !== 'MinimumLength' || !/(^|\.)MinimumLengthValidator$/.test(v[1])) continue;
    const quoteEnd = base + v[0].length;
    const insert =
      /OPTIONS/.test(segment) || /OPTIONS/.test(before)
        ? undefined
        : (n: number): TextEdit => ({ range: [quoteEnd, quoteEnd], newText: `, 'OPTIONS': {'min_length': ${n}}` });
    // Django's MinimumLengthValidator defaults to 8.
    out.push({ product: 'Django', anchor: nameRange, minLength: omitted<number>(nameRange, 8, insert) });
  }
}

/**
 * A project's validator class built on Django's MinimumLengthValidator that fixes its own
 * minimum: `def __init__(self, min_length=6)` or `super().__init__(min_length=6)`.
 */
function djangoValidatorClasses(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!text.includes('MinimumLengthValidator')) return;
  for (const c of matches(/^class[ \t]+(\w{1,80})[ \t]*\([^)\n]{0,200}\bMinimumLengthValidator\b[^)\n]{0,200}\)[ \t]*:/dgm, text)) {
    // The class body runs to the next line that starts without indentation.
    const from = c.index + c[0].length;
    const rest = text.slice(from, from + 6000);
    const stop = rest.search(/\n(?=\S)/);
    const body = stop < 0 ? rest : rest.slice(0, stop);
    const init = /\bdef[ \t]+__init__[ \t]*\([^)]{0,300}?\bmin_length[ \t]*(?::[ \t]*int[ \t]*)?=[ \t]*(\d{1,4})\b/d.exec(body);
    const sup = init ? undefined : /\b__init__[ \t]*\([ \t]*(?:self[ \t]*,[ \t]*)?(?:min_length[ \t]*=[ \t]*)?(\d{1,4})[ \t]*[,)]/d.exec(body);
    const attr = init || sup ? undefined : /^[ \t]+min_length[ \t]*(?::[ \t]*int[ \t]*)?=[ \t]*(\d{1,4})\b/dm.exec(body);
    const hit = init ?? sup ?? attr;
    if (!hit?.indices) continue;
    const r: Range = [from + hit.indices[1][0], from + hit.indices[1][1]];
    out.push({ product: 'Django', anchor: [c.index, from], minLength: stated(Number(hit[1]), r, numberReplacer(r)) });
  }
}

/** Firebase Admin SDK: `passwordPolicyConfig: { enforcementState, constraints: { … } }`. */
function firebaseCode(doc: Document, out: PolicyFacts[]): void {
  if (!mentionsAny(doc, ['passwordpolicyconfig'])) return;
  const text = doc.text;
  for (const m of matches(/\bpasswordPolicyConfig\s*:\s*\{/dg, text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open, 4000);
    if (close === undefined) continue;
    const body = text.slice(open, close);
    const anchor: Range = [m.index, m.index + 'passwordPolicyConfig'.length];
    const facts: PolicyFacts = { product: 'Firebase Authentication', anchor };
    const state = /enforcementState\s*:\s*['"](\w+)['"]/.exec(body);
    if (state && state[1].toUpperCase() !== 'ENFORCE') {
      facts.minLength = omitted(anchor, 6);
      out.push(facts);
      continue;
    }
    const min = /\bminLength\s*:\s*(\d{1,4})/d.exec(body);
    if (min?.indices) {
      const r: Range = [open + min.indices[1][0], open + min.indices[1][1]];
      facts.minLength = stated(Number(min[1]), r, numberReplacer(r));
    } else if (/\bconstraints\s*:/.test(body)) facts.minLength = omitted(anchor, 6);
    const classes: Partial<Record<CharClass, Fact<boolean>>> = {};
    const names: [CharClass, string][] = [
      ['upper', 'requireUppercase'],
      ['lower', 'requireLowercase'],
      ['digit', 'requireNumeric'],
      ['symbol', 'requireNonAlphanumeric'],
    ];
    for (const [cls, key] of names) {
      const b = new RegExp(`\\b${key}\\s*:\\s*(true|false)\\b`, 'd').exec(body);
      if (!b?.indices) continue;
      const r: Range = [open + b.indices[1][0], open + b.indices[1][1]];
      classes[cls] = stated(b[1] === 'true', r, (v: boolean): TextEdit => ({ range: r, newText: String(v) }));
    }
    if (Object.keys(classes).length) facts.classes = classes;
    if (facts.minLength || facts.classes) out.push(facts);
  }
}

/** Reads `key: number|boolean` pairs of an object literal (no nesting), with offsets. */
function literalValues(text: string, start: number, end: number): Map<string, { value: string; range: Range }> {
  const out = new Map<string, { value: string; range: Range }>();
  const re = /\b([A-Za-z_$][\w$]*)\s*:\s*(\d{1,6}|true|false)\b/dg;
  for (const m of matches(re, text.slice(start, end))) {
    const r = groupRange(m, 2);
    if (r) out.set(m[1], { value: m[2], range: [start + r[0], start + r[1]] });
  }
  return out;
}

/**
 * AWS CDK and Pulumi programs: `new cognito.UserPool(…, { passwordPolicy: { minLength } })`
 * and `new aws.iam.AccountPasswordPolicy(…, { minimumPasswordLength })`.
 */
function iacPrograms(doc: Document, out: PolicyFacts[]): void {
  if (!mentionsAny(doc, ['userpool', 'accountpasswordpolicy'])) return;
  const text = doc.text;
  for (const m of matches(/\bnew\s+(?:[\w$]+\.){0,3}(UserPool|AccountPasswordPolicy)\s*\(/dg, text)) {
    const open = m.index + m[0].length - 1;
    const close = closing(text, open, 8000);
    if (close === undefined) continue;
    const anchor: Range = [m.index, open];
    const num = (v: { value: string; range: Range } | undefined): Fact<number> | undefined =>
      v && /^\d+$/.test(v.value) ? stated(Number(v.value), v.range, numberReplacer(v.range)) : undefined;
    const flag = (v: { value: string; range: Range } | undefined, dflt: boolean | undefined): Fact<boolean> | undefined => {
      if (v && /^(true|false)$/.test(v.value)) {
        const r = v.range;
        return stated(v.value === 'true', r, (on: boolean): TextEdit => ({ range: r, newText: String(on) }));
      }
      return dflt === undefined ? undefined : omitted<boolean>(anchor, dflt);
    };
    if (m[1] === 'AccountPasswordPolicy') {
      const v = literalValues(text, open, close);
      // Pulumi's AWS provider: IAM defaults apply to what the program leaves out.
      out.push({
        product: 'AWS IAM',
        anchor,
        minLength: num(v.get('minimumPasswordLength')) ?? omitted<number>(anchor, 6),
        classes: {
          upper: flag(v.get('requireUppercaseCharacters'), false),
          lower: flag(v.get('requireLowercaseCharacters'), false),
          digit: flag(v.get('requireNumbers'), false),
          symbol: flag(v.get('requireSymbols'), false),
        },
        history: num(v.get('passwordReusePrevention')) ?? omitted<number>(anchor, 0),
        ...(v.get('maxPasswordAge') ? { maxAgeDays: num(v.get('maxPasswordAge')) } : {}),
      });
      continue;
    }
    const args = text.slice(open, close);
    const pp = /\bpasswordPolicy\s*:\s*\{/d.exec(args);
    const mfa = /\bmfa(?:Configuration)?\s*:\s*(?:[\w.]*\.)?(?:REQUIRED|['"]ON['"])/.test(args);
    const facts: PolicyFacts = { product: 'Amazon Cognito', anchor, ...(mfa ? { mfa: true } : {}) };
    if (!pp) {
      // CDK and Cognito both default to 8 characters with all four classes.
      facts.minLength = omitted<number>(anchor, 8);
      out.push(facts);
      continue;
    }
    const ppOpen = open + pp.index + pp[0].length - 1;
    const ppClose = closing(text, ppOpen, 4000);
    if (ppClose === undefined) continue;
    const v = literalValues(text, ppOpen, ppClose);
    // CDK names (minLength, requireDigits) default to 8 and true; Pulumi's (minimumLength,
    // requireNumbers) are left to the provider.
    const cdk = v.has('minLength') || v.has('requireDigits') || !v.has('minimumLength');
    facts.minLength = num(v.get('minLength') ?? v.get('minimumLength')) ?? (cdk ? omitted<number>(anchor, 8) : undefined);
    facts.classes = {
      upper: flag(v.get('requireUppercase'), cdk ? true : undefined),
      lower: flag(v.get('requireLowercase'), cdk ? true : undefined),
      digit: flag(v.get('requireDigits') ?? v.get('requireNumbers'), cdk ? true : undefined),
      symbol: flag(v.get('requireSymbols'), cdk ? true : undefined),
    };
    const history = num(v.get('passwordHistorySize'));
    if (history) facts.history = history;
    out.push(facts);
  }
}

/** Passay (Java): `new LengthRule(8, 64)`. */
function passay(doc: Document, out: PolicyFacts[]): void {
  for (const m of matches(/\bnew\s+LengthRule\s*\(\s*(\d{1,4})\b/dg, doc.text)) {
    if (inLineComment(doc.text, m.index, ['//'])) continue;
    const f = minLengthPolicy('Passay', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
}

/** Azure AD B2C custom policies: an `IsLengthRange` predicate for passwords. */
function b2c(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  for (const m of matches(/<Predicate\b[^>]{0,400}\bMethod="IsLengthRange"[^>]{0,400}>/dg, text)) {
    if (!/password|パスワード/i.test(m[0])) continue;
    const end = text.indexOf('</Predicate>', m.index);
    if (end < 0 || end - m.index > 3000) continue;
    const seg = text.slice(m.index, end);
    const min = /<Parameter\s+Id="Minimum"\s*>\s*(\d{1,4})\s*<\/Parameter>/d.exec(seg);
    if (!min?.indices) continue;
    const r: Range = [m.index + min.indices[1][0], m.index + min.indices[1][1]];
    out.push({ product: 'Azure AD B2C', anchor: [m.index, m.index + m[0].length], minLength: stated(Number(min[1]), r, numberReplacer(r)) });
  }
}

/** Words (any case) the application-code sources below need, answered by the shared literal search. */
const PASSWORD_WORDS = ['password', 'passwd', 'pwd'];

/** The quoted route path of the handler a validator sits in (`router.post('/register', …)`), if close by. */
function routePath(text: string, offset: number): string | undefined {
  const window = text.slice(Math.max(0, offset - 400), offset);
  let last: string | undefined;
  for (const m of window.matchAll(/\.(?:post|put|patch|route|use)\s*\(\s*['"`](\/[\w/:.-]{0,100})['"`]/g)) last = m[1];
  return last;
}

/** Whether a validator at `offset` on `field` guards setting a password, its route path deciding first. */
function guardsSetting(doc: Document, offset: number, field: string): boolean {
  const route = routePath(doc.text, offset);
  if (route && LOGIN_CONTEXT.test(route)) return false;
  if (route && SET_CONTEXT.test(route) && PASSWORD_FIELD.test(field) && !NOT_POLICY_FIELD.test(field)) return true;
  return setsPassword(doc, offset, field);
}

/** express-validator: `body('password').isLength({ min: 6 })`, on a registration route or chain. */
function expressValidator(doc: Document, out: PolicyFacts[]): void {
  if (!mentionsAny(doc, PASSWORD_WORDS) || !doc.text.includes('isLength')) return;
  const re =
    /\b(?:body|check|param|query)\s*\(\s*['"]([\w.]{1,60})['"][^()]{0,200}\)((?:\s*\.\s*\w{1,40}\([^()]{0,200}\)){0,8}?)\s*\.\s*isLength\s*\(\s*\{[^{}]{0,200}?\bmin\s*:\s*(\d{1,4})/dg;
  for (const m of matches(re, doc.text)) {
    if (inLineComment(doc.text, m.index, ['//']) || !guardsSetting(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('express-validator', [m.index, m.index + m[0].length], m, 3);
    if (f) out.push(f);
  }
}

/**
 * Database models: a Mongoose `password: { type: String, minlength: 6 }` or a Sequelize
 * `password: { type: DataTypes.STRING, validate: { len: [6, 100] } }`: every account created
 * through the model is held to it.
 */
function modelFields(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  // Cheap gates first: a password, a model library, and a length setting.
  if (!mentionsAny(doc, PASSWORD_WORDS) || !/mongoose|sequelize/i.test(text.slice(0, 20000))) return;
  if (!(text.includes('inlength') || text.includes('inLength') || /\blen\s*:/.test(text))) return;
  for (const m of matches(/(?<![\w$])(['"]?)([A-Za-z_$][\w$]{0,60})\1\s*:\s*\{([^{}]{0,400}(?:\{[^{}]{0,200}\}[^{}]{0,200})?)\}/dg, text)) {
    const field = m[2];
    if (!PASSWORD_FIELD.test(field) || NOT_POLICY_FIELD.test(field) || SERVICE_CREDENTIAL.test(field) || CONSTANT_NAME.test(field)) continue;
    const body = m[3];
    if (!/\btype\s*:\s*(?:String\b|DataTypes\.(?:STRING|TEXT)|Sequelize\.(?:STRING|TEXT))/.test(body)) continue;
    const min = /\bmin[lL]ength\s*:\s*\[?\s*(\d{1,4})|\blen\s*:\s*\[\s*(\d{1,4})\s*,/d.exec(body);
    const g = min?.[1] !== undefined ? 1 : 2;
    const bodyAt = groupRange(m, 3);
    if (!min?.indices?.[g] || !bodyAt) continue;
    const r: Range = [bodyAt[0] + min.indices[g][0], bodyAt[0] + min.indices[g][1]];
    const n = Number(min[g]);
    if (n >= 2) out.push({ product: 'data model', anchor: [m.index, m.index + field.length + 2], minLength: stated(n, r, numberReplacer(r)) });
  }
}

/** Go struct tags: `Password string \`validate:"required,min=6"\`` (go-playground/validator, Gin's binding). */
function goTags(doc: Document, out: PolicyFacts[]): void {
  if (!doc.text.includes('min=')) return;
  const re = /^[ \t]*([A-Z]\w{0,60})[ \t]+\*?string[ \t]+`[^`\n]{0,300}?\b(?:validate|binding):"[^"\n]{0,200}?(?:^|,|")?\bmin=(\d{1,4})\b/dgm;
  for (const m of matches(re, doc.text)) {
    if (!setsPassword(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('Go validator', [m.index, m.index + m[0].length], m, 2);
    if (f) out.push(f);
  }
}

/** ASP.NET data annotations on a password property: `[StringLength(100, MinimumLength = 6)]`, `[MinLength(8)]`. */
function dataAnnotations(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!text.includes('MinimumLength') && !text.includes('MinLength')) return;
  const re = /\[\s*(?:StringLength\s*\([^()\]]{0,300}?\bMinimumLength\s*=\s*(\d{1,4})[^()\]]{0,300}\)|MinLength\s*\(\s*(\d{1,4})\s*[,)][^\]]{0,200})\s*\]/dg;
  for (const m of matches(re, text)) {
    // The property follows, past other attributes: `[DataType(DataType.Password)] public string Password`.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 600);
    const prop = /^(?:\s*\[[^\]\n]{0,200}\])*\s*public\s+(?:required\s+)?string\??\s+(\w{1,60})\s*[{;=]/.exec(after);
    if (!prop || !setsPassword(doc, m.index, prop[1])) continue;
    const f = minLengthPolicy('ASP.NET data annotations', [m.index, m.index + m[0].length], m, m[1] !== undefined ? 1 : 2);
    if (f) out.push(f);
  }
}

/**
 * Symfony Validator: `new Length(['min' => 6])` on a form's password field (the maker's
 * registration form), or `#[Assert\Length(min: 8)]` / `@Assert\Length(min=8)` on a password property.
 */
function symfonyLength(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!text.includes('Length')) return;
  const re = /(?:\bnew\s+(?:Assert\\)?Length\s*\(|[@#]\[?\s*Assert\\Length\s*\()[^()]{0,300}?(?:['"]min['"]\s*=>|\bmin\s*[:=])\s*(\d{1,4})/dg;
  for (const m of matches(re, text)) {
    if (inLineComment(text, m.index, ['//'])) continue;
    let field: string | undefined;
    if (text[m.index] === 'n') {
      // A form builder: the field is the nearest `->add('name'` before the constraint.
      const before = text.slice(Math.max(0, m.index - 1200), m.index);
      let last: RegExpMatchArray | undefined;
      for (const a of before.matchAll(/->\s*add\s*\(\s*['"](\w{1,60})['"]/g)) last = a;
      field = last?.[1];
    } else {
      // An attribute or annotation: the property declared after it.
      field = /\$(\w{1,60})/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 400))?.[1];
    }
    if (!field || !setsPassword(doc, m.index, field)) continue;
    const f = minLengthPolicy('Symfony Validator', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
}

// Function heads: `function f`, `def f`, `func f`/`func (r T) f`, `fun f`, `const f = (…) =>`,
// and methods (`async register(dto) {`, `public function f`).
const FUNCTION_HEADS = [
  /\b(?:function|def|func|fun)\s+(?:\([^()\n]{0,80}\)\s*)?([A-Za-z_$][\w$]*)/g,
  /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^()]{0,200}\)\s*(?::[^=\n]{0,80})?=>)/g,
  /^[ \t]*(?:(?:public|private|protected|static|async|override)\s+){0,4}([A-Za-z_$][\w$]*)\s*\([^()]{0,200}\)\s*(?::[^{\n]{0,80})?\{/gm,
];
const NOT_FUNCTION = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function']);

/** The name of the function whose body holds `offset`, if its head is close by. */
function enclosingFunction(text: string, offset: number): string | undefined {
  const from = Math.max(0, offset - 3000);
  const window = text.slice(from, offset);
  let best: { at: number; name: string } | undefined;
  for (const re of FUNCTION_HEADS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window)) !== null) {
      if (!NOT_FUNCTION.has(m[1]) && (!best || m.index >= best.at)) best = { at: m.index, name: m[1] };
    }
  }
  return best?.name;
}

/**
 * Hand-written checks where a password is set: `if len(password) < 8`, `password.length < 6`,
 * `strlen($password) < 8`, `newPassword.length() < 8`. `< N` asks for N characters, `<= N`
 * for N + 1.
 */
function lengthChecks(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!mentionsAny(doc, PASSWORD_WORDS)) return;
  // Found by the cheap `.length` / `len(` hit, then the comparison after it and the operand
  // before it are read in a small window: most `.length` uses compare nothing.
  const hit = /\.length\b|\b(?:len|strlen|mb_strlen|RuneCountInString)\s*\(/g;
  const compare = /\s*(?:\(\s*\))?\s*(<=?)\s*(\d{1,3})\b/y;
  let m: RegExpExecArray | null;
  let found = 0;
  while ((m = hit.exec(text)) !== null && found < 50) {
    let operand: string | undefined;
    let after: number;
    if (m[0] === '.length') {
      after = m.index + m[0].length;
      // Most `.length` uses compare nothing: test the comparison before reading the operand.
      compare.lastIndex = after;
      if (!compare.test(text)) continue;
      const before = /\$?([\w.]{1,80})$/.exec(text.slice(Math.max(0, m.index - 80), m.index));
      operand = before?.[1];
    } else {
      const close = text.indexOf(')', m.index + m[0].length);
      if (close < 0 || close - m.index > 120) continue;
      operand = text
        .slice(m.index + m[0].length, close)
        .trim()
        .replace(/^\$/, '');
      if (!/^[\w.>\-[\]'"]{1,80}$/.test(operand)) continue;
      after = close + 1;
    }
    compare.lastIndex = after;
    const c = compare.exec(text);
    const field = operand ? /([A-Za-z_]\w{0,60})['"\]]*$/.exec(operand)?.[1] : undefined;
    if (!c || !field || !PASSWORD_FIELD.test(field) || inLineComment(text, m.index, ['//', '#'])) continue;
    // Stricter than schemas: the enclosing function itself must set a password (a file name
    // is not enough for a bare comparison), or the field must be the new password.
    if (NOT_POLICY_FIELD.test(field) || SERVICE_CREDENTIAL.test(field)) continue;
    const name = enclosingFunction(text, m.index);
    if (!isSetPasswordField(field) && !(name && SET_CONTEXT.test(name) && !LOGIN_CONTEXT.test(name))) continue;
    const numAt = after + c[0].length - c[2].length;
    const r: Range = [numAt, numAt + c[2].length];
    const n = Number(c[2]) + (c[1] === '<=' ? 1 : 0);
    if (n < 2) continue;
    found++;
    out.push({ product: 'application code', anchor: [m.index, r[1]], minLength: stated(n, r, c[1] === '<' ? numberReplacer(r) : undefined) });
  }
}

/** Every source below needs one of these words (any case): checked in the shared one-pass search. */
const CODE_WORDS = ['pass', 'pwd', 'predicate', 'userpool'];

/** Every password policy written in application code or framework settings. */
export function codePolicies(doc: Document): PolicyFacts[] {
  if (!mentionsAny(doc, CODE_WORDS)) return [];
  const out: PolicyFacts[] = [];
  switch (doc.format) {
    case 'javascript':
    case 'typescript':
      schemaChains(doc, out);
      decorators(doc, out);
      firebaseCode(doc, out);
      iacPrograms(doc, out);
      expressValidator(doc, out);
      modelFields(doc, out);
      lengthChecks(doc, out);
      break;
    case 'go':
      goTags(doc, out);
      lengthChecks(doc, out);
      break;
    case 'java':
    case 'kotlin':
      decorators(doc, out);
      passay(doc, out);
      lengthChecks(doc, out);
      break;
    case 'python':
      django(doc, out);
      pythonFields(doc, out);
      lengthChecks(doc, out);
      break;
    case 'ruby':
      ruby(doc, out);
      lengthChecks(doc, out);
      break;
    case 'php':
      laravel(doc, out);
      symfonyLength(doc, out);
      lengthChecks(doc, out);
      break;
    case 'csharp':
      csharp(doc, out);
      dataAnnotations(doc, out);
      break;
    case 'xml':
      b2c(doc, out);
      break;
    default:
      break;
  }
  return out;
}

/** Every word the code sources ask about (declared by the password-policy rules: Rule.literals). */
export const CODE_LITERALS: readonly string[] = [
  ...DECORATOR_WORDS,
  'passwordpolicyconfig',
  'userpool',
  'accountpasswordpolicy',
  ...PASSWORD_WORDS,
  ...CODE_WORDS,
];
