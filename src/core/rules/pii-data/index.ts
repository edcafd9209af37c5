import type { Rule } from '../rule';
import { cardNumberRule, myNumberRule, passportNumberRule, ssnRule } from './identifier-rules';
import { personalDataStoreRule } from './personal-data-store';

/** The pii-data rules: personal records committed to the repository. */
export const piiDataRules: Rule[] = [personalDataStoreRule, myNumberRule, passportNumberRule, cardNumberRule, ssnRule];
