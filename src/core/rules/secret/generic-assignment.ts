import type { Document } from '../../documents/document';
import { maskSecret } from '../../mask';
import type { Severity } from '../../types';
import { secretExamples, setExamples, type RawFinding, type Rule } from '../rule';
import { candidatesOf, type Candidate } from './assignments';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { envFix, envVarName, ENV_FIX_ID, ENV_FIX_MESSAGE } from './env-fix';
import { classifyKey, type KeyClass } from './keys';
import { kubernetesSecretBlocks } from './kubernetes-secret';
import { providerShapeMismatch } from './provider-rule';
import { PROVIDER_SPECS } from './providers/index';
import { malformedKnownToken } from './shapes';
import {
  entropy,
  isHashedPassword,
  isIdentifierLike,
  isNonSecretShape,
  isReference,
  isSettingValue,
  looksRandom,
  looksStrong,
  placeholderReason,
  words,
} from './value';

/**
 * Generic assignments: a password, token, API key or client secret written as a literal under a
 * secret-named key, in any format (YAML, JSON, .env, properties, INI, TOML, HCL, XML, code).
 * The key decides what is asked of the value; the value decides: placeholders, references,
 * settings and hashes are skipped, passwords need only be real literals, tokens must look
 * generated.
 */

/** Lock files and generated manifests: names and hashes, never credentials in key/value form. */
const SKIP_FILES = /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|gemfile\.lock|cargo\.lock|poetry\.lock|go\.sum|pipfile\.lock|packages\.lock\.json)$/;

const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest|ApiKey|SSWS|OAuth|token|bearer|basic)[ \t]+/;

/** Eight letters in alphabetical order: a sample value (`abcdefghijklmnop…`), not a key. */
function hasAlphabetRun(v: string): boolean {
  const s = v.toLowerCase();
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    const a = s.charCodeAt(i - 1);
    const b = s.charCodeAt(i);
    run = b === a + 1 && b >= 97 && b <= 122 ? run + 1 : 1;
    if (run >= 8) return true;
  }
  return false;
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Verdict on one candidate: the severity of the finding, or undefined for none. */
export function judgeCandidate(c: Candidate, cls: KeyClass): Severity | undefined {
  let v = c.value.trim();
  if (cls !== 'password') v = v.replace(AUTH_SCHEME, '');
  if (v.length === 0 || v.length > 4000 || /[\r\n]/.test(v)) return undefined;
  // Secrets are ASCII; text in other scripts is a label or a translation (`"password": "パスワード"`).
  if (/[^\x20-\x7e]/.test(v)) return undefined;
  // Escapes (`\x41`, `\u00e9`) mark test strings, not stored credentials.
  if (/\\[xu][0-9a-fA-F]{2}/.test(v)) return undefined;
  if (placeholderReason(v) || isReference(v) || isSettingValue(v) || hasAlphabetRun(v)) return undefined;
  // URLs are for the connection-string and webhook rules, which know their shapes.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return undefined;
  // A value shaped like a provider's token but malformed is that provider's rule's call.
  if (malformedKnownToken(v) || providerShapeMismatch(PROVIDER_SPECS, c.key, v)) return undefined;
  if (normalise(v) === normalise(c.key) || (normalise(v).length >= 4 && normalise(c.key).endsWith(normalise(v)) && /^[A-Za-z_]+$/.test(v))) return undefined;
  // A literal that itself names a secret (`DB_PASSWORD`, `ParentMasterPassword`) refers to one.
  if (isIdentifierLike(v) && classifyKey(v) !== undefined) return undefined;
  // A constant table entry whose value spells its own name (`SHA256_TOKEN_TO_REFRESH: "token_sha256_to_refresh"`).
  const keyWords = new Set(words(c.key));
  const valueWords = words(v);
  if (valueWords.length >= 2 && valueWords.every((w) => keyWords.has(w))) return undefined;
  // Validation rules (`required|min:6`) and enum-like word lists (`lower_upper_letters_digits`).
  if (/^[a-z_]+(?::[\w,.]*)?(?:\|[a-z_]+(?::[\w,.]*)?)+$/.test(v) || /^[a-z]+(?:_[a-z]+){2,}$/.test(v)) return undefined;
  if (cls === 'password') {
    if (v.length < 4 || v.length > 128) return undefined;
    if (isHashedPassword(v) || isNonSecretShape(v)) return undefined;
    // Prose (`Too short`, `top secret`): a password has digits or symbols when it has blanks.
    if (/\s/.test(v) && (v.length > 24 || words(v).length > 3 || !/[\d\W]/.test(v.replace(/\s/g, '')))) return undefined;
    if (/^[\w$]+\([^)]*\)$/.test(v)) return undefined;
    return looksStrong(v) ? 'error' : 'warning';
  }
  // Code, not a token: calls, quotes, template text.
  if (/[\w$]\(.*\)|["'`]|<\/?[A-Za-z]|\{[\w.$ -]*\}|\w\[-?\d*\]/.test(v)) return undefined;
  if (!looksRandom(v, cls === 'weak')) return undefined;
  if (cls === 'weak') return 'warning';
  return v.length >= 20 && entropy(v) >= 3.5 ? 'error' : 'warning';
}

interface Judged {
  candidate: Candidate;
  cls: KeyClass;
  severity: Severity;
}

function judged(doc: Document): Judged[] {
  return doc.memo('secret:generic', () => {
    if (SKIP_FILES.test(doc.name)) return [];
    const out: Judged[] = [];
    const seen = new Set<string>();
    // Kubernetes Secret data is base64: its own rule decodes and judges it.
    const k8s = kubernetesSecretBlocks(doc);
    for (const c of candidatesOf(doc)) {
      const cls = classifyKey(c.key);
      if (!cls) continue;
      if (k8s.some(([a, b]) => c.valueRange[0] >= a && c.valueRange[1] <= b)) continue;
      const at = `${c.valueRange[0]}:${c.valueRange[1]}`;
      if (seen.has(at)) continue;
      const severity = judgeCandidate(c, cls);
      if (!severity) continue;
      seen.add(at);
      out.push({ candidate: c, cls, severity });
    }
    return out;
  });
}

function finding(doc: Document, j: Judged): RawFinding {
  const c = j.candidate;
  const masked = maskSecret(c.value);
  const fix = envFix(doc, c, envVarName(c.key));
  return {
    range: c.valueRange,
    messageId: 'found',
    data: { key: c.key, masked },
    severity: j.severity,
    excerpt: `${c.key} = ${masked}`,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** A password or passphrase written as a literal under a password-named key. */
export const hardcodedPassword: Rule = {
  id: 'secret/hardcoded-password',
  category: 'secret',
  severity: 'warning',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Hardcoded password', ja: 'ハードコードされたパスワード' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A password is hardcoded in {key} ({masked}). Read it from a secret store or environment variable and change it.',
      ja: '{key} にパスワードがハードコードされています（{masked}）。シークレットストアまたは環境変数から読み込み、パスワードを変更してください。',
    },
    [ENV_FIX_ID]: ENV_FIX_MESSAGE,
  },
  appliesTo: () => true,
  check: (doc) => judged(doc).filter((j) => j.cls === 'password').map((j) => finding(doc, j)),
  examples: secretExamples(),
};

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples([hardcodedPassword], {
  'secret/hardcoded-password': {
    bad: [
      { path: 'infra/db.tf', text: 'resource "aws_db_instance" "main" {\n  username = "admin"\n  password = "Kp9!vRt2#qLz"\n}\n' },
      { path: 'config/application.yml', text: 'spring:\n  datasource:\n    password: s3cr3tDbPass\n' },
      { path: 'src/db.py', text: 'conn = connect(host="db", user="app", password="Wq7#kLp2vX")\n' },
      { path: 'deploy/cfn.yaml', text: 'Parameters:\n  MasterPassword:\n    Type: String\n    NoEcho: true\n    Default: "Xq8!mZ2pLw"\n' },
      { path: 'k8s/deploy.yaml', text: 'env:\n  - name: DB_PASS\n    value: "hR4!nq8Zt"\n' },
      { path: 'config/settings.ini', text: '[database]\npasuwado = Tk3!wq9ZpL\n' },
      { path: 'docker-compose.yml', text: 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=Zx8kq2Lm\n' },
      { path: 'Web.config', text: '<appSettings>\n  <add key="AdminPassword" value="Qz7!kp3Lw" />\n</appSettings>\n' },
      { path: 'settings.xml', text: '<server>\n  <id>nexus</id>\n  <password>Hn4kQ8!zPw</password>\n</server>\n' },
    ],
    good: [
      { path: 'infra/db.tf', text: 'resource "aws_db_instance" "main" {\n  password = var.db_password\n}\n' },
      { path: 'config/application.yml', text: 'spring:\n  datasource:\n    password: ${DB_PASSWORD}\n' },
      { path: 'src/db.py', text: 'conn = connect(password=os.environ["DB_PASSWORD"])\npassword = "changeme"\npassword = ""\n' },
      { path: 'deploy/cfn.yaml', text: 'Resources:\n  Db:\n    Properties:\n      MasterUserPassword: !Ref MasterPassword\n      Password: "{{resolve:secretsmanager:db:SecretString:password}}"\n' },
      { path: 'config/app.env.yaml', text: 'password: your_password\npassword_expire: never\nupdate_password: on_create\nPasswordLength: 16\n' },
      { path: 'users.htpasswd.yml', text: 'password: "$2b$12$Kx9rT2vQw8Lm4Zp7Ny3Hd.eJ5kQ2wP8sR4tV6xY8zA1bC3dE5fG7h"\n' },
    ],
  },
});

/** A token, API key, client secret or credential written as a literal under a secret-named key. */
export const hardcodedSecret: Rule = {
  id: 'secret/hardcoded-secret',
  category: 'secret',
  severity: 'warning',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Hardcoded secret or API key', ja: 'ハードコードされたシークレット・API キー' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A secret is hardcoded in {key} ({masked}). Read it from a secret store or environment variable, then revoke and reissue it.',
      ja: '{key} にシークレットがハードコードされています（{masked}）。シークレットストアまたは環境変数から読み込み、失効・再発行してください。',
    },
    [ENV_FIX_ID]: ENV_FIX_MESSAGE,
  },
  appliesTo: () => true,
  check: (doc) => judged(doc).filter((j) => j.cls !== 'password').map((j) => finding(doc, j)),
  examples: secretExamples(),
};

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples([hardcodedSecret], {
  'secret/hardcoded-secret': {
    bad: [
      { path: 'src/client.ts', text: 'const client = new Client({ apiKey: "q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA" });\n' },
      { path: '.env', text: 'PAYMENT_CLIENT_SECRET=7fK2qLx9Pz4mWv8RtY3nBc6HdJ1sGa5E\n' },
      { path: 'config.json', text: '{\n  "auth_token": "Zk4mQ9xL2vPw7RtN8yBc3HdJ6sFa1GeT"\n}\n' },
      { path: 'src/Main.java', text: 'System.setProperty("SERVICE_TOKEN", "k3Lq9ZxP7mWv2RtY8nBc4HdJ6sGa1FeQ");\n' },
      { path: 'deploy.sh', text: 'curl -H "Authorization: Bearer Jq8Zx2LmP9vKw4RtN7yHc3BdF6sGa1Te" https://api.example.co.jp/v1\n' },
    ],
    good: [
      { path: 'src/client.ts', text: 'const client = new Client({ apiKey: process.env.API_KEY });\nconst token = "<your-token>";\n' },
      { path: '.env.example', text: 'PAYMENT_CLIENT_SECRET=\nAPI_TOKEN=xxxxxxxxxxxxxxxx\n' },
      { path: 'config.json', text: '{\n  "token_url": "https://auth.example.co.jp/token",\n  "secret_name": "prod/db"\n}\n' },
      { path: 'ci.yml', text: 'permissions:\n  id-token: write\nenv:\n  TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n' },
      { path: 'test/fixtures.go', text: 'nonMatchingToken := "q5cxe6zizkeefr82"\n' },
    ],
  },
});

/** The generic-assignment rules. */
export const genericAssignmentRules: Rule[] = [hardcodedPassword, hardcodedSecret];
