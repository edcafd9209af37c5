import type { PolicyFacts } from '../../model';
import type { TreeReader } from '../../reader';
import { classFacts, put, type ClassKeys, type Defaults, type ObjectRecogniser, type ResourceRecogniser } from './shared';

/** AWS IAM account password policies, in each tool's spelling of the IAM keys. */

/** Key names of one dialect of the AWS IAM account password policy. */
export interface AwsKeys {
  minLength: string[];
  classes: ClassKeys;
  history: string[];
  maxAge: string[];
}

export const AWS_TF: AwsKeys = {
  minLength: ['minimum_password_length'],
  classes: { upper: ['require_uppercase_characters'], lower: ['require_lowercase_characters'], digit: ['require_numbers'], symbol: ['require_symbols'] },
  history: ['password_reuse_prevention'],
  maxAge: ['max_password_age'],
};

export const AWS_CAMEL: AwsKeys = {
  minLength: ['minimumPasswordLength'],
  classes: { upper: ['requireUppercaseCharacters'], lower: ['requireLowercaseCharacters'], digit: ['requireNumbers'], symbol: ['requireSymbols'] },
  history: ['passwordReusePrevention'],
  maxAge: ['maxPasswordAge'],
};

// The IAM API's own names: CLI input JSON, CloudFormation custom resources, SDK payloads.
export const AWS_API: AwsKeys = {
  minLength: ['MinimumPasswordLength'],
  classes: { upper: ['RequireUppercaseCharacters'], lower: ['RequireLowercaseCharacters'], digit: ['RequireNumbers'], symbol: ['RequireSymbols'] },
  history: ['PasswordReusePrevention'],
  maxAge: ['MaxPasswordAge'],
};

export const AWS_ANSIBLE: AwsKeys = {
  minLength: ['min_pw_length', 'minimum_password_length'],
  classes: { upper: ['require_uppercase'], lower: ['require_lowercase'], digit: ['require_numbers'], symbol: ['require_symbols'] },
  history: ['pw_reuse_prevent', 'password_reuse_prevent', 'prevent_reuse'],
  maxAge: ['pw_max_age', 'password_max_age'],
};

// IAM applies 6 characters, no classes, no reuse limit and no expiry to what a policy omits.
export const AWS_DEFAULTS: Defaults = { minLength: { default: 6 }, classes: { default: false }, history: { default: 0 }, maxAge: { default: 0 } };

export function iamLike(r: TreeReader, product: string, keys: AwsKeys, d: Defaults): PolicyFacts {
  const facts: PolicyFacts = { product, anchor: r.anchor, classes: classFacts(r, keys.classes, d.classes) };
  put(facts, 'minLength', r.num(keys.minLength, d.minLength));
  put(facts, 'history', r.num(keys.history, d.history));
  put(facts, 'maxAgeDays', r.num(keys.maxAge, d.maxAge));
  return facts;
}

/** The IAM API's own shape (CLI input JSON, CloudFormation custom resources, SDK payloads). */
export const iamApiObject: ObjectRecogniser = ({ r }, out) => {
  if (
    r.entry(['MinimumPasswordLength']) ||
    ['RequireSymbols', 'RequireNumbers', 'RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'PasswordReusePrevention'].filter((k) => r.entry([k]))
      .length >= 2
  ) {
    out.push(iamLike(r, 'AWS IAM', AWS_API, {}));
    return true;
  }
  return false;
};

/** Terraform `aws_iam_account_password_policy`. */
export const iamTerraform: ResourceRecogniser = (_doc, _res, r, out) => {
  out.push(iamLike(r, 'AWS IAM', AWS_TF, AWS_DEFAULTS));
};
