import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import type { Format } from '../../documents/detect';
import { mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range, Severity } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { classifyKey } from './analysis/keys';
import { literalCredential } from './analysis/structured-value';

/**
 * Passwords in SQL: database accounts created or changed with a literal password
 * (`CREATE USER … WITH PASSWORD '…'`, `CREATE LOGIN … WITH PASSWORD = N'…'`,
 * `… IDENTIFIED BY '…'` in MySQL and Oracle, `ALTER USER … PASSWORD '…'`,
 * `SET PASSWORD … = '…'`), and plaintext passwords in the password column of seed `INSERT`s
 * (every row, over as many lines as the statement takes) and of `UPDATE … SET`. Variables, placeholders and hashes
 * (bcrypt, `{pbkdf2}…`, hex digests, PostgreSQL `md5…`/`SCRAM-SHA-256$…`, MySQL `*…`) are
 * skipped, and so are commented-out lines. The statement says the value is a password, so
 * weak ones (`postgres`, the user's own name) are reported as weak.
 */

type Kind = 'account' | 'row';

interface Hit {
  range: Range;
  kind: Kind;
  strength: 'strong' | 'weak';
}

/** Formats in which SQL statements are run: SQL files, and init scripts in shell, YAML, Dockerfiles. */
const SQL_FORMATS: ReadonlySet<Format> = new Set<Format>(['sql', 'shell', 'yaml', 'dockerfile', 'text', 'conf']);

const ACCOUNT = /\b(?:create|alter)[ \t\r\n]+(?:user|role|login)\b/gi;
const PASSWORD_IN_STATEMENT = /\bpassword[ \t\r\n]*(?:=[ \t\r\n]*)?(?=[NnEe]?['"])/i;
const IDENTIFIED = /\bidentified[ \t\r\n]+(?:with[ \t\r\n]+['"`]?\w{1,60}['"`]?[ \t\r\n]+)?by[ \t\r\n]+/gi;
const SET_PASSWORD = /\bset[ \t]+password\b[^=;\n]{0,200}=[ \t]*(?:(?:old_)?password[ \t]*\([ \t]*)?/gi;
const UPDATE = /\bupdate[ \t\r\n]+[\w."`[\]]{1,128}[ \t\r\n]+set\b/gi;
const COLUMN_SET = /([\w`"[\]]{1,64})[ \t]{0,20}=[ \t]{0,20}/g;
const INSERT = /\binsert[ \t\r\n]+(?:ignore[ \t\r\n]+)?into[ \t\r\n]+[\w."`[\]]{1,128}[ \t\r\n]*\(/gi;

/** Hashes that PostgreSQL accepts in place of a password. */
const PG_HASH = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$.*)$/;

/** Whether the line holding `at` is commented out before `at`. */
function commentedOut(text: string, at: number): boolean {
  // At most 2,000 characters back: a minified line must not make each call read it all.
  const from = Math.max(0, at - 2000);
  let start = at;
  while (start > from && text.charCodeAt(start - 1) !== 10) start--;
  const lineStart = start === 0 || text.charCodeAt(start - 1) === 10;
  const before = text.slice(start, at);
  return (lineStart && /^[ \t]*(?:#|\/\/|\*|\/\*|rem\b)/i.test(before)) || before.includes('--');
}

/**
 * A quoted SQL string starting at `at` (an optional N/E prefix, then `'` or `"`), with `''`
 * and backslash escapes; its content's offsets, or undefined.
 */
function stringAt(text: string, at: number, limit: number): { value: string; range: Range; end: number } | undefined {
  let i = at;
  if (text[i] === 'N' || text[i] === 'n' || text[i] === 'E' || text[i] === 'e') i++;
  const q = text[i];
  if (q !== "'" && q !== '"') return undefined;
  const start = i + 1;
  let j = start;
  let value = '';
  while (j < limit) {
    const c = text[j];
    if (c === '\\' && q === "'") {
      value += text[j + 1] ?? '';
      j += 2;
      continue;
    }
    if (c === q) {
      if (text[j + 1] === q) {
        value += q;
        j += 2;
        continue;
      }
      return { value, range: [start, j], end: j + 1 };
    }
    if (c === '\n') return undefined;
    value += c;
    j++;
  }
  return undefined;
}

function judge(value: string, range: Range, kind: Kind, out: Hit[], seen: Set<number>): void {
  if (seen.has(range[0]) || PG_HASH.test(value)) return;
  // Pieces of statements built by concatenation (`' IDENTIFIED BY ' || p`) are not values.
  if (/\|\||^\s|\s$/.test(value)) return;
  const strength = literalCredential(value, { digests: true });
  if (!strength) return;
  seen.add(range[0]);
  out.push({ range, kind, strength });
}

/** Whether the statement holding `at` (back to the previous `;`, at most 300 characters) creates, alters or grants to an account. */
function accountStatement(text: string, at: number): boolean {
  const from = Math.max(0, at - 300);
  const before = text.slice(from, at);
  const semi = before.lastIndexOf(';');
  return /\b(?:(?:create|alter)[ \t\r\n]+user|grant)\b/i.test(semi >= 0 ? before.slice(semi + 1) : before);
}

function accounts(text: string, format: Format, out: Hit[], seen: Set<number>): void {
  let m: RegExpExecArray | null;
  ACCOUNT.lastIndex = 0;
  while ((m = ACCOUNT.exec(text)) !== null) {
    if (commentedOut(text, m.index)) continue;
    let end = Math.min(text.length, m.index + 400);
    const semi = text.indexOf(';', m.index);
    if (semi >= 0 && semi < end) end = semi;
    const window = text.slice(m.index, end);
    const p = PASSWORD_IN_STATEMENT.exec(window);
    if (!p) continue;
    const s = stringAt(text, m.index + p.index + p[0].length, end);
    if (!s) continue;
    judge(s.value, s.range, 'account', out, seen);
    ACCOUNT.lastIndex = Math.max(ACCOUNT.lastIndex, s.end);
  }
  for (const re of [IDENTIFIED, SET_PASSWORD]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      if (commentedOut(text, m.index)) continue;
      if (re === IDENTIFIED && !accountStatement(text, m.index)) continue;
      const at = m.index + m[0].length;
      const limit = Math.min(text.length, at + 300);
      const s = stringAt(text, at, limit);
      if (s) {
        judge(s.value, s.range, 'account', out, seen);
        continue;
      }
      // Oracle takes the password as a bare identifier (`IDENTIFIED BY hr_pass`), which ends
      // the statement or is followed by the user's other clauses.
      if (re !== IDENTIFIED || format !== 'sql') continue;
      const bare =
        /^([A-Za-z][\w#$]{0,127})(?:[ \t]*(?:;|\r?\n|$)|[ \t\r\n]+(?:default|temporary|quota|profile|account|password|container|enable|disable)\b)/i.exec(
          text.slice(at, limit),
        );
      if (bare && !/^(?:password|values|externally|globally|create|alter|grant|default|temporary|quota|profile|account)$/i.test(bare[1]))
        judge(bare[1], [at, at + bare[1].length], 'account', out, seen);
    }
  }
}

/** The column names of an INSERT's column list starting after `(` at `at`; undefined if unreadable. */
function columnList(text: string, at: number): { names: string[]; end: number } | undefined {
  const close = text.indexOf(')', at);
  if (close < 0 || close - at > 4000) return undefined;
  const names = text
    .slice(at, close)
    .split(',')
    .map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
  if (names.some((n) => !/^[\w.$]{1,128}$/.test(n))) return undefined;
  return { names, end: close + 1 };
}

/** Largest number of rows read from one INSERT. */
const MAX_ROWS = 5000;

/** The password column's string values in an INSERT's VALUES tuples, starting at `at`. */
function rows(text: string, at: number, column: number, out: Hit[], seen: Set<number>): number {
  const v = /^[ \t\r\n]*values[ \t\r\n]*/i.exec(text.slice(at, at + 200));
  if (!v) return at;
  let i = at + v[0].length;
  for (let row = 0; row < MAX_ROWS && text[i] === '('; row++) {
    // One tuple: items split at top-level commas; strings and nested calls are skipped over.
    // The column's item counts only when it is a string and nothing else (not `md5('…')`).
    i++;
    let item = 0;
    let depth = 0;
    let itemStart = i;
    let candidate: { value: string; range: Range; end: number } | undefined;
    const endItem = (): void => {
      if (candidate && text.slice(candidate.end, i).trim() === '') judge(candidate.value, candidate.range, 'row', out, seen);
      candidate = undefined;
    };
    while (i < text.length) {
      const c = text[i];
      if (c === "'" || ((c === 'N' || c === 'E') && text[i + 1] === "'")) {
        const s = stringAt(text, i, text.length);
        if (!s) return i;
        if (item === column && depth === 0 && text.slice(itemStart, i).trim() === '') candidate = s;
        i = s.end;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) {
        if (item === column) endItem();
        item++;
        itemStart = i + 1;
      } else if (c === ';') return i;
      i++;
    }
    if (item === column) endItem();
    i++;
    const next = /^[ \t\r\n]*,[ \t\r\n]*/.exec(text.slice(i, i + 200));
    if (!next) return i;
    i += next[0].length;
  }
  return i;
}

/** `UPDATE users SET password = '…' WHERE …`: a password column set to a literal. */
function updates(text: string, out: Hit[], seen: Set<number>): void {
  UPDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UPDATE.exec(text)) !== null) {
    if (commentedOut(text, m.index)) continue;
    const from = m.index + m[0].length;
    let end = Math.min(text.length, from + 2000);
    const semi = text.indexOf(';', from);
    if (semi >= 0 && semi < end) end = semi;
    const window = text.slice(from, end);
    COLUMN_SET.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = COLUMN_SET.exec(window)) !== null) {
      const name = c[1].replace(/^[`"[]|[`"\]]$/g, '');
      if (classifyKey(name) !== 'password') continue;
      const s = stringAt(text, from + c.index + c[0].length, end);
      if (s) judge(s.value, s.range, 'row', out, seen);
    }
    // Statements do not overlap: the next one starts after this one's window.
    UPDATE.lastIndex = Math.max(UPDATE.lastIndex, end);
  }
}

function inserts(text: string, out: Hit[], seen: Set<number>): void {
  INSERT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INSERT.exec(text)) !== null) {
    if (commentedOut(text, m.index)) continue;
    const cols = columnList(text, m.index + m[0].length);
    if (!cols) continue;
    const column = cols.names.findIndex((n) => classifyKey(n.split('.').pop() ?? n) === 'password');
    if (column < 0) continue;
    INSERT.lastIndex = Math.max(INSERT.lastIndex, rows(text, cols.end, column, out, seen));
  }
}

/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = ['password', 'identified', 'insert', 'update'];

function hits(doc: Document): Hit[] {
  return doc.memo('secret:sql', () => {
    const out: Hit[] = [];
    if (!SQL_FORMATS.has(doc.format) || !mentionsAny(doc, ['password', 'identified', 'pass', 'pwd'])) return out;
    const text = doc.text;
    const seen = new Set<number>();
    if (mentionsAny(doc, ['password', 'identified'])) accounts(text, doc.format, out, seen);
    if (mentionsAny(doc, ['insert'])) inserts(text, out, seen);
    if (mentionsAny(doc, ['update'])) updates(text, out, seen);
    return out.sort((a, b) => a.range[0] - b.range[0]);
  });
}

/** A password written into SQL: an account's password or a seed row's plaintext password. */
export const sqlCredential: Rule = {
  id: 'secret/sql-credential',
  risk: risk(9.3, 'high', CWE.PASSWORD),
  literals: LITERALS,
  // Nothing is searched for without one of these (`hits`).
  requires: ['password', 'identified', 'pass', 'pwd'],
  specificity: 'store',
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Password in SQL', ja: 'SQL に書かれたパスワード' },
  description: SECRET_DESCRIPTION,
  messages: {
    account: {
      en: 'A database account is given a literal password in SQL ({masked}). Pass it from a secret store or an environment variable when the script runs, and change it.',
      ja: 'SQL でデータベースアカウントにパスワードがそのまま設定されています（{masked}）。実行時にシークレットストアや環境変数から渡し、パスワードを変更してください。',
    },
    'account-weak': {
      en: 'A database account is given a weak, hardcoded password in SQL ({masked}). It is easy to guess and anyone with the repository knows it: pass a strong one from a secret store when the script runs.',
      ja: 'SQL でデータベースアカウントに推測しやすいパスワードがハードコードされています（{masked}）。リポジトリを読める人は誰でも知っています。実行時にシークレットストアから強いパスワードを渡してください。',
    },
    row: {
      en: 'Seed data stores a plaintext password ({masked}). Store only a hash (bcrypt, Argon2), and change any account that uses it.',
      ja: '初期データに平文のパスワードが保存されています（{masked}）。ハッシュ（bcrypt・Argon2 など）だけを保存し、このパスワードを使うアカウントは変更してください。',
    },
    'row-weak': {
      en: 'Seed data stores a weak plaintext password ({masked}). It is easy to guess and stored unhashed: store only a hash (bcrypt, Argon2) and give the accounts strong passwords.',
      ja: '初期データに推測しやすい平文のパスワードが保存されています（{masked}）。ハッシュ（bcrypt・Argon2 など）だけを保存し、アカウントには強いパスワードを設定してください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h): RawFinding => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      const severity: Severity = h.strength === 'strong' ? 'error' : 'warning';
      return { range: h.range, messageId: h.strength === 'weak' ? `${h.kind}-weak` : h.kind, severity, data: { masked }, excerpt: masked };
    });
  },
};
