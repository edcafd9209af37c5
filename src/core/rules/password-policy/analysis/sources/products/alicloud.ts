import type { PolicyFacts } from '../../model';
import type { TreeReader } from '../../reader';
import { AWS_CAMEL, AWS_TF, iamLike } from './aws-iam';
import type { Defaults, ResourceRecogniser } from './shared';

/** Alibaba Cloud RAM password policies: the IAM keys, with RAM's own defaults and lockout. */

// Alibaba Cloud RAM: 12 characters and all four classes unless turned off; no reuse limit.
const ALICLOUD_DEFAULTS: Defaults = { minLength: { default: 12 }, classes: { default: true }, history: { default: 0 }, maxAge: { default: 0 } };

export function alicloud(r: TreeReader, camel: boolean, explicitOnly: boolean): PolicyFacts {
  const keys = camel ? AWS_CAMEL : AWS_TF;
  const facts = iamLike(r, 'Alibaba Cloud RAM', keys, explicitOnly ? {} : ALICLOUD_DEFAULTS);
  // RAM locks an account for an hour after this many failures (default 5); 0 turns it off.
  const attempts = r.num(
    camel ? ['maxLoginAttempts', 'maxLoginAttemps'] : ['max_login_attempts', 'max_login_attemps'],
    explicitOnly ? undefined : { default: 5 },
  );
  if (attempts) facts.lockout = { attempts };
  return facts;
}

/** Terraform `alicloud_ram_account_password_policy`: omitted settings take RAM's defaults. */
export const alicloudAccountTerraform: ResourceRecogniser = (_doc, _res, r, out) => {
  out.push(alicloud(r, false, false));
};

/** Terraform `alicloud_ram_password_policy`: only what it states. */
export const alicloudTerraform: ResourceRecogniser = (_doc, _res, r, out) => {
  out.push(alicloud(r, false, true));
};
