import type { Document } from '../../../documents/document';
import { bool, scalar, type Entry, type TreeNode } from '../../../documents/tree';
import type { Localized } from '../../../guidelines/catalog';
import { mentionsAny } from '../../../literals';
import type { Fix, Range } from '../../../types';

/**
 * Shared vocabulary of the `pii-exposure` rules: guideline lists, the leak/reporting text every
 * description carries, key and value normalisation, CIDR and port helpers.
 */

// The reporting duty (APPI), then the My Number case: a store may hold My Numbers.
const REPORTING = ['ppc-rule-art7', 'ppc-gl-3-5-3', 'ppc-gl-3-5-4', 'ppc-gl-3-5-2', 'ppc-mn-faq-17-10'];

/** Public buckets, containers and world-readable backends (the misconfiguration leak). */
export const STORAGE_GUIDELINES: string[] = ['ppc-gl-3-5-1-2', 'ppc-gl-10-6', 'ppc-faq-10-18', 'mic-cloud-config-gl', 'iso-5.23', 'iso-8.9', ...REPORTING];

/** Databases reachable from the internet (firewalls, security groups, public endpoints). */
export const NETWORK_GUIDELINES: string[] = ['ppc-faq-10-18', 'ppc-faq-10-20', 'mlit-jta-2016', 'ppc-gl-10-6', 'iso-8.20', 'ppc-gl-3-5-1-2', ...REPORTING];

/** Databases and caches that accept connections without authentication. */
export const NOAUTH_GUIDELINES: string[] = [
  'ppc-faq-10-19',
  'npa-atpolice-nosql',
  'nisc-tkb-auth',
  'ppc-faq-10-18',
  'ppc-gl-10-6',
  'ppc-gl-3-5-1-2',
  ...REPORTING,
];

/** Firebase rules open to anyone. */
export const FIREBASE_GUIDELINES: string[] = ['ppc-gl-3-5-1-2', 'ppc-gl-10-6', 'ppc-faq-10-19', 'mic-cloud-config-gl', ...REPORTING];

const LEAK: Localized = {
  en:
    'Under the PPC General Rules guideline (3-5-1-2), personal data left viewable on the internet through a system misconfiguration counts as a leak (漏えい); data recovered before any third party viewed it is not. Keep the access logs now: whether this was a leak depends on whether anyone viewed the data. ' +
    'A leak must be reported to the PPC if it involves sensitive data, possible financial harm (e.g. card numbers), a suspected unlawful purpose, or more than 1,000 people (Enforcement Rules Art. 7). The clock starts when any department learns of it: a preliminary report in roughly 3–5 days, a final report within 30 days (60 days where the event may have been done for an unlawful purpose), and notice to the individuals promptly according to the situation (APPI Art. 26(2)). No report is needed where advanced encryption or a similar measure protects the data (General Rules 3-5-3). ' +
    'If the store holds My Numbers, the My Number Act applies: the exposure is reportable by itself, whether or not anyone viewed the data and with no head count (番号法 Art. 29-4, rule Art. 2 item 3, Q&A Q17-10).',
  ja:
    '個人情報保護委員会のガイドライン（通則編 3-5-1-2）では、システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態となっていた場合は漏えいに該当します。第三者に閲覧されないうちに全てを回収した場合は該当しません。漏えいかどうかは閲覧の有無で決まるため、アクセスログを直ちに保全してください。' +
    '要配慮個人情報、財産的被害のおそれ（クレジットカード番号等）、不正の目的をもって行われたおそれ、本人の数が1,000人超のいずれかに当たる漏えい等は委員会への報告対象です（施行規則第7条）。いずれかの部署が知った時点から概ね3～5日以内に速報、知った日から30日以内（不正の目的をもって行われたおそれがある場合は60日以内）に確報を提出し、本人には当該事態の状況に応じて速やかに通知します（法第26条第2項）。高度な暗号化等の措置が講じられていれば報告は要しません（通則編 3-5-3）。' +
    '保存先にマイナンバーが含まれる場合は番号法が適用され、閲覧の有無や人数にかかわらず、外部から容易にアクセス可能な状態そのものが報告対象です（番号法第29条の4、番号法規則第2条第3号、Q&A Q17-10）。',
};

/**
 * An exposure of a store that holds My Numbers: the My Number Act leads (the reporting duty of
 * Art. 29-4, rule Art. 2 item 3 as Q&A Q17-10 explains it, the 事業者編 example and safeguards,
 * deadlines, notice), with Q17-1 only for its nuance that clean logs do not remove the duty.
 */
export const MY_NUMBER_EXPOSURE_GUIDELINES: string[] = [
  'ppc-mn-act-29-4',
  'ppc-mn-rule-art2',
  'ppc-mn-faq-17-10',
  'ppc-mn-gl-3a3',
  'ppc-mn-gl-annex1-f',
  'ppc-mn-rule-art3',
  'ppc-mn-rule-art5',
  'ppc-mn-faq-17-1',
  'ppc-mn-faq-17-14',
  'ppc-mn-form',
];

/**
 * Whether a configuration file says the store it exposes holds My Numbers: a bucket, table,
 * database or path named for them (`mynumber`, `my_number`, `kojin_bango`, マイナンバー,
 * 個人番号). A fixed pattern over the text, never one built from it.
 */
export function mentionsMyNumber(text: string): boolean {
  return /my[-_ ]?numbers?\b|kojin[-_]?bango|マイナンバー|個人番号/i.test(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text);
}

/** A rule description: the rule's own explanation followed by the leak and reporting paragraph. */
export function describe(en: string, ja: string): Localized {
  return { en: `${en} ${LEAK.en}`, ja: `${ja}${LEAK.ja}` };
}

/**
 * How a tree's key or value can spell a word that its text does not: escapes that the JSON,
 * YAML, HCL and Bicep readers decode into any character (`\u0070`, `\U00000070`, YAML's
 * `\x70`; the literal pass ignores the case of the `u`) and the Kelvin sign, the one character
 * outside ASCII that lower-cases (`norm`) to an ASCII letter. Declared by every rule that gates
 * its tree checks with `mayHold`. In YAML an escaped line break (`"0.0.0.0/\` then `0"` on the
 * next line) joins the text around it too: looked for in YAML files only, with `includes`, as
 * Python and shell files are full of them.
 */
export const OTHER_SPELLINGS: readonly string[] = ['\\u', '\\x', '\u212a'];

/**
 * What a rule whose every finding needs `mayHold(doc, words)` for one of the given lists of
 * words requires (Rule.requires): one of the words, or a sign of another spelling (the
 * escaped line break too, in any format: a superset of `spelledOtherwise`).
 */
export function holdRequires(...lists: ReadonlyArray<readonly string[]>): readonly string[] {
  return [...new Set([...lists.flat(), ...OTHER_SPELLINGS, '\\\n', '\\\r'])];
}

/** Whether a document's trees may spell a word that its text does not (`OTHER_SPELLINGS`). */
function spelledOtherwise(doc: Document): boolean {
  return mentionsAny(doc, OTHER_SPELLINGS) || (doc.format === 'yaml' && (doc.text.includes('\\\n') || doc.text.includes('\\\r')));
}

/**
 * Whether a structured document can hold a key or value spelled with one of `words` (declared
 * in the rule's `literals`), answered by the shared literal pass: the cheap necessary condition
 * before a rule walks, or has the document parsed into, its trees. Keys are compared normalised
 * (`norm`: case and the separators `-`, `_` and white space dropped), so a gate word is one word
 * of a key's name, or a part of one: the separators stand between words (`publicly_accessible`,
 * `PubliclyAccessible`, `publicly-accessible`), never inside one. A document that may spell a
 * word otherwise (`OTHER_SPELLINGS`) always passes.
 *
 * Every file pays for each literal in the shared pass, Python and prose as much as IaC: a gate
 * word is the part of its word that begins with the rarest three letters (`rvices` for
 * `services`, `dule` for `module`), and a word common everywhere (`allow`, `any`, `ports`) is
 * asked with `mayMatch` instead, after a rarer word of the same gate has passed.
 */
export function mayHold(doc: Document, words: readonly string[]): boolean {
  return mentionsAny(doc, words) || spelledOtherwise(doc);
}

/**
 * `mayHold` for a word too common to be worth a literal in every file's pass: a fixed,
 * case-insensitive pattern (non-global) tried on the documents that get this far.
 */
export function mayMatch(doc: Document, pattern: RegExp): boolean {
  return pattern.test(doc.text) || spelledOtherwise(doc);
}

/** Normalises a key for format-neutral lookup: `publicly_accessible`, `PubliclyAccessible` → `publiclyaccessible`. */
export function norm(key: string): string {
  // Rules look the same few keys up in every resource of a file: normalise each key once.
  let n = NORMALISED.get(key);
  if (n === undefined) {
    n = key.toLowerCase().replace(/[-_\s]/g, '');
    if (NORMALISED.size >= 20_000) NORMALISED.clear();
    NORMALISED.set(key, n);
  }
  return n;
}
const NORMALISED = new Map<string, string>();

/** The last entry of an object whose normalised key is one of `keys`. */
export function field(node: TreeNode | undefined, ...keys: string[]): Entry | undefined {
  return fieldIn(node, keys);
}

/** `field` with the keys in an array (a rule's named key list). */
export function fieldIn(node: TreeNode | undefined, keys: readonly string[]): Entry | undefined {
  if (node?.kind !== 'object') return undefined;
  // Loops, not a mapped list of wanted keys: rules ask this of every resource, many times.
  const entries = node.entries;
  for (let i = entries.length - 1; i >= 0; i--) if (wants(keys, entries[i].key)) return entries[i];
  return undefined;
}

/** Every entry of an object whose normalised key is one of `keys` (repeated HCL blocks). */
export function fields(node: TreeNode | undefined, ...keys: string[]): Entry[] {
  return fieldsIn(node, keys);
}

/** `fields` with the keys in an array. */
export function fieldsIn(node: TreeNode | undefined, keys: readonly string[]): Entry[] {
  if (node?.kind !== 'object') return [];
  const out: Entry[] = [];
  for (const e of node.entries) if (wants(keys, e.key)) out.push(e);
  return out;
}

/** Whether a key is one of `keys`, both normalised. */
function wants(keys: readonly string[], key: string): boolean {
  for (let j = 0; j < keys.length; j++) if (sameKey(key, keys[j])) return true;
  return false;
}

/**
 * `norm(a) === norm(b)`, read in place for ASCII: separators skipped, letters folded, and most
 * pairs told apart at their first letter, with no string built or looked up. Keys with other
 * characters (whose lower case or white space is Unicode's) are normalised in full.
 */
export function sameKey(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  const n = a.length;
  const m = b.length;
  for (;;) {
    while (i < n && isSeparator(a.charCodeAt(i))) i++;
    while (j < m && isSeparator(b.charCodeAt(j))) j++;
    if (i >= n || j >= m) {
      if (i >= n && j >= m) return true;
      break;
    }
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(j);
    if (x >= 128 || y >= 128) break;
    if (x >= 65 && x <= 90) x |= 32;
    if (y >= 65 && y <= 90) y |= 32;
    if (x !== y) return false;
    i++;
    j++;
  }
  // What is left holds a character outside ASCII (or one side ended before the other while the
  // other has such characters left, which normalisation might drop).
  for (let k = i; k < n; k++) if (a.charCodeAt(k) >= 128) return norm(a) === norm(b);
  for (let k = j; k < m; k++) if (b.charCodeAt(k) >= 128) return norm(a) === norm(b);
  return false;
}

/** `-`, `_` and ASCII white space (what `norm` drops below U+0080). */
function isSeparator(c: number): boolean {
  return c === 45 || c === 95 || c === 32 || (c >= 9 && c <= 13);
}

/** Follows a path of normalised keys. */
export function at(node: TreeNode | undefined, ...path: string[]): TreeNode | undefined {
  let cur = node;
  for (const k of path) cur = field(cur, k)?.value;
  return cur;
}

/**
 * A value read as a switch: booleans, yes/no, "Enabled"/"Disabled", 1/0, and a one-item list
 * (`[true]`, which some fixtures and modules write). Undefined when unknown (a reference).
 */
export function flag(node: TreeNode | undefined): boolean | undefined {
  if (node?.kind === 'array' && node.items.length === 1) return flag(node.items[0]);
  const b = bool(node);
  if (b !== undefined) return b;
  const v = scalar(node);
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'enabled') return true;
    if (s === 'disabled') return false;
  }
  return undefined;
}

/** A scalar as a trimmed string (numbers too), or undefined. */
export function str(node: TreeNode | undefined): string | undefined {
  const v = scalar(node);
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/** Every scalar in a value: itself, or the items of a (nested) list. */
export function scalars(node: TreeNode | undefined, depth = 0): TreeNode[] {
  if (!node || depth > 8) return [];
  if (node.kind === 'scalar') return [node];
  if (node.kind === 'array') return node.items.flatMap((i) => scalars(i, depth + 1));
  return [];
}

/**
 * Whether a source range means "the whole internet": any CIDR with prefix length 0
 * (`0.0.0.0/0`, `::/0`, even `10.0.0.0/0`), or Azure's `*`, `Internet`, `Any`.
 */
export function isWorld(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return /^[0-9a-f.:]*\/0$/.test(v) || v === '*' || v === 'internet' || v === 'any';
}

/**
 * Database, cache and search-engine ports: MySQL 3306, PostgreSQL 5432, SQL Server 1433,
 * Oracle 1521/2483/2484, MongoDB 27017/27018, Redis 6379, Elasticsearch 9200/9300, CouchDB 5984,
 * Cassandra 9042/7000/7001/9160, Memcached 11211, InfluxDB 8086, Kibana 5601, Docker API 2375,
 * Redshift 5439, Neo4j 7474/7687, ClickHouse 8123, and 9000 (HDFS NameNode, ClickHouse native,
 * MinIO), Infinispan 11222, RethinkDB 28015, Db2 50000, Vitess 15306/15991, CockroachDB 26257.
 */
export const DB_PORTS: ReadonlyMap<number, string> = new Map([
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [2483, 'Oracle'],
  [2484, 'Oracle'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [6379, 'Redis'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch'],
  [5984, 'CouchDB'],
  [9042, 'Cassandra'],
  [7000, 'Cassandra'],
  [7001, 'Cassandra'],
  [9160, 'Cassandra'],
  [11211, 'Memcached'],
  [8086, 'InfluxDB'],
  [5601, 'Kibana'],
  [2375, 'Docker API'],
  [5439, 'Redshift'],
  [7474, 'Neo4j'],
  [7687, 'Neo4j'],
  [8123, 'ClickHouse'],
  [9000, 'HDFS / ClickHouse / MinIO'],
  [11222, 'Infinispan'],
  [28015, 'RethinkDB'],
  [50000, 'Db2'],
  [15306, 'Vitess'],
  [15991, 'Vitess'],
  [26257, 'CockroachDB'],
]);

/** The database ports inside [from, to]; every one of them for a full range. */
export function dbPortsIn(from: number, to: number): number[] {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  return [...DB_PORTS.keys()].filter((p) => p >= lo && p <= hi);
}

/** A short label for the exposed ports: "5432 (PostgreSQL)", or "all ports". */
export function portLabel(ports: readonly number[], all: boolean): Localized {
  if (all) return { en: 'all ports', ja: '全ポート' };
  const s =
    ports
      .slice(0, 4)
      .map((p) => `${p} (${DB_PORTS.get(p) ?? '?'})`)
      .join(', ') + (ports.length > 4 ? ', …' : '');
  return { en: s, ja: s };
}

/** The first line of a range, trimmed, for a finding's excerpt. */
export function excerpt(doc: Document, range: Range): string {
  const text = doc.text.slice(range[0], Math.min(range[1], range[0] + 300));
  const line = text.split('\n')[0].trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** A fix that replaces one range. */
export function replaceFix(titleId: string, range: Range, newText: string, safe: boolean): Fix {
  return { titleId, edits: [{ range, newText }], safe };
}

/**
 * The replacement for a boolean-ish scalar that keeps the source's spelling: `true` → `false`,
 * `"true"` → `"false"`, `Yes` → `No`, `Enabled` → `Disabled`.
 */
export function flipped(source: string, to: boolean): string | undefined {
  const m = /^(["']?)(true|false|yes|no|on|off|enabled|disabled)\1$/i.exec(source.trim());
  if (!m) return undefined;
  const word = m[2].toLowerCase();
  const pairs: Record<string, [string, string]> = {
    true: ['true', 'false'],
    false: ['true', 'false'],
    yes: ['yes', 'no'],
    no: ['yes', 'no'],
    on: ['on', 'off'],
    off: ['on', 'off'],
    enabled: ['enabled', 'disabled'],
    disabled: ['enabled', 'disabled'],
  };
  let out = pairs[word][to ? 0 : 1];
  const orig = m[2];
  if (orig === orig.toUpperCase()) out = out.toUpperCase();
  else if (orig[0] === orig[0].toUpperCase()) out = out[0].toUpperCase() + out.slice(1);
  return `${m[1]}${out}${m[1]}`;
}
