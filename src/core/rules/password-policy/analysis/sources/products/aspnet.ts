import type { Document } from '../../../../../documents/document';
import type { Entry, ObjectNode } from '../../../../../documents/tree';
import { stated, type LockoutFacts, type PolicyFacts } from '../../model';
import { headerRange, TreeReader } from '../../reader';
import { classFacts, put, type ObjectRecogniser } from './shared';

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

/** An object holding a `Password` section (any case), as appsettings binds it. */
export const aspnetIdentity: ObjectRecogniser = ({ doc, obj, anchor }, out) => {
  const pw = new TreeReader(doc, obj, anchor, true).entry(['Password']);
  if (pw) {
    const f = aspnet(doc, obj, pw);
    if (f) out.push(f);
  }
  return false;
};
