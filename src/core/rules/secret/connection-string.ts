import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { isDictionaryPassword, passwordVerdict, placeholderReason, type PasswordVerdict } from './analysis/value';
import { unquotedIsExpression } from './analysis/assignments';
import { mentionsAny } from '../../literals';

/**
 * Passwords inside connection strings and URLs: `scheme://user:password@host` for databases,
 * brokers and caches (PostgreSQL, MySQL, MongoDB (+srv), Redis, AMQP, SQL Server, JDBC …),
 * JDBC `password=` parameters, ADO.NET/ODBC `Password=`/`Pwd=`, Azure Storage `AccountKey=`
 * and Service Bus `SharedAccessKey=`, and SAS signatures (`sig=`) in URLs.
 */

/**
 * `scheme://user:password@`: the password is group `p`, the user `u`. Matched from each `://`:
 * the scheme before it (anchored at its end, over a short window; a `+driver` suffix as SQLAlchemy
 * writes it, `postgresql+psycopg://`, belongs to the scheme) and the credentials after it (sticky). One regex starting with the scheme was tried at every word of a file.
 */
const SCHEME_BEFORE =
  /\b(?:jdbc:[a-z0-9]{2,20}:(?:[a-z0-9]{2,20}:)?)?(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|db2|clickhouse|cockroachdb|couchdbs?|neo4j(?:\+s)?|bolt|nats|kafka|ldaps?|smtps?|imaps?|pop3s?|ftps?|sftp|ssh|https?|git|svn|mqtts?|elasticsearch|influxdb|memcached)(?:\+[a-z][a-z0-9_]{1,24})?$/i;
const CREDENTIALS_AFTER = /(?<u>[^:@/\s"'<>`;,]{0,100}):(?<p>[^@/\s"'<>`]{1,200})@(?=[\w[])/y;
/** Longer than any scheme SCHEME_BEFORE accepts (`jdbc:` and two 20-character parts included). */
const SCHEME_WINDOW = 80;

/** `;Password=…;` in ADO.NET, ODBC and JDBC key/value strings. */
const KV_PASSWORD = /(?<![\w-])(?:Password|Pwd|PWD|password|pwd)\s*=\s*(?<p>[^;"'\r\n&]{1,200})/g;

/** The string around a `Password=` must look like a connection string. */
const KV_CONTEXT = /(?:Server|Data Source|Host|User ID|UID|Uid|User Id|Database|Initial Catalog|Driver|DSN)\s*=/i;

const AZURE_KEY = /(?<![\w])(?:AccountKey|SharedAccessKey)\s*=\s*(?<p>[A-Za-z0-9+/]{40,100}={0,2})/g;
const SAS_SIG = /[?&;]sig=(?<p>[A-Za-z0-9%+/=]{30,120})/g;

/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = ['pwd', 'password', 'accountkey', 'sharedaccesskey', '://', 'sig='];

const WORD_PASSWORDS = /^(?:pass|passwd|password|secret|pwd|changeme|changeit|admin|root|guest|test|user|username)$/i;

interface Hit {
  range: Range;
  password: string;
  kind: 'uri' | 'kv' | 'azure' | 'sas';
  /** A guessable password (`postgres`, the user name again): reported as weak and hardcoded. */
  weak?: boolean;
}

/** User names that only name the field (`user:password@`, `username:secret@`): documentation. */
const STAND_IN_USER = /^(?:user|username|user_name|login|name|dbuser|db_user)$|^(?:my|your)[-_]?[a-z]{2,20}$/i;

/**
 * How a password found in a connection string reads, given its user and host: a placeholder
 * (template, stand-in words, or a guessable password for a stand-in user or a documentation
 * host), weak (`postgres://saleor:saleor@…`, `amqp://guest:guest@…`, `…:root@…`), or real.
 */
export function connectionPasswordVerdict(password: string, user = '', host = ''): PasswordVerdict {
  const p = password.trim();
  if (p.length < 3 || /^[$%{[<(]|[$%]\{|\$\(|\}\}$|^:/.test(p)) return 'placeholder';
  const verdict = passwordVerdict(p);
  if (verdict === 'placeholder') return 'placeholder';
  const weak = verdict === 'weak' || p === user || p.length < 8;
  if (weak && (STAND_IN_USER.test(user) || /(?:^|\.)example\.(?:com|org|net)$/i.test(host))) return 'placeholder';
  return weak ? 'weak' : 'real';
}

/** Whether a password found in a connection string is a stand-in. */
export function placeholderConnectionPassword(password: string, user = ''): boolean {
  const p = password.trim();
  if (p.length < 4) return true;
  if (p === user || WORD_PASSWORDS.test(p)) return true;
  if (/^[$%{[<(]|[$%]\{|\$\(|\}\}$|^:/.test(p)) return true;
  return placeholderReason(p) !== undefined;
}

/**
 * Whether a weak password is reported in this document: always in configuration (compose,
 * .env, YAML, properties); in program code and documentation only a product's default or a dictionary password
 * (`amqp://guest:guest@…`), since a URL whose password repeats the user is mostly a test fixture there.
 */
function weakCounts(doc: Document, password: string, at: number): boolean {
  const code =
    (unquotedIsExpression(doc.format) && doc.format !== 'json' && doc.format !== 'hcl') || doc.format === 'markdown' || CODE_LINE.test(lineOf(doc.text, at));
  return !code || isDictionaryPassword(password);
}

/** A line of program code (`const URL = "…"`), also when it sits in a text or Markdown file. */
const CODE_LINE = /^[ \t]*(?:export[ \t]+)?(?:const|let|var|val|final|static|private|public|String|def)[ \t]/;

function lineOf(text: string, at: number): string {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  let e = text.indexOf('\n', at);
  if (e < 0) e = text.length;
  return text.slice(s, Math.min(e, s + 4000));
}

function hits(doc: Document): Hit[] {
  return doc.memo('secret:connection-strings', () => {
    const text = doc.text;
    const out: Hit[] = [];
    let m: RegExpExecArray | null;
    for (let at = mentionsAny(doc, ['://']) ? text.indexOf('://') : -1; at >= 0; at = text.indexOf('://', at + 3)) {
      // Credentials first: most URLs have none, and the scheme's regex is tried at every
      // start in its window (it was a worker's second costliest regex on a 48 MB tree).
      CREDENTIALS_AFTER.lastIndex = at + 3;
      m = CREDENTIALS_AFTER.exec(text);
      if (!m) continue;
      const from = Math.max(0, at - SCHEME_WINDOW);
      const scheme = SCHEME_BEFORE.exec(text.slice(from, at));
      // At the window's edge the scheme may be the end of a longer word.
      if (!scheme || (scheme.index === 0 && from > 0 && /\w/.test(text[from - 1]))) continue;
      const g = m.groups ?? {};
      const p = g.p ?? '';
      // Escapes (`\x41`, `\u00e9`) mark parser test strings, not stored credentials.
      if (/\\[xu][0-9a-fA-F]{2}/.test(p)) continue;
      const host = /^[\w.-]{1,200}/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 200))?.[0] ?? '';
      const verdict = connectionPasswordVerdict(decodeURIComponentSafe(p), decodeURIComponentSafe(g.u ?? ''), host);
      if (verdict === 'placeholder' || (verdict === 'weak' && !weakCounts(doc, decodeURIComponentSafe(p), at))) continue;
      const start = m.index + m[0].lastIndexOf(p + '@');
      out.push({ range: [start, start + p.length], password: p, kind: 'uri', ...(verdict === 'weak' ? { weak: true } : {}) });
    }
    if (mentionsAny(doc, ['pwd', 'password'])) {
      KV_PASSWORD.lastIndex = 0;
      while ((m = KV_PASSWORD.exec(text)) !== null) {
        const p = (m.groups?.p ?? '').trim();
        const line = lineOf(text, m.index);
        // `Password=` must sit in a connection string (`Server=…;User ID=…;Password=…`), not in prose or an assignment.
        if (!KV_CONTEXT.test(line) && !/jdbc:/i.test(line)) continue;
        // A value that runs into another `name = …` is a list of settings or declarations
        // (`password = string<br>    host = string` in a README table), not one connection string.
        if (/\s[A-Za-z_][\w.-]*\s*=/.test(p)) continue;
        const user = /(?:User ID|UID|Uid|User Id|user)\s*=\s*([^;"'\r\n&]{1,100})/i.exec(line)?.[1]?.trim() ?? '';
        const verdict = connectionPasswordVerdict(p, user);
        if (verdict === 'placeholder' || (verdict === 'weak' && !weakCounts(doc, p, m.index))) continue;
        const start = m.index + m[0].length - (m.groups?.p ?? '').length;
        out.push({ range: [start, start + p.length], password: p, kind: 'kv', ...(verdict === 'weak' ? { weak: true } : {}) });
      }
    }
    if (mentionsAny(doc, ['accountkey', 'sharedaccesskey']) && /AccountKey|SharedAccessKey/.test(text)) {
      AZURE_KEY.lastIndex = 0;
      while ((m = AZURE_KEY.exec(text)) !== null) {
        const p = m.groups?.p ?? '';
        if (placeholderReason(p) || new Set(p).size < 10) continue;
        const start = m.index + m[0].length - p.length;
        out.push({ range: [start, start + p.length], password: p, kind: 'azure' });
      }
    }
    if (mentionsAny(doc, ['sig=']) && text.includes('sig=')) {
      SAS_SIG.lastIndex = 0;
      while ((m = SAS_SIG.exec(text)) !== null) {
        const p = m.groups?.p ?? '';
        // A SAS URL also carries its signed version (`sv=`) and expiry or signed resource.
        const line = lineOf(text, m.index);
        if (!/[?&;]sv=\d{4}-\d{2}-\d{2}/.test(line) || placeholderReason(p)) continue;
        const start = m.index + m[0].length - p.length;
        out.push({ range: [start, start + p.length], password: p, kind: 'sas' });
      }
    }
    return out;
  });
}

/** `decodeURIComponent` that returns its input on malformed escapes. */
export function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const KIND_TEXT: Record<Hit['kind'], { en: string; ja: string }> = {
  uri: { en: 'a URL', ja: 'URL' },
  kv: { en: 'a connection string', ja: '接続文字列' },
  azure: { en: 'an Azure connection string (account key)', ja: 'Azure の接続文字列（アカウントキー）' },
  sas: { en: 'a shared access signature', ja: 'Shared Access Signature（SAS）' },
};

/** A password or key embedded in a connection string or URL. */
export const connectionString: Rule = {
  id: 'secret/connection-string',
  risk: risk(9.5, 'high', CWE.SECRET),
  literals: LITERALS,
  // Each of the four searches runs only once its words are found (`hits`).
  requires: LITERALS,
  specificity: 'connection',
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Credential in a connection string', ja: '接続文字列内の認証情報' },
  description: SECRET_DESCRIPTION,
  messages: {
    uri: {
      en: 'A password is embedded in a URL ({masked}). Pass it separately from a secret store or environment variable and change it.',
      ja: 'URL にパスワードが埋め込まれています（{masked}）。シークレットストアや環境変数から別に渡し、パスワードを変更してください。',
    },
    kv: {
      en: 'A password is embedded in a connection string ({masked}). Build the string at run time from a secret store or environment variable and change the password.',
      ja: '接続文字列にパスワードが埋め込まれています（{masked}）。実行時にシークレットストアや環境変数から組み立て、パスワードを変更してください。',
    },
    azure: {
      en: 'An Azure account or shared access key is embedded in a connection string ({masked}). Use a managed identity or Key Vault and rotate the key.',
      ja: 'Azure のアカウントキーまたは共有アクセスキーが接続文字列に埋め込まれています（{masked}）。マネージド ID や Key Vault を使い、キーを失効させて再発行してください。',
    },
    weak: {
      en: 'The password in this connection string ({masked}) is weak and hardcoded: a default, a dictionary word or the user name again, which anyone can guess or read in the repository. Set a strong password and pass it from a secret store or environment variable.',
      ja: 'この接続文字列のパスワード（{masked}）は弱く、ハードコードされています。初期値・辞書の単語・ユーザー名と同じ値で、推測やリポジトリの閲覧で誰でも使えます。強いパスワードに変更し、シークレットストアや環境変数から渡してください。',
    },
    sas: {
      en: 'A shared access signature is embedded in a URL ({masked}). Issue short-lived SAS tokens at run time instead, and revoke this one.',
      ja: 'Shared Access Signature が URL に埋め込まれています（{masked}）。実行時に短期間の SAS を発行する方式に改め、この SAS を失効させてください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => {
      const masked = maskSecret(h.password);
      const weak = h.weak === true;
      return {
        range: h.range,
        messageId: weak ? 'weak' : h.kind,
        data: { masked, where: KIND_TEXT[h.kind].en },
        excerpt: masked,
        ...(weak ? { severity: 'warning' as const } : {}),
      };
    });
  },
};
