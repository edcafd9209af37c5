import { providerRule, type ProviderSpec } from '../provider-rule';
import type { Rule } from '../../rule';
import { aiProviders } from './ai';
import { chatProviders } from './chat';
import { cloudProviders } from './cloud';
import { devopsProviders } from './devops';
import { mailProviders } from './mail';
import { observabilityProviders } from './observability';
import { paymentProviders } from './payment';
import { saasProviders } from './saas';

/** Every provider table entry, by family. */
export const PROVIDER_SPECS: readonly ProviderSpec[] = [
  ...cloudProviders,
  ...devopsProviders,
  ...aiProviders,
  ...chatProviders,
  ...paymentProviders,
  ...mailProviders,
  ...observabilityProviders,
  ...saasProviders,
];

/** The provider rules, one per table entry. */
export const providerRules: Rule[] = PROVIDER_SPECS.map(providerRule);
