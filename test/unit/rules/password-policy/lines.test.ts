// Where password-policy findings point: the line that sets each weak value, or for a value
// left to the product's default, the line that declares the policy section (the validator,
// the realm's credential settings, the connection's options, the module block).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';
import { policyFile } from './cases';

async function lines(rel: string): Promise<string[]> {
  const file = policyFile(rel);
  const text = fs.readFileSync(file, 'utf8');
  const line = (offset: number): number => text.slice(0, offset).split('\n').length;
  const found = (await scanText({ path: file, text })).filter((f) => f.category === 'password-policy');
  return found
    .map((f) => {
      const [a, b] = [line(f.range[0]), line(f.range[1])];
      return `${f.ruleId.slice('password-policy/'.length)}@${a === b ? a : `${a}-${b}`}`;
    })
    .sort();
}

/** Each fixture's findings as `rule@line` (or `rule@from-to` for a span), under jp-baseline. */
const EXPECTED: Readonly<Record<string, string[]>> = {
  // A realm import without passwordPolicy: at requiredCredentials, else at the realm's name.
  'weak/keycloak/realm-import.json': ['min-length@4', 'reuse@4'],
  'weak/keycloak-config-cli/realm.yaml': ['min-length@1', 'reuse@1'],
  // Django: the validator's NAME line; a project's class at its own default.
  'weak/django/default_min.py': ['min-length@2'],
  'weak/django/validators.py': ['min-length@7'],
  'weak/django/annotated.py': ['min-length@5'],
  // Okta and Cognito modules: the resource or module line.
  'weak/okta/default-length.tf': ['min-length@1'],
  'weak/terraform/cognito-module-default.tf': ['min-length@1', 'reuse@1'],
  // Auth0: the options line when the connection states no policy; the weakest level written.
  'weak/auth0-deploy-cli/tenant.yaml': ['min-length@8'],
  'weak/terraform/auth0-unset.tf': ['min-length@5'],
  'weak/terraform/auth0-conditional.tf': ['composition@6', 'min-length@6'],
  'weak/terraform/auth0-levels.tf': ['composition@4', 'min-length@4'],
  // Supabase Auth server env: the line that turns email sign-in on.
  'weak/supabase-auth/auth.env': ['min-length@3'],
  // passwdqc, pam_unix and Ansible variables: the value's line.
  'weak/linux/pam.d/passwd': ['min-length@2'],
  'weak/linux/pam.d/common-password-unix': ['min-length@1'],
  'weak/ansible/roles/base/defaults/main.yml': ['min-length@4'],
  'weak/ansible/tasks/login-defs.yml': ['min-length@13', 'min-length@6'],
  // Terraform: the weakest branch, the variable default, the locals or for_each literal.
  'weak/terraform/expr-conditional.tf': ['min-length@2'],
  'weak/terraform/expr-functions.tf': ['min-length@18', 'min-length@5'],
  'weak/terraform/for-each.tf': ['min-length@4'],
  'weak/terraform/locals-policy.tf': ['composition@4', 'min-length@3'],
  'weak/terraform/modules/account-policy/variables.tf': ['min-length@4'],
  'weak/terraform/module-call.tf': ['composition@6', 'min-length@5'],
  'weak/terraform/cognito-module.tf': ['min-length@6'],
  'weak/terraform/cognito-module-flat.tf': ['composition@6'],
  // Code: the number itself.
  'weak/express/routes/users.js': ['min-length@9'],
  'weak/go/register.go': ['min-length@5'],
  'weak/aspnet/Models/RegisterViewModel.cs': ['min-length@12'],
  'weak/symfony/src/Form/RegistrationFormType.php': ['min-length@22'],
  'weak/flask/register.py': ['min-length@9'],
  'weak/scripts/harden.sh': ['min-length@5'],
};

describe('password-policy finding lines', () => {
  for (const [rel, want] of Object.entries(EXPECTED)) {
    it(`${rel} → ${want.join(', ')}`, async () => {
      assert.deepEqual(await lines(rel), [...want].sort());
    });
  }

  it('one composition finding covers every class switched off next to each other', async () => {
    const text =
      'resource "okta_policy_password" "p" {\n  name                   = "p"\n  password_min_length    = 12\n  password_min_lowercase = 0\n  password_min_uppercase = 0\n  password_min_number    = 0\n  password_min_symbol    = 1\n}\n';
    const found = (await scanText({ path: 'okta.tf', text })).filter((f) => f.ruleId === 'password-policy/composition');
    assert.equal(found.length, 1);
    const line = (o: number): number => text.slice(0, o).split('\n').length;
    assert.deepEqual([line(found[0].range[0]), line(found[0].range[1])], [4, 6]);
  });

  it('a rule requiring three of the four classes mixes them (Auth0 excellent), but guarantees no digit for PCI DSS', async () => {
    const rel = 'strong/terraform/auth0-excellent.tf';
    assert.deepEqual(await lines(rel), []);
    const file = policyFile(rel);
    const text = fs.readFileSync(file, 'utf8');
    const pci = (await scanText({ path: file, text }, { passwordPolicy: { profile: 'pci-dss-4' } })).filter((f) => f.ruleId === 'password-policy/composition');
    assert.deepEqual(
      pci.map((f) => f.data.missingEn),
      ['digits'],
    );
  });
});

describe('password-policy expressions on hostile input', () => {
  it('stays fast on deep and long Terraform expressions', async () => {
    const deep =
      'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = ' + 'var.a ? '.repeat(3000) + '8' + ' : 6'.repeat(3000) + '\n}\n';
    const calls = 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = ' + 'max('.repeat(2000) + '8' + ')'.repeat(2000) + '\n}\n';
    const locals =
      'locals {\n' +
      Array.from({ length: 300 }, (_, i) => `  l${i} = local.l${i + 1}\n`).join('') +
      '}\nresource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = local.l0\n}\n';
    const loop = 'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = local.a\n}\n';
    const checks = 'function register(p) {\n' + '  if (password.length < 8) x();\n'.repeat(5000) + '}\n';
    const start = Date.now();
    for (const [p, t] of [
      ['a.tf', deep],
      ['b.tf', calls],
      ['c.tf', locals],
      ['d.tf', loop],
      ['register.js', checks],
    ]) {
      await scanText({ path: p, text: t });
    }
    assert.ok(Date.now() - start < 5000, 'took too long');
  });
});
