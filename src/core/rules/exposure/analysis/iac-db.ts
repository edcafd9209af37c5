import type { Document } from '../../../documents/document';
import { blocks } from '../../../documents/hcl';
import { visit, type Entry, type TreeNode } from '../../../documents/tree';
import type { RawFinding } from '../../rule';
import { excerpt, field, fields, flag, flipped, holdRequires, isWorld, mayHold, mayMatch, norm, OTHER_SPELLINGS, replaceFix, scalars, str } from './common';
import { treesOf } from '../../../documents/trees';
import { resolveVar, resourcesOf, shortType, type Resource } from './resources';

/**
 * Managed databases, caches and warehouses that IaC makes reachable from the internet: a public
 * endpoint flag, Azure public network access, a snapshot shared with everyone, or a database
 * firewall / allow-list that admits any address. Shared by the two database rules, which also
 * use each other's results to escalate (public endpoint *and* open firewall = error).
 */

/** `aws_db_instance.main`, `Db (AWS::RDS::DBInstance)`. */
export function label(r: Resource): string {
  if (r.source === 'terraform') return r.type.startsWith('module:') ? `module.${r.name}` : `${r.type}.${r.name}`;
  return r.name ? `${r.name} (${r.type})` : r.type;
}

/** Types whose `publicly_accessible` flag is not about a data store. */
const NOT_A_STORE = /mq_?broker|AmazonMQ|lightsail_instance/i;

/** Azure services whose public network access matters: databases, caches, search, analytics. */
const AZURE_DATA = /sql|mysql|maria|postgres|cosmos|documentdb|redis|cache|synapse|kusto|search|dbfor|database/i;

/**
 * Azure services whose public endpoint accepts every network by default (no IP rules): Cosmos DB
 * and Azure Cache for Redis. SQL, PostgreSQL, MySQL and MariaDB servers deny all addresses until
 * a firewall rule is added, so an omitted setting is not an exposure there.
 */
const OPEN_BY_DEFAULT = /^(microsoft\.documentdb\/databaseaccounts|microsoft\.cache\/redis|azurerm_cosmosdb_account|azurerm_redis_cache)$/i;

/**
 * Words one of which every finding of `publicDbHits` reads in a key or a type (see `mayHold`):
 * `publicly` (`publicly_accessible`, at the top, nested, or ending a module variable's name),
 * the types open by default (`OPEN_BY_DEFAULT`: each holds one of them whole, as its `/` joins a
 * parent type to a child's), `internet` (`internet_service`, asked as `rnet`) and `snapshot`
 * (the shared snapshot's type); or else both words of `public_network_access_enabled` /
 * `publicNetworkAccess`.
 */
const PUBLIC_DB_WORDS = ['publicly', 'documentdb', 'microsoft.cache', 'azurerm_cosmosdb_account', 'azurerm_redis_cache', 'rnet', 'snapshot'];
const PUBLIC = ['public'];
const NETWORK = ['network'];

/** What the rules that call `publicDbHits` declare (`Rule.literals`). */
export const PUBLIC_DB_LITERALS: readonly string[] = [...PUBLIC_DB_WORDS, ...PUBLIC, ...NETWORK, ...OTHER_SPELLINGS];
/** Without one of these `publicDbHits` finds nothing (Rule.requires). */
export const PUBLIC_DB_REQUIRES: readonly string[] = holdRequires(PUBLIC_DB_WORDS, PUBLIC);

/** Findings of `exposure/db-public-access`, before severity escalation. */
export function publicDbHits(doc: Document): RawFinding[] {
  // Most structured files (workflows, manifests, package files) name none of these: they are
  // not parsed for this rule.
  if (!mayHold(doc, PUBLIC_DB_WORDS) && !(mayHold(doc, PUBLIC) && mayHold(doc, NETWORK))) return [];
  return doc.memo('exposure:public-db', () => {
    const out: RawFinding[] = [];
    for (const r of resourcesOf(doc)) {
      const props = r.props;
      if (!props) continue;
      const name = label(r);
      const top = field(props, 'publicly_accessible');
      // Module inputs and `for_each` maps carry the flag per instance (`instances = { a = {
      // publicly_accessible = true } }`); a flag read from `each.value` comes from such a map.
      const nested = r.source === 'terraform' && (r.type.startsWith('module:') || field(props, 'for_each') !== undefined) ? nestedFlags(props, top) : [];
      for (const pa of [...(top ? [top] : []), ...nested]) {
        if (flag(resolveVar(doc, pa.value)) === true && !NOT_A_STORE.test(r.type)) {
          const source = doc.text.slice(pa.value.range[0], pa.value.range[1]);
          const to = flipped(source, false);
          out.push({
            range: [pa.keyRange[0], pa.value.range[1]],
            messageId: 'public',
            data: { resource: name, key: pa.key },
            excerpt: excerpt(doc, [pa.keyRange[0], pa.value.range[1]]),
            ...(to ? { fixes: [replaceFix('fix.private', pa.value.range, to, true)] } : {}),
          });
        }
      }
      if (AZURE_DATA.test(r.type) && !/storage/i.test(r.type)) {
        const pna = field(props, 'public_network_access_enabled', 'publicNetworkAccess') ?? field(field(props, 'network')?.value, 'publicNetworkAccess');
        if (pna && flag(pna.value) === true) {
          const source = doc.text.slice(pna.value.range[0], pna.value.range[1]);
          const to = flipped(source, false);
          out.push({
            range: [pna.keyRange[0], pna.value.range[1]],
            messageId: 'publicNetwork',
            data: { resource: name, key: pna.key },
            excerpt: excerpt(doc, [pna.keyRange[0], pna.value.range[1]]),
            ...(to ? { fixes: [replaceFix('fix.private', pna.value.range, to, true)] } : {}),
          });
        } else if (!pna && OPEN_BY_DEFAULT.test(r.type) && !restricted(props)) {
          out.push({ range: r.anchor, messageId: 'publicNetworkDefault', data: { resource: name }, severity: 'warning', excerpt: excerpt(doc, r.anchor) });
        }
      }
      const internet = field(props, 'internet_service');
      if (internet && flag(internet.value) === true) {
        out.push({
          range: [internet.keyRange[0], internet.value.range[1]],
          messageId: 'internetService',
          data: { resource: name, key: internet.key },
          excerpt: excerpt(doc, internet.keyRange),
        });
      }
      const shared = field(props, 'shared_accounts', 'attribute_values');
      if (shared && /snapshot/i.test(r.type) && scalars(shared.value).some((s) => str(s)?.toLowerCase() === 'all')) {
        out.push({
          range: [shared.keyRange[0], shared.value.range[1]],
          messageId: 'snapshotPublic',
          data: { resource: name },
          severity: 'error',
          excerpt: excerpt(doc, shared.keyRange),
        });
      }
    }
    // A module's own input (`variable "publicly_accessible" { default = true }`, often in
    // variables.tf): every caller that leaves it unset gets a public database.
    if (doc.format === 'hcl') {
      for (const tree of treesOf(doc)) {
        for (const v of blocks(tree, 'variable')) {
          const name = v.labels?.[0] ?? '';
          const d = field(v, 'default');
          if (!d || !norm(name).endsWith('publiclyaccessible') || flag(d.value) !== true || NOT_A_STORE.test(name)) continue;
          const to = flipped(doc.text.slice(d.value.range[0], d.value.range[1]), false);
          out.push({
            range: [d.keyRange[0], d.value.range[1]],
            messageId: 'public',
            data: { resource: `var.${name}`, key: 'default' },
            excerpt: excerpt(doc, [d.keyRange[0], d.value.range[1]]),
            ...(to ? { fixes: [replaceFix('fix.private', d.value.range, to, true)] } : {}),
          });
        }
      }
    }
    return out;
  });
}

/** `publicly_accessible` entries nested in a module's or resource's maps, the top-level one left out. */
function nestedFlags(props: TreeNode, top: Entry | undefined): Entry[] {
  const out: Entry[] = [];
  visit(props, (node, path) => {
    if (path.length === 0 || node.kind !== 'object') return;
    for (const e of node.entries) if (e !== top && norm(e.key) === 'publiclyaccessible' && e.value.kind === 'scalar') out.push(e);
  });
  return out;
}

/** IP rules, VNet filters or VNet injection that keep an open-by-default service private. */
function restricted(props: TreeNode): boolean {
  for (const k of ['ipRules', 'ip_range_filter', 'virtualNetworkRules', 'virtual_network_rule', 'subnetId', 'subnet_id', 'privateEndpointConnections']) {
    const e = field(props, k);
    if (!e) continue;
    if (e.value.kind === 'array' ? e.value.items.length > 0 : e.value.kind === 'object' || str(e.value)) return true;
  }
  return flag(field(props, 'isVirtualNetworkFilterEnabled', 'is_virtual_network_filter_enabled')?.value) === true;
}

/** Database security groups and allow-lists: any address they admit from the whole internet is a hit. */
const DB_SECURITY_GROUP =
  /db_?security_?group|DBSecurityGroup|ClusterSecurityGroupIngress|cluster_security_group|redshift_security_group|^module:.*(rds|aurora|redshift|documentdb|neptune|database)/i;
const DB_ALLOW_LIST = ['security_ips', 'security_ip_list', 'ip_whitelist', 'whitelist', 'allowed_ips', 'ip_allowlist'];
const CIDR_NORM = new Set(['cidr', 'cidr_ip', 'cidrip', 'cidr_blocks', 'cidr_block', 'ingress_cidr_blocks'].map(norm));

/**
 * Words one of which every finding of `dbFirewallHits` reads (see `mayHold`): the end address
 * `255.255.255.255` of a firewall rule that admits all, `authorized` (`authorized_networks`),
 * the database security-group types (`DB_SECURITY_GROUP`: `security`, or a Terraform `module`,
 * asked as `dule`), `pg_hba` (Ansible, as `g_hba`) and the allow-list keys (`DB_ALLOW_LIST`:
 * `security`, `white` as `hite`); or else `ips` or `list` with `allow` (`allowed_ips`,
 * `ip_allowlist`, also written `ip_allow_list`).
 */
const DB_FIREWALL_WORDS = ['255.255.255.255', 'authorized', 'security', 'dule', 'g_hba', 'hite'];
const IPS_OR_LIST = ['ips', 'list'];
const ALLOW = /allow/i;

/** What the rules that call `dbFirewallHits` declare (`Rule.literals`). */
export const DB_FIREWALL_LITERALS: readonly string[] = [...DB_FIREWALL_WORDS, ...IPS_OR_LIST, ...OTHER_SPELLINGS];
/** Without one of these `dbFirewallHits` finds nothing (Rule.requires). */
export const DB_FIREWALL_REQUIRES: readonly string[] = holdRequires(DB_FIREWALL_WORDS, IPS_OR_LIST);

/** Findings of `exposure/db-firewall-open`, before severity escalation. */
export function dbFirewallHits(doc: Document): RawFinding[] {
  if (!mayHold(doc, DB_FIREWALL_WORDS) && !(mayHold(doc, IPS_OR_LIST) && mayMatch(doc, ALLOW))) return [];
  return doc.memo('exposure:db-firewall', () => {
    const out: RawFinding[] = [];
    for (const r of resourcesOf(doc)) {
      const props = r.props;
      if (!props) continue;
      const name = label(r);
      // Azure SQL / PostgreSQL / MySQL / Redis firewall rules: 0.0.0.0 – 255.255.255.255.
      const start = field(props, 'start_ip_address', 'startIpAddress', 'start_ip', 'startIP');
      const end = field(props, 'end_ip_address', 'endIpAddress', 'end_ip', 'endIP');
      if (start && end && (str(start.value) === '0.0.0.0' || isWorld(str(start.value))) && str(end.value) === '255.255.255.255') {
        out.push({
          range: [start.keyRange[0], end.value.range[1]].sort((a, b) => a - b) as [number, number],
          messageId: 'firewallAll',
          data: { resource: name },
          excerpt: excerpt(doc, start.keyRange),
        });
      }
      // Cloud SQL authorized networks.
      visit(props, (node, path) => {
        const key = path[path.length - 1];
        if (typeof key !== 'string' || !/^authorized_?networks$/i.test(key)) return;
        for (const item of node.kind === 'array' ? node.items : [node]) {
          const v = field(item, 'value', 'cidr');
          if (v && isWorld(str(v.value))) {
            out.push({
              range: v.value.range,
              messageId: 'authorizedNetwork',
              data: { resource: name, cidr: str(v.value) ?? '' },
              excerpt: excerpt(doc, v.value.range),
            });
          }
        }
        return false;
      });
      if (DB_SECURITY_GROUP.test(r.type)) {
        visit(props, (node, path) => {
          const key = path[path.length - 1];
          if (typeof key === 'string' && /egress/i.test(key)) return false;
          if (typeof key !== 'string' || !CIDR_NORM.has(norm(key))) return;
          for (const s of scalars(node)) {
            if (isWorld(str(s)))
              out.push({ range: s.range, messageId: 'dbSecurityGroup', data: { resource: name, cidr: str(s) ?? '' }, excerpt: excerpt(doc, s.range) });
          }
          return false;
        });
      }
      // Ansible `postgresql_pg_hba` entries (and `postgresql_set` style lists of them): a
      // source or address of the whole internet with trust or a password method.
      if (r.source === 'ansible' && /pg_hba/i.test(shortType(r))) {
        const address = field(props, 'source', 'address', 'src');
        const method = str(field(props, 'method')?.value)?.toLowerCase() ?? 'md5';
        const v = str(address?.value);
        if (address && (isWorld(v) || v === 'all') && /^(trust|md5|password)$/.test(method)) {
          out.push({
            range: [address.keyRange[0], address.value.range[1]],
            messageId: 'dbSecurityGroup',
            data: { resource: name, cidr: v ?? '' },
            ...(method === 'trust' ? { severity: 'error' as const } : {}),
            excerpt: excerpt(doc, address.keyRange),
          });
        }
      }
      if (/db|rds|sql|redis|mongo|kvstore|polardb|database/i.test(shortType(r))) {
        for (const e of fields(props, ...DB_ALLOW_LIST)) {
          for (const s of scalars(e.value)) {
            const v = str(s);
            // In an allow-list a bare 0.0.0.0 means every address.
            if (v === '0.0.0.0' || isWorld(v))
              out.push({ range: s.range, messageId: 'allowList', data: { resource: name, cidr: v ?? '' }, excerpt: excerpt(doc, s.range) });
          }
        }
      }
    }
    return out;
  });
}
