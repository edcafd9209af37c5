import { CWE, risk } from '../risk';
import type { Rule } from '../rule';
import { describe, NETWORK_GUIDELINES } from './analysis/common';
import { DB_FIREWALL_LITERALS, dbFirewallHits, PUBLIC_DB_LITERALS, PUBLIC_DB_REQUIRES, publicDbHits } from './analysis/iac-db';
import { OPEN_PORT_LITERALS, openPortHits } from './analysis/iac-network';
import { IAC_FORMATS } from './analysis/formats';
import { PROGRAM_FORMATS, programPublicDbHits } from './analysis/iac-programs';

/**
 * A managed database, cache or warehouse with an internet-facing endpoint: `publicly_accessible`
 * (RDS, Aurora, Redshift, Neptune, DMS, Nifcloud), Azure public network access (explicit, or by
 * default on Cosmos DB and Azure Cache for Redis), Tencent `internet_service`, or a snapshot
 * shared with every AWS account; also in programs (Pulumi, the AWS CDK) that construct a
 * database with its public flag set. A warning alone (the endpoint still asks for credentials); an
 * error when the same file also opens the database's network to the whole internet.
 */
export const dbPublicAccess: Rule = {
  id: 'exposure/db-public-access',
  risk: risk(8.2, 'high', CWE.OPEN_PORT),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NETWORK_GUIDELINES,
  title: { en: 'Database reachable from the internet', ja: 'インターネットから到達可能なデータベース' },
  description: describe(
    'A database with a public endpoint can be reached by anyone on the internet who finds it; only its password stands between them and the personal data inside. The PPC Q&A (10-18) asks for systems holding personal data to be protected from unauthorised access through firewall and router settings. Keep databases in private subnets or behind private endpoints and connect through a bastion, VPN or private link. A snapshot shared with all accounts is worse: anyone can restore a full copy.',
    'パブリックエンドポイントを持つデータベースには、見つけた誰もがインターネットから接続を試みることができ、中の個人データを守るのはパスワードだけになります。個人情報保護委員会のQ&A（10-18）は、個人データを取り扱う情報システムをファイアウォールやルータ等の設定で無権限アクセスから保護することを求めています。データベースはプライベートサブネットやプライベートエンドポイントの内側に置き、踏み台・VPN・プライベートリンク経由で接続してください。全アカウントに共有されたスナップショットはさらに危険で、誰でも完全な複製を復元できます。',
  ),
  messages: {
    public: {
      en: '{resource} is publicly accessible ({key}): the database gets an endpoint reachable from the internet.',
      ja: '{resource} が公開アクセス可能（{key}）です。データベースにインターネットから到達できるエンドポイントが付与されます。',
    },
    publicNetwork: {
      en: '{resource} allows public network access ({key}).',
      ja: '{resource} がパブリックネットワークアクセスを許可しています（{key}）。',
    },
    publicNetworkDefault: {
      en: '{resource} does not disable public network access and sets no IP or network rules, so it accepts connections from any network by default.',
      ja: '{resource} はパブリックネットワークアクセスを無効化しておらず、IP・ネットワーク制限もないため、既定であらゆるネットワークからの接続を受け付けます。',
    },
    internetService: {
      en: '{resource} enables internet access to the database ({key}).',
      ja: '{resource} がデータベースへのインターネットアクセスを有効にしています（{key}）。',
    },
    snapshotPublic: {
      en: '{resource} shares the snapshot with all AWS accounts: anyone can restore a full copy of the data.',
      ja: '{resource} がスナップショットを全 AWS アカウントに共有しています。誰でもデータの完全な複製を復元できます。',
    },
    'fix.private': { en: 'Turn off public access', ja: '公開アクセスを無効にする' },
  },
  formats: [...IAC_FORMATS, ...PROGRAM_FORMATS],
  literals: [...PUBLIC_DB_LITERALS, ...OPEN_PORT_LITERALS, ...DB_FIREWALL_LITERALS],
  requires: PUBLIC_DB_REQUIRES,
  check(doc) {
    if (PROGRAM_FORMATS.has(doc.format)) return programPublicDbHits(doc);
    const hits = publicDbHits(doc);
    if (hits.length === 0) return [];
    // Public endpoint and an open firewall together leave only the password.
    const open = openPortHits(doc).length > 0 || dbFirewallHits(doc).length > 0;
    return hits.map((h) => (open && h.severity === undefined ? { ...h, severity: 'error' } : h));
  },
};
