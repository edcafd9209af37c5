import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, NOAUTH_GUIDELINES } from './analysis/common';
import { COMPOSE_LITERALS, COMPOSE_REQUIRES, composeServices, mayPublish } from './analysis/containers';
import { AUTH_MESSAGES } from './analysis/auth-messages';

/**
 * A docker-compose data store without authentication: `POSTGRES_HOST_AUTH_METHOD=trust`,
 * `MYSQL_ALLOW_EMPTY_PASSWORD`, Bitnami `ALLOW_EMPTY_PASSWORD=yes`, Elasticsearch / OpenSearch
 * security switched off, `NEO4J_AUTH=none`; and, when its port is published, images whose
 * default is no authentication (Mongo without a root user, Redis without `requirepass`,
 * Memcached). Reported only when the port is published on a non-loopback interface (or the
 * service uses the host network), as an error: otherwise only the compose network reaches it.
 */
export const composeDbNoAuth: Rule = {
  id: 'exposure/compose-db-no-auth',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'Compose database without authentication', ja: '認証なしの Compose のデータベース' },
  description: describe(
    'A database that accepts connections without a password hands its data to whoever reaches the port; the National Police Agency has warned repeatedly about MongoDB, Elasticsearch and Redis instances found this way, and the PPC Q&A (10-19) asks for identification and authentication of whoever accesses personal data. Set a password through a secret (POSTGRES_PASSWORD_FILE, MONGO_INITDB_ROOT_PASSWORD_FILE, redis --requirepass) and keep security features on, even in development: compose files are copied to servers.',
    'パスワードなしで接続を受け付けるデータベースは、ポートに到達した誰にでもデータを渡してしまいます。警察庁はこのように発見された MongoDB・Elasticsearch・Redis について繰り返し注意喚起しており、個人情報保護委員会のQ&A（10-19）は個人データにアクセスする者の識別と認証を求めています。シークレット経由でパスワードを設定し（POSTGRES_PASSWORD_FILE、MONGO_INITDB_ROOT_PASSWORD_FILE、redis の --requirepass 等）、開発環境でもセキュリティ機能を有効にしてください。Compose ファイルはそのままサーバーに持ち込まれます。',
  ),
  messages: {
    ...AUTH_MESSAGES,
    'fix.scram': { en: 'Use scram-sha-256 (set POSTGRES_PASSWORD)', ja: 'scram-sha-256 にする（POSTGRES_PASSWORD を設定）' },
    'fix.enableSecurity': { en: 'Turn security on (set credentials)', ja: 'セキュリティを有効にする（認証情報を設定）' },
  },
  formats: ['yaml'],
  literals: COMPOSE_LITERALS,
  requires: COMPOSE_REQUIRES,
  check(doc) {
    // Every finding is about a service that publishes a port or uses the host network.
    if (!mayPublish(doc)) return [];
    const out: RawFinding[] = [];
    for (const s of composeServices(doc)) {
      const published = s.published.length > 0 || s.hostNetwork !== undefined;
      for (const g of s.gaps) {
        // Without a published port (or the host network) only the compose network reaches the
        // store; a port bound to 127.0.0.1 is not published here either.
        if (!published) continue;
        out.push({
          range: g.range,
          messageId: g.kind,
          data: { service: s.name, image: s.image, setting: g.setting },
          severity: published ? 'error' : 'warning',
          excerpt: excerpt(doc, g.range),
          ...(g.fix ? { fixes: [g.fix] } : {}),
        });
      }
    }
    return out;
  },
};
