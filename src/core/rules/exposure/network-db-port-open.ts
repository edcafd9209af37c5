import { CWE, risk } from '../risk';
import type { Rule } from '../rule';
import { describe, NETWORK_GUIDELINES } from './analysis/common';
import { PUBLIC_DB_LITERALS, publicDbHits } from './analysis/iac-db';
import { OPEN_PORT_LITERALS, OPEN_PORT_REQUIRES, openPortHits } from './analysis/iac-network';
import { IAC_FORMATS } from './analysis/formats';

/**
 * Security groups, network ACLs, VPC firewalls and NSGs that admit 0.0.0.0/0 (or ::/0, `*`,
 * `Internet`) on a database port or on every port. A warning alone; an error when the same file
 * also gives a database a public endpoint.
 */
export const networkDbPortOpen: Rule = {
  id: 'exposure/network-db-port-open',
  risk: risk(7.5, 'high', CWE.OPEN_PORT),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NETWORK_GUIDELINES,
  title: { en: 'Database port open to the internet', ja: 'インターネットに開放されたデータベースポート' },
  description: describe(
    'An ingress rule from 0.0.0.0/0 on a database port (3306, 5432, 1433, 1521, 27017, 6379, 9200 …) or on every port lets anyone on the internet reach the database service; scanners find such ports within hours. The PPC Q&A (10-18) names firewall and router settings as the way to protect systems holding personal data, and 10-20 asks for protection from outside attacks. Allow only the application tier, a VPN or a bastion, by security group or private CIDR.',
    'データベースのポート（3306、5432、1433、1521、27017、6379、9200 等）や全ポートを 0.0.0.0/0 に開放する受信ルールは、インターネット上の誰もがデータベースに到達できる状態にします。このようなポートはスキャンにより数時間で発見されます。個人情報保護委員会のQ&A（10-18）はファイアウォールやルータ等の設定による保護を、10-20 は外部からの不正アクセスの防止を求めています。アプリケーション層・VPN・踏み台のみをセキュリティグループやプライベート CIDR で許可してください。',
  ),
  messages: {
    dbPorts: {
      en: '{resource} admits {cidr} (the whole internet) on database port {ports}.',
      ja: '{resource} がデータベースのポート {portsJa} への {cidr}（インターネット全体）からの接続を許可しています。',
    },
    allPorts: {
      en: '{resource} admits {cidr} (the whole internet) on every port, database ports included.',
      ja: '{resource} が {cidr}（インターネット全体）からの全ポートへの接続を許可しており、データベースのポートも含まれます。',
    },
    parameterDefault: {
      en: 'Parameter {parameter} defaults to {cidr}, and {resource} admits it on database port {ports}: a stack created with the defaults is open to the whole internet.',
      ja: 'パラメータ {parameter} の既定値が {cidr} で、{resource} がデータベースのポート {portsJa} にそれを許可しています。既定値のまま作成したスタックはインターネット全体に開放されます。',
    },
  },
  formats: [...IAC_FORMATS],
  literals: [...OPEN_PORT_LITERALS, ...PUBLIC_DB_LITERALS],
  requires: OPEN_PORT_REQUIRES,
  check(doc) {
    const hits = openPortHits(doc);
    if (hits.length === 0) return [];
    const publicDb = publicDbHits(doc).some((h) => h.messageId !== 'publicNetworkDefault');
    return hits.map((h) => (publicDb ? { ...h, severity: 'error' } : h));
  },
};
