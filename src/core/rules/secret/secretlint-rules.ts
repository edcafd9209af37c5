import { setExamples, type Rule } from '../rule';
import { secretlintRule } from './secretlint';

/**
 * Mamori rules backed by secretlint's recommended preset, one per secretlint rule.
 * Example values are fabricated: right shape, no real account.
 */
export const secretlintRules: Rule[] = [
  secretlintRule({
    id: 'secret/aws-secret-access-key',
    env: 'AWS_SECRET_ACCESS_KEY',
    secretlintId: '@secretlint/secretlint-rule-aws',
    provider: { en: 'AWS', ja: 'AWS' },
  }),
  secretlintRule({
    id: 'secret/gcp-service-account-key',
    secretlintId: '@secretlint/secretlint-rule-gcp',
    provider: { en: 'Google Cloud service account', ja: 'Google Cloud サービスアカウント' },
  }),
  secretlintRule({
    id: 'secret/github-token',
    env: 'GITHUB_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-github',
    provider: { en: 'GitHub', ja: 'GitHub' },
  }),
  secretlintRule({
    id: 'secret/npm-token',
    env: 'NPM_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-npm',
    provider: { en: 'npm', ja: 'npm' },
  }),
  secretlintRule({
    id: 'secret/slack-token',
    env: 'SLACK_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-slack',
    provider: { en: 'Slack', ja: 'Slack' },
  }),
  secretlintRule({
    id: 'secret/sendgrid-api-key',
    env: 'SENDGRID_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-sendgrid',
    provider: { en: 'SendGrid', ja: 'SendGrid' },
  }),
  secretlintRule({
    id: 'secret/shopify-token',
    env: 'SHOPIFY_ACCESS_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-shopify',
    provider: { en: 'Shopify', ja: 'Shopify' },
  }),
  secretlintRule({
    id: 'secret/openai-api-key',
    env: 'OPENAI_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-openai',
    provider: { en: 'OpenAI', ja: 'OpenAI' },
  }),
  secretlintRule({
    id: 'secret/anthropic-api-key',
    env: 'ANTHROPIC_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-anthropic',
    provider: { en: 'Anthropic', ja: 'Anthropic' },
  }),
  secretlintRule({
    id: 'secret/linear-api-key',
    env: 'LINEAR_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-linear',
    provider: { en: 'Linear', ja: 'Linear' },
  }),
  secretlintRule({
    id: 'secret/1password-service-account-token',
    env: 'OP_SERVICE_ACCOUNT_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-1password',
    provider: { en: '1Password service account', ja: '1Password サービスアカウント' },
  }),
  secretlintRule({
    id: 'secret/private-key',
    secretlintId: '@secretlint/secretlint-rule-privatekey',
    provider: { en: 'Private key', ja: '秘密鍵' },
  }),
  secretlintRule({
    id: 'secret/basic-auth-url',
    specificity: 'connection',
    secretlintId: '@secretlint/secretlint-rule-basicauth',
    provider: { en: 'Basic-auth URL', ja: 'Basic 認証付き URL' },
  }),
  secretlintRule({
    id: 'secret/connection-string-password',
    specificity: 'connection',
    secretlintId: '@secretlint/secretlint-rule-database-connection-string',
    provider: { en: 'Database connection string', ja: 'データベース接続文字列' },
  }),
];

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(secretlintRules, {
  'secret/aws-secret-access-key': {
    bad: [{ path: 'config/aws.ini', text: 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Hv2Lm4Q"\n' }],
    good: [{ path: 'config/aws.ini', text: 'aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n' }],
  },
  'secret/gcp-service-account-key': {
    bad: [
      {
        path: 'keys/sa.json',
        text: '{\n  "type": "service_account",\n  "private_key_id": "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n"\n}\n',
      },
    ],
    good: [{ path: 'keys/sa.json', text: '{\n  "type": "service_account",\n  "project_id": "demo"\n}\n' }],
  },
  'secret/github-token': {
    bad: [{ path: 'ci/deploy.yml', text: 'token: ghp_8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E\n' }],
    good: [{ path: 'ci/deploy.yml', text: 'token: ${{ secrets.GITHUB_TOKEN }}\n' }],
  },
  'secret/npm-token': {
    bad: [{ path: '.npmrc', text: '//registry.npmjs.org/:_authToken=npm_4Rk9Lm2Pq7Xv3Zt8Wc6Yb1Hd5Fj0Ga2Sx7Nn\n' }],
    good: [{ path: '.npmrc', text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' }],
  },
  'secret/slack-token': {
    bad: [{ path: '.env', text: 'SLACK_TOKEN=xoxb-2948573910-4827361920-aK8mP2xQ9vL3nR7tW5yZ1cB4\n' }],
    good: [{ path: '.env', text: 'SLACK_TOKEN=\n' }],
  },
  'secret/sendgrid-api-key': {
    bad: [{ path: '.env', text: 'SENDGRID_API_KEY=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\n' }],
    good: [{ path: '.env', text: 'SENDGRID_API_KEY=SG.xxxxx\n' }],
  },
  'secret/shopify-token': {
    bad: [{ path: '.env', text: 'SHOPIFY_TOKEN=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\n' }],
    good: [{ path: '.env', text: 'SHOPIFY_TOKEN=shpat_\n' }],
  },
  'secret/openai-api-key': {
    bad: [{ path: '.env', text: 'OPENAI_API_KEY=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\n' }],
    good: [{ path: '.env', text: 'OPENAI_API_KEY=sk-...\n' }],
  },
  'secret/anthropic-api-key': {
    bad: [
      {
        path: '.env',
        text: 'ANTHROPIC_API_KEY=sk-ant-api03-aK8mP2xQ9vL3nR7tW5yZ1cB4dF6hJ8kM0nP2qR4sT6vX8zA1cE3gI5kM7oQ9sU1wY3aC5eG7iK9mO1qS3uW5yA7cE9gAA\n',
      },
    ],
    good: [{ path: '.env', text: 'ANTHROPIC_API_KEY=sk-ant-...\n' }],
  },
  'secret/linear-api-key': {
    bad: [{ path: '.env', text: 'LINEAR_API_KEY=lin_api_aK8mP2xQ9vL3nR7tW5yZ1cB4dF6hJ8kM0nP2qR4s\n' }],
    good: [{ path: '.env', text: 'LINEAR_API_KEY=lin_api_\n' }],
  },
  'secret/1password-service-account-token': {
    bad: [
      {
        path: '.env',
        text: 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsInVzZXJBdXRoIjp7Im1ldGhvZCI6IlNSUGctNDA5NiIsImFsZyI6IlBCRVMyZy1IUzI1NiJ9fQ\n',
      },
    ],
    good: [{ path: '.env', text: 'OP_SERVICE_ACCOUNT_TOKEN=ops_...\n' }],
  },
  'secret/private-key': {
    bad: [
      {
        path: 'deploy/id_rsa',
        text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi8K6KJbH1ZmF9kR2vQx7Lw3pN5\nqW8eR4tY6uI0oP2aS4dF6gH8jK0lZ2xC4vB6nM8qW0eR2tY4uI6oP8aS0dF2gH4j\n-----END RSA PRIVATE KEY-----\n',
      },
    ],
    good: [{ path: 'deploy/id_rsa.pub', text: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@example\n' }],
  },
  'secret/basic-auth-url': {
    bad: [{ path: 'scripts/sync.sh', text: 'git clone "https://deploy:S3cr3tPassw0rd9@git.example.co.jp/repo.git"\n' }],
    good: [{ path: 'scripts/sync.sh', text: 'git clone "https://git.example.co.jp/repo.git"\n' }],
  },
  'secret/connection-string-password': {
    bad: [{ path: '.env', text: 'DATABASE_URL=postgres://app:Xk9mP2vL7qR4@db.internal.example.jp:5432/customers\n' }],
    good: [{ path: '.env', text: 'DATABASE_URL=postgres://app@db.internal.example.jp:5432/customers\n' }],
  },
});
