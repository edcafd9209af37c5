import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { basisData, mayHoldPolicy, POLICY_GUIDELINES, profileOf, setFix } from './analysis/common';
import { withinMonths } from '../../guidelines/profiles';
import { effective } from './analysis/model';
import { policiesOf, POLICY_LITERALS } from './analysis/policies';

/** Minimum password length below the profile's, or not set at all. */
export const minLengthRule: Rule = {
  id: 'password-policy/min-length',
  risk: risk(5.3, 'high', CWE.WEAK_POLICY),
  literals: POLICY_LITERALS,
  category: 'password-policy',
  severity: 'warning',
  guidelines: POLICY_GUIDELINES,
  title: { en: 'Minimum password length too short', ja: 'パスワードの最低文字数が短い' },
  description: {
    en: "The PPC Q&A 10-19 asks every business handling personal data to set a minimum password length; the NISC handbook puts the safe zone at 10 or more characters, the MHLW medical guideline's Q&A at 13 (8 with two-factor authentication, or 8 changed within 2 months), PCI DSS at 12 and NIST at 15. Raise the minimum to the selected profile's value. A minimum below 8 is reported as an error: that line is Mamori's own default, not a guideline's.",
    ja: '個人情報保護委員会 Q&A 10-19 は、個人データを扱う事業者に最低パスワード文字数の設定を求めています。NISC ハンドブックは10文字以上、厚生労働省の医療情報ガイドラインの Q&A は13文字以上（二要素認証なら8文字以上、又は8文字以上で2か月以内ごとの変更）、PCI DSS は12文字、NIST は15文字を目安とします。選択したプロファイルの値まで引き上げてください。8文字未満を重大として報告するのは Mamori 独自の既定値で、ガイドラインの数値ではありません。',
  },
  messages: {
    tooShort: {
      en: 'Minimum password length {actual} is below {required} required by {profile} ({sourceEn}).',
      ja: 'パスワードの最低文字数 {actual} は、{profile}（{sourceJa}）が求める {required} 文字を下回っています。',
    },
    defaultTooShort: {
      en: 'Minimum password length is not set, so the {product} default of {actual} applies: below {required} required by {profile} ({sourceEn}).',
      ja: 'パスワードの最低文字数が設定されておらず、{product} の既定値 {actual} が適用されます。{profile}（{sourceJa}）が求める {required} 文字を下回っています。',
    },
    missing: {
      en: 'No minimum password length is set; {profile} ({sourceEn}) requires at least {required}.',
      ja: 'パスワードの最低文字数が設定されていません。{profile}（{sourceJa}）は {required} 文字以上を求めています。',
    },
    'fix.raise': { en: 'Set the minimum length to {required}', ja: '最低文字数を {required} にする' },
  },
  appliesTo: mayHoldPolicy,
  check(doc, ctx) {
    const profile = profileOf(ctx);
    const req = profile.length;
    const out: RawFinding[] = [];
    for (const policy of policiesOf(doc)) {
      const fact = policy.minLength;
      if (!fact) continue;
      const actual = effective(fact);
      const required = policy.mfa && req.withMfa !== undefined ? req.withMfa : req.min;
      if (actual !== undefined) {
        if (actual >= required) continue;
        // MHLW's alternative: a shorter password that must change often enough.
        const alt = req.withExpiry;
        const age = effective(policy.maxAgeDays);
        if (alt && actual >= alt.min && age !== undefined && age > 0 && withinMonths(age, alt.maxAgeMonths)) continue;
      }
      const data = { ...basisData(profile, req), actual: actual === undefined ? '-' : String(actual), required: String(required), product: policy.product };
      const fix = setFix(fact, required, 'fix.raise', { required: String(required) });
      out.push({
        range: fact.range,
        messageId: fact.kind === 'set' ? 'tooShort' : actual === undefined ? 'missing' : 'defaultTooShort',
        data,
        severity: actual === undefined || actual < req.errorBelow ? 'error' : 'warning',
        guidelines: req.guidelines,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return out;
  },
  examples: {
    bad: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 8\n  require_uppercase_characters = true\n}\n',
      },
      { path: 'realm-export.json', text: '{\n  "realm": "shop",\n  "passwordPolicy": "length(6) and digits(1)"\n}\n' },
      // A realm import without passwordPolicy: Keycloak then sets no minimum at all.
      { path: 'realm-import.json', text: '{\n  "realm": "shop",\n  "enabled": true,\n  "requiredCredentials": ["password"],\n  "users": []\n}\n' },
      { path: 'settings.py', text: 'AUTH_PASSWORD_VALIDATORS = [\n    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},\n]\n' },
      { path: 'okta.tf', text: 'resource "okta_policy_password" "staff" {\n  name   = "Staff"\n  status = "ACTIVE"\n}\n' },
      { path: 'tenant.yaml', text: '# auth0 deploy CLI\ndatabases:\n  - name: customers\n    options:\n      brute_force_protection: true\n' },
      { path: 'auth.env', text: 'GOTRUE_SITE_URL=http://localhost:3000\nGOTRUE_EXTERNAL_EMAIL_ENABLED=true\n' },
      { path: 'pam.d/passwd', text: 'password requisite pam_passwdqc.so min=disabled,24,12,10,8\n' },
      { path: 'roles/base/defaults/main.yml', text: 'base_pam_passwdqc_options: "min=disabled,disabled,16,12,8"\n' },
      { path: 'iam.tf', text: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = var.prod ? 14 : 8\n}\n' },
      { path: 'variables.tf', text: 'variable "minimum_password_length" {\n  type    = number\n  default = 8\n}\n' },
      { path: 'main.tf', text: 'module "account" {\n  source                  = "./modules/account"\n  minimum_password_length = 6\n}\n' },
      {
        path: 'pools.tf',
        text: 'locals {\n  pools = { staff = { minimum_length = 14 }, kiosk = { minimum_length = 6 } }\n}\nresource "aws_cognito_user_pool" "p" {\n  for_each = local.pools\n  password_policy {\n    minimum_length = each.value.minimum_length\n  }\n}\n',
      },
      { path: 'routes/users.js', text: "router.post('/register', body('password').isLength({ min: 6 }), create);\n" },
      { path: 'models/user.js', text: 'const UserSchema = new mongoose.Schema({\n  password: { type: String, required: true, minlength: 6 },\n});\n' },
      { path: 'register.go', text: 'type RegisterRequest struct {\n\tPassword string `json:"password" binding:"required,min=6"`\n}\n' },
      {
        path: 'Models/RegisterViewModel.cs',
        text: 'public class RegisterViewModel\n{\n    [StringLength(100, MinimumLength = 6)]\n    [DataType(DataType.Password)]\n    public string Password { get; set; }\n}\n',
      },
      {
        path: 'src/Form/RegistrationFormType.php',
        text: "<?php\nclass RegistrationFormType\n{\n    public function buildForm($builder)\n    {\n        $builder->add('plainPassword', PasswordType::class, ['constraints' => [new Length(['min' => 6])]]);\n    }\n}\n",
      },
      { path: 'views.py', text: 'def register(request):\n    if len(request.POST["password"]) < 6:\n        return error()\n' },
    ],
    good: [
      {
        path: 'iam.tf',
        text: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n}\n',
      },
      // A length check on a login route validates input; it sets no policy.
      { path: 'routes/session.js', text: "router.post('/login', body('password').isLength({ min: 6 }), login);\n" },
      { path: 'views.py', text: 'def login(request):\n    if len(request.POST["password"]) < 6:\n        return error()\n' },
      { path: 'iam.tf', text: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = max(var.min_length, 14)\n}\n' },
      { path: 'variables.tf', text: 'variable "minimum_password_length" {\n  type    = number\n  default = 14\n}\n' },
      { path: 'keycloak.json', text: '{\n  "realm": "shop",\n  "auth-server-url": "http://localhost:8080/",\n  "resource": "shop-api"\n}\n' },
      { path: 'auth.env', text: 'GOTRUE_EXTERNAL_EMAIL_ENABLED=true\nGOTRUE_PASSWORD_MIN_LENGTH=12\n' },
      { path: 'pam.d/passwd', text: 'password requisite pam_passwdqc.so min=disabled,disabled,16,14,12\n' },
    ],
  },
};
