import type { Rule } from '../../rule';
import type { SecretSpec } from '../spec';
import { specRule } from '../spec-rule';
import { aiProviders } from './ai';
import { chatProviders } from './chat';
import { cloudProviders } from './cloud';
import { devopsProviders } from './devops';
import { japanServices } from './japan';
import { mailProviders } from './mail';
import { observabilityProviders } from './observability';
import { paymentProviders } from './payment';
import { saasProviders } from './saas';

/** Every secret spec, by family: each becomes one rule through `specRule`. */
export const SECRET_SPECS: readonly SecretSpec[] = [
  ...cloudProviders,
  ...devopsProviders,
  ...aiProviders,
  ...chatProviders,
  ...paymentProviders,
  ...mailProviders,
  ...observabilityProviders,
  ...saasProviders,
  ...japanServices,
];

/** The spec rules, one per spec. */
export const specRules: Rule[] = SECRET_SPECS.map(specRule);
