import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { get, visit, type TreeNode } from '../../documents/tree';
import { yamlTrees } from '../../documents/yaml';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, flag, flipped, NOAUTH_GUIDELINES, replaceFix, str } from './analysis/common';

/** Chart and sub-chart names of data stores (`redis:`, `mongodb:`, `charts/postgresql/values.yaml`). */
const DB_CHART =
  /(^|[-_/])(postgres(ql)?(-ha)?|mysql|mariadb(-galera)?|mongodb(-sharded)?|redis(-cluster)?|valkey|elasticsearch|opensearch|couchdb|cassandra|memcached|neo4j|influxdb2?|clickhouse|rabbitmq|etcd|minio)($|[-_/.])/i;

/**
 * The database chart a values file belongs to when neither its path nor its keys name one: the
 * shape of the Bitnami-style database charts (`architecture: standalone|replication|replicaset`
 * with `auth` or `primary`/`master`, or `auth` keys only those charts have).
 */
function shapeChart(doc: Document): string | undefined {
  for (const tree of yamlTrees(doc)) {
    if (tree.kind !== 'object') continue;
    const authNode = get(tree, 'auth');
    const authKeys = authNode?.kind === 'object' ? authNode.entries.map((e) => e.key) : [];
    const arch = str(get(tree, 'architecture'));
    if (authKeys.some((k) => /^(postgresPassword|enablePostgresUser)$/.test(k))) return 'postgresql';
    if (get(tree, 'sentinel') && (get(tree, 'master') || get(tree, 'replica'))) return 'redis';
    if (authKeys.includes('rootPassword') && (get(tree, 'replicaSetName') || arch === 'replicaset')) return 'mongodb';
    if (authKeys.includes('rootPassword')) return 'mysql';
    if (arch && /^(standalone|replication|replicaset)$/.test(arch) && (authNode || get(tree, 'master') || get(tree, 'primary'))) return 'database';
  }
  return undefined;
}

interface Hit {
  scope: string;
  range: Range;
  node: TreeNode;
  path: string;
}

/**
 * Helm values that switch a database chart's authentication off (`auth.enabled: false`,
 * `usePassword: false`, `xpack.security.enabled: false`) or expose its Service (`service.type:
 * LoadBalancer`/`NodePort`, `externalAccess.enabled: true`). The chart is named by a key, the
 * path, or the shape of the Bitnami-style database charts. Either alone is a warning; both in the
 * same chart's values, an error on each line.
 */
export const helmDbNoAuth: Rule = {
  id: 'exposure/helm-db-no-auth',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'Helm database chart without authentication or exposed', ja: '認証なし・外部公開の Helm データベースチャート' },
  description: describe(
    'Database charts ship with authentication on and a ClusterIP Service for a reason: turning auth off leaves the data to anyone who can reach the pod, and a LoadBalancer or NodePort Service makes that anyone on the network, often the internet. The National Police Agency has warned about unauthenticated databases found on the internet; the PPC Q&A (10-19) requires identification and authentication.',
    'データベースのチャートが既定で認証を有効にし、ClusterIP の Service を使うのには理由があります。認証を無効にするとポッドに到達できる誰にでもデータが渡り、LoadBalancer や NodePort の Service にすると、それがネットワーク上（多くはインターネット）の誰にでも広がります。警察庁は認証なしでインターネットから到達可能なデータベースについて注意喚起しており、個人情報保護委員会のQ&A（10-19）は識別と認証を求めています。',
  ),
  messages: {
    authOff: { en: '{chart}: authentication is switched off ({setting}).', ja: '{chart}: 認証が無効になっています（{setting}）。' },
    authOffExposed: {
      en: '{chart}: authentication is switched off ({setting}) and the Service is exposed outside the cluster.',
      ja: '{chart}: 認証が無効（{setting}）で、Service がクラスタ外に公開されています。',
    },
    exposed: {
      en: '{chart}: the database Service is exposed outside the cluster ({setting}).',
      ja: '{chart}: データベースの Service がクラスタ外に公開されています（{setting}）。',
    },
    exposedNoAuth: {
      en: '{chart}: the database Service is exposed outside the cluster ({setting}) while authentication is off ({auth}).',
      ja: '{chart}: 認証が無効（{auth}）のまま、データベースの Service がクラスタ外に公開されています（{setting}）。',
    },
    'fix.enableAuth': { en: 'Turn authentication on', ja: '認証を有効にする' },
  },
  formats: ['yaml'],
  files: /(^|[-_.])values([-_.][\w.-]*)?\.ya?ml$/,
  check(doc) {
    const fileChart = DB_CHART.exec(doc.path.replace(/\\/g, '/'))?.[2] ?? shapeChart(doc);
    const auth: Hit[] = [];
    const exposure: Hit[] = [];
    for (const tree of yamlTrees(doc)) {
      visit(tree, (node, path) => {
        const keys = path.filter((p): p is string => typeof p === 'string');
        // The chart is the nearest database-named key above, else the file's chart.
        const chartKey = [...keys].reverse().find((k) => DB_CHART.test(k));
        const scope = chartKey ?? fileChart;
        if (!scope || node.kind !== 'scalar') return;
        const dotted = keys.join('.').toLowerCase();
        const on = flag(node);
        if ((/(^|\.)auth\.enabled$/.test(dotted) || /(^|\.)usepassword$/.test(dotted) || /(^|\.)xpack\.security\.enabled$/.test(dotted)) && on === false) {
          auth.push({ scope, range: node.range, node, path: keys.slice(-2).join('.') });
        } else if (/(^|\.)service\.type$/.test(dotted) && /^(LoadBalancer|NodePort)$/.test(str(node) ?? '')) {
          exposure.push({ scope, range: node.range, node, path: `${keys.slice(-2).join('.')}: ${str(node)}` });
        } else if (/(^|\.)externalaccess\.enabled$/.test(dotted) && on === true) {
          exposure.push({ scope, range: node.range, node, path: 'externalAccess.enabled: true' });
        }
      });
    }
    const out: RawFinding[] = [];
    for (const a of auth) {
      const exposed = exposure.some((e) => e.scope === a.scope);
      const to = flipped(doc.text.slice(a.range[0], a.range[1]), true);
      out.push({
        range: a.range,
        messageId: exposed ? 'authOffExposed' : 'authOff',
        data: { chart: a.scope, setting: `${a.path}: false` },
        severity: exposed ? 'error' : 'warning',
        excerpt: excerpt(doc, a.range),
        ...(to ? { fixes: [replaceFix('fix.enableAuth', a.range, to, false)] } : {}),
      });
    }
    for (const e of exposure) {
      // With authentication off too, the Service line is the other half of the error.
      const open = auth.find((a) => a.scope === e.scope);
      out.push({
        range: e.range,
        messageId: open ? 'exposedNoAuth' : 'exposed',
        data: { chart: e.scope, setting: e.path, auth: open ? `${open.path}: false` : '' },
        ...(open ? { severity: 'error' as const } : {}),
        excerpt: excerpt(doc, e.range),
      });
    }
    return out;
  },
};
