import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { get, visit, type TreeNode } from '../../documents/tree';
import type { Range } from '../../types';
import { yamlTrees } from '../../documents/yaml';
import type { RawFinding, Rule } from '../rule';
import { DB_PORTS, describe, excerpt, flag, holdRequires, isWorld, mayHold, NETWORK_GUIDELINES, OTHER_SPELLINGS, scalars, str } from './analysis/common';
import { authGaps, envOf, imageFamily } from './analysis/containers';

/** Names and labels that say "database" (`postgres`, `user-db`, `app.kubernetes.io/name: redis`). */
const DB_NAME =
  /(^|[-_./])(postgres(ql)?|pg|mysql|mariadb|mongo(db)?|redis|valkey|elasticsearch|opensearch|couchdb|cassandra|memcached|mssql|neo4j|influxdb|clickhouse|rethinkdb|vitess|vtgate|vttablet|infinispan|cockroach(db)?|scylla(db)?|couchbase|tidb|yugabyte(db)?|arangodb|db2|db|database)($|[-_./\d])/i;

/**
 * Operator resources that run a database (`MySQLCluster`, `PostgresCluster`, `VitessCluster`,
 * `PerconaServerMongoDB`, KubeDB, CloudNativePG …), read from their kind and API group.
 */
const DB_OPERATOR =
  /mysql|maria|postgres|mongo|redis|valkey|vitess|cockroach|percona|xtradb|cassandra|scylla|elasticsearch|opensearch|clickhouse|rethink|couchbase|tidb|yugabyte|db2|neo4j|moco\.cybozu|kubedb|cnpg|acid\.zalan\.do|dragonfly|keydb|influx|arangodb|infinispan|memcached/i;
const INTERNAL_LB =
  /(aws-load-balancer-internal|azure-load-balancer-internal|load-balancer-type|networking\.gke\.io\/internal-load-balancer|cloud\.google\.com\/load-balancer-type|aws-load-balancer-scheme)$/i;

interface Workload {
  labels: Map<string, string>;
  family: string;
  image: string;
  noAuth: boolean;
  /** `hostPort` values and `hostNetwork: true`: the store listens on the node's own address. */
  onNode: TreeNode[];
}

function labelsOf(node: TreeNode | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (node?.kind === 'object') for (const e of node.entries) out.set(e.key, str(e.value) ?? '');
  return out;
}

/** Pods (through their controllers) in the same file that run a data store. */
function workloads(doc: Document, trees: TreeNode[]): Workload[] {
  const out: Workload[] = [];
  for (const t of trees) {
    const kind = str(get(t, 'kind'));
    if (!kind) continue;
    const pod = kind === 'Pod' ? t : get(t, 'spec', 'template');
    const containers = get(pod, 'spec', 'containers');
    for (const c of containers?.kind === 'array' ? containers.items : []) {
      const image = str(get(c, 'image')) ?? '';
      const family = imageFamily(image);
      if (!family) continue;
      const command = [get(c, 'command'), get(c, 'args')].flatMap((n) => scalars(n).map((s) => String(str(s) ?? ''))).join(' ');
      const gaps = authGaps(doc, family, image, envOf(get(c, 'env')), command, c.range);
      const ports = get(c, 'ports');
      const onNode: TreeNode[] = [];
      for (const p of ports?.kind === 'array' ? ports.items : []) {
        const hostPort = get(p, 'hostPort');
        if (hostPort && str(hostPort) !== undefined && str(hostPort) !== '0') onNode.push(hostPort);
      }
      const hostNetwork = get(pod, 'spec', 'hostNetwork');
      if (hostNetwork && flag(hostNetwork) === true) onNode.push(hostNetwork);
      out.push({ labels: labelsOf(get(pod, 'metadata', 'labels')), family, image, noAuth: gaps.length > 0, onNode });
    }
  }
  return out;
}

/**
 * Every finding reads one of these (keys and values compared exactly, the gate ignores case; see
 * `mayHold`): a container's `hostPort` or a pod's `hostNetwork`, a Service or operator resource
 * of type `LoadBalancer` or `NodePort`, or a Service's `externalIPs`; each asked by the part of
 * it that begins with the rarest letters.
 */
const EXPOSING = ['tport', 'tnetwork', 'balancer', 'eport', 'lips'];

/**
 * A Kubernetes Service of type LoadBalancer or NodePort (or with externalIPs) in front of a
 * database: recognised by the pods it selects in the same file, by its ports, or by its name and
 * labels. Internal load balancers and source ranges without 0.0.0.0/0 are not reported. Also a
 * store container with a `hostPort` or on the host network, and a database operator resource
 * whose Service template asks for a LoadBalancer or NodePort. A warning; an error when the
 * database runs without authentication.
 */
export const k8sDbServiceExposed: Rule = {
  id: 'exposure/k8s-db-service-exposed',
  risk: risk(7.5, 'high', CWE.OPEN_PORT),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NETWORK_GUIDELINES,
  title: { en: 'Database exposed outside the cluster', ja: 'クラスタ外に公開されたデータベース' },
  description: describe(
    'A LoadBalancer Service gets an address reachable from outside the cluster (from the internet, on most clouds), and a NodePort opens the port on every node. Databases should be reached through a ClusterIP Service from inside the cluster, or through an internal load balancer restricted to known networks.',
    'LoadBalancer 型の Service にはクラスタ外（多くのクラウドではインターネット）から到達できるアドレスが割り当てられ、NodePort は全ノードでポートを開きます。データベースにはクラスタ内から ClusterIP の Service 経由で接続するか、既知のネットワークに限定した内部ロードバランサーを使ってください。',
  ),
  messages: {
    exposed: {
      en: 'Service "{service}" ({type}) exposes {what} outside the cluster.',
      ja: 'Service「{service}」（{type}）が {what} をクラスタ外に公開しています。',
    },
    hostPort: {
      en: "The {image} container is published on the node's own address (hostPort / hostNetwork): anyone who reaches the node reaches the database.",
      ja: '{image} のコンテナがノード自身のアドレスに公開されています（hostPort / hostNetwork）。ノードに到達できる誰もがデータベースに到達できます。',
    },
    hostPortNoAuth: {
      en: "The {image} container is published on the node's own address (hostPort / hostNetwork) and runs without authentication.",
      ja: '{image} のコンテナがノード自身のアドレスに公開されており（hostPort / hostNetwork）、認証なしで動作しています。',
    },
    operatorExposed: {
      en: '{kind} "{name}" asks its operator for a {type} Service: the database is exposed outside the cluster.',
      ja: '{kind}「{name}」がオペレーターに {type} の Service を作らせています。データベースがクラスタ外に公開されます。',
    },
    exposedNoAuth: {
      en: 'Service "{service}" ({type}) exposes {what} outside the cluster, and the database runs without authentication.',
      ja: 'Service「{service}」（{type}）が {what} をクラスタ外に公開しており、データベースは認証なしで動作しています。',
    },
  },
  formats: ['yaml'],
  literals: [...EXPOSING, ...OTHER_SPELLINGS],
  requires: holdRequires(EXPOSING),
  check(doc) {
    if (!mayHold(doc, EXPOSING)) return [];
    const trees = yamlTrees(doc);
    const services = trees.filter((t) => str(get(t, 'kind')) === 'Service');
    const out: RawFinding[] = [];
    operatorServices(doc, trees, out);
    const pods = workloads(doc, trees);
    // A store container with a hostPort (or on the host network) answers on the node's address.
    for (const p of pods) {
      for (const node of p.onNode) {
        const range = hostPortRange(doc, node);
        out.push({
          range,
          messageId: p.noAuth ? 'hostPortNoAuth' : 'hostPort',
          data: { image: p.image },
          severity: p.noAuth ? 'error' : 'warning',
          excerpt: excerpt(doc, range),
        });
      }
    }
    if (services.length === 0) return out;
    for (const svc of services) {
      const spec = get(svc, 'spec');
      const typeNode = get(spec, 'type');
      const type = str(typeNode) ?? 'ClusterIP';
      const external = get(spec, 'externalIPs');
      const exposed = type === 'LoadBalancer' || type === 'NodePort' || (external?.kind === 'array' && external.items.length > 0);
      if (!exposed) continue;
      const annotations = get(svc, 'metadata', 'annotations');
      if (annotations?.kind === 'object' && annotations.entries.some((e) => INTERNAL_LB.test(e.key) && /true|internal/i.test(str(e.value) ?? ''))) continue;
      const ranges = scalars(get(spec, 'loadBalancerSourceRanges')).map(str);
      if (type === 'LoadBalancer' && ranges.length > 0 && !ranges.some((r) => isWorld(r))) continue;
      const selector = labelsOf(get(spec, 'selector'));
      const selected = pods.filter((p) => selector.size > 0 && [...selector].every(([k, v]) => p.labels.get(k) === v));
      const name = str(get(svc, 'metadata', 'name')) ?? '';
      const ports = get(spec, 'ports');
      const portHit = scalars(
        ports?.kind === 'array'
          ? {
              kind: 'array',
              range: ports.range,
              items: ports.items.flatMap((p) => [get(p, 'port'), get(p, 'targetPort'), get(p, 'name')].filter((x): x is TreeNode => x !== undefined)),
            }
          : undefined,
      )
        .map((s) => str(s) ?? '')
        .find((v) => DB_PORTS.has(Number(v)) || DB_NAME.test(v));
      const named = DB_NAME.test(name) || [...selector.values()].some((v) => DB_NAME.test(v));
      const what = selected[0]?.image ?? (portHit ? `port ${portHit}` : named ? name : undefined);
      if (!what) continue;
      const noAuth = selected.some((p) => p.noAuth);
      const range = typeNode?.range ?? external?.range ?? svc.range;
      out.push({
        range,
        messageId: noAuth ? 'exposedNoAuth' : 'exposed',
        data: { service: name, type: type === 'ClusterIP' ? 'externalIPs' : type, what },
        severity: noAuth ? 'error' : 'warning',
        excerpt: excerpt(doc, range),
      });
    }
    return out;
  },
};

/** From the key to the end of the value of a `hostPort: 27017` / `hostNetwork: true` line. */
function hostPortRange(doc: Document, node: TreeNode): Range {
  const lineStart = doc.text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const lead = doc.text.slice(lineStart, node.range[0]).search(/[^\s-]/);
  return [lead >= 0 ? lineStart + lead : node.range[0], node.range[1]];
}

/**
 * Database operator resources whose Service template (or expose setting) asks for a
 * LoadBalancer or NodePort: `primaryServiceTemplate.spec.type`, `expose.exposeType`,
 * `serviceType`. Internal load balancer annotations in the same resource keep it quiet.
 */
function operatorServices(doc: Document, trees: TreeNode[], out: RawFinding[]): void {
  for (const t of trees) {
    const kind = str(get(t, 'kind')) ?? '';
    const api = str(get(t, 'apiVersion')) ?? '';
    // Core and workload groups (v1, apps/v1) are read by the Service and hostPort checks.
    if (!kind || !api.includes('.') || kind === 'Service' || !DB_OPERATOR.test(`${api} ${kind}`)) continue;
    let internal = false;
    const hits: TreeNode[] = [];
    visit(t, (node, path) => {
      const key = path[path.length - 1];
      if (typeof key !== 'string') return;
      if (node.kind === 'object' && /annotations$/i.test(key)) {
        if (node.entries.some((e) => INTERNAL_LB.test(e.key) && /true|internal/i.test(str(e.value) ?? ''))) internal = true;
        return false;
      }
      if (node.kind === 'scalar' && /type$/i.test(key) && /^(LoadBalancer|NodePort)$/.test(str(node) ?? '')) hits.push(node);
      return undefined;
    });
    if (internal) continue;
    const name = str(get(t, 'metadata', 'name')) ?? '';
    for (const node of hits) {
      const range = hostPortRange(doc, node);
      out.push({ range, messageId: 'operatorExposed', data: { kind, name, type: str(node) ?? '' }, excerpt: excerpt(doc, range) });
    }
  }
}
