// Scans every file of test/fixtures/password-policy under each profile. weak/ files must yield
// exactly the rules listed below under jp-baseline; strong/ files nothing under jp-baseline;
// not-policy/ files nothing under any profile. Every proposed fix is applied and the file
// re-parsed and re-scanned: the fix must leave a valid file and remove what it fixes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseTOML } from 'toml-eslint-parser';
import { parseAllDocuments } from 'yaml';
import { parseHcl } from '../../../../src/core/documents/hcl';
import { PROFILE_IDS, type ProfileId } from '../../../../src/core/guidelines/profiles';
import { scanText } from '../../../../src/core/scan';
import type { Finding, ScanConfig, TextEdit } from '../../../../src/core/types';
import { cpuNow } from '../../helpers/cpu-clock';

const ROOT = path.join(__dirname, '../../../fixtures/password-policy');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? files(p) : [p];
  });
}

async function policyFindings(rel: string, text: string, config: ScanConfig = {}): Promise<Finding[]> {
  return (await scanText({ path: rel, text }, config)).filter((f) => f.category === 'password-policy');
}

function read(rel: string): string {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8');
}

const P = 'password-policy/';
const LEN = `${P}min-length`;
const COMP = `${P}composition`;
const REUSE = `${P}reuse`;
const LOCK = `${P}lockout`;
const EXP = `${P}periodic-expiry`;
const HASH = `${P}weak-hash`;

/** Rules each weak fixture must trigger under jp-baseline, and no others. */
const WEAK: Readonly<Record<string, string[]>> = {
  'weak/ansible/group_vars/all.yml': [LEN],
  'weak/ansible/roles/base/defaults/main.yml': [LEN],
  'weak/ansible/tasks/login-defs.yml': [LEN],
  'weak/ansible/keycloak.yml': [LEN, COMP, REUSE, LOCK],
  'weak/aspnet/Login.cshtml.cs': [LOCK],
  'weak/aspnet/Models/RegisterViewModel.cs': [LEN],
  'weak/aspnet/Program.cs': [LEN, COMP],
  'weak/aspnet/appsettings.json': [LEN, COMP],
  'weak/auth0/connection.json': [LEN, COMP, REUSE, LOCK],
  'weak/azure-b2c/TrustFrameworkExtensions.xml': [LEN],
  'weak/cdk/auth-stack.ts': [LEN, COMP],
  'weak/cloudformation/cognito.yaml': [LEN, COMP, REUSE],
  'weak/cloudformation/iam-password-policy.yaml': [LEN, COMP, REUSE, EXP],
  'weak/config/app.env': [LEN],
  'weak/config/application.properties': [LEN],
  'weak/config/application.yml': [LEN],
  'weak/config/settings.json': [LEN],
  'weak/django/annotated.py': [LEN],
  'weak/django/default_min.py': [LEN],
  'weak/auth0-deploy-cli/tenant.yaml': [LEN],
  'weak/django/production.py': [LEN],
  'weak/django/settings.py': [LEN],
  'weak/django/validators.py': [LEN],
  'weak/django/custom_options.py': [LEN],
  'weak/express/routes/users.js': [LEN],
  'weak/flask/register.py': [LEN],
  'weak/firebase/configure-auth.ts': [LEN, COMP],
  'weak/go/handlers/signup.go': [LEN],
  'weak/go/register.go': [LEN],
  'weak/firebase/project-config.json': [LEN],
  'weak/keycloak/realm-export.json': [LEN, COMP, REUSE, LOCK, EXP],
  'weak/keycloak/realm-import.json': [LEN, REUSE],
  'weak/keycloak-config-cli/realm.yaml': [LEN, REUSE],
  'weak/keycloak/realm-no-policy.json': [LEN, REUSE],
  'weak/laravel/AppServiceProvider.php': [LEN, COMP],
  'weak/laravel/Http/RegisteredUserController.php': [LEN],
  'weak/laravel/RegisterController.php': [LEN],
  'weak/linux/login.defs': [LEN, EXP],
  'weak/linux/pam.d/common-password': [LEN],
  'weak/linux/pam.d/common-password-unix': [LEN],
  'weak/linux/pam.d/passwd': [LEN],
  'weak/linux/pwquality.conf': [LEN, COMP],
  'weak/models/account.ts': [LEN],
  'weak/models/user.js': [LEN],
  'weak/mysql/my.cnf': [LEN, COMP],
  'weak/mysql/relax-password-check.sql': [LEN, COMP],
  'weak/okta/password-policy.json': [LEN, COMP, REUSE, LOCK],
  'weak/okta/default-length.tf': [LEN],
  'weak/php/change_password.php': [LEN],
  'weak/postgres/postgresql.conf': [HASH],
  'weak/pulumi/Pulumi.yaml': [LEN],
  'weak/pulumi/index.ts': [REUSE],
  'weak/rails/app/models/user.rb': [LEN],
  'weak/rails/config/initializers/devise.rb': [LEN, LOCK],
  'weak/scripts/harden.sh': [LEN],
  'weak/schemas/PasswordConfig.java': [LEN],
  'weak/schemas/SignupRequest.java': [LEN],
  'weak/schemas/app/api/register/route.ts': [LEN],
  'weak/schemas/register.dto.ts': [LEN],
  'weak/schemas/create-user.dto.ts': [LEN],
  'weak/schemas/register.schema.ts': [LEN],
  'weak/schemas/signup-handler.ts': [LEN],
  'weak/schemas/reset-password.yup.js': [LEN],
  'weak/schemas/user_create.py': [LEN],
  'weak/supabase-defaults/supabase/config.toml': [LEN, COMP],
  'weak/supabase/config.toml': [LEN, COMP],
  'weak/supabase-auth/auth.env': [LEN],
  'weak/symfony/src/Entity/NewPassword.php': [LEN],
  'weak/symfony/src/Form/RegistrationFormType.php': [LEN],
  'weak/terraform/auth0.tf': [LEN, COMP, REUSE, LOCK],
  'weak/terraform/auth0-conditional.tf': [LEN, COMP],
  'weak/terraform/auth0-levels.tf': [LEN, COMP],
  'weak/terraform/cognito-module.tf': [LEN],
  'weak/terraform/cognito-module-default.tf': [LEN, REUSE],
  'weak/terraform/cognito-module-flat.tf': [COMP],
  'weak/terraform/expr-conditional.tf': [LEN],
  'weak/terraform/expr-functions.tf': [LEN],
  'weak/terraform/for-each.tf': [LEN],
  'weak/terraform/locals-policy.tf': [LEN, COMP],
  'weak/terraform/module-call.tf': [LEN, COMP],
  'weak/terraform/modules/account-policy/variables.tf': [LEN],
  'weak/terraform/auth0-unset.tf': [LEN],
  'weak/terraform/cognito-default.tf': [LEN, REUSE],
  'weak/terraform/cognito.tf': [LEN, COMP, REUSE],
  'weak/terraform/iam.tf': [LEN, COMP, REUSE, EXP],
  'weak/terraform/iam.tf.json': [LEN],
  'weak/terraform/keycloak.tf': [LEN, COMP, REUSE, LOCK],
  'weak/terraform/okta.tf': [LEN, COMP, REUSE, LOCK, EXP],
};

const all = files(ROOT)
  .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
  .sort();

describe('password-policy fixtures under jp-baseline', () => {
  it('lists every weak fixture', () => {
    assert.deepEqual(
      all.filter((f) => f.startsWith('weak/')),
      Object.keys(WEAK).sort(),
    );
  });

  for (const rel of all.filter((f) => f.startsWith('weak/'))) {
    it(`${rel} → ${(WEAK[rel] ?? []).map((r) => r.slice(P.length)).join(', ')}`, async () => {
      const found = [...new Set((await policyFindings(rel, read(rel))).map((f) => f.ruleId))].sort();
      assert.deepEqual(found, [...(WEAK[rel] ?? [])].sort());
    });
  }

  for (const rel of all.filter((f) => f.startsWith('strong/'))) {
    it(`${rel} is quiet`, async () => {
      assert.deepEqual(
        (await policyFindings(rel, read(rel))).map((f) => `${f.ruleId} ${f.messageId}`),
        [],
      );
    });
  }
});

describe('password-policy fixtures that are not policies', () => {
  for (const rel of all.filter((f) => f.startsWith('not-policy/'))) {
    for (const profile of PROFILE_IDS) {
      it(`${rel} is quiet under ${profile}`, async () => {
        assert.deepEqual(
          (await policyFindings(rel, read(rel), { passwordPolicy: { profile } })).map((f) => f.ruleId),
          [],
        );
      });
    }
  }
});

async function rules(rel: string, profile: ProfileId, overrides?: NonNullable<ScanConfig['passwordPolicy']>['overrides']): Promise<string[]> {
  const found = await policyFindings(rel, read(rel), { passwordPolicy: { profile, ...(overrides ? { overrides } : {}) } });
  return found.map((f) => `${f.ruleId.slice(P.length)}:${f.messageId}:${f.severity}`).sort();
}

describe('password-policy profiles', () => {
  it('names the profile, the configured and the required value, citing the profile first', async () => {
    const [f] = (await policyFindings('weak/terraform/iam.tf', read('weak/terraform/iam.tf'))).filter((x) => x.ruleId === LEN);
    assert.equal(f.data.profile, 'jp-baseline');
    assert.equal(f.data.actual, '8');
    assert.equal(f.data.required, '10');
    assert.equal(f.severity, 'warning');
    assert.equal(f.guidelines[0], 'nisc-handbook');
    const [p] = (await policyFindings('weak/terraform/iam.tf', read('weak/terraform/iam.tf'), { passwordPolicy: { profile: 'pci-dss-4' } })).filter(
      (x) => x.ruleId === LEN,
    );
    assert.equal(p.data.required, '12');
    // PCI DSS has no official Japanese URL: the PPC Q&A leads.
    assert.deepEqual(p.guidelines, ['ppc-faq-10-19', 'pci-dss-v4-8.3']);
    const [m] = (await policyFindings('weak/terraform/iam.tf', read('weak/terraform/iam.tf'), { passwordPolicy: { profile: 'mhlw-medical' } })).filter(
      (x) => x.ruleId === LEN,
    );
    // The numbers are the Q&A's (シQ-54), not the guideline body's: the Q&A leads.
    assert.equal(m.guidelines[0], 'mhlw-6.0-qa-54');
  });

  it('is an error far below (under 8), a warning just below', async () => {
    const f = (await policyFindings('weak/schemas/register.schema.ts', read('weak/schemas/register.schema.ts')))[0];
    assert.equal(f.severity, 'error');
    assert.equal(f.data.actual, '6');
  });

  it('pci-dss-4: letters and digits suffice, history of 4, lockout within 10 attempts for 30 minutes', async () => {
    assert.deepEqual(await rules('weak/terraform/iam.tf', 'pci-dss-4'), ['min-length:tooShort:warning', 'reuse:off:warning']);
    assert.deepEqual(await rules('weak/aspnet/appsettings.json', 'pci-dss-4'), [
      'lockout:tooManyAttempts:warning',
      'lockout:tooShort:warning',
      'min-length:tooShort:error',
    ]);
    assert.deepEqual(await rules('weak/keycloak/realm-no-policy.json', 'pci-dss-4'), [
      'lockout:tooManyAttempts:warning',
      'lockout:tooShort:warning',
      'min-length:missing:error',
      'reuse:off:warning',
    ]);
    for (const strong of [
      'strong/keycloak/realm-export.json',
      'strong/linux/faillock.conf',
      'strong/okta/password-policy.json',
      'strong/terraform/keycloak.tf',
    ]) {
      assert.deepEqual(await rules(strong, 'pci-dss-4'), [], strong);
    }
  });

  it('mhlw-medical: 13, or 8 with two-factor authentication, or 8 changed every two months', async () => {
    assert.deepEqual(await rules('strong/terraform/cognito.tf', 'mhlw-medical'), []);
    assert.deepEqual(await rules('weak/cloudformation/cognito.yaml', 'mhlw-medical'), [
      'composition:missing:warning',
      'min-length:tooShort:warning',
      'reuse:off:warning',
    ]);
    // The MHLW alternative is 8 characters changed within 2 months. A 60-day expiry does not
    // always fit (60 days from 1 January end on 1 March); 59 days do. Symbols are missing either way.
    assert.deepEqual(await rules('weak/cloudformation/iam-password-policy.yaml', 'mhlw-medical'), [
      'composition:missing:warning',
      'min-length:tooShort:warning',
      'reuse:off:warning',
    ]);
    const text59 = read('weak/cloudformation/iam-password-policy.yaml').replace('MaxPasswordAge: 60', 'MaxPasswordAge: 59');
    const found59 = await policyFindings('weak/cloudformation/iam-password-policy.yaml', text59, { passwordPolicy: { profile: 'mhlw-medical' } });
    assert.deepEqual(found59.map((f) => `${f.ruleId.slice(P.length)}:${f.messageId}:${f.severity}`).sort(), [
      'composition:missing:warning',
      'reuse:off:warning',
    ]);
    assert.deepEqual(await rules('strong/keycloak/realm-export.json', 'mhlw-medical'), ['min-length:tooShort:warning']);
  });

  it('nist-800-63b-4: 15 characters, composition and periodic change reported for information', async () => {
    assert.deepEqual(await rules('weak/terraform/iam.tf', 'nist-800-63b-4'), [
      'composition:discouraged:info',
      'min-length:tooShort:warning',
      'periodic-expiry:periodic:info',
    ]);
    assert.deepEqual(await rules('strong/keycloak/realm-export.json', 'nist-800-63b-4'), ['composition:discouraged:info', 'min-length:tooShort:warning']);
  });

  it('custom overrides replace the numbers and mark the profile', async () => {
    const f = await policyFindings('strong/terraform/iam.tf', read('strong/terraform/iam.tf'), { passwordPolicy: { overrides: { minLength: 16 } } });
    assert.equal(f.length, 1);
    assert.equal(f[0].data.required, '16');
    assert.equal(f[0].data.profile, 'jp-baseline+custom');
    assert.deepEqual(await rules('weak/terraform/iam.tf', 'jp-baseline', { passwordHistory: 0, requiredClasses: [] }), [
      'min-length:tooShort:warning',
      'periodic-expiry:periodic:info',
    ]);
    assert.deepEqual(await rules('weak/aspnet/appsettings.json', 'jp-baseline', { lockoutAttempts: 10, minLength: 6, requiredClasses: ['digit'] }), [
      'lockout:tooManyAttempts:warning',
    ]);
  });
});

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // From the end, so earlier offsets stay valid; same-offset inserts keep their order.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.range[0] - a.e.range[0] || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.range[0]) + e.newText + out.slice(e.range[1]);
  return out;
}

function assertParses(rel: string, text: string): void {
  if (rel.endsWith('.json')) JSON.parse(text);
  else if (/\.ya?ml$/.test(rel)) {
    for (const d of parseAllDocuments(text))
      assert.deepEqual(
        d.errors.map((e) => e.message),
        [],
        rel,
      );
  } else if (rel.endsWith('.toml')) {
    parseTOML(text);
  } else if (rel.endsWith('.tf')) {
    const tree = parseHcl(text);
    assert.ok(
      tree.entries.some((e) => ['resource', 'module', 'variable', 'locals'].includes(e.key)),
      rel,
    );
  }
}

describe('password-policy fixes', () => {
  for (const rel of all.filter((f) => f.startsWith('weak/'))) {
    it(`${rel}: every fix keeps the file valid and removes what it fixes`, async () => {
      const text = read(rel);
      const before = await policyFindings(rel, text);
      for (const f of before) {
        if (!f.fixes?.length) continue;
        for (const fix of f.fixes) assert.equal(fix.safe, false, 'policy changes are never applied blind');
        const fixed = applyEdits(
          text,
          f.fixes.flatMap((x) => x.edits),
        );
        assertParses(rel, fixed);
        const after = await policyFindings(rel, fixed);
        const count = (list: Finding[]) => list.filter((x) => x.ruleId === f.ruleId).length;
        assert.ok(count(after) < count(before), `${f.ruleId} ${f.messageId} still reported after its fix:\n${fixed}`);
        // A fix never introduces a finding of another rule.
        for (const rule of new Set(after.map((x) => x.ruleId))) {
          const n = (list: Finding[]) => list.filter((x) => x.ruleId === rule).length;
          assert.ok(n(after) <= n(before), `${rule} appeared after fixing ${f.ruleId}`);
        }
      }
    });
  }
});

describe('password-policy robustness', () => {
  it('stays fast and quiet on large and odd input', async () => {
    const big = 'export const s = { password: z.string().min(' + '('.repeat(5000) + '\n'.repeat(10) + '};\n';
    const nested = '{"passwordPolicy": ' + '['.repeat(3000) + ']'.repeat(3000) + '}';
    const keycloak = JSON.stringify({ realm: 'x', passwordPolicy: 'length(' + '9'.repeat(50000) + ')' });
    const start = cpuNow();
    for (const [p, t] of [
      ['register.ts', big],
      ['realm.json', nested],
      ['realm.json', keycloak],
      ['common-password', 'password requisite pam_pwquality.so '.repeat(20000)],
    ]) {
      await policyFindings(p, t);
    }
    assert.ok(cpuNow() - start < 5000, 'took too long');
  });
});
