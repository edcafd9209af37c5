import { ex, KIND, tok, type ProviderSpec } from '../provider-rule';
import { setExamples } from '../../rule';
import { isPublicJwt } from '../value';

/** Productivity and developer SaaS, password managers and encryption tools. */
export const saasProviders: ProviderSpec[] = [
  {
    id: 'secret/notion-token',
    provider: { en: 'Notion', ja: 'Notion' },
    kind: { en: 'integration token', ja: 'インテグレーショントークン' },
    env: 'NOTION_TOKEN',
    patterns: [{ re: tok('ntn_\\d{11}[A-Za-z0-9]{35}'), hints: ['ntn_'], prefix: 'ntn_', minEntropy: 3 }],
  },
  {
    id: 'secret/airtable-token',
    provider: { en: 'Airtable', ja: 'Airtable' },
    kind: KIND.pat,
    env: 'AIRTABLE_TOKEN',
    patterns: [{ re: tok('pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}'), hints: ['pat'], minEntropy: 3 }],
  },
  {
    id: 'secret/design-tool-token',
    provider: { en: 'Design and forms (Figma, Typeform, Frame.io, Adobe)', ja: 'デザイン・フォーム（Figma・Typeform・Frame.io・Adobe）' },
    kind: KIND.accessToken,
    env: 'DESIGN_API_TOKEN',
    patterns: [
      { re: tok('figd_[\\w-]{40,100}'), hints: ['figd_'], prefix: 'figd_', minEntropy: 3 },
      { re: tok('tfp_[\\w=.-]{59}'), hints: ['tfp_'], prefix: 'tfp_', minEntropy: 3 },
      { re: tok('fio-u-[\\w=-]{64}'), hints: ['fio-u-'], prefix: 'fio-u-', minEntropy: 3 },
      { re: tok('p8e-[a-z0-9]{32}', 'i'), hints: ['p8e-'], prefix: 'p8e-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/dev-platform-token',
    provider: {
      en: 'Developer platform (Harness, SettleMint, Linear, LaunchDarkly, Intra 42)',
      ja: '開発プラットフォーム（Harness・SettleMint・Linear・LaunchDarkly・Intra 42）',
    },
    kind: KIND.apiKey,
    env: 'PLATFORM_API_KEY',
    patterns: [
      { re: tok('(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}'), hints: ['pat.', 'sat.'], minEntropy: 3 },
      { re: tok('sm_(?:pat|aat|sat)_[a-z0-9]{16}'), hints: ['sm_pat_', 'sm_aat_', 'sm_sat_'], minEntropy: 3 },
      {
        re: tok('(?:api|sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
        hints: ['api-', 'sdk-', 'mob-'],
        context: /launchdarkly|\bld_|LD_/i,
        minEntropy: 3,
      },
      { re: tok('s-s4t2(?:ud|af)-[a-f0-9]{64}'), hints: ['s-s4t2'], minEntropy: 3 },
    ],
  },
  {
    id: 'secret/1password-secret-key',
    provider: { en: '1Password', ja: '1Password' },
    kind: { en: 'Secret Key', ja: 'Secret Key' },
    env: 'OP_SECRET_KEY',
    patterns: [
      { re: tok('A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}'), hints: ['A3-'], prefix: 'A3-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/age-secret-key',
    provider: { en: 'age encryption', ja: 'age 暗号化' },
    kind: KIND.privateKey,
    env: 'SOPS_AGE_KEY',
    patterns: [{ re: tok('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'), hints: ['AGE-SECRET-KEY-1'] }],
  },
  {
    id: 'secret/twitter-bearer-token',
    provider: { en: 'X (Twitter)', ja: 'X（Twitter）' },
    kind: { en: 'bearer token', ja: 'Bearer トークン' },
    env: 'TWITTER_BEARER_TOKEN',
    patterns: [{ re: tok('A{22}[A-Za-z0-9%]{80,200}'), hints: ['AAAAAAAAAAAAAAAAAAAAAA'], prefix: 'AAAAAAAAAAAAAAAAAAAAAA', minEntropy: 3 }],
  },
  {
    id: 'secret/sidekiq-credential',
    provider: { en: 'Sidekiq Pro/Enterprise', ja: 'Sidekiq Pro/Enterprise' },
    kind: KIND.password,
    env: 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM',
    patterns: [
      {
        re: /BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\b["']?[ \t]*[:=][ \t]*["']?(?<s>[a-f0-9]{8}:[a-f0-9]{8})(?![A-Za-z0-9])/g,
        hints: ['CONTRIBSYS__COM'],
      },
      { re: /https?:\/\/(?<s>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com/gi, hints: ['contribsys.com'] },
    ],
  },
  {
    id: 'secret/jwt',
    provider: { en: 'JWT', ja: 'JWT' },
    kind: { en: 'bearer token', ja: '署名付きトークン' },
    env: 'JWT_TOKEN',
    // A signed token may be expired or a test fixture: a warning, not an error.
    // Supabase anon keys are JWTs meant for browsers (row-level security guards the data): public by design.
    patterns: [
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

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(saasProviders, {
  'secret/notion-token': {
    bad: [ex('.env', 'NOTION_TOKEN=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\n')],
    good: [ex('.env', 'NOTION_TOKEN=ntn_123456789012345678901234567890123456789012345678901234567890\n')],
  },
  'secret/airtable-token': {
    bad: [ex('src/Airtable.java', 'String airtableToken = "patsPsGbC4Rzqi0o2.d7d17dcb613dce6cd75829203ec5fe29165f669419dd3ed3e4b562fe4d847b72";\n')],
    good: [ex('src/Airtable.java', 'String airtableToken = System.getenv("AIRTABLE_TOKEN");\n')],
  },
  'secret/design-tool-token': {
    bad: [ex('.env', 'FIGMA_TOKEN=figd_3gjaTP2libtPKUfoloWPOcPDWG6KU93a_IQ6nxfT\n')],
    good: [ex('.env', 'FIGMA_TOKEN=figd_abc\n')],
  },
  'secret/dev-platform-token': {
    bad: [ex('harness.yml', 'harness_token: pat.EGb5ai0WBszTFTJdVLRqeQ.efmHwJqjdFNXbS0i9rGVH3cD.68flx0ygyzmcX11RO7Cz\n')],
    good: [ex('harness.yml', 'harness_token: ${HARNESS_TOKEN}\n')],
  },
  'secret/1password-secret-key': {
    bad: [ex('notes.txt', 'A3-38ATWB-SWJS4L4K7Q6-BO10C-5WZTI-3SP75\n')],
    good: [ex('notes.txt', 'A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX\n')],
  },
  'secret/age-secret-key': {
    bad: [ex('keys.txt', '# created: 2025-01-01\nAGE-SECRET-KEY-147NUR7ZCNDVGTJTX4524W70MRHDPJU4R6FNWYEX8CUWD4HRT77GYWLUF4A\n')],
    good: [ex('keys.txt', '# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n')],
  },
  'secret/twitter-bearer-token': {
    bad: [ex('.env', 'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAAIrE6EqMYCmgnptY62MtKmgP6Ju3pwG0me%FuLmNzktzjo01FjIAUKp3UTo2yNFuBcVLZqFCrTVE7gXr8\n')],
    good: [ex('.env', 'TWITTER_BEARER_TOKEN=\n')],
  },
  'secret/sidekiq-credential': {
    bad: [ex('.bundle/config', 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM: "4f2a9c1e:b7d3e8a0"\n')],
    good: [ex('.bundle/config', 'BUNDLE_ENTERPRISE__CONTRIBSYS__COM: "${SIDEKIQ_CREDENTIALS}"\n')],
  },
  'secret/jwt': {
    bad: [
      ex(
        'test/api.http',
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzAwMDAwMDAwfQ.Bp-rtyVLv6kwbKYM_ISSv1GT-czre_hCz4IpckWihrS\n',
      ),
      // The service_role key bypasses row-level security: a secret.
      ex(
        '.env',
        'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYW1vcmktZGVtbyIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTkwMDAwMDAwMH0.Zx4mQ9kL2vPw7RtN8yBc3HdJ6sFa1GeT0uVq5XoWi7D\n',
      ),
    ],
    good: [
      ex('docs/auth.md', 'Send `Authorization: Bearer <token>` with a JWT such as eyJ...\n'),
      // A Supabase anon key (payload role `anon`) ships to every browser: public by design.
      ex(
        '.env.local',
        'NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYW1vcmktZGVtbyIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE5MDAwMDAwMDB9.Qm7vK2xLp9ZtR4wN8yHc3JdF6sBg1TeA5uVq0XoWi2E\n',
      ),
    ],
  },
});
