import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';
import { isPublicJwt } from '../analysis/value';

/** Productivity and developer SaaS, password managers and encryption tools. */
export const saasProviders: SecretSpec[] = [
  {
    id: 'secret/notion-token',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    provider: { en: 'Notion', ja: 'Notion' },
    kind: { en: 'integration token', ja: 'インテグレーショントークン' },
    env: 'NOTION_TOKEN',
    tokens: [{ re: tok('ntn_\\d{11}[A-Za-z0-9]{35}'), hints: ['ntn_'], prefix: 'ntn_', minEntropy: 3 }],
  },
  {
    id: 'secret/airtable-token',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    provider: { en: 'Airtable', ja: 'Airtable' },
    kind: KIND.pat,
    env: 'AIRTABLE_TOKEN',
    tokens: [{ re: tok('pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'), hints: ['pat'], anchors: ['pat'], minEntropy: 3 }],
  },
  {
    id: 'secret/design-tool-token',
    risk: risk(7.5, 'very-high', CWE.SECRET),
    provider: { en: 'Design and forms (Figma, Typeform, Frame.io, Adobe)', ja: 'デザイン・フォーム（Figma・Typeform・Frame.io・Adobe）' },
    kind: KIND.accessToken,
    env: 'DESIGN_API_TOKEN',
    tokens: [
      { re: tok('figd_[\\w-]{40,100}'), hints: ['figd_'], prefix: 'figd_', minEntropy: 3 },
      { re: tok('tfp_[\\w=.-]{59}'), hints: ['tfp_'], prefix: 'tfp_', minEntropy: 3 },
      { re: tok('fio-u-[\\w=-]{64}'), hints: ['fio-u-'], prefix: 'fio-u-', minEntropy: 3 },
      { re: tok('p8e-[a-z0-9]{32}', 'i'), hints: ['p8e-'], prefix: 'p8e-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/dev-platform-token',
    risk: risk(8.5, 'high', CWE.SECRET),
    provider: {
      en: 'Developer platform (Harness, SettleMint, Linear, LaunchDarkly, Intra 42)',
      ja: '開発プラットフォーム（Harness・SettleMint・Linear・LaunchDarkly・Intra 42）',
    },
    kind: KIND.apiKey,
    env: 'PLATFORM_API_KEY',
    tokens: [
      { re: tok('(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}'), hints: ['pat.', 'sat.'], anchors: ['pat.', 'sat.'], minEntropy: 3 },
      { re: tok('sm_(?:pat|aat|sat)_[a-z0-9]{16}'), hints: ['sm_pat_', 'sm_aat_', 'sm_sat_'], anchors: ['sm_'], minEntropy: 3 },
      {
        re: tok('(?:api|sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
        hints: ['api-', 'sdk-', 'mob-'],
        anchors: ['api-', 'sdk-', 'mob-'],
        context: /launchdarkly|\bld_|LD_/i,
        minEntropy: 3,
      },
      { re: tok('s-s4t2(?:ud|af)-[a-f0-9]{64}'), hints: ['s-s4t2'], anchors: ['s-s4t2'], minEntropy: 3 },
    ],
  },
  {
    id: 'secret/1password-secret-key',
    risk: risk(9.8, 'very-high', CWE.SECRET),
    provider: { en: '1Password', ja: '1Password' },
    kind: { en: 'Secret Key', ja: 'Secret Key' },
    env: 'OP_SECRET_KEY',
    tokens: [
      { re: tok('A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}'), hints: ['A3-'], prefix: 'A3-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/age-secret-key',
    risk: risk(9.5, 'very-high', CWE.KEY),
    provider: { en: 'age encryption', ja: 'age 暗号化' },
    kind: KIND.privateKey,
    env: 'SOPS_AGE_KEY',
    tokens: [{ re: tok('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'), hints: ['AGE-SECRET-KEY-1'] }],
  },
  {
    id: 'secret/twitter-bearer-token',
    risk: risk(7.5, 'high', CWE.SECRET),
    provider: { en: 'X (Twitter)', ja: 'X（Twitter）' },
    kind: { en: 'bearer token', ja: 'Bearer トークン' },
    env: 'TWITTER_BEARER_TOKEN',
    tokens: [{ re: tok('A{22}[A-Za-z0-9%]{80,200}'), hints: ['AAAAAAAAAAAAAAAAAAAAAA'], prefix: 'AAAAAAAAAAAAAAAAAAAAAA', minEntropy: 3 }],
  },
  {
    id: 'secret/sidekiq-credential',
    risk: risk(7.0, 'high', CWE.PASSWORD),
    provider: { en: 'Sidekiq Pro/Enterprise', ja: 'Sidekiq Pro/Enterprise' },
    kind: KIND.password,
    env: 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM',
    tokens: [
      {
        re: /BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\b["']?[ \t]*[:=][ \t]*["']?(?<s>[a-f0-9]{8}:[a-f0-9]{8})(?![A-Za-z0-9])/g,
        hints: ['CONTRIBSYS__COM'],
      },
      { re: /https?:\/\/(?<s>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com/gi, hints: ['contribsys.com'] },
    ],
  },
  {
    id: 'secret/jwt',
    risk: risk(6.5, 'high', CWE.SECRET),
    provider: { en: 'JWT', ja: 'JWT' },
    kind: { en: 'bearer token', ja: '署名付きトークン' },
    env: 'JWT_TOKEN',
    // A signed token may be expired or a test fixture: a warning, not an error.
    // Supabase anon keys are JWTs meant for browsers (row-level security guards the data): public by design.
    tokens: [
      {
        re: tok('eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{10,2000}'),
        hints: ['eyJ'],
        severity: 'warning',
        minEntropy: 3,
        isPublic: isPublicJwt,
      },
    ],
  },
];
