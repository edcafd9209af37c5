import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';

/** Version control, CI/CD and package registries (GitHub tokens come from secretlint's rule). */
export const devopsProviders: SecretSpec[] = [
  {
    id: 'secret/gitlab-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'GitLab', ja: 'GitLab' },
    kind: KIND.token,
    env: 'GITLAB_TOKEN',
    tokens: [
      // Personal, deploy, feed, runner, SCIM, feature-flag, agent, OAuth-app, trigger and CI job tokens.
      {
        re: tok('(?:glpat|gldt|glft|glsoat|glrt|glffct|glimt|glagent|gloas|glcbt)-[0-9A-Za-z_.-]{20,300}'),
        hints: ['glpat-', 'gldt-', 'glft-', 'glsoat-', 'glrt-', 'glffct-', 'glimt-', 'glagent-', 'gloas-', 'glcbt-'],
        minEntropy: 3,
      },
      { re: tok('glptt-[0-9a-f]{40}'), hints: ['glptt-'], prefix: 'glptt-', minEntropy: 3 },
      // Runner registration tokens.
      { re: tok('GR1348941[\\w-]{20}'), hints: ['GR1348941'], prefix: 'GR1348941', minEntropy: 3 },
      { re: /_gitlab_session=(?<s>[0-9a-z]{32})(?![A-Za-z0-9])/g, hints: ['_gitlab_session='], minEntropy: 3 },
    ],
  },
  {
    id: 'secret/atlassian-api-token',
    risk: risk(8.8, 'very-high', CWE.SECRET),
    provider: { en: 'Atlassian (Jira, Confluence, Bitbucket)', ja: 'Atlassian（Jira・Confluence・Bitbucket）' },
    kind: KIND.apiKey,
    env: 'ATLASSIAN_API_TOKEN',
    tokens: [
      { re: tok('ATATT3[A-Za-z0-9_=-]{100,300}'), hints: ['ATATT3'], prefix: 'ATATT3', minEntropy: 3 },
      // Bitbucket app passwords.
      { re: tok('ATBB[A-Za-z0-9_=.-]{28,100}'), hints: ['ATBB'], prefix: 'ATBB', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/ci-service-token',
    risk: risk(9.1, 'high', CWE.SECRET),
    provider: { en: 'CI service (CircleCI, Buildkite)', ja: 'CI サービス（CircleCI・Buildkite）' },
    kind: KIND.apiKey,
    env: 'CI_API_TOKEN',
    tokens: [
      { re: tok('CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}'), hints: ['CCIPAT_'], prefix: 'CCIPAT_', minEntropy: 3 },
      { re: tok('bkua_[a-f0-9]{40}'), hints: ['bkua_'], prefix: 'bkua_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/package-registry-token',
    risk: risk(9.1, 'very-high', CWE.SECRET),
    provider: { en: 'Package registry (PyPI, RubyGems, NuGet, Docker Hub, Clojars)', ja: 'パッケージレジストリ（PyPI・RubyGems・NuGet・Docker Hub・Clojars）' },
    kind: KIND.apiKey,
    env: 'REGISTRY_TOKEN',
    tokens: [
      { re: tok('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}'), hints: ['pypi-AgEIcHlwaS5vcmc'], prefix: 'pypi-AgEIcHlwaS5vcmc', minEntropy: 3 },
      { re: tok('rubygems_[a-f0-9]{48}'), hints: ['rubygems_'], prefix: 'rubygems_', minEntropy: 3 },
      { re: tok('oy2[a-z0-9]{43}'), hints: ['oy2'], prefix: 'oy2', minEntropy: 3 },
      { re: tok('dckr_pat_[A-Za-z0-9_-]{27,60}'), hints: ['dckr_pat_'], prefix: 'dckr_pat_', minEntropy: 3 },
      { re: tok('CLOJARS_[a-z0-9]{60}'), hints: ['CLOJARS_'], prefix: 'CLOJARS_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/jfrog-artifactory-token',
    risk: risk(9.1, 'high', CWE.SECRET),
    provider: { en: 'JFrog Artifactory', ja: 'JFrog Artifactory' },
    kind: KIND.apiKey,
    env: 'ARTIFACTORY_API_KEY',
    tokens: [
      { re: tok('AKCp[A-Za-z0-9]{69}'), hints: ['AKCp'], prefix: 'AKCp', minEntropy: 3 },
      { re: tok('cmVmd[A-Za-z0-9]{59}'), hints: ['cmVmd'], prefix: 'cmVmd', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/infrastructure-saas-token',
    risk: risk(9.1, 'high', CWE.SECRET),
    provider: {
      en: 'Infrastructure service (Infracost, Prefect, ReadMe, Octopus Deploy, Defined Networking)',
      ja: 'インフラ系サービス（Infracost・Prefect・ReadMe・Octopus Deploy・Defined Networking）',
    },
    kind: KIND.apiKey,
    env: 'SERVICE_API_KEY',
    tokens: [
      { re: tok('ico-[A-Za-z0-9]{32}'), hints: ['ico-'], prefix: 'ico-', minEntropy: 3 },
      { re: tok('pnu_[a-z0-9]{36}'), hints: ['pnu_'], prefix: 'pnu_', minEntropy: 3 },
      { re: tok('rdme_[a-z0-9]{70}'), hints: ['rdme_'], prefix: 'rdme_', minEntropy: 3 },
      { re: tok('API-[A-Z0-9]{26}'), hints: ['API-'], prefix: 'API-', minEntropy: 3 },
      { re: tok('dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}'), hints: ['dnkey-'], prefix: 'dnkey-', minEntropy: 3 },
    ],
  },
];
