import type { Document } from '../../../documents/document';
import type { Range } from '../../../types';

/**
 * A reader for Firebase Security Rules (`firestore.rules`, `storage.rules`): every `allow`
 * statement with its operations, condition and the full `match` path it sits under. Linear,
 * comment- and string-aware; unbalanced input yields what was read.
 */
export interface AllowStatement {
  ops: string[];
  /** The condition after `if`, or undefined for an unconditional `allow read;`. */
  condition?: string;
  conditionRange?: Range;
  range: Range;
  /** Joined match paths: `/databases/{database}/documents/users/{uid}`. */
  path: string;
}

/** The `allow` statements of a rules file, memoised. */
export function allowStatements(doc: Document): AllowStatement[] {
  return doc.memo('exposure:firebase-rules', () => read(doc.text));
}

function read(text: string): AllowStatement[] {
  const out: AllowStatement[] = [];
  const stack: (string | null)[] = [];
  let pendingMatch: string | null = null;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      i = skipString(text, i);
    } else if (c === '{') {
      stack.push(pendingMatch);
      pendingMatch = null;
      i++;
    } else if (c === '}') {
      stack.pop();
      i++;
    } else if (/[A-Za-z_]/.test(c) && (i === 0 || !/[\w.]/.test(text[i - 1]))) {
      const m = /[A-Za-z_]\w*/y;
      m.lastIndex = i;
      const word = m.exec(text)?.[0] ?? c;
      if (word === 'match') {
        // The path holds `{wildcards}` of its own: it is the next run of non-blank characters.
        const path = /\s*(\S+)/y;
        path.lastIndex = i + 5;
        const m = path.exec(text);
        const pathText = m?.[1] ?? '';
        const afterPath = m ? path.lastIndex : i + 5;
        const trailing = pathText.endsWith('{') ? 1 : 0;
        pendingMatch = pathText.slice(0, pathText.length - trailing);
        i = afterPath - trailing;
      } else if (word === 'allow') {
        const end = statementEnd(text, i);
        const stmt = parseAllow(text, i, end);
        if (stmt) out.push({ ...stmt, path: stack.filter((p): p is string => p !== null).join('') });
        i = end;
      } else i += word.length;
    } else i++;
  }
  return out;
}

function skipString(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== q && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** The offset just after the statement's `;` (or where the enclosing block closes). */
function statementEnd(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ';' && depth <= 0) return i + 1;
    else if (c === '}' && depth <= 0) return i;
    i++;
  }
  return text.length;
}

function parseAllow(text: string, start: number, end: number): Omit<AllowStatement, 'path'> | undefined {
  const body = text.slice(start + 5, end).replace(/;$/, '');
  const colon = body.indexOf(':');
  const opsText = colon < 0 ? body : body.slice(0, colon);
  const ops = opsText
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (ops.length === 0) return undefined;
  if (colon < 0) return { ops, range: [start, end] };
  const rest = body.slice(colon + 1);
  const m = /^\s*if\b\s*/.exec(rest);
  if (!m) return { ops, range: [start, end] };
  const condStart = start + 5 + colon + 1 + m[0].length;
  const cond = rest.slice(m[0].length).trimEnd();
  return { ops, condition: cond, conditionRange: [condStart, condStart + cond.length], range: [start, end] };
}

/** Collections and paths that usually hold personal data. */
export const USER_DATA =
  /\{(user|uid|owner|customer|member|account)\w{0,20}\}|(^|[/{$])(users?|customers?|members?|profiles?|accounts?|orders?|patients?|employees?|contacts?|messages?|chats?|payments?|addresses|people|persons?|clients?|applicants?|students?|reservations?|bookings?|invoices?|uploads?|private)([/}]|$|\b)/i;

/**
 * Whether a condition lets everyone through: `true`, or Firebase's test-mode deadline
 * (`request.time < timestamp.date(2030, 1, 1)`, RTDB `now < 1893456000000`, or a template's
 * `timestamp.date({{IN_30_DAYS}})`). A deadline counts whether or not it has passed: the rule is
 * written to admit everyone, and extending the date (what test mode asks for) reopens it;
 * `expired` says that it is closed at `now`.
 */
export function alwaysTrue(condition: string, now: number = Date.now()): { open: boolean; until?: string; expired?: boolean } {
  const c = condition.replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1');
  if (c === 'true') return { open: true };
  const date = /^request\.time<timestamp\.date\((\d{4}),(\d{1,2}),(\d{1,2})\)$/.exec(c);
  if (date) {
    const until = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return { open: true, until: `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}`, expired: until <= now };
  }
  // A template placeholder for the date (`{{IN_30_DAYS}}`): a deadline yet to be filled in.
  if (/^request\.time<timestamp\.date\(\{\{[\w.-]{1,40}\}\}\)$/.test(c)) return { open: true, until: c.slice(c.indexOf('{{'), c.indexOf('}}') + 2) };
  const ms = /^now<(\d{12,14})$/.exec(c);
  if (ms) {
    const until = Number(ms[1]);
    return { open: true, until: new Date(until).toISOString().slice(0, 10), expired: until <= now };
  }
  return { open: false };
}

/** A root wildcard (`/{document=**}` right under the database or bucket) or the bare root. */
export function isRootPath(path: string): boolean {
  const p = path.replace(/\s+/g, '');
  return /^(\/databases\/\{[^}]+\}\/documents|\/b\/\{[^}]+\}\/o)?(\/\{[^}=]+=\*\*\})?$/.test(p);
}
