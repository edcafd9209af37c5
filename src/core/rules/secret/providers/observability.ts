import { ex, KIND, tok, type ProviderSpec } from '../provider-rule';
import { setExamples } from '../../rule';

/** Monitoring, error tracking and developer tooling. */
export const observabilityProviders: ProviderSpec[] = [
  {
    id: 'secret/new-relic-key',
    provider: { en: 'New Relic', ja: 'New Relic' },
    kind: KIND.apiKey,
    env: 'NEW_RELIC_API_KEY',
    patterns: [
      { re: tok('NRAK-[A-Za-z0-9]{27}'), hints: ['NRAK-'], prefix: 'NRAK-', minEntropy: 3 },
      { re: tok('NRII-[\\w-]{32}'), hints: ['NRII-'], prefix: 'NRII-', minEntropy: 3 },
      { re: tok('NRJS-[a-f0-9]{19}'), hints: ['NRJS-'], prefix: 'NRJS-', minEntropy: 3 },
      { re: tok('NRAA-[a-f0-9]{27}'), hints: ['NRAA-'], prefix: 'NRAA-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/datadog-key',
    provider: { en: 'Datadog', ja: 'Datadog' },
    kind: KIND.apiKey,
    env: 'DD_API_KEY',
    // API keys are 32 hex characters, application keys 40: only right after a Datadog key name.
    patterns: [
      {
        re: /(?:datadog|\bdd)[_-]?(?:api|app(?:lication)?)[_-]?key["']?[ \t]*[:=][ \t]*["']?(?<s>[a-f0-9]{40}|[a-f0-9]{32})(?![A-Za-z0-9])/gi,
        hints: ['datadog', 'dd_', 'dd-', 'ddapi', 'ddapp'],
        minEntropy: 3,
      },
    ],
  },
  {
    id: 'secret/sentry-token',
    provider: { en: 'Sentry', ja: 'Sentry' },
    kind: KIND.accessToken,
    env: 'SENTRY_AUTH_TOKEN',
    patterns: [
      // Organisation tokens carry their base64 JSON claims, then a secret part.
      { re: tok('sntrys_eyJpYXQiO[A-Za-z0-9+/=]{40,400}_[A-Za-z0-9+/=]{43}'), hints: ['sntrys_'], prefix: 'sntrys_', minEntropy: 3 },
      { re: tok('sntryu_[a-f0-9]{64}'), hints: ['sntryu_'], prefix: 'sntryu_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/grafana-token',
    provider: { en: 'Grafana', ja: 'Grafana' },
    kind: KIND.apiKey,
    env: 'GRAFANA_TOKEN',
    patterns: [
      { re: tok('glc_[A-Za-z0-9+/]{32,400}={0,2}'), hints: ['glc_'], prefix: 'glc_', minEntropy: 3 },
      { re: tok('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'), hints: ['glsa_'], prefix: 'glsa_', minEntropy: 3 },
      { re: tok('eyJrIjoi[A-Za-z0-9]{70,400}={0,2}'), hints: ['eyJrIjoi'], prefix: 'eyJrIjoi', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/dynatrace-token',
    provider: { en: 'Dynatrace', ja: 'Dynatrace' },
    kind: KIND.apiKey,
    env: 'DT_API_TOKEN',
    patterns: [{ re: tok('dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}'), hints: ['dt0c01.'], prefix: 'dt0c01.', minEntropy: 3 }],
  },
  {
    id: 'secret/postman-api-key',
    provider: { en: 'Postman', ja: 'Postman' },
    kind: KIND.apiKey,
    env: 'POSTMAN_API_KEY',
    patterns: [{ re: tok('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'), hints: ['PMAK-'], prefix: 'PMAK-', minEntropy: 3 }],
  },
  {
    id: 'secret/sourcegraph-token',
    provider: { en: 'Sourcegraph', ja: 'Sourcegraph' },
    kind: KIND.accessToken,
    env: 'SRC_ACCESS_TOKEN',
    patterns: [
      { re: tok('sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}'), hints: ['sgp_'], prefix: 'sgp_', minEntropy: 3 },
      { re: tok('sgp_[a-fA-F0-9]{40}'), hints: ['sgp_'], prefix: 'sgp_', minEntropy: 3.3 },
      { re: tok('[a-fA-F0-9]{40}'), hints: ['sourcegraph'], context: /sourcegraph/i, minEntropy: 3.3 },
    ],
  },
  {
    id: 'secret/sumo-logic-credential',
    provider: { en: 'Sumo Logic', ja: 'Sumo Logic' },
    kind: { en: 'access ID', ja: 'アクセス ID' },
    env: 'SUMOLOGIC_ACCESSID',
    patterns: [{ re: tok('su[A-Za-z0-9]{12}'), hints: ['sumo'], context: /sumo/i, minEntropy: 3 }],
  },
];

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(observabilityProviders, {
  'secret/new-relic-key': {
    bad: [ex('newrelic.yml', 'api_key: NRAK-EDJDNK353FH5ITKBNG5TFOA1JJ8\n')],
    good: [ex('newrelic.yml', 'api_key: <%= ENV["NEW_RELIC_API_KEY"] %>\n')],
  },
  'secret/datadog-key': {
    bad: [ex('datadog.yaml', 'api_key: 3c0b5f8e2a9d4716b8e0c2f4a6d8b1e3\nDD_APP_KEY=8f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6\n')],
    good: [ex('datadog.yaml', 'DD_API_KEY=${DD_API_KEY}\nchecksum: 3c0b5f8e2a9d4716b8e0c2f4a6d8b1e3\n')],
  },
  'secret/sentry-token': {
    bad: [ex('.sentryclirc', '[auth]\ntoken=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\n')],
    good: [ex('.sentryclirc', '[auth]\ntoken=sntryu_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n')],
  },
  'secret/grafana-token': {
    bad: [ex('grafana.env', 'GRAFANA_TOKEN=glsa_hR6x3dgeDhKO3RSxHqNXBY5q8gvxx9Wy_645a82f2\n')],
    good: [ex('grafana.env', 'GRAFANA_TOKEN=glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA\nAPI_KEY="glc_111111111111111111111111111111111111111111="\n')],
  },
  'secret/dynatrace-token': {
    bad: [ex('.env', 'DT_API_TOKEN=dt0c01.IDQ1MW99RZCYI89BCJE3RAXN.CL61UQ070N136TG53673CBSCIDE4463YK0NV97016WSJG8F2TQZMM525BC4B04KZ\n')],
    good: [ex('.env', 'DT_API_TOKEN=dt0c01.\n')],
  },
  'secret/postman-api-key': {
    bad: [ex('.env', 'POSTMAN_API_KEY=PMAK-725220f936cb152ebbe1e90b-d4e1892ec8c5fb69cb6e847f1a09bb971b\n')],
    good: [ex('.env', 'POSTMAN_API_KEY=PMAK-\n')],
  },
  'secret/sourcegraph-token': {
    bad: [ex('.env', 'SRC_ACCESS_TOKEN=sgp_5927468b951edb01_fefc2cc6176ab8b1c97c02eff7211e348c9eb75e\n')],
    good: [ex('.env', 'SRC_ACCESS_TOKEN=sgp_5555555dAAAAA7777777CcccCFaaaaaaaaaaaaaa\n')],
  },
  'secret/sumo-logic-credential': {
    bad: [ex('sumo.tf', 'sumologic_access_id = "sug5XpdpaoxtOH"\n')],
    good: [ex('sumo.tf', 'sumologic_access_id = var.sumo_access_id\n')],
  },
});
