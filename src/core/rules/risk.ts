import type { Rule } from './rule';
import { SEVERITY_RANK, type Severity } from '../types';

/**
 * How much harm a rule's finding stands for, how sure the rule is, and which weaknesses (CWE)
 * it is an instance of. Code scanning ranks alerts by `security-severity` (above 9.0 critical,
 * 7.0–8.9 high, 4.0–6.9 medium, below 4.0 low) and trusts or hides them by `precision`; both
 * used to be one value per severity, so a live cloud key and a Slack webhook looked alike.
 *
 * Every rule declares its own (`risk: risk(9.1, 'high', CWE.NO_AUTH)` in the rule's file; the
 * type requires it): a new rule cannot ship with a guessed score. The tiers below say how.
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

/** A rule's risk, for its own `risk` field: `risk(9.1, 'high', CWE.NO_AUTH)`. */
export const risk = row;

/** The CWE lists used above, for rules that declare their own risk. */
export const CWE = { SECRET, PASSWORD, KEY, NO_AUTH, OPEN_PORT, PUBLIC_DATA, PII, WEAK_POLICY: [521] as const } as const;

/*
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

/** Defaults by category, for a finding of a rule Mamori does not know (an unknown id in a report). */
const BY_CATEGORY: Readonly<Record<string, RuleRisk>> = {
  secret: row(8.0, 'medium', SECRET),
  'pii-exposure': row(8.0, 'medium', OPEN_PORT),
  'pii-data': row(7.5, 'medium', PII),
  'password-policy': row(4.3, 'medium', [521]),
};

/** The risk of a rule's findings: its own, else (a rule Mamori does not know) its category's default. */
export function ruleRisk(rule: Pick<Rule, 'id' | 'category'> & { risk?: RuleRisk }): RuleRisk {
  return rule.risk ?? BY_CATEGORY[rule.category] ?? row(5.0, 'medium', []);
}

/** The highest score a finding of each severity keeps when a rule lowered it (GitHub's medium and low bands). */
const CAP: Readonly<Record<Severity, number>> = { error: 10, warning: 6.9, info: 3.9 };

/**
 * A finding's own score, when its rule reported it below the rule's default severity (a weak
 * password where a random one is critical, a signed token that may have expired): the rule's
 * score capped to the finding's band, so a lowered finding does not show as critical. Undefined
 * when the finding has the rule's score.
 */
export function findingSecuritySeverity(rule: Pick<Rule, 'id' | 'category' | 'severity'> & { risk?: RuleRisk }, severity: Severity): number | undefined {
  if (SEVERITY_RANK[severity] >= SEVERITY_RANK[rule.severity]) return undefined;
  const score = ruleRisk(rule).securitySeverity;
  return score > CAP[severity] ? CAP[severity] : undefined;
}
