import type { Rule } from '../rule';
import { cardNumberRule } from './card-number';
import { myNumberRule } from './my-number';
import { passportNumberRule } from './passport-number';
import { personalDataStoreRule } from './personal-data-store';
import { ssnRule } from './ssn';

/** The pii-data rules: personal records committed to the repository. */
export const piiDataRules: Rule[] = [personalDataStoreRule, myNumberRule, passportNumberRule, cardNumberRule, ssnRule];
