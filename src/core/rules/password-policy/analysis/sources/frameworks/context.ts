import type { Document } from '../../../../../documents/document';
import type { Range } from '../../../../../types';
import { stated, type PolicyFacts } from '../../model';
import { closing, groupRange, numberReplacer } from '../text';

/**
 * Whether a validation in application code is a password policy: it must sit where passwords are
 * set (registration, reset, change), not where they are checked at login (see ../code.ts). Shared
 * by the framework readers of this folder.
 */

export const SET_CONTEXT =
  /regist|sign[-_]?up|create|new[-_]?(user|account|pass)|reset|change[-_]?pass|update[-_]?pass|set[-_]?pass|pass(word)?[-_]?(change|reset|update|policy|rules?|schema|strength)|onboard|invit|enrol|join/i;

export const LOGIN_CONTEXT = /log[-_]?in|sign[-_]?in|authenticat|credential|session/i;

export const PASSWORD_FIELD = /pass(word|wd)?$|^pass(word|wd)|pwd|password/i;

export const NOT_POLICY_FIELD = /confirm|current|old|verify|repeat|again|retype|existing|^password2$|hash|salt/i;

// Credentials of services (`DB_PASSWORD`, `smtpPassword`) are secrets to configure, not user passwords.
export const SERVICE_CREDENTIAL = /(db|database|smtp|mail|redis|mongo|mysql|postgres|pg|ldap|proxy|api|service|keystore|truststore|root)_?pass/i;

export const CONSTANT_NAME = /^[A-Z0-9_]+$/;

export function isSetPasswordField(name: string): boolean {
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
export function setsPassword(doc: Document, offset: number, field: string): boolean {
  if (!PASSWORD_FIELD.test(field) || NOT_POLICY_FIELD.test(field) || SERVICE_CREDENTIAL.test(field) || CONSTANT_NAME.test(field)) return false;
  if (isSetPasswordField(field)) return true;
  const name = enclosingName(doc.text, offset);
  if (name && LOGIN_CONTEXT.test(name)) return false;
  if (name && SET_CONTEXT.test(name)) return true;
  const file = doc.path.split(/[\\/]/).slice(-3).join('/');
  if (LOGIN_CONTEXT.test(file)) return false;
  return SET_CONTEXT.test(file);
}

export function minLengthPolicy(product: string, anchor: Range, m: RegExpExecArray, group: number): PolicyFacts | undefined {
  const r = groupRange(m, group);
  const n = Number(m[group]);
  // `min(1)` only says "required".
  if (!r || !(n >= 2)) return undefined;
  return { product, anchor, minLength: stated(n, r, numberReplacer(r)) };
}

/** The name of the field or property after a decorator ending at `from`, past other decorators. */
export function decoratedName(text: string, from: number): string | undefined {
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

/** Words (any case) the application-code sources below need, answered by the shared literal search. */
export const PASSWORD_WORDS = ['password', 'passwd', 'pwd'];

/** The quoted route path of the handler a validator sits in (`router.post('/register', …)`), if close by. */
function routePath(text: string, offset: number): string | undefined {
  const window = text.slice(Math.max(0, offset - 400), offset);
  let last: string | undefined;
  for (const m of window.matchAll(/\.(?:post|put|patch|route|use)\s*\(\s*['"`](\/[\w/:.-]{0,100})['"`]/g)) last = m[1];
  return last;
}

/** Whether a validator at `offset` on `field` guards setting a password, its route path deciding first. */
export function guardsSetting(doc: Document, offset: number, field: string): boolean {
  const route = routePath(doc.text, offset);
  if (route && LOGIN_CONTEXT.test(route)) return false;
  if (route && SET_CONTEXT.test(route) && PASSWORD_FIELD.test(field) && !NOT_POLICY_FIELD.test(field)) return true;
  return setsPassword(doc, offset, field);
}
