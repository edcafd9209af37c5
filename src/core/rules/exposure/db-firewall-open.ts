import { CWE, risk } from '../risk';
import type { Rule } from '../rule';
import { describe, NETWORK_GUIDELINES } from './analysis/common';
import { DB_FIREWALL_LITERALS, DB_FIREWALL_REQUIRES, dbFirewallHits, PUBLIC_DB_LITERALS, publicDbHits } from './analysis/iac-db';
import { IAC_FORMATS } from './analysis/formats';

/**
 * A database's own firewall or allow-list admitting every address: Azure SQL / PostgreSQL /
 * MySQL / Redis firewall rules from 0.0.0.0 to 255.255.255.255, Cloud SQL authorized networks
 * of 0.0.0.0/0, RDS and Nifcloud DB security groups and Alibaba Cloud `security_ips` open to
 * the world, and Ansible postgresql_pg_hba entries from the whole internet. (0.0.0.0–0.0.0.0,
 * Azure's "allow Azure services", is not reported.)
 */
export const dbFirewallOpen: Rule = {
  id: 'exposure/db-firewall-open',
  risk: risk(8.2, 'high', CWE.OPEN_PORT),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NETWORK_GUIDELINES,
  title: { en: 'Database firewall open to the whole internet', ja: 'インターネット全体に開放されたデータベースのファイアウォール' },
  description: describe(
    'A database firewall rule or allow-list that admits every IPv4 address removes the network barrier the PPC Q&A (10-18) names as the way to protect systems holding personal data. Allow only the addresses of your application servers, VPN or office, or use private endpoints.',
    '全IPv4アドレスを許可するデータベースのファイアウォールルールや許可リストは、個人情報保護委員会のQ&A（10-18）が個人データを取り扱うシステムの保護手段として挙げるネットワーク上の防御をなくします。アプリケーションサーバー・VPN・社内のアドレスだけを許可するか、プライベートエンドポイントを使ってください。',
  ),
  messages: {
    firewallAll: {
      en: '{resource} allows connections from every address (0.0.0.0 – 255.255.255.255).',
      ja: '{resource} がすべてのアドレス（0.0.0.0～255.255.255.255）からの接続を許可しています。',
    },
    authorizedNetwork: {
      en: '{resource} lists {cidr} as an authorized network: the whole internet may connect.',
      ja: '{resource} の承認済みネットワークに {cidr} が含まれ、インターネット全体から接続できます。',
    },
    dbSecurityGroup: {
      en: '{resource} admits {cidr} (the whole internet) to the database.',
      ja: '{resource} がデータベースへの {cidr}（インターネット全体）からの接続を許可しています。',
    },
    allowList: {
      en: '{resource} has {cidr} in its IP allow-list: every address may connect.',
      ja: '{resource} の IP 許可リストに {cidr} が含まれ、すべてのアドレスから接続できます。',
    },
  },
  formats: [...IAC_FORMATS],
  literals: [...DB_FIREWALL_LITERALS, ...PUBLIC_DB_LITERALS],
  requires: DB_FIREWALL_REQUIRES,
  check(doc) {
    const hits = dbFirewallHits(doc);
    if (hits.length === 0) return [];
    const publicDb = publicDbHits(doc).some((h) => h.messageId !== 'publicNetworkDefault');
    return hits.map((h) => (publicDb ? { ...h, severity: 'error' } : h));
  },
};
