import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, NETWORK_GUIDELINES } from './analysis/common';
import { COMPOSE_LITERALS, COMPOSE_REQUIRES, composeServices, mayPublish } from './analysis/containers';

/**
 * A docker-compose database, cache or search service that publishes its port on every host
 * interface (`"5432:5432"`, `- 6379:6379`, a bare `"27017"`, long syntax without `host_ip`) or
 * runs with `network_mode: host`. Docker also bypasses host firewalls such as ufw when it
 * publishes ports. A warning alone; an error when the service also runs without authentication.
 */
export const composeDbPortPublic: Rule = {
  id: 'exposure/compose-db-port-public',
  risk: risk(7.0, 'high', CWE.OPEN_PORT),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NETWORK_GUIDELINES,
  title: { en: 'Compose database published on all interfaces', ja: '全インターフェースに公開された Compose のデータベース' },
  description: describe(
    'Publishing a database container\'s port as "5432:5432" binds it to 0.0.0.0 on the host, and Docker writes its own iptables rules, so the port is reachable from any network the host is on even when a host firewall such as ufw says otherwise. Other services in the same compose file reach the database by service name without any published port; to reach it from the host, bind to loopback ("127.0.0.1:5432:5432").',
    'データベースのコンテナのポートを「5432:5432」のように公開すると、ホストの 0.0.0.0 にバインドされます。Docker は独自に iptables ルールを書き込むため、ufw などのホストのファイアウォールの設定にかかわらず、ホストが接続しているあらゆるネットワークから到達できます。同じ Compose ファイル内の他のサービスはポートを公開しなくてもサービス名で接続できます。ホストから接続する場合はループバックにバインドしてください（「127.0.0.1:5432:5432」）。',
  ),
  messages: {
    published: {
      en: 'Service "{service}" ({image}) publishes port {port} on all interfaces.',
      ja: 'サービス「{service}」（{image}）がポート {port} を全インターフェースに公開しています。',
    },
    publishedNoAuth: {
      en: 'Service "{service}" ({image}) publishes port {port} on all interfaces and runs without authentication: anyone who can reach the host can read the data.',
      ja: 'サービス「{service}」（{image}）がポート {port} を全インターフェースに公開し、認証なしで動作しています。ホストに到達できる誰もがデータを読み取れます。',
    },
    hostNetwork: {
      en: 'Service "{service}" ({image}) uses the host network: the database listens on every host interface.',
      ja: 'サービス「{service}」（{image}）がホストネットワークを使用しており、データベースがホストの全インターフェースで待ち受けます。',
    },
    'fix.loopback': { en: 'Bind the port to 127.0.0.1', ja: 'ポートを 127.0.0.1 にバインドする' },
  },
  formats: ['yaml'],
  literals: COMPOSE_LITERALS,
  requires: COMPOSE_REQUIRES,
  check(doc) {
    // Every finding is about a service that publishes a port or uses the host network.
    if (!mayPublish(doc)) return [];
    const out: RawFinding[] = [];
    for (const s of composeServices(doc)) {
      const noAuth = s.gaps.length > 0;
      for (const p of s.published) {
        out.push({
          range: p.node.range,
          messageId: noAuth ? 'publishedNoAuth' : 'published',
          data: { service: s.name, image: s.image, port: p.text },
          severity: noAuth ? 'error' : 'warning',
          excerpt: excerpt(doc, p.node.range),
          ...(p.fix ? { fixes: [p.fix] } : {}),
        });
      }
      if (s.hostNetwork) {
        out.push({
          range: s.hostNetwork,
          messageId: 'hostNetwork',
          data: { service: s.name, image: s.image },
          severity: noAuth ? 'error' : 'warning',
          excerpt: excerpt(doc, s.hostNetwork),
        });
      }
    }
    return out;
  },
};
