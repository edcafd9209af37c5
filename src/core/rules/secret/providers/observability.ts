import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';

/** Monitoring, error tracking and developer tooling. */
export const observabilityProviders: SecretSpec[] = [
  {
    id: 'secret/new-relic-key',
    risk: risk(7.0, 'very-high', CWE.SECRET),
    provider: { en: 'New Relic', ja: 'New Relic' },
    kind: KIND.apiKey,
    env: 'NEW_RELIC_API_KEY',
    tokens: [
      { re: tok('NRAK-[A-Za-z0-9]{27}'), hints: ['NRAK-'], prefix: 'NRAK-', minEntropy: 3 },
      { re: tok('NRII-[\\w-]{32}'), hints: ['NRII-'], prefix: 'NRII-', minEntropy: 3 },
      { re: tok('NRJS-[a-f0-9]{19}'), hints: ['NRJS-'], prefix: 'NRJS-', minEntropy: 3 },
      { re: tok('NRAA-[a-f0-9]{27}'), hints: ['NRAA-'], prefix: 'NRAA-', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/datadog-key',
    risk: risk(7.0, 'high', CWE.SECRET),
    provider: { en: 'Datadog', ja: 'Datadog' },
    kind: KIND.apiKey,
    env: 'DD_API_KEY',
    // API keys are 32 hex characters, application keys 40: only right after a Datadog key name.
    tokens: [
      {
        re: /(?:datadog|\bdd)[_-]?(?:api|app(?:lication)?)[_-]?key["']?[ \t]*[:=][ \t]*["']?(?<s>[a-f0-9]{40}|[a-f0-9]{32})(?![A-Za-z0-9])/gi,
        // Every match holds `datadog`, or `dd` with one of its separators and `api` or `app`.
        hints: ['datadog', 'dd_api', 'dd-api', 'ddapi', 'dd_app', 'dd-app', 'ddapp'],
        minEntropy: 3,
      },
    ],
  },
  {
    id: 'secret/sentry-token',
    risk: risk(7.0, 'very-high', CWE.SECRET),
    provider: { en: 'Sentry', ja: 'Sentry' },
    kind: KIND.accessToken,
    env: 'SENTRY_AUTH_TOKEN',
    tokens: [
      // Organisation tokens carry their base64 JSON claims, then a secret part.
      { re: tok('sntrys_eyJpYXQiO[A-Za-z0-9+/=]{40,400}_[A-Za-z0-9+/=]{43}'), hints: ['sntrys_'], prefix: 'sntrys_', minEntropy: 3 },
      { re: tok('sntryu_[a-f0-9]{64}'), hints: ['sntryu_'], prefix: 'sntryu_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/grafana-token',
    risk: risk(7.5, 'very-high', CWE.SECRET),
    provider: { en: 'Grafana', ja: 'Grafana' },
    kind: KIND.apiKey,
    env: 'GRAFANA_TOKEN',
    tokens: [
      { re: tok('glc_[A-Za-z0-9+/]{32,400}={0,2}'), hints: ['glc_'], prefix: 'glc_', minEntropy: 3 },
      { re: tok('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'), hints: ['glsa_'], prefix: 'glsa_', minEntropy: 3 },
      { re: tok('eyJrIjoi[A-Za-z0-9]{70,400}={0,2}'), hints: ['eyJrIjoi'], prefix: 'eyJrIjoi', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/dynatrace-token',
    risk: risk(7.0, 'very-high', CWE.SECRET),
    provider: { en: 'Dynatrace', ja: 'Dynatrace' },
    kind: KIND.apiKey,
    env: 'DT_API_TOKEN',
    tokens: [{ re: tok('dt0c01\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}'), hints: ['dt0c01.'], prefix: 'dt0c01.', minEntropy: 3 }],
  },
  {
    id: 'secret/postman-api-key',
    risk: risk(7.5, 'very-high', CWE.SECRET),
    provider: { en: 'Postman', ja: 'Postman' },
    kind: KIND.apiKey,
    env: 'POSTMAN_API_KEY',
    tokens: [{ re: tok('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'), hints: ['PMAK-'], prefix: 'PMAK-', minEntropy: 3 }],
  },
  {
    id: 'secret/sourcegraph-token',
    risk: risk(8.0, 'very-high', CWE.SECRET),
    provider: { en: 'Sourcegraph', ja: 'Sourcegraph' },
    kind: KIND.accessToken,
    env: 'SRC_ACCESS_TOKEN',
    tokens: [
      { re: tok('sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}'), hints: ['sgp_'], prefix: 'sgp_', minEntropy: 3 },
      { re: tok('sgp_[a-fA-F0-9]{40}'), hints: ['sgp_'], prefix: 'sgp_', minEntropy: 3.3 },
      { re: tok('[a-fA-F0-9]{40}'), hints: ['sourcegraph'], context: /sourcegraph/i, minEntropy: 3.3 },
    ],
  },
  {
    id: 'secret/sumo-logic-credential',
    risk: risk(7.0, 'high', CWE.SECRET),
    provider: { en: 'Sumo Logic', ja: 'Sumo Logic' },
    kind: { en: 'access ID', ja: 'アクセス ID' },
    env: 'SUMOLOGIC_ACCESSID',
    tokens: [{ re: tok('su[A-Za-z0-9]{12}'), hints: ['sumo'], context: /sumo/i, minEntropy: 3 }],
  },
];
