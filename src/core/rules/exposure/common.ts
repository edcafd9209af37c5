import type { Document } from '../../documents/document';
import { bool, scalar, type Entry, type TreeNode } from '../../documents/tree';
import type { Localized } from '../../guidelines/catalog';
import type { Fix, Range } from '../../types';

/**
 * Shared vocabulary of the `pii-exposure` rules: guideline lists, the leak/reporting text every
 * description carries, key and value normalisation, CIDR and port helpers.
 */

const REPORTING = ['ppc-gl-3-5-3', 'ppc-rule-art7'];

/** Public buckets, containers and world-readable backends (the misconfiguration leak). */
export const STORAGE_GUIDELINES: string[] = ['ppc-gl-3-5-1-1', 'ppc-gl-10-6', 'ppc-faq-10-18', 'mic-cloud-config-gl', 'iso-5.23', 'iso-8.9', ...REPORTING];

/** Databases reachable from the internet (firewalls, security groups, public endpoints). */
export const NETWORK_GUIDELINES: string[] = ['ppc-faq-10-18', 'ppc-faq-10-20', 'mlit-jta-2016', 'ppc-gl-10-6', 'iso-8.20', 'ppc-gl-3-5-1-1', ...REPORTING];

/** Databases and caches that accept connections without authentication. */
export const NOAUTH_GUIDELINES: string[] = ['ppc-faq-10-19', 'npa-atpolice-nosql', 'nisc-tkb-6.1.1', 'ppc-faq-10-18', 'ppc-gl-10-6', 'ppc-gl-3-5-1-1', ...REPORTING];

/** Firebase rules open to anyone. */
export const FIREBASE_GUIDELINES: string[] = ['ppc-gl-3-5-1-1', 'ppc-gl-10-6', 'ppc-faq-10-19', 'mic-cloud-config-gl', ...REPORTING];

const LEAK: Localized = {
  en:
    'Under the PPC guidelines (General Rules 3-5-1-1), personal data left viewable from the internet through a misconfiguration counts as a leak (漏えい), unless logs show that no one viewed it. ' +
    'If the leak is reportable (Enforcement Rules Art. 7: sensitive data, possible financial harm, unlawful purpose or more than 1,000 people), a preliminary report to the PPC is due in roughly 3–5 days and a final report within 30 days, or 60 days where unlawful access is suspected (General Rules 3-5-3). ' +
    'The 2016 JTB breach exposed about 7.93 million customer records; the Japan Tourism Agency review that followed asked for personal-data servers to be separated from internet-facing systems.',
  ja:
    '個人情報保護委員会のガイドライン（通則編 3-5-1-1）では、システムの設定ミス等によりインターネット上で個人データが閲覧可能な状態となっていた場合は「漏えい」に該当します（第三者の閲覧がないことをログ等で確認できる場合を除く）。' +
    '報告対象の事態（施行規則第7条：要配慮個人情報、財産的被害のおそれ、不正の目的のおそれ、1,000人超）であれば、概ね3～5日以内に速報、30日以内（不正の目的によるおそれがある場合は60日以内）に確報を委員会へ提出する必要があります（通則編 3-5-3）。' +
    '2016年のJTBの事案では約793万件の顧客情報が流出し、観光庁の検討会は個人情報を保存するサーバーとインターネットに接続するシステムの分離を求めました。',
};

/** A rule description: the rule's own explanation followed by the leak and reporting paragraph. */
export function describe(en: string, ja: string): Localized {
  return { en: `${en} ${LEAK.en}`, ja: `${ja}${LEAK.ja}` };
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
  [3306, 'MySQL'], [5432, 'PostgreSQL'], [1433, 'SQL Server'], [1521, 'Oracle'], [2483, 'Oracle'], [2484, 'Oracle'],
  [27017, 'MongoDB'], [27018, 'MongoDB'], [6379, 'Redis'], [9200, 'Elasticsearch'], [9300, 'Elasticsearch'],
  [5984, 'CouchDB'], [9042, 'Cassandra'], [7000, 'Cassandra'], [7001, 'Cassandra'], [9160, 'Cassandra'],
  [11211, 'Memcached'], [8086, 'InfluxDB'], [5601, 'Kibana'], [2375, 'Docker API'], [5439, 'Redshift'],
  [7474, 'Neo4j'], [7687, 'Neo4j'], [8123, 'ClickHouse'], [9000, 'HDFS / ClickHouse / MinIO'],
  [11222, 'Infinispan'], [28015, 'RethinkDB'], [50000, 'Db2'], [15306, 'Vitess'], [15991, 'Vitess'], [26257, 'CockroachDB'],
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
  const s = ports.slice(0, 4).map((p) => `${p} (${DB_PORTS.get(p) ?? '?'})`).join(', ') + (ports.length > 4 ? ', …' : '');
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
    true: ['true', 'false'], false: ['true', 'false'], yes: ['yes', 'no'], no: ['yes', 'no'],
    on: ['on', 'off'], off: ['on', 'off'], enabled: ['enabled', 'disabled'], disabled: ['enabled', 'disabled'],
  };
  let out = pairs[word][to ? 0 : 1];
  const orig = m[2];
  if (orig === orig.toUpperCase()) out = out.toUpperCase();
  else if (orig[0] === orig[0].toUpperCase()) out = out[0].toUpperCase() + out.slice(1);
  return `${m[1]}${out}${m[1]}`;
}
