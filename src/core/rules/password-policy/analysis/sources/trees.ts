import type { Document } from '../../../../documents/document';
import { treesOf } from '../../../../documents/trees';
import { entry, type Entry, type ObjectNode, type TreeNode } from '../../../../documents/tree';
import { mentionsAny } from '../../../../literals';
import type { Range } from '../../../../types';
import { scalarReplacer } from '../edits';
import { stated, type PolicyFacts } from '../model';
import { headerRange, TreeReader } from '../reader';
import { isMinLengthSetting, PW_WORDS, splitWords } from './names';
import { alicloudAccountTerraform, alicloudTerraform } from './products/alicloud';
import { ansibleFileTasks, ansibleModules, ansibleVariables } from './products/ansible';
import { aspnetIdentity } from './products/aspnet';
import {
  auth0AttackProtection,
  auth0AttackProtectionTerraform,
  auth0ConnectionOptions,
  auth0ConnectionTerraform,
  auth0DeployDatabases,
  auth0UnsetConnection,
} from './products/auth0';
import { iamApiObject, iamTerraform } from './products/aws-iam';
import { cloudSqlTerraform } from './products/cloud-sql';
import { cognitoCloudFormation, cognitoTerraform } from './products/cognito';
import { firebaseConfig } from './products/firebase';
import { keycloakRealmObject, keycloakTerraform } from './products/keycloak';
import { ociTerraform } from './products/oci';
import { oktaApiSettings, oktaTerraform } from './products/okta';
import { pulumiResource } from './products/pulumi';
import type { ObjectRecogniser, ResourceRecogniser, TfResource } from './products/shared';
import { supabase } from './products/supabase';
import { terraformValues } from './products/terraform-values';

/** Words (any case) every recogniser below needs: a cheap gate, answered by the shared one-pass search. */
export const TREE_WORDS: readonly string[] = ['passw', 'policy', 'brute', 'lockout', 'realm', 'minlen', 'min_len', 'user_pool_name'];
/**
 * What a TOML file needs before it is parsed for Supabase's settings: the `auth` key they live
 * under, or a `\u`/`\U` escape that may spell it in a quoted key (TOML's other escapes spell no
 * letter). No other password-policy source reads TOML, and only one exposure rule (behind its
 * own words), so most TOML files (Cargo.toml, pyproject.toml) are no longer parsed at all.
 */
export const TOML_WORDS: readonly string[] = ['auth', '\\u'];

/**
 * Password policies in structured files: Terraform (HCL and JSON), CloudFormation, Pulumi YAML,
 * Ansible, Keycloak realms, Auth0, Okta, Firebase/Identity Platform, ASP.NET Core Identity and
 * Supabase settings. Each product's recogniser lives in products/<product>.ts and matches an
 * object by its distinctive keys, so the same shape is found wherever a tool nests it. This file
 * only says which recogniser looks at what, and in which order.
 */

/**
 * The recognisers every object of a YAML or JSON tree is offered to, in this order. A recogniser
 * that claims an object (answers true) ends the list for it; the others add what they find and
 * let the next look too. The order matters where shapes overlap:
 * - Pulumi and CloudFormation resources come first: their `type`/`Type` names the product, and
 *   their properties must not be read again as a bare IAM or Cognito object.
 * - The IAM API shape is claimed before the Auth0 and Keycloak checks, which also read
 *   `passwordPolicy`-like keys.
 * - Auth0's connection options are claimed before Keycloak, since both write `password_policy`
 *   (a level word for Auth0, a policy string for Keycloak); Auth0's unset-connection and
 *   attack-protection checks add to whatever follows.
 * - Keycloak (a realm or a policy string) is claimed before Okta's API shape.
 * - Firebase and ASP.NET Core Identity are looked for last, in any object not claimed before.
 */
const OBJECT_RECOGNISERS: readonly ObjectRecogniser[] = [
  pulumiResource,
  cognitoCloudFormation,
  ansibleFileTasks,
  ansibleModules,
  iamApiObject,
  auth0UnsetConnection,
  auth0DeployDatabases,
  auth0ConnectionOptions,
  auth0AttackProtection,
  keycloakRealmObject,
  oktaApiSettings,
  firebaseConfig,
  aspnetIdentity,
];

/** Terraform resource types with a password policy, and who reads each (a type names one product: no order). */
const TERRAFORM_RESOURCES: ReadonlyMap<string, ResourceRecogniser> = new Map([
  ['aws_iam_account_password_policy', iamTerraform],
  ['alicloud_ram_account_password_policy', alicloudAccountTerraform],
  ['alicloud_ram_password_policy', alicloudTerraform],
  ['oci_identity_authentication_policy', ociTerraform],
  ['aws_cognito_user_pool', cognitoTerraform],
  ['okta_policy_password', oktaTerraform],
  ['okta_policy_password_default', oktaTerraform],
  ['keycloak_realm', keycloakTerraform],
  ['auth0_connection', auth0ConnectionTerraform],
  ['auth0_attack_protection', auth0AttackProtectionTerraform],
  ['google_sql_database_instance', cloudSqlTerraform],
]);

/** Offers one object of a YAML or JSON tree to the recognisers; `via` is the entry that holds it, if any. */
function recognise(doc: Document, obj: ObjectNode, via: Entry | undefined, out: PolicyFacts[]): void {
  const anchor = via ? headerRange(doc, via) : ([obj.range[0], Math.min(obj.range[1], obj.range[0] + 1)] as Range);
  const site = { doc, obj, via, anchor, r: new TreeReader(doc, obj, anchor) };
  for (const recogniser of OBJECT_RECOGNISERS) if (recogniser(site, out)) return;
}

/**
 * Settings named for a password minimum length in any configuration (`password_min_length: 8`,
 * `passwordMinLength: 6`, `password: { min-length: 8 }`), whatever product reads them. A
 * JSON Schema property (`password: { type: string, minLength: 1 }`) describes input, not a
 * policy, and is left alone.
 */
function namedSettings(doc: Document, obj: ObjectNode, via: Entry | undefined, out: PolicyFacts[]): void {
  const parentWords = via ? splitWords(via.key) : [];
  const underPassword = parentWords.length === 1 && PW_WORDS.has(parentWords[0]) && entry(obj, 'type') === undefined;
  for (const e of obj.entries) {
    const v = e.value;
    // Cheap test first: every name this reads holds "min" (min, minimum, minlen).
    if (v.kind !== 'scalar' || !/min/i.test(e.key) || v.tag === 'expr' || (v.tag && v.tag.startsWith('!'))) continue;
    if (!(typeof v.value === 'number' || (typeof v.value === 'string' && /^\d{1,3}$/.test(v.value)))) continue;
    if (!isMinLengthSetting(e.key) && !(underPassword && isMinLengthSetting(`${via?.key}_${e.key}`))) continue;
    const n = Number(v.value);
    if (!Number.isInteger(n) || n < 0 || n > 512) continue;
    out.push({ product: 'configuration', anchor: e.keyRange, minLength: stated(n, v.range, scalarReplacer<number>(doc, v)) });
  }
}

function walk(doc: Document, node: TreeNode, via: Entry | undefined, out: PolicyFacts[], named: PolicyFacts[], depth: number): void {
  if (depth > 60 || out.length > 200) return;
  if (node.kind === 'object') {
    recognise(doc, node, via, out);
    if (named.length < 50) namedSettings(doc, node, via, named);
    for (const e of node.entries) walk(doc, e.value, e, out, named, depth + 1);
  } else if (node.kind === 'array') {
    for (const item of node.items) walk(doc, item, undefined, out, named, depth + 1);
  }
}

/** Adds `extra` policies whose minimum length no policy of `out` already states at that place. */
export function addUnseen(out: PolicyFacts[], extra: readonly PolicyFacts[]): void {
  const seen = new Set(out.flatMap((f) => (f.minLength?.kind === 'set' ? [f.minLength.range.join(':')] : [])));
  for (const f of extra) if (f.minLength?.kind === 'set' && !seen.has(f.minLength.range.join(':'))) out.push(f);
}

function terraformResources(doc: Document, root: TreeNode): TfResource[] {
  const out: TfResource[] = [];
  if (root.kind !== 'object') return out;
  for (const e of root.entries) {
    if (e.key !== 'resource' || e.value.kind !== 'object') continue;
    if (doc.format === 'hcl') {
      const type = e.value.labels?.[0];
      if (type) out.push({ type, body: e.value, anchor: headerRange(doc, e) });
    } else {
      // Terraform JSON: { "resource": { "<type>": { "<name>": { … } } } }
      for (const t of e.value.entries) {
        if (t.value.kind !== 'object') continue;
        for (const n of t.value.entries) if (n.value.kind === 'object') out.push({ type: t.key, body: n.value, anchor: headerRange(doc, n) });
      }
    }
  }
  return out;
}

function terraform(doc: Document, res: TfResource, out: PolicyFacts[]): void {
  TERRAFORM_RESOURCES.get(res.type)?.(doc, res, new TreeReader(doc, res.body, res.anchor), out);
}

/** Every password policy in a structured document. */
export function treePolicies(doc: Document): PolicyFacts[] {
  if (doc.format === 'toml') {
    if (!mentionsAny(doc, TOML_WORDS)) return [];
    const root = treesOf(doc)[0];
    const f = root ? supabase(doc, root) : undefined;
    return f ? [f] : [];
  }
  if (doc.format !== 'hcl' && doc.format !== 'json' && doc.format !== 'yaml') return [];
  // Cheap gate: every recogniser needs one of these words.
  if (!mentionsAny(doc, TREE_WORDS)) return [];
  const out: PolicyFacts[] = [];
  for (const tree of treesOf(doc)) {
    const resources = terraformResources(doc, tree);
    if (resources.length > 0 || doc.format === 'hcl') {
      for (const res of resources) terraform(doc, res, out);
      if (doc.format === 'hcl') terraformValues(doc, tree, out);
      continue;
    }
    const named: PolicyFacts[] = [];
    walk(doc, tree, undefined, out, named, 0);
    if (doc.format === 'yaml') ansibleVariables(doc, tree, out);
    addUnseen(out, named);
  }
  return out;
}
