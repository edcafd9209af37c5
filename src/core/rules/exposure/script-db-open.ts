import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { get } from '../../documents/tree';
import { yamlTrees } from '../../documents/yaml';
import { foldString, mentionsAny } from '../../literals';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, isWorld, NOAUTH_GUIDELINES, str } from './analysis/common';
import { bindsEverywhere, composeServices, hostIp, imageFamily } from './analysis/containers';

/**
 * Data stores opened by the scripts and command lines that set them up: shell scripts,
 * Dockerfiles, entrypoints, compose `command:` of services that are not recognised as stores (the
 * compose rules read those) and deployment templates that rewrite or write the
 * server's own configuration. Each line is read on its own: `sed` turning `listen_addresses`,
 * `bind`, `bindIp` or `bind-address` to every interface, `redis-server --protected-mode no` /
 * `--bind 0.0.0.0`, `mongod --bind_ip_all`, a redis.conf `bind` line deleted or commented out,
 * pg_hba.conf host lines written by `echo >>` or a heredoc that admit the whole internet, and
 * `docker run -p 5432:5432 postgres` publishing a store on every host interface.
 */

/** Words one of which a file must hold before any line of it is read. */
const HINTS = [
  'docker run',
  'podman run',
  '--publish',
  'listen_addresses',
  'protected-mode',
  'protected_mode',
  'bind_ip',
  'bindip',
  'bind-address',
  'bind_address',
  'redis',
  '0.0.0.0',
  '::/0',
];

/*
 * Which lines can hold a finding. Every check of `lineHits` asks its line for a word first
 * (ASCII case ignored): `listen_addresses`, `protected-mode` / `protected_mode`, `bind` (the
 * redis, Mongo and MySQL checks), `/0` or ` all ` (pg_hba lines), `-p` (which `--publish`
 * holds) and `0.0.0.0` (sed). So only lines holding one of these words are read, and only the
 * words whose check can succeed somewhere in the file are looked for: the file must also hold
 * what the check needs elsewhere on the line or near it (`triggers`). A word the file lacks
 * cannot be on any of its lines. These words are common in every kind of file, so they are
 * looked for here, in the files that hold one of `HINTS`, not in every file's literal pass.
 */

/**
 * The words whose lines `lineHits` must read in this file, given the file lower-cased: each with
 * what its check needs besides (`near(…, /redis/i)` beside `bind` unless Mongo's or MySQL's bind
 * word is there; `hbaHit`'s `\bhost`; `dockerRunPublish`'s `docker` or `podman`; `sed`).
 */
function triggers(lower: string): string[] {
  const out: string[] = [];
  const has = (w: string): boolean => lower.includes(w);
  if (has('listen_addresses')) out.push('listen_addresses');
  if (has('protected-mode') || has('protected_mode')) out.push('protected-mode', 'protected_mode');
  if (has('bind_ip') || has('bindip') || has('bind-address') || has('bind_address') || (has('bind') && has('redis'))) out.push('bind');
  if (has('host') && (has('/0') || has(' all '))) out.push('/0', ' all ');
  if ((has('docker') || has('podman')) && has('-p')) out.push('-p');
  if (has('sed') && has('0.0.0.0')) out.push('0.0.0.0');
  return out;
}

/**
 * The text with ASCII letters lower-cased and every other code unit where it was. Only U+0130
 * lower-cases to two code units, so where `toLowerCase` keeps the length it keeps the offsets
 * too; otherwise only ASCII letters are folded. No trigger word has an `i` or a `k`, so the
 * letters that `toLowerCase` alone folds to ASCII (U+0130 to `i` and a dot, the Kelvin sign to
 * `k`) put no trigger on a line that `lineHits` would not see one on.
 */
function lowerCased(text: string): string {
  const lowered = text.toLowerCase();
  return lowered.length === text.length ? lowered : foldString(text);
}

/**
 * The indexes, in order, of the lines (split on LF) that hold one of `words` (`lower`: the text
 * lower-cased). `starts` gets each line's start offset.
 */
function linesHolding(text: string, lower: string, words: readonly string[], starts: number[]): number[] {
  for (let at = 0; ;) {
    starts.push(at);
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  const marks = new Uint8Array(starts.length);
  for (const w of words) {
    // `-p` is looked for as `lineHits` tests it, in the text as written: a flag, not the
    // `-p` of `docker-php-ext-install` or `php-pgsql` that fill a PHP image's Dockerfile.
    const publish = w === '-p';
    const hay = publish ? text : lower;
    let line = 0;
    for (let i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
      if (publish && !publishFlagAt(text, i)) continue;
      // (No word holds a line feed, so each occurrence lies on one line.)
      while (line + 1 < starts.length && starts[line + 1] <= i) line++;
      marks[line] = 1;
    }
  }
  const out: number[] = [];
  for (let k = 0; k < marks.length; k++) if (marks[k] === 1) out.push(k);
  return out;
}

/** `lineHits`' published-port test (`PUBLISH_FLAG`) without its start, tried in place. */
const PUBLISH_FLAG_AT = /(?:-p|--publish)(?:[^\S\n]|=|\d)/y;

/**
 * Whether `PUBLISH_FLAG` matches on its line where the `-p` at `i` is: the flag starts there or,
 * for `--publish`, one unit before, after white space or at the line's start (a line feed
 * before it is white space too), and is followed on its line by white space, `=` or a digit.
 */
function publishFlagAt(text: string, i: number): boolean {
  for (let s = i - 1; s <= i; s++) {
    if (s < 0 || (s > 0 && !/\s/.test(text[s - 1]))) continue;
    PUBLISH_FLAG_AT.lastIndex = s;
    if (PUBLISH_FLAG_AT.test(text)) return true;
  }
  return false;
}

/** Server configuration files with rules of their own. */
const OWN_RULE =
  /^(redis([-_.][\w.-]*)?\.conf|postgresql([.-][\w.-]*)?\.conf|pg_hba([.-][\w.-]*)?\.conf|mongo(d|db)?([-_.][\w.-]*)?\.(conf|ya?ml)|[\w.-]*\.cnf)$/;

const ANY = '(?:0\\.0\\.0\\.0|\\*|::|\\[::\\])';
const LISTEN_ALL = new RegExp(`\\blisten_addresses\\s{0,20}=\\s{0,20}\\\\?["']?\\s{0,5}${ANY}\\s{0,5}(?:[\\s"';&|)/\\\\,]|$)`, 'i');
const PROTECTED_OFF = /\bprotected[-_]mode\s{1,40}no\b/i;
const REDIS_BIND_ALL = new RegExp(`\\bbind\\s{1,40}-?${ANY}(?:\\s|$|[;&|)/])`);
const BIND_LINE_DELETED = /\/\^\s{0,5}#?\s{0,5}bind\b[^/\n]{0,200}\/\s{0,5}d\b|\bs\/\^\s{0,5}bind\b[^/\n]{0,200}\/(?:\s{0,5}#|\/)/;
const BIND_LINE_PATTERN = /\^\s{0,5}#?\s{0,5}bind\b/;
const MONGO_BIND_ALL = new RegExp(
  `--bind_ip_all\\b|--bind_ip[\\s=]{1,20}${ANY}(?:\\s|,|$)|\\bbindIp\\s{0,20}:\\s{0,20}\\\\?["']?${ANY}(?:\\s|["'\\\\/]|$)|\\bbindIpAll\\s{0,20}:\\s{0,20}true\\b`,
  'i',
);
const MYSQL_BIND_ALL = new RegExp(`\\bbind[-_]address\\s{0,20}=\\s{0,20}\\\\?["']?${ANY}(?:\\s|["'\\\\/]|$)`, 'i');
/** A pg_hba host line: type, database, user, address, then the mask or the method. */
const HBA_LINE = /\bhost(?:ssl|nossl|gssenc|nogssenc)?\s{1,40}(\S{1,200})\s{1,40}(\S{1,200})\s{1,40}(\S{1,200})\s{1,40}(\S{1,200})(?:\s{1,40}(\S{1,200}))?/;

interface Hit {
  messageId: string;
  data: Record<string, string>;
  error?: boolean;
}

/** The redis / MySQL / Mongo context a line sits in: itself or the few lines above. */
function near(lines: readonly string[], i: number, re: RegExp): boolean {
  for (let k = i; k >= 0 && k >= i - 3; k--) if (re.test(lines[k])) return true;
  return false;
}

/** What a pg_hba host line written by a script lets in, if it admits the whole internet. */
function hbaHit(line: string): Hit | undefined {
  if (!/\bhost/.test(line)) return undefined;
  // Quotes, commas and brackets of echo, printf and JSON arrays are not part of the columns.
  const m = HBA_LINE.exec(line.replace(/["'`,[\]]/g, ' '));
  if (!m) return undefined;
  const [, , , address, maybeMask, next = ''] = m;
  const hasMask = /^\d+\.\d+\.\d+\.\d+$/.test(address) && /^\d+\.\d+\.\d+\.\d+$/.test(maybeMask);
  const method = (hasMask ? next : maybeMask).toLowerCase();
  const world = isWorld(address) || address === 'all' || (hasMask && maybeMask === '0.0.0.0');
  if (!world) return undefined;
  if (method === 'trust') return { messageId: 'hbaTrust', data: { address: hasMask ? `${address}/${maybeMask}` : address }, error: true };
  if (method === 'md5' || method === 'password') return { messageId: 'hbaWorld', data: { address: hasMask ? `${address}/${maybeMask}` : address, method } };
  return undefined;
}

/** A published port's flag: `-p 5432:5432`, `-p5432:5432`, `--publish=…`. */
const PUBLISH_FLAG = /(?:^|\s)(?:-p|--publish)(?:\s|=|\d)/;

/** The findings of one line (index `i` of `lines`). */
function lineHits(lines: readonly string[], i: number): Hit[] {
  const line = lines[i];
  const out: Hit[] = [];
  if (line.length > 4000) return out;
  const lower = line.toLowerCase();
  // Array commands (`["redis-server", "--protected-mode", "no"]`) read as words (built once,
  // for the checks that read them).
  let words: string | undefined;
  const asWords = (): string => (words ??= line.replace(/["'`,[\]]/g, ' '));
  if (lower.includes('listen_addresses') && LISTEN_ALL.test(line)) out.push({ messageId: 'postgresListenAll', data: {} });
  if ((lower.includes('protected-mode') || lower.includes('protected_mode')) && PROTECTED_OFF.test(asWords())) {
    out.push({ messageId: 'redisProtectedOff', data: {}, error: !/requirepass/i.test(line) && /--protected-mode/i.test(line) });
  }
  if (lower.includes('bind') && near(lines, i, /redis/i)) {
    if (REDIS_BIND_ALL.test(asWords())) out.push({ messageId: 'redisBindAll', data: {} });
    else if (BIND_LINE_DELETED.test(line) || sedDropsBind(line) || (BIND_LINE_PATTERN.test(line) && /^\s*-?\s*from\s*:/.test(line) && removes(lines, i)))
      out.push({ messageId: 'redisBindRemoved', data: {} });
  }
  if ((lower.includes('bind_ip') || lower.includes('bindip')) && MONGO_BIND_ALL.test(asWords())) out.push({ messageId: 'mongoBindAll', data: {} });
  if ((lower.includes('bind-address') || lower.includes('bind_address')) && MYSQL_BIND_ALL.test(line) && near(lines, i, /mysql|mariadb|my\.cnf/i))
    out.push({ messageId: 'mysqlBindAll', data: {} });
  if (lower.includes('/0') || lower.includes(' all ')) {
    const hba = hbaHit(line);
    if (hba) out.push(hba);
  }
  if ((lower.includes('-p') || lower.includes('--publish')) && PUBLISH_FLAG.test(line)) {
    const run = dockerRunPublish(lines, i);
    if (run) out.push({ messageId: 'dockerRunPublished', data: run });
  }
  if (out.length === 0 && lower.includes('0.0.0.0') && lower.includes('sed')) {
    const store = sedOpensStore(line);
    if (store) out.push({ messageId: 'sedBindAll', data: { store } });
  }
  return out;
}

/** What `dockerRunPublish`'s command must hold on one of its lines. */
const RUNNER = /\b(?:docker|podman)(?:[\s\\]|$)/;

/**
 * `docker run -p 5432:5432 postgres` (or podman, continued over `\` lines): a store image with a
 * port published on every host interface. `line` must hold the `-p`; the command may start a
 * few lines above.
 */
function dockerRunPublish(lines: readonly string[], i: number): { port: string; image: string } | undefined {
  // The logical command: this line and the continued lines above it.
  let start = i;
  while (start > 0 && i - start < 20 && /\\\s{0,20}$/.test(lines[start - 1])) start--;
  let end = i;
  while (end < lines.length - 1 && end - i < 20 && /\\\s{0,20}$/.test(lines[end])) end++;
  // The command's `docker` or `podman` (and the white space after it) is on one of its lines:
  // joining puts a space between lines, and a line's end, or its continuing `\`, turns into one.
  let runner = false;
  for (let k = start; k <= end && !runner; k++) runner = RUNNER.test(lines[k]);
  if (!runner) return undefined;
  const command = lines
    .slice(start, end + 1)
    .join(' ')
    .replace(/\\\s{0,20}(\s|$)/g, ' ');
  const run = /\b(?:docker|podman)(?:\s{1,20}container)?\s{1,20}(?:run|create)\b/.exec(command);
  if (!run) return undefined;
  const words = command
    .slice(run.index + run[0].length)
    .replace(/["']/g, '')
    .split(/\s+/)
    .filter(Boolean);
  let port: string | undefined;
  let image: string | undefined;
  for (let k = 0; k < words.length && k < 200; k++) {
    const w = words[k];
    const spec = w === '-p' || w === '--publish' ? words[k + 1] : /^(?:-p|--publish=)(\S+)$/.exec(w)?.[1];
    if (spec !== undefined) {
      const ip = hostIp(spec);
      // Only this physical line's own -p counts, so each published port is reported once.
      if (bindsEverywhere(ip) && /^[\d$[{]/.test(spec) && lines[i].includes(spec)) port = port ?? spec;
      continue;
    }
    if (!w.startsWith('-') && !w.includes('=') && imageFamily(w)) image = image ?? w;
  }
  return port && image ? { port, image } : undefined;
}

/** Store configuration files by path, with the store's name. */
const STORE_CONFIG: readonly [RegExp, string][] = [
  [/mongod?\.conf\b/i, 'MongoDB'],
  [/redis[\w-]{0,40}\.conf\b/i, 'Redis'],
  [/\.cnf\b|mysql|mariadb/i, 'MySQL / MariaDB'],
  [/postgresql\.conf\b/i, 'PostgreSQL'],
  [/(elasticsearch|opensearch)\.ya?ml\b/i, 'Elasticsearch / OpenSearch'],
  [/clickhouse[\w./-]{0,80}\.xml\b/i, 'ClickHouse'],
  [/cassandra\.ya?ml\b/i, 'Cassandra'],
];

/**
 * The store whose configuration a `sed` substitution on this line rewrites to 0.0.0.0
 * (`sed -i 's/127.0.0.1/0.0.0.0/' /etc/mongod.conf`), or undefined. The replacement is read by
 * splitting on the command's own delimiter, never by a pattern built from the line.
 */
function sedOpensStore(line: string): string | undefined {
  const store = STORE_CONFIG.find(([re]) => re.test(line))?.[1];
  if (!store) return undefined;
  const sub = sedSubstitution(line);
  return sub && /(^|[^\d.])0\.0\.0\.0($|[^\d.])/.test(sub.replacement) ? store : undefined;
}

/** The first `s/pattern/replacement/` of a `sed` command on the line, split on its own delimiter. */
function sedSubstitution(line: string): { pattern: string; replacement: string } | undefined {
  const cmd = /\bsed\b/.exec(line);
  if (!cmd) return undefined;
  const sub = /(?:^|[\s"'])s([/|#@,:])/.exec(line.slice(cmd.index));
  if (!sub) return undefined;
  const delim = sub[1];
  let i = cmd.index + sub.index + sub[0].length;
  const parts: string[] = [];
  let cur = '';
  for (; i < line.length && parts.length < 2; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      cur += line[i + 1];
      i++;
    } else if (c === delim) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  return parts.length < 2 ? undefined : { pattern: parts[0], replacement: parts[1] };
}

/** A sed substitution that comments out or empties redis.conf's `bind` line (`s|bind 127.0.0.1|#bind 127.0.0.1|`). */
function sedDropsBind(line: string): boolean {
  const sub = sedSubstitution(line);
  if (!sub || !/(^|[\s^])bind\b/.test(sub.pattern)) return false;
  const r = sub.replacement.trim();
  return r === '' || r.startsWith('#');
}

/** Whether the replacement that follows a `from: /^bind …/` line (`to: ""`, `to: "# …"`) drops the directive. */
function removes(lines: readonly string[], i: number): boolean {
  for (let k = i + 1; k < lines.length && k <= i + 2; k++) {
    const m = /^\s*to\s*:\s*(.*)$/.exec(lines[k]);
    if (m) return /^(""|''|)\s*$/.test(m[1].trim()) || /^["']?\s*#/.test(m[1].trim());
  }
  return false;
}

/**
 * For a compose file: the ranges of the services this rule leaves alone. Data store services are
 * read by the compose rules (published ports, authentication switched off by `command:`); any
 * other service whose ports are not published (nor on the host network) is reachable from the
 * compose network only.
 */
function unpublishedServices(doc: Document): Range[] {
  // A service known only by its published port is read here too: its command is all this file says.
  const stores = composeServices(doc).filter((s) => !s.byPort);
  const out: Range[] = [];
  for (const tree of yamlTrees(doc)) {
    const services = get(tree, 'services');
    if (services?.kind !== 'object') continue;
    for (const e of services.entries) {
      const store = stores.find((s) => s.nameRange[0] === e.keyRange[0]);
      const ports = get(e.value, 'ports');
      const published = store
        ? store.published.length > 0 || store.hostNetwork !== undefined
        : (ports?.kind === 'array' && ports.items.length > 0) || str(get(e.value, 'network_mode')) === 'host';
      if (store || !published) out.push([e.keyRange[0], e.value.range[1]]);
    }
  }
  return out;
}

export const scriptDbOpen: Rule = {
  id: 'exposure/script-db-open',
  risk: risk(8.8, 'medium', CWE.NO_AUTH),
  literals: HINTS,
  requires: HINTS,
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'Data store opened by a script or command line', ja: 'スクリプトやコマンドラインで公開されるデータストア' },
  description: describe(
    "Setup scripts, Dockerfiles, entrypoints and container commands often rewrite the server's own configuration: sed turning listen_addresses or bind to every interface, redis-server --protected-mode no, mongod --bind_ip_all, pg_hba.conf lines appended with echo or a heredoc. The result is the same as writing it in the configuration file: the store answers on every interface, and with trust or no password anyone who reaches it has the data. Bind to loopback or a private address, keep protected mode and authentication on, and limit pg_hba.conf to the application networks with scram-sha-256.",
    'セットアップスクリプト・Dockerfile・エントリポイント・コンテナのコマンドは、サーバー自身の設定を書き換えることがよくあります（sed で listen_addresses や bind を全インターフェースにする、redis-server --protected-mode no、mongod --bind_ip_all、echo やヒアドキュメントで pg_hba.conf に行を追加する等）。結果は設定ファイルに書いた場合と同じで、データストアは全インターフェースで待ち受け、trust やパスワードなしであれば到達した誰もがデータを手にします。ループバックかプライベートアドレスにバインドし、保護モードと認証を有効に保ち、pg_hba.conf はアプリケーションのネットワークと scram-sha-256 に限定してください。',
  ),
  messages: {
    postgresListenAll: {
      en: 'The script makes PostgreSQL listen on every interface (listen_addresses).',
      ja: 'スクリプトが PostgreSQL を全インターフェースで待ち受けさせています（listen_addresses）。',
    },
    hbaTrust: {
      en: 'The script writes a pg_hba.conf line that lets any client from {address} in without a password (trust).',
      ja: 'スクリプトが、{address} の任意のクライアントをパスワードなしで接続させる pg_hba.conf の行（trust）を書き込んでいます。',
    },
    hbaWorld: {
      en: 'The script writes a pg_hba.conf line that admits the whole internet ({address}, {method}).',
      ja: 'スクリプトが、インターネット全体（{address}、{method}）からの接続を許可する pg_hba.conf の行を書き込んでいます。',
    },
    redisProtectedOff: {
      en: 'Redis protected mode is switched off: without a password and bind address, Redis accepts outside clients.',
      ja: 'Redis の保護モードが無効にされています。パスワードとバインドアドレスがないと、Redis は外部のクライアントを受け付けます。',
    },
    redisBindAll: { en: 'Redis is told to listen on every interface (bind).', ja: 'Redis が全インターフェースで待ち受けるよう設定されています（bind）。' },
    redisBindRemoved: {
      en: 'The bind line of redis.conf is removed or commented out: Redis listens on every interface.',
      ja: 'redis.conf の bind 行が削除またはコメントアウトされ、Redis が全インターフェースで待ち受けます。',
    },
    mongoBindAll: {
      en: 'MongoDB is told to listen on every interface (bind_ip_all / bindIp).',
      ja: 'MongoDB が全インターフェースで待ち受けるよう設定されています（bind_ip_all / bindIp）。',
    },
    dockerRunPublished: {
      en: 'docker run publishes port {port} of {image} on every host interface.',
      ja: 'docker run が {image} のポート {port} をホストの全インターフェースに公開しています。',
    },
    sedBindAll: {
      en: 'The script rewrites the {store} configuration to listen on 0.0.0.0 (every interface).',
      ja: 'スクリプトが {store} の設定を 0.0.0.0（全インターフェース）で待ち受けるよう書き換えています。',
    },
    mysqlBindAll: {
      en: 'MySQL is told to listen on every interface (bind-address).',
      ja: 'MySQL が全インターフェースで待ち受けるよう設定されています（bind-address）。',
    },
  },
  appliesTo: (doc) =>
    (doc.format === 'shell' || doc.format === 'dockerfile' || doc.format === 'yaml' || /(^|[-_.])entrypoint([-_.][\w.-]*)?$/i.test(doc.name)) &&
    !OWN_RULE.test(doc.name),
  check(doc) {
    if (!mentionsAny(doc, HINTS)) return [];
    const lower = lowerCased(doc.text);
    const words = triggers(lower);
    if (words.length === 0) return [];
    const starts: number[] = [];
    const candidates = linesHolding(doc.text, lower, words, starts);
    if (candidates.length === 0) return [];
    let skip: Range[] | undefined;
    const out: RawFinding[] = [];
    const lines = doc.text.split('\n');
    for (const i of candidates) {
      const start = starts[i];
      const body = lines[i].trim();
      // Comments of shell, Dockerfiles and YAML (heredoc comment lines included).
      if (body === '' || body.startsWith('#') || body.startsWith('//')) continue;
      const hits = lineHits(lines, i);
      if (hits.length === 0) continue;
      skip ??= doc.format === 'yaml' && /^\s*services\s*:/m.test(doc.text) ? unpublishedServices(doc) : [];
      if (skip.some(([a, b]) => start >= a && start < b)) continue;
      const lead = lines[i].length - lines[i].trimStart().length;
      const range: Range = [start + lead, start + lines[i].replace(/\r$/, '').length];
      for (const h of hits)
        out.push({ range, messageId: h.messageId, data: h.data, ...(h.error ? { severity: 'error' as const } : {}), excerpt: excerpt(doc, range) });
    }
    return out;
  },
};
