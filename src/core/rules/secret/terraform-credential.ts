import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { hclTree } from '../../documents/hcl';
import { visit, type ScalarNode, type TreeNode } from '../../documents/tree';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { genericTakes } from './generic-overlap';
import { credentialKey, literalCredential, literalCredentialFinding, type LiteralStrength } from './analysis/structured-value';
import { isNonSecretShape } from './analysis/value';

/**
 * Literal passwords and shared secrets in Terraform (`.tf`, `.tfvars`, other HCL): arguments
 * such as `password`, `master_password`, write-only `password_wo`, `client_secret` and
 * `bind_credential` in resources, providers and module calls; `variable` blocks whose `default`
 * is one; nested blocks that carry one as `value` (`initial_password { value = … }`); and
 * `.tfvars` assignments. Every `terraform apply` sets that value, so even a weak one
 * (`admin`, `secret`) is the real credential; it is reported as weak. Interpolations,
 * references, placeholders, and provider-documentation values that only restate the
 * argument's name (`password = "password"`) are skipped. Values that the generic
 * hardcoded-password and hardcoded-secret rules already report are left to them (with their
 * environment-variable fix): this rule adds what they leave, the weak values.
 */

interface Hit {
  range: Range;
  key: string;
  strength: LiteralStrength;
}

function judge(doc: Document, node: TreeNode | undefined, key: string, out: Hit[]): void {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string' || !node.quoted || node.tag) return;
  const value = node.value;
  if (isNonSecretShape(value)) return;
  const strength = literalCredential(value, { key, restating: true });
  if (!strength) return;
  out.push({ range: contentRange(doc.text, node, value), key, strength });
}

function contentRange(text: string, node: ScalarNode, value: string): Range {
  const [a, b] = node.range;
  const at = text.slice(a, b).indexOf(value);
  return at >= 0 ? [a + at, a + at + value.length] : [a, b];
}

function hits(doc: Document): Hit[] {
  return doc.memo('secret:terraform', () => {
    const out: Hit[] = [];
    if (doc.format !== 'hcl') return out;
    const tree = hclTree(doc);
    if (!tree) return out;
    const found: Hit[] = [];
    visit(tree, (node) => {
      if (node.kind !== 'object') return undefined;
      for (const e of node.entries) {
        const v = e.value;
        // `variable "db_password" { default = "…" }`
        if (e.key === 'variable' && v.kind === 'object' && v.labels?.length === 1 && credentialKey(v.labels[0])) {
          judge(doc, v.entries.find((x) => x.key === 'default')?.value, v.labels[0], found);
          continue;
        }
        if (!credentialKey(e.key)) continue;
        if (v.kind === 'scalar') judge(doc, v, e.key, found);
        // `initial_password { value = "…" }`
        else if (v.kind === 'object') judge(doc, v.entries.find((x) => x.key === 'value')?.value, e.key, found);
      }
      return undefined;
    });
    if (found.length === 0) return out;
    const taken = genericTakes(doc);
    for (const h of found) if (!taken(h.range)) out.push(h);
    return out;
  });
}

/** A literal password or shared secret in Terraform configuration or variables. */
export const terraformCredential: Rule = {
  id: 'secret/terraform-credential',
  risk: risk(8.8, 'high', CWE.PASSWORD),
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Literal password in Terraform', ja: 'Terraform に書かれたパスワード' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A credential is written as a literal in Terraform ({key} = {masked}); it is also stored in plan and state files. Pass it as a sensitive variable from a secret store (or use a write-only argument fed from one), and change it.',
      ja: 'Terraform に認証情報がそのまま書かれています（{key} = {masked}）。plan・state ファイルにも保存されます。シークレットストアから sensitive な変数として渡し（または write-only 引数に渡し）、変更してください。',
    },
    weak: {
      en: 'A weak credential is hardcoded in Terraform ({key} = {masked}). Every apply sets this easily guessed value: pass a strong one as a sensitive variable from a secret store.',
      ja: 'Terraform に推測しやすい認証情報がハードコードされています（{key} = {masked}）。apply のたびにこの値が設定されます。シークレットストアから強い値を sensitive な変数として渡してください。',
    },
  },
  formats: ['hcl'],
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => literalCredentialFinding(doc.text, h, ' = '));
  },
};
