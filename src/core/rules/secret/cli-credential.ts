import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import type { Format } from '../../documents/detect';
import { mentionsAny } from '../../literals';
import { allMatches, anchoredSearch, stickyOf } from './analysis/anchored';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { placeholderConnectionPassword } from './connection-string';
import { literalCredential } from './analysis/structured-value';

/**
 * Passwords passed on a command line in scripts, CI files and docs: `curl -u user:password`,
 * `sshpass -p password`, `mysql -pPASSWORD`, and database clients in compose `command:`,
 * `healthcheck:` and `entrypoint:` lines, shell or exec form (`sqlcmd … -P …`,
 * `mysqladmin … -p…`, `redis-cli -a …`, `redis-server --requirepass …`, `mongosh … -p …`,
 * `PGPASSWORD=… psql`), and `requirepass` in redis.conf. They land in
 * shell history and process lists as well as in the repository. Variables (`$PASS`,
 * compose's `$$VAR`), templates and placeholders are skipped. In configuration and scripts
 * (compose, Kubernetes, CI, shell, Dockerfiles) the command really runs with that password, so
 * a weak one (`root`, `postgres`) is reported as weak; in other files (docs) weak words are
 * taken for stand-ins.
 */

interface Hit {
  range: Range;
  tool: string;
  weak: boolean;
}

/** Formats whose command lines run as written: a weak password there is the password. */
const RUN_FORMATS: ReadonlySet<Format> = new Set<Format>(['yaml', 'shell', 'dockerfile']);

/** The separator between an option and its value: blanks, or the `", "` of an exec-form array. */
const SEP = String.raw`(?:[ \t]+|["'][ \t]*,[ \t]*)`;
/** The separator and the value's opening quote (group 1, which the value's end repeats). */
const ARG = SEP + String.raw`(["']?)`;

/** `sqlcmd … -P password` (SQL Server's tools; upper-case P). */
const SQLCMD = new RegExp(String.raw`\b(?:sqlcmd|bcp|osql)\b[^\n]{0,400}?[ \t"',[]-P` + ARG + String.raw`([^\s"'\`,\]]{1,200})\1`, 'g');
/** `redis-cli -a password` / `--pass password`. */
const REDIS = new RegExp(String.raw`\bredis-cli\b[^\n]{0,300}?[ \t"',[](?:-a|--pass)` + ARG + String.raw`([^\s"'\`,\]]{1,200})\1`, 'g');
/** `mongosh … -p password` / `--password password`. */
const MONGO = new RegExp(
  String.raw`\bmongo(?:sh|dump|restore|import|export)?\b[^\n]{0,300}?[ \t"',[](?:-p|--password)(?:=|` + SEP + String.raw`)(["']?)([^\s"'\`,\]]{1,200})\1`,
  'g',
);
/** `redis-server --requirepass password` (also a compose `command:` of flags alone) and `--masterauth`. */
const REQUIREPASS = new RegExp(String.raw`(?:^|[ \t"',[])--(?:requirepass|masterauth)` + ARG + String.raw`([^\s"'\`,\]]{1,200})\1`, 'gm');
/** `requirepass password` in redis.conf. */
const REDIS_CONF = /^[ \t]*(?:requirepass|masterauth)[ \t]+(["']?)([^\s"']{1,200})\1[ \t]*\r?$/gm;
/** `mysqladmin -u root password newpass`: sets the account's password. */
const MYSQLADMIN_SET = /\bmysqladmin\b[^\n]{0,200}?[ \t]password[ \t]+(["']?)([^\s"'`;|&]{1,200})\1/g;
/** `PGPASSWORD=password psql …`. */
const PGPASSWORD = /\bPGPASSWORD=(["']?)([^\s"'$;&|`]{1,200})\1(?=[ \t])/g;

/** `-u user:pass` / `--user user:pass`, within a curl command (which may continue over `\` lines). */
export const CURL_USER = /(?:^|\s)(?:-u|--user)(?:[ \t]+|=)(["']?)([^\s"':]{1,100}):([^\s"']{1,200})\1/g;
/**
 * CURL_USER tried only around each `-u` (`--user` holds one, a unit in): a match starts at the
 * white space before its flag, or at the text's start, so its `-u` is 0 to 2 units after the
 * start. Its leading alternation gives the regex engine no first character to look for, and a
 * script full of curl commands was tried at every position.
 */
const CURL_USER_AT = stickyOf(CURL_USER);
const SSHPASS = /\bsshpass[ \t]+-p[ \t]*(["']?)([^\s"']{1,200})\1/g;
/** `mysql -pPASSWORD`; not find's `-printf`, `-prune`, `-perm` or `-path` after `-name 'mysql'`. */
export const MYSQL =
  /\bmysql(?:dump|admin|sh|import|check)?\b[^\n]{0,200}?[ \t"',[](?:-p(?!rint|rune\b|erm\b|ath\b)|--password=)(["']?)([^\s"'`,\]-][^\s"'`,\]]{0,199})\1/g;
/**
 * MYSQL tried only at each `mysql` (every match starts with it, as written): a project about
 * MySQL names it on most lines, and the pattern tried at every position was most of this rule's time.
 */
const MYSQL_AT = stickyOf(MYSQL);

function commandAround(text: string, at: number, tool: RegExp): boolean {
  // The command may start a few continuation lines (`\`) earlier.
  const from = Math.max(0, at - 600);
  return tool.test(text.slice(from, at + 1));
}

/** The tools' names, asked of the shared literal search before an exact-case search of the text. */
/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = [
  'curl',
  'sshpass',
  'mysql',
  'mysqladmin',
  'sqlcmd',
  'bcp',
  'osql',
  'redis-cli',
  'mongo',
  'pgpassword',
  'requirepass',
  'masterauth',
];

/**
 * Whether a password given to a tool is a real one, and weak: in files that run (compose, shell)
 * weak literals count; elsewhere only what passes the connection-string judgement.
 */
function judge(password: string, runs: boolean, user = ''): { weak: boolean } | undefined {
  // Compose's `$$VAR`, and `<user:password>`-style stand-ins.
  if (/^\$\$/.test(password) || /[<>]/.test(password) || /[<>]/.test(user)) return undefined;
  if (!runs) return placeholderConnectionPassword(password, user) ? undefined : { weak: false };
  if (/^(?:user(?:name)?|login):(?:pass(?:word)?|pwd)$/i.test(`${user}:${password}`)) return undefined;
  const strength = literalCredential(password);
  return strength === undefined ? undefined : { weak: strength === 'weak' };
}

function hits(doc: Document): Hit[] {
  return doc.memo('secret:cli', () => {
    const text = doc.text;
    const out: Hit[] = [];
    const runs = RUN_FORMATS.has(doc.format);
    if (mentionsAny(doc, ['curl']) && text.includes('curl')) {
      for (const m of anchoredSearch(CURL_USER_AT, text, ['-u'], [0, 2])) {
        if (!commandAround(text, m.index, /\bcurl\b/)) continue;
        const [, , user, pass] = m;
        const verdict = judge(pass, runs, user);
        if (!verdict) continue;
        const start = m.index + m[0].lastIndexOf(pass);
        out.push({ range: [start, start + pass.length], tool: 'curl', weak: verdict.weak });
      }
    }
    const tools: [string[], RegExp, string, boolean][] = [
      [['sshpass'], SSHPASS, 'sshpass', false],
      [['mysql'], MYSQL, 'mysql', runs],
      [['mysqladmin'], MYSQLADMIN_SET, 'mysqladmin', runs],
      [['sqlcmd', 'bcp', 'osql'], SQLCMD, 'sqlcmd', runs],
      [['redis-cli'], REDIS, 'redis-cli', runs],
      [['mongo'], MONGO, 'mongo', runs],
      [['pgpassword'], PGPASSWORD, 'psql (PGPASSWORD)', runs],
      [['requirepass', 'masterauth'], REQUIREPASS, 'redis-server', runs],
    ];
    if (doc.name.endsWith('.conf')) tools.push([['requirepass', 'masterauth'], REDIS_CONF, 'Redis (redis.conf)', true]);
    for (const [literals, re, tool, weakCounts] of tools) {
      if (!mentionsAny(doc, literals)) continue;
      for (const m of re === MYSQL ? anchoredSearch(MYSQL_AT, text, ['mysql']) : allMatches(re, text)) {
        const verdict = judge(m[2], weakCounts);
        if (!verdict) continue;
        const start = m.index + m[0].lastIndexOf(m[2]);
        out.push({ range: [start, start + m[2].length], tool, weak: verdict.weak });
      }
    }
    return out;
  });
}

/** A password given to a command-line tool. */
export const cliCredential: Rule = {
  id: 'secret/cli-credential',
  risk: risk(8.5, 'high', CWE.PASSWORD),
  literals: LITERALS,
  // Each tool's search runs only once one of its names is found (`hits`).
  requires: LITERALS,
  specificity: 'connection',
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Password on a command line', ja: 'コマンドラインに書かれたパスワード' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A password is passed to {tool} on the command line ({masked}). Read it from an environment variable or a credentials file outside the repository, and change it.',
      ja: '{tool} にコマンドラインでパスワードが渡されています（{masked}）。リポジトリ外の環境変数や認証情報ファイルから読み込み、パスワードを変更してください。',
    },
    weak: {
      en: 'A weak, hardcoded password is passed to {tool} on the command line ({masked}). It is easy to guess and anyone with the repository knows it: read a strong one from an environment variable or a secret file.',
      ja: '{tool} にコマンドラインで推測しやすいパスワードがハードコードされて渡されています（{masked}）。リポジトリを読める人は誰でも知っています。強いパスワードを環境変数やシークレットファイルから読み込んでください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h): RawFinding => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      return {
        range: h.range,
        messageId: h.weak ? 'weak' : 'found',
        ...(h.weak ? { severity: 'warning' } : {}),
        data: { tool: h.tool, masked },
        excerpt: masked,
      };
    });
  },
};
