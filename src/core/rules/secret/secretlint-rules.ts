import { CWE, risk } from '../risk';
import type { Rule } from '../rule';
import { secretlintRule } from './secretlint';

/**
 * Mamori rules backed by secretlint's recommended preset, one per secretlint rule: an adapter,
 * not a SecretSpec. What these rules report is decided by secretlint's own rule logic (its
 * patterns, its whole-file readers for key files and service-account JSON, its
 * `secretlint-disable` comments); secretlint.ts runs the preset once per document behind a
 * prefilter and keeps each match by Mamori's standards (stand-ins, malformed Slack tokens,
 * placeholder passwords), and each rule here takes the matches of its secretlint rule. They
 * are the reference verdict where a spec rule sees the same token. Examples: test/rules/secret.
 */
export const secretlintRules: Rule[] = [
  secretlintRule({
    id: 'secret/aws-secret-access-key',
    risk: risk(9.8, 'high', CWE.SECRET),
    env: 'AWS_SECRET_ACCESS_KEY',
    secretlintId: '@secretlint/secretlint-rule-aws',
    provider: { en: 'AWS', ja: 'AWS' },
  }),
  secretlintRule({
    id: 'secret/gcp-service-account-key',
    risk: risk(9.8, 'very-high', CWE.KEY),
    secretlintId: '@secretlint/secretlint-rule-gcp',
    readsP12: true,
    provider: { en: 'Google Cloud service account', ja: 'Google Cloud サービスアカウント' },
  }),
  secretlintRule({
    id: 'secret/github-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    env: 'GITHUB_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-github',
    provider: { en: 'GitHub', ja: 'GitHub' },
  }),
  secretlintRule({
    id: 'secret/npm-token',
    risk: risk(9.1, 'very-high', CWE.SECRET),
    env: 'NPM_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-npm',
    provider: { en: 'npm', ja: 'npm' },
  }),
  secretlintRule({
    id: 'secret/slack-token',
    risk: risk(8.8, 'very-high', CWE.SECRET),
    env: 'SLACK_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-slack',
    provider: { en: 'Slack', ja: 'Slack' },
  }),
  secretlintRule({
    id: 'secret/sendgrid-api-key',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    env: 'SENDGRID_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-sendgrid',
    provider: { en: 'SendGrid', ja: 'SendGrid' },
  }),
  secretlintRule({
    id: 'secret/shopify-token',
    risk: risk(8.8, 'very-high', CWE.SECRET),
    env: 'SHOPIFY_ACCESS_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-shopify',
    provider: { en: 'Shopify', ja: 'Shopify' },
  }),
  secretlintRule({
    id: 'secret/openai-api-key',
    risk: risk(8.0, 'very-high', CWE.SECRET),
    env: 'OPENAI_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-openai',
    provider: { en: 'OpenAI', ja: 'OpenAI' },
  }),
  secretlintRule({
    id: 'secret/anthropic-api-key',
    risk: risk(8.0, 'very-high', CWE.SECRET),
    env: 'ANTHROPIC_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-anthropic',
    provider: { en: 'Anthropic', ja: 'Anthropic' },
  }),
  secretlintRule({
    id: 'secret/linear-api-key',
    risk: risk(8.0, 'very-high', CWE.SECRET),
    env: 'LINEAR_API_KEY',
    secretlintId: '@secretlint/secretlint-rule-linear',
    provider: { en: 'Linear', ja: 'Linear' },
  }),
  secretlintRule({
    id: 'secret/1password-service-account-token',
    risk: risk(9.8, 'very-high', CWE.SECRET),
    env: 'OP_SERVICE_ACCOUNT_TOKEN',
    secretlintId: '@secretlint/secretlint-rule-1password',
    provider: { en: '1Password service account', ja: '1Password サービスアカウント' },
  }),
  secretlintRule({
    id: 'secret/private-key',
    risk: risk(9.8, 'very-high', CWE.KEY),
    secretlintId: '@secretlint/secretlint-rule-privatekey',
    provider: { en: 'Private key', ja: '秘密鍵' },
  }),
  secretlintRule({
    id: 'secret/basic-auth-url',
    risk: risk(8.5, 'high', CWE.PASSWORD),
    specificity: 'connection',
    secretlintId: '@secretlint/secretlint-rule-basicauth',
    provider: { en: 'Basic-auth URL', ja: 'Basic 認証付き URL' },
  }),
  secretlintRule({
    id: 'secret/connection-string-password',
    risk: risk(9.5, 'high', CWE.PASSWORD),
    specificity: 'connection',
    secretlintId: '@secretlint/secretlint-rule-database-connection-string',
    provider: { en: 'Database connection string', ja: 'データベース接続文字列' },
  }),
];
