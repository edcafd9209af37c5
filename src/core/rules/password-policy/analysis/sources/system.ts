import type { Document } from '../../../../documents/document';
import type { CharClass } from '../../../../guidelines/profiles';
import type { Range, TextEdit } from '../../../../types';
import { omitted, stated, type Fact, type LockoutFacts, type PolicyFacts } from '../model';
import { mentionsAny } from '../../../../literals';
import { groupRange, matches, numberReplacer } from './text';
import { isMinLengthSetting } from './names';

/**
 * Operating-system and database password settings: PAM stacks (pam_pwquality, pam_cracklib,
 * pam_pwhistory, pam_unix remember, pam_faillock, pam_tally2), pwquality.conf, faillock.conf,
 * login.defs and MySQL's validate_password component.
 */

const CREDIT_CLASS: Readonly<Record<string, CharClass>> = { ucredit: 'upper', lcredit: 'lower', dcredit: 'digit', ocredit: 'symbol' };

/** The text of the line starting at `at`. */
function lineAnchorText(text: string, at: number): string {
  const [a, b] = lineAnchor(text, at);
  return text.slice(a, b);
}

function lineAnchor(text: string, at: number): Range {
  const end = text.indexOf('\n', at);
  return [at, end < 0 ? text.length : end];
}

/** A `name = value` / `name=value` number setting of a conf file. */
function numFact(m: RegExpExecArray, group: number): Fact<number> | undefined {
  const r = groupRange(m, group);
  if (!r) return undefined;
  return stated(Number(m[group]), r, /^-?\d+$/.test(m[group]) ? numberReplacer(r) : undefined);
}

/** A pwquality credit (`dcredit = -1` requires a digit) as "is this class required". */
function creditFact(m: RegExpExecArray, group: number): Fact<boolean> | undefined {
  const r = groupRange(m, group);
  if (!r) return undefined;
  return stated(Number(m[group]) < 0, r, (v: boolean): TextEdit => ({ range: r, newText: v ? '-1' : '0' }));
}

function endInsert(text: string, line: (v: number) => string): (v: number) => TextEdit {
  const at = text.length;
  const nl = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return (v) => ({ range: [at, at], newText: `${nl}${line(v)}\n` });
}

/** pwquality.conf (and its .d drop-ins). */
function pwqualityConf(doc: Document): PolicyFacts | undefined {
  const text = doc.text;
  const facts: PolicyFacts = { product: 'libpwquality', anchor: [0, 0], classes: {} };
  let any = false;
  for (const m of matches(/^[ \t]*(minlen|dcredit|ucredit|lcredit|ocredit|minclass)[ \t]*=[ \t]*(-?\d{1,4})[ \t]*$/dgm, text)) {
    any = true;
    const key = m[1];
    if (key === 'minlen') facts.minLength = numFact(m, 2);
    else if (key === 'minclass') facts.minClasses = numFact(m, 2);
    else if (facts.classes) facts.classes[CREDIT_CLASS[key]] = creditFact(m, 2);
  }
  if (!any) return undefined;
  facts.anchor = lineAnchor(text, text.search(/^[ \t]*(minlen|dcredit|ucredit|lcredit|ocredit|minclass)\b/m));
  // Credits default to 0 (class not required); a fix appends `xcredit = -1`.
  for (const [key, cls] of Object.entries(CREDIT_CLASS)) {
    if (facts.classes && !facts.classes[cls]) {
      const add = endInsert(text, () => `${key} = -1`);
      facts.classes[cls] = omitted<boolean>(facts.anchor, false, () => add(0));
    }
  }
  return facts;
}

/** faillock.conf. */
function faillockConf(doc: Document): PolicyFacts | undefined {
  const text = doc.text;
  const lockout: LockoutFacts = {};
  let anchor: Range | undefined;
  for (const m of matches(/^[ \t]*(deny|unlock_time)[ \t]*=[ \t]*(\d{1,9})[ \t]*$/dgm, text)) {
    anchor ??= lineAnchor(text, m.index);
    if (m[1] === 'deny') lockout.attempts = numFact(m, 2);
    else {
      const r = groupRange(m, 2);
      const secs = Number(m[2]);
      if (r) lockout.minutes = stated(secs === 0 ? Infinity : secs / 60, r);
    }
  }
  return anchor ? { product: 'pam_faillock', anchor, lockout } : undefined;
}

/** login.defs: PASS_MAX_DAYS and PASS_MIN_LEN. */
function loginDefs(doc: Document): PolicyFacts | undefined {
  const text = doc.text;
  let facts: PolicyFacts | undefined;
  for (const m of matches(/^[ \t]*(PASS_MAX_DAYS|PASS_MIN_LEN)[ \t]+(-?\d{1,6})[ \t]*$/dgm, text)) {
    facts ??= { product: 'login.defs', anchor: lineAnchor(text, m.index) };
    if (m[1] === 'PASS_MAX_DAYS') facts.maxAgeDays = numFact(m, 2);
    else facts.minLength = numFact(m, 2);
  }
  return facts;
}

function pamArgs(args: string, base: number): Map<string, { value: string; range: Range }> {
  const out = new Map<string, { value: string; range: Range }>();
  const re = /(\w+)=(-?\w+)/dg;
  for (const m of matches(re, args)) {
    const r = groupRange(m, 2);
    if (r) out.set(m[1], { value: m[2], range: [base + r[0], base + r[1]] });
  }
  return out;
}

/**
 * pam_passwdqc's `min=N0,N1,N2,N3,N4`: the shortest password accepted for one, two or three
 * character classes, for passphrases, and for four classes; `disabled` refuses that kind. The
 * weakest kind still accepted decides: `min=disabled,disabled,16,12,8` takes 8 characters.
 */
export function passwdqcMin(value: string): number | undefined {
  const parts = value.split(',');
  if (parts.length !== 5) return undefined;
  let min: number | undefined;
  for (const p of parts) {
    const t = p.trim().toLowerCase();
    if (t === 'disabled') continue;
    if (!/^\d{1,4}$/.test(t)) return undefined;
    min = Math.min(min ?? Infinity, Number(t));
  }
  return min;
}

/**
 * The minimum length a PAM module's option string sets: `minlen=N` (pwquality, cracklib,
 * pam_unix), pam_unix's older `min=N`, or passwdqc's `min=N0,…,N4`. Offsets are within `args`.
 */
export function pamMinLength(args: string): { value: number; range: Range; replaceable: boolean } | undefined {
  const m = /(?<![\w-])(minlen|min)=([\w,]{1,80})/d.exec(args);
  const r = m ? groupRange(m, 2) : undefined;
  if (!m || !r) return undefined;
  if (/^\d{1,4}$/.test(m[2])) return { value: Number(m[2]), range: r, replaceable: true };
  const qc = m[1] === 'min' ? passwdqcMin(m[2]) : undefined;
  return qc === undefined ? undefined : { value: qc, range: r, replaceable: false };
}

/** A PAM stack file (/etc/pam.d/*): one policy from all its password and auth lines. */
function pamStack(doc: Document): PolicyFacts | undefined {
  const text = doc.text;
  const facts: PolicyFacts = { product: 'PAM', anchor: [0, 0], classes: {} };
  let seen = false;
  let quality = false;
  const lockout: LockoutFacts = {};
  const re =
    /^[ \t]*-?(auth|password)[ \t]+(?:\[[^\]\n]{0,200}\]|\S+)[ \t]+(?:\S*\/)?(pam_(?:pwquality|cracklib|passwdqc|unix|pwhistory|faillock|tally2)\.so)([^\n]*)$/dgm;
  for (const m of matches(re, text)) {
    const module = m[2];
    const argsRange = groupRange(m, 3);
    if (!argsRange) continue;
    const args = pamArgs(m[3], argsRange[0]);
    if (!seen) facts.anchor = lineAnchor(text, m.index);
    seen = true;
    const num = (key: string): Fact<number> | undefined => {
      const a = args.get(key);
      return a && /^-?\d+$/.test(a.value) ? stated(Number(a.value), a.range, numberReplacer(a.range)) : undefined;
    };
    if (module === 'pam_pwquality.so' || module === 'pam_cracklib.so') {
      quality = true;
      const minlen = num('minlen');
      if (minlen) facts.minLength = minlen;
      const minclass = num('minclass');
      if (minclass) facts.minClasses = minclass;
      for (const [key, cls] of Object.entries(CREDIT_CLASS)) {
        const a = args.get(key);
        if (a && /^-?\d+$/.test(a.value) && facts.classes) {
          const r = a.range;
          facts.classes[cls] = stated(Number(a.value) < 0, r, (v: boolean): TextEdit => ({ range: r, newText: v ? '-1' : '0' }));
        }
      }
    } else if (module === 'pam_passwdqc.so' && m[1] === 'password') {
      quality = true;
      const min = pamMinLength(m[3]);
      if (min) {
        const r: Range = [argsRange[0] + min.range[0], argsRange[0] + min.range[1]];
        facts.minLength = stated(min.value, r, min.replaceable ? numberReplacer(r) : undefined);
      }
    } else if (module === 'pam_unix.so' && m[1] === 'password') {
      const remember = num('remember');
      if (remember) facts.history = remember;
      // pam_unix checks length itself only where no quality module does (`minlen=`, or `min=`).
      const minlen = num('minlen') ?? num('min');
      if (minlen && !quality && !facts.minLength) facts.minLength = minlen;
    } else if (module === 'pam_pwhistory.so') {
      // pam_pwhistory remembers 10 passwords unless told otherwise.
      facts.history = num('remember') ?? stated(10, lineAnchor(text, m.index));
    } else if ((module === 'pam_faillock.so' || module === 'pam_tally2.so') && m[1] === 'auth') {
      const deny = num('deny');
      if (deny) lockout.attempts = deny;
      const unlock = args.get('unlock_time');
      if (unlock && /^\d+$/.test(unlock.value)) {
        const secs = Number(unlock.value);
        lockout.minutes = stated(secs === 0 ? Infinity : secs / 60, unlock.range);
      }
    }
  }
  if (!seen) return undefined;
  if (lockout.attempts || lockout.minutes) facts.lockout = lockout;
  return facts;
}

const MYSQL_KEY =
  /(?<![\w.-])validate[_-]password[._-](length|policy|mixed[_-]case[_-]count|number[_-]count|special[_-]char[_-]count)\b['"]?[ \t]*(?:=|:|\s)[ \t]*['"]?([A-Za-z0-9]{1,12})\b/dgi;

/** MySQL validate_password settings (my.cnf, SET GLOBAL, server flags). */
function mysql(doc: Document): PolicyFacts | undefined {
  const text = doc.text;
  if (!mentionsAny(doc, ['validate_password', 'validate-password'])) return undefined;
  const facts: PolicyFacts = { product: 'MySQL validate_password', anchor: [0, 0] };
  let seen = false;
  const counts: Partial<Record<'mixed' | 'number' | 'special', Fact<number>>> = {};
  let policy: { value: string; range: Range } | undefined;
  for (const m of matches(MYSQL_KEY, text)) {
    const key = m[1].toLowerCase().replace(/-/g, '_');
    const r = groupRange(m, 2);
    if (!r) continue;
    if (!seen) facts.anchor = lineAnchor(text, m.index);
    seen = true;
    if (key === 'policy') policy = { value: m[2].toUpperCase(), range: r };
    else if (/^\d+$/.test(m[2])) {
      const f = stated(Number(m[2]), r, numberReplacer(r));
      if (key === 'length') facts.minLength = f;
      else if (key.startsWith('mixed')) counts.mixed = f;
      else if (key.startsWith('number')) counts.number = f;
      else counts.special = f;
    }
  }
  if (!seen) return undefined;
  // The component's defaults: length 8, policy MEDIUM (one of each class).
  facts.minLength ??= omitted(facts.anchor, 8);
  const low = policy !== undefined && (policy.value === 'LOW' || policy.value === '0');
  const cls = (count: Fact<number> | undefined): Fact<boolean> => {
    if (low && policy) return stated(false, policy.range);
    if (count?.kind === 'set') {
      const replace = count.replace;
      return stated(count.value > 0, count.range, replace ? (v: boolean) => replace(v ? 1 : 0) : undefined);
    }
    return omitted(facts.anchor, true);
  };
  facts.classes = { upper: cls(counts.mixed), lower: cls(counts.mixed), digit: cls(counts.number), symbol: cls(counts.special) };
  return facts;
}

// `KEY=value` (env files, compose lists) or `KEY: value` (compose maps), one per line.
const GOTRUE_LINE =
  /^[ \t]*(?:-[ \t]*)?(?:export[ \t]+)?(GOTRUE_(?:PASSWORD_MIN_LENGTH|EXTERNAL_EMAIL_ENABLED|PASSWORD_REQUIRED_CHARACTERS))[ \t]*[=:][ \t]*(['"]?)([^'"\s#]{0,200})\2/dgm;

/**
 * The Supabase Auth (GoTrue) server configured through its environment. With email sign-in
 * on and GOTRUE_PASSWORD_MIN_LENGTH unset, GoTrue accepts passwords of 6 characters.
 */
function gotrue(doc: Document): PolicyFacts | undefined {
  if (!mentionsAny(doc, ['gotrue_'])) return undefined;
  const text = doc.text;
  let min: Fact<number> | undefined;
  let email: Range | undefined;
  let unknown = false;
  for (const m of matches(GOTRUE_LINE, text)) {
    const r = groupRange(m, 3);
    if (!r) continue;
    const value = m[3];
    if (m[1] === 'GOTRUE_PASSWORD_MIN_LENGTH') {
      if (/^\d{1,4}$/.test(value)) min = stated(Number(value), r, numberReplacer(r));
      else unknown = true;
    } else if (m[1] === 'GOTRUE_EXTERNAL_EMAIL_ENABLED' && /^true$/i.test(value)) email = lineAnchor(text, m.index);
  }
  if (min) return { product: 'Supabase Auth', anchor: min.range, minLength: min };
  // A length from a variable (`${PASSWORD_MIN}`) is judged where that variable is set.
  if (!email || unknown) return undefined;
  return { product: 'Supabase Auth', anchor: email, minLength: omitted(email, 6) };
}

// `NAME=8`, `name = 8`, `name: 8`: one line, read once a "min" in it was found.
const NAMED_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z][\w.-]{0,100})[ \t]*[=:][ \t]*(['"]?)(\d{1,3})\2[ \t]*(?:#.*)?$/d;

/** Settings named for a password minimum length in env, properties and ini files. */
function namedLines(doc: Document): PolicyFacts[] {
  const text = doc.text;
  const out: PolicyFacts[] = [];
  // Settings files are small; a huge one is data, not settings.
  if (text.length > 1_000_000) return out;
  // Only lines holding "min" in some case are read: found with plain searches, not a regex
  // over every line (env and properties files are on the editor's on-type path).
  const starts = new Set<number>();
  for (const word of ['min', 'MIN', 'Min']) {
    for (let i = text.indexOf(word); i >= 0 && starts.size < 200; i = text.indexOf(word, i + word.length)) starts.add(text.lastIndexOf('\n', i) + 1);
  }
  for (const start of [...starts].sort((a, b) => a - b)) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    const m = NAMED_LINE.exec(line);
    if (!m?.indices || !isMinLengthSetting(m[1])) continue;
    const r: Range = [start + m.indices[3][0], start + m.indices[3][1]];
    out.push({ product: 'configuration', anchor: lineAnchor(text, start), minLength: stated(Number(m[3]), r, numberReplacer(r)) });
    if (out.length >= 20) break;
  }
  return out;
}

// Settings a provisioning script writes into login.defs, pwquality.conf or authconfig.
const SCRIPT_SETTING = /\bPASS_MIN_LEN[ \t]+(\d{1,3})\b|\bminlen[ \t]*=[ \t]*(\d{1,3})\b|--passminlen=(\d{1,3})\b/dg;

/**
 * Shell scripts and Dockerfiles that set a minimum length: a sed on login.defs writing
 * `PASS_MIN_LEN 8`, `echo "minlen = 8" >> /etc/security/pwquality.conf`, `authconfig
 * --passminlen=8`. Where a line holds several (a sed replacing one value by another), the
 * last is the one written.
 */
function scriptSettings(doc: Document): PolicyFacts[] {
  const out: PolicyFacts[] = [];
  if (!mentionsAny(doc, ['pass_min_len', 'minlen'])) return out;
  const text = doc.text;
  let line = -1;
  for (const m of matches(SCRIPT_SETTING, text)) {
    const g = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    const r = groupRange(m, g);
    if (!r || /^[ \t]*#/.test(text.slice(text.lastIndexOf('\n', m.index - 1) + 1, m.index))) continue;
    const start = text.lastIndexOf('\n', m.index - 1);
    // `minlen=` is also other tools' option (read trimmers): only on a line about passwords.
    if (g === 2 && !/pwquality|cracklib|passwdqc|pam_|login\.defs/i.test(lineAnchorText(text, start + 1))) continue;
    const facts: PolicyFacts = { product: 'system settings', anchor: lineAnchor(text, start + 1), minLength: stated(Number(m[g]), r, numberReplacer(r)) };
    // A later match on the same line replaces the earlier one.
    if (start === line && out.length > 0) out[out.length - 1] = facts;
    else out.push(facts);
    line = start;
    if (out.length >= 20) break;
  }
  return out;
}

function isPamPath(path: string): boolean {
  return /(^|[\\/])pam\.d[\\/]/.test(path) || /(^|[\\/])(common-password|common-auth|system-auth|password-auth)(-ac|-local)?$/.test(path);
}

/** Every OS- or database-level password policy in a document. */
export function systemPolicies(doc: Document): PolicyFacts[] {
  const out: PolicyFacts[] = [];
  const name = doc.name;
  const push = (f: PolicyFacts | undefined): void => {
    if (f) out.push(f);
  };
  if (name === 'pwquality.conf' || /pwquality\.conf\.d[\\/][^\\/]+\.conf$/.test(doc.path)) push(pwqualityConf(doc));
  else if (name === 'faillock.conf') push(faillockConf(doc));
  else if (name === 'login.defs') push(loginDefs(doc));
  else if (isPamPath(doc.path) || (['text', 'conf', 'shell'].includes(doc.format) && /\bpam_\w+\.so\b/.test(doc.text))) push(pamStack(doc));
  if (['ini', 'conf', 'sql', 'shell', 'dockerfile', 'yaml', 'text', 'dotenv'].includes(doc.format)) {
    push(mysql(doc));
    push(gotrue(doc));
  }
  const extra = ['dotenv', 'properties', 'ini'].includes(doc.format)
    ? namedLines(doc)
    : ['shell', 'dockerfile'].includes(doc.format)
      ? scriptSettings(doc)
      : [];
  if (extra.length > 0) {
    // Only where no product reading above already took the same value.
    const seen = new Set(out.flatMap((f) => (f.minLength?.kind === 'set' ? [f.minLength.range.join(':')] : [])));
    for (const f of extra) if (f.minLength?.kind === 'set' && !seen.has(f.minLength.range.join(':'))) out.push(f);
  }
  return out;
}

/** Every word the system sources ask about (declared by the password-policy rules: Rule.literals). */
export const SYSTEM_LITERALS: readonly string[] = ['validate_password', 'validate-password', 'gotrue_', 'pass_min_len', 'minlen'];
