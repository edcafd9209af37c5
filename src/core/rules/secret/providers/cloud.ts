import { CWE, risk } from '../../risk';
import { KEY_GUIDELINES } from '../common';
import { FIREBASE_WEB_CONFIG } from '../analysis/value';
import { KIND, tok, type SecretSpec } from '../spec';

/** Cloud platforms: AWS, Google Cloud, Azure, Alibaba, Tencent, Yandex, DigitalOcean, Heroku, Cloudflare … */
export const cloudProviders: SecretSpec[] = [
  {
    id: 'secret/aws-access-key-id',
    risk: risk(5.0, 'very-high', CWE.SECRET),
    provider: { en: 'AWS', ja: 'AWS' },
    kind: KIND.accessKeyId,
    env: 'AWS_ACCESS_KEY_ID',
    guidelines: KEY_GUIDELINES,
    tokens: [
      // Long-term (AKIA), temporary (ASIA) and other key-id prefixes, 16 base-32 characters.
      { re: tok('(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}'), hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'], minEntropy: 2.5 },
    ],
  },
  {
    id: 'secret/aws-bedrock-api-key',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    provider: { en: 'Amazon Bedrock', ja: 'Amazon Bedrock' },
    kind: KIND.apiKey,
    env: 'AWS_BEARER_TOKEN_BEDROCK',
    tokens: [
      { re: tok('ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{60,200}={0,2}'), hints: ['ABSKQmVkcm9ja0FQSUtleS'], prefix: 'ABSKQmVkcm9ja0FQSUtleS' },
      // Short-term keys are a presigned URL wrapped in base64, always starting with the service host.
      { re: tok('bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&_-]{0,2000}'), hints: ['bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'] },
    ],
  },
  {
    id: 'secret/amazon-mws-token',
    risk: risk(8.8, 'very-high', CWE.SECRET),
    provider: { en: 'Amazon MWS', ja: 'Amazon MWS' },
    kind: KIND.token,
    env: 'MWS_AUTH_TOKEN',
    tokens: [{ re: tok('amzn\\.mws\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'), hints: ['amzn.mws.'] }],
  },
  {
    id: 'secret/gcp-api-key',
    risk: risk(7.5, 'very-high', CWE.SECRET),
    provider: { en: 'Google Cloud', ja: 'Google Cloud' },
    kind: KIND.apiKey,
    env: 'GOOGLE_API_KEY',
    // A Firebase web config (`authDomain`, `messagingSenderId`) ships its `apiKey` to every browser: public by design.
    tokens: [{ re: tok('AIza[\\w-]{35}'), hints: ['AIza'], prefix: 'AIza', minEntropy: 3, unless: FIREBASE_WEB_CONFIG }],
  },
  {
    id: 'secret/google-oauth-credential',
    risk: risk(8.0, 'high', CWE.SECRET),
    provider: { en: 'Google OAuth', ja: 'Google OAuth' },
    kind: KIND.clientSecret,
    env: 'GOOGLE_CLIENT_SECRET',
    tokens: [
      { re: tok('GOCSPX-[\\w-]{28}'), hints: ['GOCSPX-'], prefix: 'GOCSPX-', minEntropy: 3 },
      // Access tokens (ya29.) are short-lived but still grant access while valid.
      { re: tok('ya29\\.[\\w-]{30,2000}'), hints: ['ya29.'], prefix: 'ya29.', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/azure-ad-client-secret',
    risk: risk(9.6, 'high', CWE.SECRET),
    provider: { en: 'Microsoft Entra ID (Azure AD)', ja: 'Microsoft Entra ID（Azure AD）' },
    kind: KIND.clientSecret,
    env: 'AZURE_CLIENT_SECRET',
    tokens: [{ re: tok('[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}', '', String.raw`(?<![A-Za-z0-9_~.-])`), hints: ['Q~'], minEntropy: 3 }],
  },
  {
    id: 'secret/alibaba-access-key-id',
    risk: risk(9.5, 'high', CWE.SECRET),
    provider: { en: 'Alibaba Cloud', ja: 'Alibaba Cloud' },
    kind: KIND.accessKeyId,
    env: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    guidelines: KEY_GUIDELINES,
    tokens: [{ re: tok('LTAI[A-Za-z0-9]{20}'), hints: ['LTAI'], prefix: 'LTAI', minEntropy: 3 }],
  },
  {
    id: 'secret/tencent-cloud-secret-id',
    risk: risk(9.5, 'high', CWE.SECRET),
    provider: { en: 'Tencent Cloud', ja: 'Tencent Cloud' },
    kind: { en: 'SecretId', ja: 'SecretId' },
    env: 'TENCENTCLOUD_SECRET_ID',
    guidelines: KEY_GUIDELINES,
    tokens: [{ re: tok('AKID[A-Za-z0-9]{32}'), hints: ['AKID'], prefix: 'AKID', minEntropy: 3 }],
  },
  {
    id: 'secret/yandex-cloud-credential',
    risk: risk(9.5, 'very-high', CWE.SECRET),
    provider: { en: 'Yandex Cloud', ja: 'Yandex Cloud' },
    kind: KIND.apiKey,
    env: 'YC_TOKEN',
    tokens: [
      { re: tok('AQVN[A-Za-z0-9_-]{35,38}'), hints: ['AQVN'], anchors: ['AQVN'], prefix: 'AQVN', minEntropy: 3 },
      { re: tok('t1\\.[A-Za-z0-9_-]{1,200}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}'), hints: ['t1.'], anchors: ['t1.'], prefix: 't1.', minEntropy: 3 },
      { re: tok('YC[A-Za-z0-9_-]{38}'), hints: ['yc'], anchors: ['YC'], prefix: 'YC', context: /yandex|\byc_|ycloud/i, minEntropy: 3 },
    ],
  },
  {
    id: 'secret/digitalocean-token',
    risk: risk(9.5, 'very-high', CWE.SECRET),
    provider: { en: 'DigitalOcean', ja: 'DigitalOcean' },
    kind: KIND.accessToken,
    env: 'DIGITALOCEAN_TOKEN',
    tokens: [{ re: tok('do[opr]_v1_[a-f0-9]{64}'), hints: ['doo_v1_', 'dop_v1_', 'dor_v1_'], anchors: ['doo_v1_', 'dop_v1_', 'dor_v1_'], minEntropy: 3 }],
  },
  {
    id: 'secret/heroku-api-key',
    risk: risk(9.3, 'high', CWE.SECRET),
    provider: { en: 'Heroku', ja: 'Heroku' },
    kind: KIND.apiKey,
    env: 'HEROKU_API_KEY',
    tokens: [{ re: tok('HRKU-AA[0-9A-Za-z_-]{58}'), hints: ['HRKU-'], prefix: 'HRKU-AA', minEntropy: 3 }],
  },
  {
    id: 'secret/cloudflare-api-token',
    risk: risk(9.1, 'high', CWE.SECRET),
    provider: { en: 'Cloudflare', ja: 'Cloudflare' },
    kind: KIND.apiKey,
    env: 'CLOUDFLARE_API_TOKEN',
    tokens: [
      // Account, user and global keys: 40 characters and an 8-hex checksum.
      { re: tok('cf(?:at|ut|k)_[A-Za-z0-9]{40}[a-f0-9]{8}'), hints: ['cfat_', 'cfut_', 'cfk_'], minEntropy: 3 },
      // Origin CA keys.
      { re: tok('v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'), hints: ['v1.0-'], prefix: 'v1.0-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/cisco-meraki-api-key',
    risk: risk(9.1, 'medium', CWE.SECRET),
    provider: { en: 'Cisco Meraki', ja: 'Cisco Meraki' },
    kind: KIND.apiKey,
    env: 'MERAKI_DASHBOARD_API_KEY',
    keyHint: /meraki/i,
    keyShape: /^[0-9a-f]{40}$/,
    tokens: [{ re: tok('[0-9a-f]{40}'), hints: ['meraki'], context: /meraki/i, minEntropy: 3.3 }],
  },
  {
    id: 'secret/fly-io-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'Fly.io', ja: 'Fly.io' },
    kind: KIND.accessToken,
    env: 'FLY_API_TOKEN',
    tokens: [
      { re: tok('fo1_[\\w-]{43}'), hints: ['fo1_'], prefix: 'fo1_', minEntropy: 3 },
      { re: tok('fm[12][ar]?_[A-Za-z0-9+/]{100,2000}={0,3}'), hints: ['fm1', 'fm2'], minEntropy: 3 },
    ],
  },
  {
    id: 'secret/vercel-token',
    risk: risk(9.1, 'very-high', CWE.SECRET),
    provider: { en: 'Vercel', ja: 'Vercel' },
    kind: KIND.accessToken,
    env: 'VERCEL_TOKEN',
    tokens: [{ re: tok('vc[pikar]_[A-Za-z0-9]{24,80}'), hints: ['vcp_', 'vci_', 'vck_', 'vca_', 'vcr_'], minEntropy: 3 }],
  },
  {
    id: 'secret/tailscale-key',
    risk: risk(9.1, 'very-high', CWE.SECRET),
    provider: { en: 'Tailscale', ja: 'Tailscale' },
    kind: KIND.apiKey,
    env: 'TS_AUTHKEY',
    tokens: [{ re: tok('tskey-[a-z]{2,20}-[A-Za-z0-9]{6,40}-[A-Za-z0-9]{16,80}', '', '(?<![A-Za-z])'), hints: ['tskey-'] }],
  },
  {
    id: 'secret/hashicorp-vault-token',
    risk: risk(9.8, 'very-high', CWE.SECRET),
    provider: { en: 'HashiCorp Vault', ja: 'HashiCorp Vault' },
    kind: KIND.token,
    env: 'VAULT_TOKEN',
    tokens: [
      { re: tok('hv[sbr]\\.[\\w-]{90,400}'), hints: ['hvs.', 'hvb.', 'hvr.'], minEntropy: 3 },
      // Legacy service tokens (s.…) only where the line talks about Vault.
      { re: tok('s\\.[A-Za-z0-9]{24}'), hints: ['s.'], fileHints: ['vault'], context: /vault/i, minEntropy: 3 },
    ],
  },
  {
    id: 'secret/terraform-cloud-token',
    risk: risk(9.5, 'very-high', CWE.SECRET),
    provider: { en: 'HCP Terraform', ja: 'HCP Terraform' },
    kind: KIND.apiKey,
    env: 'TF_TOKEN_app_terraform_io',
    tokens: [{ re: tok('[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}'), hints: ['.atlasv1.'], minEntropy: 3 }],
  },
  {
    id: 'secret/pulumi-token',
    risk: risk(9.5, 'very-high', CWE.SECRET),
    provider: { en: 'Pulumi', ja: 'Pulumi' },
    kind: KIND.accessToken,
    env: 'PULUMI_ACCESS_TOKEN',
    tokens: [{ re: tok('pul-[a-f0-9]{40}'), hints: ['pul-'], prefix: 'pul-', minEntropy: 3 }],
  },
  {
    id: 'secret/doppler-token',
    risk: risk(9.6, 'very-high', CWE.SECRET),
    provider: { en: 'Doppler', ja: 'Doppler' },
    kind: KIND.token,
    env: 'DOPPLER_TOKEN',
    tokens: [{ re: tok('dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44}'), hints: ['dp.'], minEntropy: 3 }],
  },
  {
    id: 'secret/databricks-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'Databricks', ja: 'Databricks' },
    kind: KIND.pat,
    env: 'DATABRICKS_TOKEN',
    tokens: [{ re: tok('dapi[a-fA-F0-9]{32}(?:-\\d)?'), hints: ['dapi'], prefix: 'dapi', minEntropy: 2.5 }],
  },
  {
    id: 'secret/clickhouse-cloud-key',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'ClickHouse Cloud', ja: 'ClickHouse Cloud' },
    kind: KIND.secretKey,
    env: 'CLICKHOUSE_SECRET_KEY',
    tokens: [{ re: tok('4b1d[A-Za-z0-9]{38}'), hints: ['4b1d'], prefix: '4b1d', minEntropy: 3 }],
  },
  {
    id: 'secret/planetscale-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'PlanetScale', ja: 'PlanetScale' },
    kind: KIND.token,
    env: 'PLANETSCALE_SERVICE_TOKEN',
    tokens: [{ re: tok('pscale_(?:tkn|oauth|pw)_[\\w=.-]{32,64}'), hints: ['pscale_'], minEntropy: 3 }],
  },
  {
    id: 'secret/scalingo-token',
    risk: risk(9.1, 'very-high', CWE.SECRET),
    provider: { en: 'Scalingo', ja: 'Scalingo' },
    kind: KIND.apiKey,
    env: 'SCALINGO_API_TOKEN',
    tokens: [{ re: tok('tk-us-[\\w-]{48}'), hints: ['tk-us-'], prefix: 'tk-us-', minEntropy: 3 }],
  },
  {
    id: 'secret/openshift-token',
    risk: risk(9.5, 'very-high', CWE.SECRET),
    provider: { en: 'OpenShift', ja: 'OpenShift' },
    kind: KIND.accessToken,
    env: 'OPENSHIFT_TOKEN',
    tokens: [{ re: tok('sha256~[\\w-]{43}'), hints: ['sha256~'], prefix: 'sha256~', minEntropy: 3 }],
  },
  {
    id: 'secret/secp256k1-private-key',
    risk: risk(9.8, 'medium', CWE.KEY),
    provider: { en: 'secp256k1 (Ethereum, Bitcoin)', ja: 'secp256k1（Ethereum・Bitcoin）' },
    kind: KIND.privateKey,
    env: 'WALLET_PRIVATE_KEY',
    guidelines: KEY_GUIDELINES,
    // Hashes share this shape: only where the text around speaks of a private key or a wallet.
    tokens: [
      {
        re: tok('0x[0-9a-fA-F]{64}', '', '(?<![A-Za-z0-9_])'),
        hints: ['0x'],
        prefix: '0x',
        context: /priv|secret|wallet|mnemonic|seed|signer|money/i,
        minEntropy: 3,
      },
    ],
  },
];
