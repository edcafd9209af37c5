import type { Rule } from '../rule';
import { cliCredential } from './cli-credential';
import { connectionString } from './connection-string';
import { credentialFile } from './credential-file';
import { genericAssignmentRules } from './generic-assignment';
import { keycloakCredential } from './keycloak-credential';
import { kubernetesSecret } from './kubernetes-secret';
import { privateKeyBlock } from './private-key-block';
import { specRules } from './providers/index';
import { secretFile } from './secret-file';
import { secretlintRules } from './secretlint-rules';
import { sqlCredential } from './sql-credential';
import { terraformCredential } from './terraform-credential';
import { xmlCredential } from './xml-credential';

/**
 * Every secret rule: secretlint's recommended preset first (an adapter, secretlint-rules.ts),
 * then Mamori's own: the declared ones (provider tokens and Japanese services, SecretSpecs in
 * providers/ turned into rules by spec-rule.ts), then the rules with logic of their own (key
 * material, connection strings, credential files, Kubernetes Secrets, command lines, and the
 * generic assignments last). What they share is in analysis/. Overlapping findings are reduced
 * to the most specific one by `dedupeSecretFindings`.
 */
export const secretRules: Rule[] = [
  ...secretlintRules,
  ...specRules,
  privateKeyBlock,
  connectionString,
  credentialFile,
  secretFile,
  kubernetesSecret,
  keycloakCredential,
  sqlCredential,
  terraformCredential,
  xmlCredential,
  cliCredential,
  ...genericAssignmentRules,
];
