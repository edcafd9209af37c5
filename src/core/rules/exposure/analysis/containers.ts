import type { Document } from '../../../documents/document';
import { yamlTrees } from '../../../documents/yaml';
import { get, scalar, type Entry, type ObjectNode, type TreeNode } from '../../../documents/tree';
import type { Fix, Range } from '../../../types';
import { flag, holdRequires, mayHold, mayMatch, OTHER_SPELLINGS, str } from './common';

/**
 * Databases run as containers — docker-compose services and Kubernetes pod specs: which store an
 * image is, which ports it publishes on every interface, and whether its environment or command
 * switches authentication off (or leaves the image's unauthenticated default in place).
 */

/** Store families by image name (the last path segment, before the tag). */
const FAMILIES: readonly [RegExp, string][] = [
  [/^(postgres|postgresql|postgis|timescaledb(-ha)?|pgvector|supabase-postgres)$/, 'postgres'],
  [/^(mysql|mysql-server|percona(-server)?)$/, 'mysql'],
  [/^mariadb$/, 'mariadb'],
  [/^(mongo|mongodb|mongodb-community-server)$/, 'mongo'],
  [/^(redis|redis-stack(-server)?|valkey|keydb)$/, 'redis'],
  [/^elasticsearch$/, 'elasticsearch'],
  [/^opensearch$/, 'opensearch'],
  [/^couchdb$/, 'couchdb'],
  [/^cassandra$/, 'cassandra'],
  [/^memcached$/, 'memcached'],
  [/^(mssql|server|mssql-server-linux|azure-sql-edge)$/, 'mssql'],
  [/^(oracle-xe|oracle-free|database|express|free)$/, 'oracle'],
  [/^neo4j$/, 'neo4j'],
  [/^influxdb$/, 'influxdb'],
  [/^clickhouse(-server)?$/, 'clickhouse'],
  [/^rabbitmq$/, 'rabbitmq'],
  [/^(minio)$/, 'minio'],
  [/^(arangodb|rethinkdb|cockroach|scylla|dgraph|questdb|typesense|meilisearch|solr)$/, 'store'],
  [/^(couchbase|couchbase-server|yugabyte|tidb|surrealdb|ravendb|orientdb|memgraph)$/, 'store'],
  [/^(dragonfly|dragonflydb)$/, 'redis'],
  [/^db2(_community)?$/, 'db2'],
  [/^(infinispan|infinispan-server|server)$/, 'infinispan'],
  [/^(vitess|vtgate|vttablet|lite)$/, 'vitess'],
];

/** The store family of an image reference, or undefined for anything else. */
export function imageFamily(image: string | undefined): string | undefined {
  if (!image) return undefined;
  // Several rules ask about every service's image; a file names few images, many times.
  if (FAMILY_OF.has(image)) return FAMILY_OF.get(image);
  const family = familyOf(image);
  if (FAMILY_OF.size >= 5000) FAMILY_OF.clear();
  FAMILY_OF.set(image, family);
  return family;
}
const FAMILY_OF = new Map<string, string | undefined>();

/** Any family's name pattern: one test tells that a plain name is no store at all. */
const ANY_FAMILY = new RegExp(FAMILIES.map(([re]) => `(?:${re.source})`).join('|'));

/**
 * The store family a service's name suggests (a `postgres:` service built from a Dockerfile).
 * Service names are many and mostly unique, so a plain lower-case name (read by imageFamily
 * as its own last segment) is ruled out by one test rather than parsed and cached.
 */
export function nameFamily(name: string): string | undefined {
  if (!/[^a-z0-9._-]/.test(name) && !ANY_FAMILY.test(name)) return undefined;
  return imageFamily(name);
}

/**
 * The store family of an image given by a variable: its default (`${PG_IMAGE:-postgres:16}`),
 * else a word of the variable's name (`${POSTGRES_IMAGE}`, `${VALKEY_IMAGE}`).
 */
function variableImageFamily(image: string): string | undefined {
  const m = /^\$\{?([A-Za-z_]\w{0,80})(?::?-([^}]{1,200}))?\}?$/.exec(image.trim());
  if (!m) return undefined;
  if (m[2]) return imageFamily(m[2]);
  return nameTokenFamily(m[1]);
}

/** Words of a name that say "management tool", not "store" (`redis-commander`, `mongo-express`). */
const TOOL_WORD =
  /^(ui|web|admin|commander|express|exporter|insight|insights|proxy|backup|migrate|migration|migrations|init|setup|client|cli|console|dashboard|gui|adminer|pgadmin|studio|sync|monitor|metrics)$/;

/** A family named by one word of a service or variable name (`valkey-cart`, `astronomy_postgres`). */
function nameTokenFamily(name: string): string | undefined {
  const words = name
    .toLowerCase()
    .split(/[-_.]+/)
    .filter(Boolean);
  if (words.some((w) => TOOL_WORD.test(w))) return undefined;
  for (const w of words) {
    if (w === 'image' || w === 'server' || w === 'lite') continue;
    const family = imageFamily(w);
    if (family) return family;
  }
  return undefined;
}

function familyOf(image: string): string | undefined {
  const ref = image
    .trim()
    .toLowerCase()
    .replace(/@sha256:[0-9a-f]+$/, '');
  const path = ref.replace(/:[^/:]*$/, '');
  const segments = path.split('/');
  const last = segments[segments.length - 1] ?? '';
  for (const [re, family] of FAMILIES) {
    if (!re.test(last)) continue;
    // Generic names ("server", "database", "express") count only under their vendor's path.
    if (family === 'mssql' && last === 'server' && !path.includes('mssql')) continue;
    if (family === 'oracle' && !/oracle|gvenzl/.test(path)) continue;
    if (family === 'infinispan' && last === 'server' && !path.includes('infinispan')) continue;
    if (family === 'vitess' && last === 'lite' && !path.includes('vitess')) continue;
    return family;
  }
  return undefined;
}

/** The image whose default port each well-known store port is (read through `imageFamily`). */
const STORE_PORTS = new Map<string, string>([
  ['5432', 'postgres'],
  ['3306', 'mysql'],
  ['6379', 'redis'],
  ['27017', 'mongo'],
  ['9200', 'elasticsearch'],
  ['1433', 'mcr.microsoft.com/mssql/server'],
  ['9042', 'cassandra'],
  ['5984', 'couchdb'],
  ['11211', 'memcached'],
  ['7687', 'neo4j'],
]);

/**
 * The store family of a service without an image, from the container side of its ports
 * (`"5432:5432"`, `- target: 6379`): only a store's own default port counts.
 */
function portFamily(ports: TreeNode | undefined): string | undefined {
  if (ports?.kind !== 'array') return undefined;
  for (const item of ports.items) {
    const raw = item.kind === 'object' ? scalar(get(item, 'target')) : scalar(item);
    if (raw === undefined || raw === null) continue;
    const container =
      String(raw)
        .replace(/\/(?:tcp|udp)$/, '')
        .split(':')
        .pop() ?? '';
    const image = STORE_PORTS.get(container.trim());
    if (image) return imageFamily(image);
  }
  return undefined;
}

/** A port published on every interface, with an edit that binds it to loopback. */
export interface PublishedPort {
  node: TreeNode;
  text: string;
  fix?: Fix;
}

/** An environment variable or command flag that switches authentication off. */
export interface AuthGap {
  range: Range;
  /** Message id suffix: trust, emptyPassword, noRootUser, securityOff, noPassword, noAuthByDefault. */
  kind: string;
  setting: string;
  /** Explicitly written (a warning even when unpublished) rather than the image's default. */
  explicit: boolean;
  fix?: Fix;
}

export interface Service {
  name: string;
  nameRange: Range;
  family: string;
  image: string;
  published: PublishedPort[];
  hostNetwork?: Range;
  gaps: AuthGap[];
  /** Known only by the store port it publishes (no image in this file): its `command:` is not read here. */
  byPort?: true;
}

/**
 * What a finding of the compose rules needs (see `mayHold`): a top-level `services` key (asked
 * as `rvices`), and a service that publishes a port (`ports`) or runs on the host network
 * (`network_mode`), words common enough in other files to be asked only here. The keys are
 * compared exactly; the gate ignores case.
 */
const SERVICES = ['rvices'];
const PUBLISHING = /ports|network_mode/i;

/** What the compose rules declare (`Rule.literals`). */
export const COMPOSE_LITERALS: readonly string[] = [...SERVICES, ...OTHER_SPELLINGS];
/** Without one of these `mayPublish` answers false (Rule.requires). */
export const COMPOSE_REQUIRES: readonly string[] = holdRequires(SERVICES);

/** Whether a compose file can hold a published store (`composeServices` with a port or the host network). */
export function mayPublish(doc: Document): boolean {
  return mayHold(doc, SERVICES) && mayMatch(doc, PUBLISHING);
}

/** docker-compose services that run a data store. */
export function composeServices(doc: Document): Service[] {
  return doc.memo('exposure:compose', () => {
    const out: Service[] = [];
    for (const tree of yamlTrees(doc)) {
      const services = get(tree, 'services');
      if (services?.kind !== 'object') continue;
      for (const e of services.entries) {
        const svc = e.value;
        if (svc.kind !== 'object') continue;
        const image = str(get(svc, 'image')) ?? '';
        const family = imageFamily(image) ?? variableImageFamily(image) ?? nameFamily(e.key) ?? (image.startsWith('$') ? nameTokenFamily(e.key) : undefined);
        // Neither image nor build here (an override file; the base file names the image): a store's
        // own port published from the container says what it runs (`db: ports: ["5432:5432"]`).
        // Its authentication is set where its image is, so it is not judged from this file.
        const byPort = family === undefined && image === '' && get(svc, 'build') === undefined ? portFamily(get(svc, 'ports')) : undefined;
        if (byPort) {
          out.push({
            name: e.key,
            nameRange: e.keyRange,
            family: byPort,
            image: e.key,
            published: publishedPorts(doc, get(svc, 'ports')),
            gaps: [],
            byPort: true,
          });
          continue;
        }
        if (!family) continue;
        const env = envOf(get(svc, 'environment'));
        const command = commandText(doc, get(svc, 'command'));
        const published = publishedPorts(doc, get(svc, 'ports'));
        const nm = svc.entries.find((x) => x.key === 'network_mode');
        const hostNetwork = nm && str(nm.value) === 'host' ? ([nm.keyRange[0], nm.value.range[1]] as Range) : undefined;
        out.push({
          name: e.key,
          nameRange: e.keyRange,
          family,
          image: image || e.key,
          published,
          ...(hostNetwork ? { hostNetwork } : {}),
          gaps: authGaps(doc, family, image, env, command, e.keyRange, get(svc, 'command')?.range),
        });
      }
    }
    return out;
  });
}

/** One environment variable: its value node (or the list item) and where the value text starts. */
export interface EnvVar {
  name: string;
  value: string;
  /** The whole `KEY=value` item or the value scalar. */
  range: Range;
  /** The value's own range, when it can be edited. */
  valueRange?: Range;
  quoted: boolean;
}

/** Reads a compose `environment` (map or `KEY=value` list) or a Kubernetes `env` list. */
export function envOf(node: TreeNode | undefined): Map<string, EnvVar> {
  const out = new Map<string, EnvVar>();
  if (node?.kind === 'object') {
    for (const e of node.entries) {
      const v = e.value.kind === 'scalar' ? e.value : undefined;
      const value = v?.value === null || v?.value === undefined ? '' : String(v.value);
      out.set(e.key, { name: e.key, value, range: [e.keyRange[0], e.value.range[1]], ...(v ? { valueRange: v.range } : {}), quoted: Boolean(v?.quoted) });
    }
  } else if (node?.kind === 'array') {
    for (const item of node.items) {
      if (item.kind === 'scalar' && typeof item.value === 'string') {
        const eq = item.value.indexOf('=');
        const name = eq < 0 ? item.value : item.value.slice(0, eq);
        const value = eq < 0 ? '' : item.value.slice(eq + 1);
        out.set(name.trim(), { name: name.trim(), value, range: item.range, quoted: Boolean(item.quoted) });
      } else if (item.kind === 'object') {
        // Kubernetes: { name: X, value: Y }
        const name = str(get(item, 'name'));
        const v = get(item, 'value');
        if (name)
          out.set(name, {
            name,
            value: v ? String(scalar(v) ?? '') : '',
            range: item.range,
            ...(v ? { valueRange: v.range } : {}),
            quoted: Boolean(v?.kind === 'scalar' && v.quoted),
          });
      }
    }
  }
  return out;
}

function commandText(doc: Document, node: TreeNode | undefined): string {
  if (!node) return '';
  if (node.kind === 'array') return node.items.map((i) => String(scalar(i) ?? '')).join(' ');
  return doc.text.slice(node.range[0], node.range[1]);
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/;
const PRIVATE = /^(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/;

/** True when a bind address listens beyond this host's loopback and private networks. */
export function bindsEverywhere(ip: string | undefined): boolean {
  if (ip === undefined || ip === '') return true;
  const v = ip.replace(/^\[|\]$/g, '');
  if (v === '0.0.0.0' || v === '::' || v === '*') return true;
  if (v.startsWith('$')) return /:-(0\.0\.0\.0|::)\}?$/.test(v);
  return !LOOPBACK.test(v) && !PRIVATE.test(v);
}

/**
 * Ports from the short syntax (`"5432:5432"`, `- 6379:6379`, `"127.0.0.1:5432:5432"`, `"5432"`)
 * or the long syntax (`target`/`published`/`host_ip`) that end up on every interface.
 */
function publishedPorts(doc: Document, ports: TreeNode | undefined): PublishedPort[] {
  const out: PublishedPort[] = [];
  if (ports?.kind !== 'array') return out;
  for (const item of ports.items) {
    if (item.kind === 'scalar' && item.value !== null) {
      const text = String(item.value).trim();
      const ip = hostIp(text);
      if (!bindsEverywhere(ip)) continue;
      const src = doc.text.slice(item.range[0], item.range[1]);
      const q = /^["']/.test(src) ? src[0] : '"';
      const colons = text.replace(/\[[^\]]*\]/g, '').split(':').length - 1;
      const bound = ip !== undefined ? text.replace(ip, '127.0.0.1') : colons === 0 ? `127.0.0.1::${text}` : `127.0.0.1:${text}`;
      out.push({ node: item, text, fix: { titleId: 'fix.loopback', edits: [{ range: item.range, newText: `${q}${bound}${q}` }], safe: true } });
    } else if (item.kind === 'object') {
      const hostIpEntry = item.entries.find((e) => e.key === 'host_ip');
      if (!get(item, 'published') && !get(item, 'target')) continue;
      if (hostIpEntry && !bindsEverywhere(str(hostIpEntry.value))) continue;
      const text = `${str(get(item, 'published')) ?? ''}:${str(get(item, 'target')) ?? ''}`;
      out.push({ node: item, text, fix: longSyntaxFix(doc, item, hostIpEntry) });
    }
  }
  return out;
}

/** The host IP of a short-syntax port (`IP:HOST:CONTAINER`), or undefined when none is given. */
export function hostIp(spec: string): string | undefined {
  const v6 = /^(\[[^\]]*\]):/.exec(spec);
  if (v6) return v6[1];
  // `${DB_BIND:-127.0.0.1}:5432:5432`: the variable (with its default) is the host IP.
  const variable = /^(\$\{[^}]{0,200}\}):[^:]*:/.exec(spec);
  if (variable) return variable[1];
  // `${SQL_PORT:-127.0.0.1:13306}:3306`: the variable holds the host address and port, and its
  // default names the address the port is bound to when it is unset.
  const hostPort = /^\$\{[A-Za-z_]\w{0,99}:?-((?:\d{1,3}\.){3}\d{1,3}|localhost|\[[0-9a-fA-F:]+\]):\d{1,5}\}:\d{1,5}(?:\/(?:tcp|udp))?$/.exec(spec);
  if (hostPort) return hostPort[1];
  const parts = spec.split(':');
  if (parts.length === 3) return parts[0];
  // `${BIND}:5432:5432` with a default, or an IP with two port parts.
  return undefined;
}

function longSyntaxFix(doc: Document, item: ObjectNode, hostIpEntry: Entry | undefined): Fix | undefined {
  if (hostIpEntry) return { titleId: 'fix.loopback', edits: [{ range: hostIpEntry.value.range, newText: '"127.0.0.1"' }], safe: true };
  const first = item.entries[0];
  if (!first) return undefined;
  const lineStart = doc.text.lastIndexOf('\n', first.keyRange[0] - 1) + 1;
  const column = first.keyRange[0] - lineStart;
  return {
    titleId: 'fix.loopback',
    edits: [{ range: [first.keyRange[0], first.keyRange[0]], newText: `host_ip: "127.0.0.1"\n${' '.repeat(column)}` }],
    safe: true,
  };
}

const TRUE_WORDS = /^(1|true|yes|y|on)$/i;

/** Authentication switched off by environment or command, or left at an unauthenticated image default. */
export function authGaps(
  doc: Document,
  family: string,
  image: string,
  env: Map<string, EnvVar>,
  command: string,
  anchor: Range,
  commandRange?: Range,
): AuthGap[] {
  const out: AuthGap[] = [];
  const has = (name: string) => env.has(name) || env.has(`${name}_FILE`);
  const trust = env.get('POSTGRES_HOST_AUTH_METHOD');
  if (trust && trust.value.trim().toLowerCase() === 'trust') {
    out.push({ range: trust.range, kind: 'trust', setting: 'POSTGRES_HOST_AUTH_METHOD=trust', explicit: true, fix: trustFix(doc, trust) });
  }
  for (const name of ['MYSQL_ALLOW_EMPTY_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_PASSWORD', 'ALLOW_EMPTY_PASSWORD']) {
    const v = env.get(name);
    // The MySQL image treats any non-empty value as "yes"; Bitnami images want yes.
    if (v && v.value.trim() !== '' && (name.startsWith('M') || TRUE_WORDS.test(v.value.trim()))) {
      out.push({ range: v.range, kind: 'emptyPassword', setting: `${name}=${v.value.trim()}`, explicit: true });
    }
  }
  for (const [name, v] of env) {
    const key = name.toLowerCase().replace(/_/g, '.');
    const on = flag({ kind: 'scalar', range: v.range, value: v.value.trim() });
    const off = key === 'xpack.security.enabled' ? on === false : (key === 'plugins.security.disabled' || key === 'disable.security.plugin') && on === true;
    if (off) out.push({ range: v.range, kind: 'securityOff', setting: `${name}=${v.value.trim()}`, explicit: true, fix: securityFix(doc, v) });
  }
  const neo = env.get('NEO4J_AUTH');
  if (neo && neo.value.trim().toLowerCase() === 'none') out.push({ range: neo.range, kind: 'noPassword', setting: 'NEO4J_AUTH=none', explicit: true });
  if (/--protected-mode\s+no\b/.test(command) && !/--requirepass\b/.test(command)) {
    out.push({ range: commandRange ?? anchor, kind: 'noPassword', setting: '--protected-mode no', explicit: true });
  }
  // Image defaults without authentication (reported only when the port is published).
  const bitnami = /bitnami\//.test(image);
  if (
    family === 'mongo' &&
    !bitnami &&
    !has('MONGO_INITDB_ROOT_USERNAME') &&
    !has('MONGO_INITDB_ROOT_PASSWORD') &&
    !/--auth\b|--keyFile|\.conf\b/.test(command)
  ) {
    out.push({ range: anchor, kind: 'noRootUser', setting: 'MONGO_INITDB_ROOT_USERNAME / MONGO_INITDB_ROOT_PASSWORD', explicit: false });
  }
  // A password variable handed to the container (`REDIS_PASSWORD`, `REDISPASS`) is one its start
  // script or command line passes to requirepass.
  if (
    family === 'redis' &&
    !bitnami &&
    !/--requirepass\b|--aclfile\b|\.conf\b|redis-stack/.test(command) &&
    !has('REDIS_PASSWORD') &&
    !has('REDIS_ARGS') &&
    !has('REDISPASS') &&
    !has('REDIS_PASS')
  ) {
    out.push({ range: anchor, kind: 'noPassword', setting: 'requirepass', explicit: false });
  }
  if (family === 'memcached' && !/-S\b|--enable-sasl/.test(command)) {
    out.push({ range: anchor, kind: 'noAuthByDefault', setting: 'memcached', explicit: false });
  }
  return out;
}

function trustFix(doc: Document, v: EnvVar): Fix | undefined {
  const text = doc.text.slice(v.range[0], v.range[1]);
  const i = text.toLowerCase().lastIndexOf('trust');
  if (i < 0) return undefined;
  const start = v.range[0] + i;
  return { titleId: 'fix.scram', edits: [{ range: [start, start + 5], newText: 'scram-sha-256' }], safe: false };
}

function securityFix(doc: Document, v: EnvVar): Fix | undefined {
  const text = doc.text.slice(v.range[0], v.range[1]);
  const m = /(false|true)(["']?)\s*$/i.exec(text);
  if (!m) return undefined;
  const start = v.range[0] + m.index;
  const turnOn = m[1].toLowerCase() === 'false' ? 'true' : 'false';
  return { titleId: 'fix.enableSecurity', edits: [{ range: [start, start + m[1].length], newText: turnOn }], safe: false };
}
