import type { Document } from '../../../../../documents/document';
import { get, type ObjectNode } from '../../../../../documents/tree';
import type { Range } from '../../../../../types';
import { omitted, type PolicyFacts } from '../../model';
import { TreeReader } from '../../reader';
import { classFacts, hasDynamic, isObject, put, type ClassKeys, type ObjectRecogniser, type ResourceRecogniser } from './shared';

const COGNITO_CLASSES = (k: (s: string) => string): ClassKeys => ({
  upper: [k('require_uppercase')],
  lower: [k('require_lowercase')],
  digit: [k('require_numbers')],
  symbol: [k('require_symbols')],
});

/**
 * Cognito user pools. Without a password policy Cognito applies 8 characters and all four
 * classes; inside a stated policy, omitted attributes are left to the provider and not judged.
 */
export function cognito(doc: Document, pool: ObjectNode | undefined, anchor: Range, style: 'tf' | 'pulumi' | 'cfn'): PolicyFacts {
  const k = (snake: string): string => {
    if (style === 'tf') return snake;
    const camel = snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    return style === 'cfn' ? camel[0].toUpperCase() + camel.slice(1) : camel;
  };
  const policyNode = style === 'cfn' ? get(pool, 'Policies', 'PasswordPolicy') : style === 'tf' ? get(pool, 'password_policy') : get(pool, 'passwordPolicy');
  const mfa = new TreeReader(doc, pool, anchor).str([k('mfa_configuration')]);
  const facts: PolicyFacts = { product: 'Amazon Cognito', anchor, ...(mfa?.toUpperCase() === 'ON' ? { mfa: true } : {}) };
  if (policyNode?.kind === 'object') {
    const r = new TreeReader(doc, policyNode, anchor);
    facts.classes = classFacts(r, COGNITO_CLASSES(k), undefined);
    put(facts, 'minLength', r.num([k('minimum_length')]));
    put(facts, 'history', r.num([k('password_history_size')], { default: 0 }));
  } else if (policyNode === undefined && !(style === 'tf' && hasDynamic(pool, 'password_policy'))) {
    // (A Terraform `dynamic "password_policy"` block builds the policy from variables: the
    // values are judged where they are set.)
    facts.minLength = omitted(anchor, 8);
    facts.classes = { upper: omitted(anchor, true), lower: omitted(anchor, true), digit: omitted(anchor, true), symbol: omitted(anchor, true) };
    facts.history = omitted(anchor, 0);
  }
  return facts;
}

/** CloudFormation `AWS::Cognito::UserPool`. */
export const cognitoCloudFormation: ObjectRecogniser = ({ doc, r, anchor }, out) => {
  if (r.str(['Type']) !== 'AWS::Cognito::UserPool') return false;
  const props = r.node(['Properties']);
  out.push(cognito(doc, isObject(props) ? props : undefined, anchor, 'cfn'));
  return true;
};

/** Terraform `aws_cognito_user_pool`. */
export const cognitoTerraform: ResourceRecogniser = (doc, res, _r, out) => {
  out.push(cognito(doc, res.body, res.anchor, 'tf'));
};
