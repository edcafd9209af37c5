import type { Document } from '../../../documents/document';
import type { ObjectNode, TreeNode } from '../../../documents/tree';
import type { Localized } from '../../../guidelines/catalog';
import type { RawFinding } from '../../rule';
import {
  at,
  dbPortsIn,
  excerpt,
  field,
  fieldIn,
  fieldsIn,
  flag,
  holdRequires,
  isWorld,
  mayHold,
  mayMatch,
  norm,
  OTHER_SPELLINGS,
  portLabel,
  scalars,
  str,
} from './common';
import { label } from './iac-db';
import { cfnParameter, resolveVar, resourcesOf, type CfnParameter, type Resource } from './resources';

/**
 * Security groups, network ACLs, VPC firewalls and network security groups that admit the whole
 * internet on a database port, or on every port. One reader covers AWS (Terraform, CloudFormation,
 * Ansible, modules), GCP firewalls, Azure NSGs (Terraform, ARM, Bicep) and Nifcloud: it looks
 * for objects that name a source range and a port range, wherever they sit.
 */

const SOURCE_KEYS = new Set(
  [
    'cidr_blocks',
    'ipv6_cidr_blocks',
    'cidr_block',
    'ipv6_cidr_block',
    'cidr_ipv4',
    'cidr_ipv6',
    'cidrip',
    'cidripv6',
    'cidr_ip',
    'cidr_ip_v6',
    'source_ranges',
    'source_address_prefix',
    'source_address_prefixes',
    'cidr',
    'cidr_ipv6',
  ].map(norm),
);
const EGRESS_KEY = /egress|outbound/i;

// The keys an ingress-shaped object is read by (direction, action, protocol, ports).
const TYPE_KEYS = ['type'];
const EGRESS_FLAG_KEYS = ['egress'];
const DIRECTION_KEYS = ['direction'];
const ACTION_KEYS = ['rule_action', 'action', 'access', 'ruleAction'];
const PROTOCOL_KEYS = ['protocol', 'ip_protocol', 'proto'];
const FROM_KEYS = ['from_port', 'fromPort'];
const TO_KEYS = ['to_port', 'toPort'];
const RANGE_KEYS = ['port_range', 'PortRange'];
const PORT_LIST_KEYS = ['ports', 'port', 'port_range', 'destination_port_range', 'destination_port_ranges', 'destinationPortRange', 'destinationPortRanges'];

/**
 * Every key (normalised) that `isEgress`, `denies`, `portsOf` and `worldSources` read. An
 * object with none of them (a resource's own settings, its tags) gets nothing from those four,
 * so `scan` goes straight on to what it holds: each asks a dozen keys of every entry.
 */
const RULE_KEYS = new Set(
  [...TYPE_KEYS, ...EGRESS_FLAG_KEYS, ...DIRECTION_KEYS, ...ACTION_KEYS, ...PROTOCOL_KEYS, ...FROM_KEYS, ...TO_KEYS, ...RANGE_KEYS, ...PORT_LIST_KEYS]
    .map(norm)
    .concat([...SOURCE_KEYS]),
);

function namesRuleKey(node: ObjectNode): boolean {
  for (const e of node.entries) if (RULE_KEYS.has(norm(e.key))) return true;
  return false;
}

interface Ports {
  all: boolean;
  ports: number[];
}

/** A source range value open to the whole internet. */
interface Source {
  source: TreeNode;
  cidr: string;
  /** The CloudFormation parameter whose default supplies the range (`CidrIp: !Ref ClientIP`). */
  parameter?: CfnParameter;
}

/** One hit: the world-open source value and the exposed ports. */
interface OpenRule extends Source {
  ports: Ports;
}

/**
 * Every finding of `openPortHits` is a source range keyed by a word of `SOURCE_KEYS` or of the
 * security-group module's inputs (`cidr`, `source`) whose value, its variable's or its
 * parameter's default (all read from the same text) is the whole internet (`isWorld`: a `/0`
 * prefix, `*`, `internet` asked as `rnet`, or `any`, a word too common for the literal pass).
 * See `mayHold`.
 */
const SOURCE_WORDS = ['cidr', 'source'];
const WORLD_WORDS = ['/0', '*', 'rnet'];
const ANY = /any/i;

/** What the rules that call `openPortHits` declare (`Rule.literals`). */
export const OPEN_PORT_LITERALS: readonly string[] = [...SOURCE_WORDS, ...WORLD_WORDS, ...OTHER_SPELLINGS];
/** Without one of these `openPortHits` finds nothing (Rule.requires). */
export const OPEN_PORT_REQUIRES: readonly string[] = holdRequires(SOURCE_WORDS);

/** Findings of `exposure/network-db-port-open`, before severity escalation. */
export function openPortHits(doc: Document): RawFinding[] {
  if (!mayHold(doc, SOURCE_WORDS) || !(mayHold(doc, WORLD_WORDS) || mayMatch(doc, ANY))) return [];
  return doc.memo('exposure:open-ports', () => {
    const out: RawFinding[] = [];
    for (const r of resourcesOf(doc)) {
      if (!r.props) continue;
      const found: OpenRule[] = [];
      if (isSecurityGroupModule(r)) moduleRules(doc, r, r.props, found);
      else if (namesSource(r.props, 0)) scan(doc, r, r.props, undefined, found, 0);
      const seen = new Set<number>();
      for (const f of found) {
        if (seen.has(f.source.range[0])) continue;
        seen.add(f.source.range[0]);
        const ports: Localized = portLabel(f.ports.ports, f.ports.all);
        const cidr = f.parameter ? `${f.cidr} (${f.parameter.name})` : f.cidr;
        out.push({
          range: f.source.range,
          messageId: f.ports.all ? 'allPorts' : 'dbPorts',
          data: { resource: label(r), cidr, ports: ports.en, portsJa: ports.ja },
          excerpt: excerpt(doc, f.source.range),
        });
        // The default is where the whole internet is written: the fix goes there.
        const d = f.parameter?.default;
        if (d && !seen.has(d.range[0])) {
          seen.add(d.range[0]);
          out.push({
            range: d.range,
            messageId: 'parameterDefault',
            data: { parameter: f.parameter?.name ?? '', cidr: f.cidr, resource: label(r), ports: ports.en, portsJa: ports.ja },
            excerpt: excerpt(doc, d.range),
          });
        }
      }
    }
    return out;
  });
}

/** Walks a resource's settings for ingress-rule-shaped objects. `inherited` carries a GCP firewall's source ranges. */
function scan(doc: Document, r: Resource, node: TreeNode, inherited: Source[] | undefined, out: OpenRule[], depth: number, inheritedPorts?: Ports): void {
  if (depth > 12) return;
  if (node.kind === 'array') {
    for (const i of node.items) scan(doc, r, i, inherited, out, depth + 1, inheritedPorts);
    return;
  }
  if (node.kind !== 'object') return;
  const plain = !namesRuleKey(node);
  if (!plain && (isEgress(node) || denies(node))) return;
  const sources = plain ? [] : worldSources(doc, node);
  const own = plain ? undefined : portsOf(doc, node, r);
  // Crossplane and the AWS API nest the ranges under the rule (`ipRanges: [{cidrIp}]`).
  const ports = own ?? (sources.length ? inheritedPorts : undefined);
  if (sources.length && ports) {
    for (const s of sources) out.push({ ...s, ports });
  }
  // A GCP firewall names its sources once and its ports in `allow` blocks.
  const carry = sources.length && !ports ? sources : inherited;
  const carryPorts = !sources.length && own ? own : inheritedPorts;
  for (const e of node.entries) {
    if (EGRESS_KEY.test(e.key)) continue;
    if (e.value.kind === 'object' || e.value.kind === 'array') {
      if (carry && /^allow(ed)?$/i.test(e.key)) {
        for (const item of e.value.kind === 'array' ? e.value.items : [e.value]) {
          const p = item.kind === 'object' ? portsOf(doc, item, r) : undefined;
          if (p) for (const s of carry) out.push({ ...s, ports: p });
        }
        continue;
      }
      scan(doc, r, e.value, carry, out, depth + 1, carryPorts);
    }
  }
}

/**
 * Whether any object under `node` has a source-range key: only such a resource can admit the
 * internet, and most resources of a file (instances, buckets, roles) have none, so the walk
 * below, a dozen key lookups per object, is skipped for them.
 */
function namesSource(node: TreeNode, depth: number): boolean {
  if (depth > 12) return false;
  if (node.kind === 'array') return node.items.some((i) => namesSource(i, depth + 1));
  if (node.kind !== 'object') return false;
  for (const e of node.entries) if (SOURCE_KEYS.has(norm(e.key)) || namesSource(e.value, depth + 1)) return true;
  return false;
}

function worldSources(doc: Document, node: ObjectNode): Source[] {
  const out: Source[] = [];
  for (const e of node.entries) {
    if (!SOURCE_KEYS.has(norm(e.key))) continue;
    // `cidr_blocks = var.allowed` or `[var.allowed]` with a world default counts too.
    for (const s of scalars(resolveVar(doc, e.value)).flatMap((x) => scalars(resolveVar(doc, x)))) {
      const v = str(s);
      if (isWorld(v)) out.push({ source: s, cidr: v ?? '' });
    }
    // CloudFormation: `CidrIp: !Ref ClientIP` with the parameter defaulting to 0.0.0.0/0.
    const parameter = cfnParameter(doc, e.value);
    const d = str(parameter?.default);
    if (parameter && isWorld(d)) out.push({ source: e.value, cidr: d ?? '', parameter });
  }
  return out;
}

function isEgress(node: ObjectNode): boolean {
  const type = str(fieldIn(node, TYPE_KEYS)?.value)?.toLowerCase();
  if (type === 'egress' || type === 'out') return true;
  if (flag(fieldIn(node, EGRESS_FLAG_KEYS)?.value) === true) return true;
  const dir = str(fieldIn(node, DIRECTION_KEYS)?.value)?.toLowerCase();
  return dir === 'egress' || dir === 'outbound';
}

function denies(node: ObjectNode): boolean {
  const action = str(fieldIn(node, ACTION_KEYS)?.value)?.toLowerCase();
  return action === 'deny';
}

const ALL_PROTOCOLS = new Set(['-1', 'all', '*', 'any']);

/** The ports an ingress-shaped object opens, or undefined when it names none. */
function portsOf(doc: Document, node: ObjectNode, r: Resource): Ports | undefined {
  const protocol = str(fieldIn(node, PROTOCOL_KEYS)?.value)?.toLowerCase();
  if (protocol === 'icmp' || protocol === 'icmpv6' || protocol === '1' || protocol === '58') return undefined;
  const fromE = fieldIn(node, FROM_KEYS) ?? field(fieldIn(node, RANGE_KEYS)?.value, 'from');
  const toE = fieldIn(node, TO_KEYS) ?? field(fieldIn(node, RANGE_KEYS)?.value, 'to');
  const ranges: [number, number][] = [];
  if (protocol !== undefined && ALL_PROTOCOLS.has(protocol)) return { all: true, ports: [] };
  if (fromE || toE) {
    // CloudFormation ports given by a parameter (`FromPort: !Ref DBPort`) take its default.
    const fromV = str(cfnParameter(doc, fromE?.value)?.default ?? fromE?.value);
    const toV = str(cfnParameter(doc, toE?.value)?.default ?? toE?.value);
    const from = toNumber(fromV) ?? toNumber(toV);
    const to = toNumber(toV) ?? from;
    if (from === undefined || to === undefined) return undefined;
    ranges.push([from, to]);
  }
  for (const e of fieldsIn(node, PORT_LIST_KEYS)) {
    for (const s of scalars(e.value)) {
      const v = str(s);
      if (v === undefined) continue;
      if (v === '*' || v.toLowerCase() === 'any') return { all: true, ports: [] };
      const m = /^(\d{1,5})\s*(?:[-/:]\s*(\d{1,5}))?$/.exec(v);
      if (m) ranges.push([Number(m[1]), Number(m[2] ?? m[1])]);
    }
  }
  if (ranges.length === 0) {
    // A protocol with no ports opens all of that protocol's ports (GCP `allow { protocol = "tcp" }`).
    return protocol === 'tcp' || protocol === 'udp' || protocol === '6' || protocol === '17'
      ? node.entries.some((e) => /^(allow|allowed)$/i.test(e.key))
        ? undefined
        : { all: true, ports: [] }
      : undefined;
  }
  const ports = new Set<number>();
  const nacl = /network_?acl/i.test(r.type);
  for (const [from, to] of ranges) {
    const lo = Math.min(from, to);
    const hi = Math.max(from, to);
    // Network ACLs are stateless: 1024–65535 is the usual return-traffic rule, not an exposure.
    if (nacl && lo >= 1024 && hi === 65535) continue;
    if ((lo <= 1 && hi >= 65535) || (lo === 0 && hi === 0 && protocol === undefined)) return { all: true, ports: [] };
    for (const p of dbPortsIn(lo, hi)) ports.add(p);
  }
  return ports.size ? { all: false, ports: [...ports].sort((a, b) => a - b) } : undefined;
}

function toNumber(v: string | undefined): number | undefined {
  return v !== undefined && /^-?\d{1,6}$/.test(v) ? Number(v) : undefined;
}

/**
 * terraform-aws-modules/security-group and modules shaped like it: `ingress_cidr_blocks` with
 * named `ingress_rules`, or `ingress_with_cidr_blocks`. Recognised by its source, or, for a
 * local path (`../../`, the module's own examples), by those inputs.
 */
function isSecurityGroupModule(r: Resource): boolean {
  if (r.source !== 'terraform' || !r.type.startsWith('module:')) return false;
  if (/security-group/i.test(r.type)) return true;
  return field(r.props, 'ingress_rules', 'ingress_with_cidr_blocks', 'ingress_with_ipv6_cidr_blocks', 'computed_ingress_with_cidr_blocks') !== undefined;
}

/** The named-rule preset of a submodule (`…//modules/postgresql`, `../../modules/mysql`), if its name is one. */
function presetRule(r: Resource): string | undefined {
  const m = /modules\/([a-z0-9-]+)\/?$/i.exec(r.type);
  const name = m?.[1].toLowerCase();
  return name && Object.keys(NAMED_RULE_PORTS).some((k) => k !== 'all' && name === k) ? name : undefined;
}

/** The ports of a named rule (`postgresql-tcp`, `mongodb-27017-tcp`, `all-all`), or undefined for a non-database rule. */
function namedRulePorts(name: string): Ports | undefined {
  if (name.includes('icmp')) return undefined;
  const key = Object.keys(NAMED_RULE_PORTS).find((k) => name.startsWith(`${k}-`) || name === k);
  if (!key) return undefined;
  const p = NAMED_RULE_PORTS[key];
  return p === 'all' ? { all: true, ports: [] } : { all: false, ports: p };
}

const NAMED_RULE_PORTS: Readonly<Record<string, number[] | 'all'>> = {
  mysql: [3306],
  postgresql: [5432],
  mssql: [1433],
  oracle: [1521],
  mongodb: [27017],
  redis: [6379],
  elasticsearch: [9200, 9300],
  cassandra: [9042],
  memcached: [11211],
  kibana: [5601],
  redshift: [5439],
  'docker-swarm': [2375],
  'oracle-db': [1521],
  neo4j: [7474, 7687],
  'mongodb-27017': [27017],
  'elasticsearch-rest': [9200],
  'elasticsearch-java': [9300],
  all: 'all',
};

function moduleRules(doc: Document, r: Resource, props: TreeNode, out: OpenRule[]): void {
  const world = [...scalars(resolveVar(doc, at(props, 'ingress_cidr_blocks'))), ...scalars(resolveVar(doc, at(props, 'ingress_ipv6_cidr_blocks')))].filter(
    (s) => isWorld(str(s)),
  );
  const named = scalars(resolveVar(doc, at(props, 'ingress_rules'))).map((rule) => str(rule)?.toLowerCase() ?? '');
  // A preset submodule (`modules/postgresql`) opens its own rule to `ingress_cidr_blocks`.
  const preset = presetRule(r);
  if (preset && !named.length) named.push(`${preset}-tcp`);
  for (const name of named) {
    const ports = namedRulePorts(name);
    if (!ports) continue;
    for (const s of world) out.push({ source: s, cidr: str(s) ?? '', ports });
  }
  for (const key of ['ingress_with_cidr_blocks', 'ingress_with_ipv6_cidr_blocks', 'computed_ingress_with_cidr_blocks']) {
    const withCidr = resolveVar(doc, at(props, key));
    for (const item of withCidr?.kind === 'array' ? withCidr.items : []) {
      if (item.kind !== 'object') continue;
      const blocks = field(item, 'cidr_blocks', 'ipv6_cidr_blocks');
      const fake: Resource = { source: 'terraform', type: 'aws_security_group', name: '', props: item, node: item, anchor: item.range };
      // `rule = "postgresql-tcp"` names the ports; explicit from/to ports otherwise.
      const ports = namedRulePorts(str(field(item, 'rule')?.value)?.toLowerCase() ?? '') ?? portsOf(doc, item, fake);
      // Without its own cidr_blocks, an item takes the module's `ingress_cidr_blocks`.
      const sources = blocks ? scalars(blocks.value) : world;
      if (!ports) continue;
      // The module takes a comma-separated string here.
      for (const s of sources) {
        const v = str(s) ?? '';
        const hit = v
          .split(',')
          .map((c) => c.trim())
          .find((c) => isWorld(c));
        if (hit) out.push({ source: s, cidr: hit, ports });
      }
    }
  }
}
