import type { Rule } from '../rule';
import { compositionRule } from './composition';
import { expiryRule } from './periodic-expiry';
import { lockoutRule } from './lockout';
import { minLengthRule } from './min-length';
import { reuseRule } from './reuse';
import { weakHashRule } from './weak-hash';

/** The password-policy rules, judged against the configured guideline profile. */
export const passwordPolicyRules: readonly Rule[] = [minLengthRule, compositionRule, reuseRule, lockoutRule, expiryRule, weakHashRule];
