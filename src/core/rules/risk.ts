import type { Rule } from './rule';
import { SEVERITY_RANK, type Severity } from '../types';

/**
 * How much harm a rule's finding stands for, how sure the rule is, and which weaknesses (CWE)
 * it is an instance of. Code scanning ranks alerts by `security-severity` (above 9.0 critical,
 * 7.0–8.9 high, 4.0–6.9 medium, below 4.0 low) and trusts or hides them by `precision`; both
 * used to be one value per severity, so a live cloud key and a Slack webhook looked alike.
 *
 * The table is keyed by rule id and every rule has its own row (a test walks RULES): a new rule
 * cannot ship with a guessed score.
 */
export interface RuleRisk {
  /** CVSS-like 0.0–10.0: what a finding lets an attacker do, assuming the value is live. */
  securitySeverity: number;
  /** How the rule decides: a checksum or fixed prefix is `very-high`, a key-name guess `medium`. */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** CWE numbers, the most specific first. */
  cwe: readonly number[];
}

// CWE numbers used below (MITRE's titles):
//   798 Use of Hard-coded Credentials; 259 Use of Hard-coded Password; 321 Use of Hard-coded
//   Cryptographic Key; 522 Insufficiently Protected Credentials; 284 Improper Access Control;
//   200 Exposure of Sensitive Information to an Unauthorized Actor; 306 Missing Authentication for
//   Critical Function; 732 Incorrect Permission Assignment for Critical Resource; 668 Exposure of
//   Resource to Wrong Sphere; 359 Exposure of Private Personal Information to an Unauthorized
//   Actor; 312 Cleartext Storage of Sensitive Information; 521 Weak Password Requirements;
//   307 Improper Restriction of Excessive Authentication Attempts; 916 Use of Password Hash With
//   Insufficient Computational Effort.
const SECRET = [798] as const;
const PASSWORD = [259, 798] as const;
const KEY = [321, 798] as const;
const NO_AUTH = [306, 284, 200] as const;
const OPEN_PORT = [668, 284, 200] as const;
const PUBLIC_DATA = [732, 284, 200] as const;
const PII = [359, 312] as const;

const row = (securitySeverity: number, precision: RuleRisk['precision'], cwe: readonly number[]): RuleRisk => ({ securitySeverity, precision, cwe });

/**
 * Scores. The tiers, for secrets (assuming the key is live, which the scanner cannot know):
 * - 9.5–9.8 critical: the key opens a whole cloud account, a secret store, a cluster or signs as
 *   its owner (cloud root keys, private keys, Vault/1Password/Doppler, IaC platform tokens), or
 *   moves money / card data (payment secret keys), or reaches the database of personal data.
 * - 9.1–9.3 critical: source code, CI and package publishing (a supply-chain foothold), HR and
 *   payroll SaaS that hold employees' personal data (SmartHR, freee, Money Forward).
 * - 7.5–8.9 high: SaaS tokens that read or send an organisation's data (chat, mail, CRM, LLM).
 * - 6.5–7.4: webhooks that only post, observability keys, a JWT that may have expired.
 * - 5.0: an AWS access key id alone (not secret by itself; the pair is scored above).
 * Exposure: an unauthenticated store reachable from the internet, a public bucket or database
 * rules `allow read: if true` are critical; an open port with authentication still on is high.
 * Personal data: My Numbers and card numbers in the repository are critical (the My Number Act
 * and PCI DSS make any leak of them reportable); passports and SSNs high.
 * Password policy: weak hashing is high (a leaked table is cracked), the policy rules medium,
 * periodic expiry (which NIST and MIC advise against) low.
 *
 * Precision: `very-high` where a fixed prefix and length (often a checksum) identify the token;
 * `high` where a prefix or a parsed structure (PEM block, connection URL, IaC attribute) decides;
 * `medium` where a key name and the value's randomness are the evidence.
 */
const RISK: Readonly<Record<string, RuleRisk>> = {
  // Cloud accounts, keys and secret stores.
  'secret/aws-secret-access-key': row(9.8, 'high', SECRET),
  'secret/gcp-service-account-key': row(9.8, 'very-high', KEY),
  'secret/azure-ad-client-secret': row(9.6, 'high', SECRET),
  'secret/alibaba-access-key-id': row(9.5, 'high', SECRET),
  'secret/tencent-cloud-secret-id': row(9.5, 'high', SECRET),
  'secret/yandex-cloud-credential': row(9.5, 'very-high', SECRET),
  'secret/sakura-cloud-credential': row(9.5, 'medium', SECRET),
  'secret/aws-access-key-id': row(5.0, 'very-high', SECRET),
  'secret/aws-bedrock-api-key': row(8.5, 'very-high', SECRET),
  'secret/gcp-api-key': row(7.5, 'very-high', SECRET),
  'secret/google-oauth-credential': row(8.0, 'high', SECRET),
  'secret/private-key': row(9.8, 'very-high', KEY),
  'secret/private-key-block': row(9.8, 'very-high', KEY),
  'secret/secp256k1-private-key': row(9.8, 'medium', KEY),
  'secret/age-secret-key': row(9.5, 'very-high', KEY),
  'secret/1password-secret-key': row(9.8, 'very-high', SECRET),
  'secret/1password-service-account-token': row(9.8, 'very-high', SECRET),
  'secret/hashicorp-vault-token': row(9.8, 'very-high', SECRET),
  'secret/doppler-token': row(9.6, 'very-high', SECRET),
  'secret/kubernetes-secret': row(9.5, 'high', SECRET),
  'secret/terraform-cloud-token': row(9.5, 'very-high', SECRET),
  'secret/pulumi-token': row(9.5, 'very-high', SECRET),
  'secret/digitalocean-token': row(9.5, 'very-high', SECRET),
  'secret/heroku-api-key': row(9.3, 'high', SECRET),
  'secret/cloudflare-api-token': row(9.1, 'high', SECRET),
  'secret/fly-io-token': row(9.3, 'very-high', SECRET),
  'secret/vercel-token': row(9.1, 'very-high', SECRET),
  'secret/openshift-token': row(9.5, 'very-high', SECRET),
  'secret/tailscale-key': row(9.1, 'very-high', SECRET),
  'secret/cisco-meraki-api-key': row(9.1, 'medium', SECRET),
  'secret/databricks-token': row(9.3, 'very-high', SECRET),
  'secret/clickhouse-cloud-key': row(9.3, 'very-high', SECRET),
  'secret/planetscale-token': row(9.3, 'very-high', SECRET),
  'secret/scalingo-token': row(9.1, 'very-high', SECRET),
  'secret/infrastructure-saas-token': row(9.1, 'high', SECRET),
  'secret/dev-platform-token': row(8.5, 'high', SECRET),
  // Databases: the store of personal data itself.
  'secret/connection-string': row(9.5, 'high', SECRET),
  'secret/connection-string-password': row(9.5, 'high', PASSWORD),
  'secret/sql-credential': row(9.3, 'high', PASSWORD),
  'secret/keycloak-credential': row(9.3, 'high', PASSWORD),
  'secret/basic-auth-url': row(8.5, 'high', PASSWORD),
  // Money and card data.
  'secret/stripe-secret-key': row(9.6, 'very-high', SECRET),
  'secret/square-token': row(9.3, 'very-high', SECRET),
  'secret/paypal-braintree-token': row(9.3, 'very-high', SECRET),
  'secret/payment-api-key': row(9.3, 'high', SECRET),
  'secret/payjp-secret-key': row(9.6, 'very-high', SECRET),
  'secret/gmo-pg-password': row(9.5, 'medium', PASSWORD),
  'secret/amazon-mws-token': row(8.8, 'very-high', SECRET),
  // Source code, CI and package publishing.
  'secret/github-token': row(9.3, 'very-high', SECRET),
  'secret/gitlab-token': row(9.3, 'very-high', SECRET),
  'secret/atlassian-api-token': row(8.8, 'very-high', SECRET),
  'secret/ci-service-token': row(9.1, 'high', SECRET),
  'secret/package-registry-token': row(9.1, 'very-high', SECRET),
  'secret/npm-token': row(9.1, 'very-high', SECRET),
  'secret/jfrog-artifactory-token': row(9.1, 'high', SECRET),
  'secret/sidekiq-credential': row(7.0, 'high', PASSWORD),
  'secret/sourcegraph-token': row(8.0, 'very-high', SECRET),
  'secret/postman-api-key': row(7.5, 'very-high', SECRET),
  // HR, payroll and accounting: employees' personal data.
  'secret/smarthr-access-token': row(9.3, 'medium', SECRET),
  'secret/freee-client-secret': row(9.1, 'medium', SECRET),
  'secret/moneyforward-client-secret': row(9.1, 'medium', SECRET),
  'secret/kintone-api-token': row(8.8, 'medium', SECRET),
  'secret/kintone-password-auth': row(8.8, 'high', PASSWORD),
  // SaaS that read or send an organisation's data.
  'secret/slack-token': row(8.8, 'very-high', SECRET),
  'secret/sendgrid-api-key': row(8.5, 'very-high', SECRET),
  'secret/mailgun-api-key': row(8.5, 'high', SECRET),
  'secret/mailchimp-api-key': row(8.5, 'very-high', SECRET),
  'secret/brevo-api-key': row(8.5, 'very-high', SECRET),
  'secret/twilio-api-key': row(8.5, 'very-high', SECRET),
  'secret/shopify-token': row(8.8, 'very-high', SECRET),
  'secret/openai-api-key': row(8.0, 'very-high', SECRET),
  'secret/anthropic-api-key': row(8.0, 'very-high', SECRET),
  'secret/llm-api-key': row(8.0, 'high', SECRET),
  'secret/huggingface-token': row(7.5, 'very-high', SECRET),
  'secret/linear-api-key': row(8.0, 'very-high', SECRET),
  'secret/notion-token': row(8.5, 'very-high', SECRET),
  'secret/airtable-token': row(8.5, 'very-high', SECRET),
  'secret/design-tool-token': row(7.5, 'very-high', SECRET),
  'secret/facebook-token': row(8.0, 'high', SECRET),
  'secret/twitter-bearer-token': row(7.5, 'high', SECRET),
  'secret/discord-bot-token': row(7.5, 'high', SECRET),
  'secret/telegram-bot-token': row(7.5, 'high', SECRET),
  'secret/line-channel-secret': row(8.0, 'medium', SECRET),
  'secret/line-channel-access-token': row(8.0, 'medium', SECRET),
  'secret/chatwork-api-token': row(8.0, 'medium', SECRET),
  'secret/backlog-api-key': row(8.0, 'medium', SECRET),
  'secret/yahoo-japan-client-secret': row(7.5, 'medium', SECRET),
  // Post-only webhooks, observability, possibly expired tokens.
  'secret/slack-webhook': row(6.5, 'very-high', SECRET),
  'secret/discord-webhook': row(6.5, 'very-high', SECRET),
  'secret/teams-webhook': row(6.5, 'very-high', SECRET),
  'secret/new-relic-key': row(7.0, 'very-high', SECRET),
  'secret/datadog-key': row(7.0, 'high', SECRET),
  'secret/sentry-token': row(7.0, 'very-high', SECRET),
  'secret/grafana-token': row(7.5, 'very-high', SECRET),
  'secret/dynatrace-token': row(7.0, 'very-high', SECRET),
  'secret/sumo-logic-credential': row(7.0, 'high', SECRET),
  'secret/jwt': row(6.5, 'high', SECRET),
  // Credentials found by where they are and what they are called.
  'secret/credential-file': row(8.8, 'high', PASSWORD),
  'secret/secret-file': row(8.5, 'medium', PASSWORD),
  'secret/cli-credential': row(8.5, 'high', PASSWORD),
  'secret/terraform-credential': row(8.8, 'high', PASSWORD),
  'secret/xml-credential': row(7.5, 'medium', PASSWORD),
  'secret/hardcoded-password': row(7.5, 'medium', PASSWORD),
  'secret/hardcoded-secret': row(7.5, 'medium', SECRET),

  // Stores of personal data open to anyone: no authentication, public buckets, public rules.
  'exposure/storage-public-acl': row(9.3, 'high', PUBLIC_DATA),
  'exposure/storage-public-policy': row(9.3, 'high', PUBLIC_DATA),
  'exposure/firestore-rules-public': row(9.3, 'high', PUBLIC_DATA),
  'exposure/rtdb-rules-public': row(9.3, 'high', PUBLIC_DATA),
  'exposure/search-open-policy': row(9.3, 'high', NO_AUTH),
  'exposure/compose-db-no-auth': row(9.1, 'high', NO_AUTH),
  'exposure/helm-db-no-auth': row(9.1, 'high', NO_AUTH),
  'exposure/mongod-open': row(9.1, 'high', NO_AUTH),
  'exposure/redis-open': row(9.1, 'high', NO_AUTH),
  'exposure/elasticsearch-open': row(9.1, 'high', NO_AUTH),
  'exposure/clickhouse-open': row(9.1, 'high', NO_AUTH),
  'exposure/pg-hba-open': row(9.1, 'high', NO_AUTH),
  'exposure/mysql-open': row(9.1, 'high', NO_AUTH),
  'exposure/script-db-open': row(8.8, 'medium', NO_AUTH),
  'exposure/supabase-public-bucket': row(8.2, 'high', PUBLIC_DATA),
  'exposure/storage-account-public-access': row(7.5, 'high', PUBLIC_DATA),
  // Reachable from the internet, authentication still in front.
  'exposure/db-public-access': row(8.2, 'high', OPEN_PORT),
  'exposure/db-firewall-open': row(8.2, 'high', OPEN_PORT),
  'exposure/network-db-port-open': row(7.5, 'high', OPEN_PORT),
  'exposure/compose-db-port-public': row(7.0, 'high', OPEN_PORT),
  'exposure/k8s-db-service-exposed': row(7.5, 'high', OPEN_PORT),
  'exposure/postgres-listen-all': row(6.5, 'high', OPEN_PORT),

  // Personal data committed to the repository. My Numbers pass a check digit, cards the Luhn check.
  'pii-data/my-number': row(9.6, 'high', PII),
  'pii-data/card-number': row(9.6, 'high', PII),
  'pii-data/ssn': row(8.5, 'medium', PII),
  'pii-data/passport-number': row(8.2, 'medium', PII),
  'pii-data/personal-data-store': row(7.5, 'medium', PII),

  // Password policies read from configuration.
  'password-policy/weak-hash': row(7.5, 'high', [916, 521]),
  'password-policy/min-length': row(5.3, 'high', [521]),
  'password-policy/lockout': row(5.3, 'high', [307, 521]),
  'password-policy/composition': row(4.3, 'high', [521]),
  'password-policy/reuse': row(4.3, 'high', [521]),
  'password-policy/periodic-expiry': row(2.0, 'high', [521]),
};

/** Defaults by category, for a rule that has no row yet (the test that walks RULES fails first). */
const BY_CATEGORY: Readonly<Record<string, RuleRisk>> = {
  secret: row(8.0, 'medium', SECRET),
  'pii-exposure': row(8.0, 'medium', OPEN_PORT),
  'pii-data': row(7.5, 'medium', PII),
  'password-policy': row(4.3, 'medium', [521]),
};

/** The rule's own row, or undefined when the table lacks it. */
export function ownRisk(ruleId: string): RuleRisk | undefined {
  return RISK[ruleId];
}

/** The risk of a rule's findings: its own row, else its category's default. */
export function ruleRisk(rule: Pick<Rule, 'id' | 'category'>): RuleRisk {
  return RISK[rule.id] ?? BY_CATEGORY[rule.category] ?? row(5.0, 'medium', []);
}

/** Ids of the table's rows (the test checks each names a rule). */
export const RISK_IDS: readonly string[] = Object.keys(RISK);

/** The highest score a finding of each severity keeps when a rule lowered it (GitHub's medium and low bands). */
const CAP: Readonly<Record<Severity, number>> = { error: 10, warning: 6.9, info: 3.9 };

/**
 * A finding's own score, when its rule reported it below the rule's default severity (a weak
 * password where a random one is critical, a signed token that may have expired): the rule's
 * score capped to the finding's band, so a lowered finding does not show as critical. Undefined
 * when the finding has the rule's score.
 */
export function findingSecuritySeverity(rule: Pick<Rule, 'id' | 'category' | 'severity'>, severity: Severity): number | undefined {
  if (SEVERITY_RANK[severity] >= SEVERITY_RANK[rule.severity]) return undefined;
  const score = ruleRisk(rule).securitySeverity;
  return score > CAP[severity] ? CAP[severity] : undefined;
}
