import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { maskSecret } from '../../mask';
import type { Range, Severity } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { ASSIGNMENT_LITERALS, ASSIGNMENT_POSITIONAL, candidatesOf, fallbackCandidatesOf, unquotedIsExpression, type Candidate } from './analysis/assignments';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { envFix, envVarName, ENV_FIX_ID, ENV_FIX_MESSAGE } from './analysis/env-fix';
import { classifyKey, type KeyClass } from './analysis/keys';
import { kubernetesSecretBlocks } from './kubernetes-secret';
import { visit, type TreeNode } from '../../documents/tree';
import { treesOf } from '../../documents/trees';
import { SECRET_SPECS } from './providers/index';
import { malformedKnownToken, providerShapeMismatch } from './analysis/shapes';
import {
  charClasses,
  entropy,
  FIREBASE_WEB_CONFIG,
  isCommonPassword,
  isHashedPassword,
  isIdentifierLike,
  isNonSecretShape,
  isPossessiveFillerRun,
  isPublishableKey,
  isReference,
  isSettingValue,
  isWordy,
  looksRandom,
  looksStrong,
  passwordVerdict,
  placeholderReason,
  words,
} from './analysis/value';

/**
 * Generic assignments: a password, token, API key or client secret written as a literal under a
 * secret-named key, in any format (YAML, JSON, .env, properties, INI, TOML, HCL, XML, code).
 * The key decides what is asked of the value; the value decides: placeholders, references,
 * settings and hashes are skipped, passwords need only be real literals, tokens must look
 * generated.
 */

/** Lock files and generated manifests: names and hashes, never credentials in key/value form. */
const SKIP_FILES =
  /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|gemfile\.lock|cargo\.lock|poetry\.lock|go\.sum|pipfile\.lock|packages\.lock\.json)$/;

/** An authorization scheme before the credential; `key=` is Firebase Cloud Messaging's legacy one. */
const AUTH_SCHEME = /^(?:(?:Bearer|Basic|Token|Bot|Digest|ApiKey|SSWS|OAuth|token|bearer|basic)[ \t]+|key=)/;

/** Stylesheets: `input.password:focus` is a selector and its pseudo-class, never a key and value. */
const STYLESHEET = /\.(?:css|scss|sass|less|styl)$/;

/**
 * Field names numbered side by side (`['password_1', 'password_2']`, a confirmation pair): the
 * value names the key's sibling. The number follows a separator: `password2` is a password.
 */
function namesNumberedSibling(key: string, v: string): boolean {
  if (!/^[A-Za-z]+(?:[_-][A-Za-z]+)*[_.-]\d{1,3}$/.test(v)) return false;
  const strip = (s: string) =>
    words(s)
      .filter((w) => !/^\d+$/.test(w))
      .join(' ');
  return strip(v) !== '' && strip(v) === strip(key);
}

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

/** Three characters that repeat or count (`aaa`, `abc`, `123`, `cba`). */
function isRun(v: string): boolean {
  const a = v.charCodeAt(0);
  const b = v.charCodeAt(1);
  const c = v.charCodeAt(2);
  return b - a === c - b && Math.abs(b - a) <= 1;
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
  if (placeholderReason(v) || isReference(v) || isSettingValue(v) || hasAlphabetRun(v) || looksLikePattern(v)) return undefined;
  // URLs are for the connection-string and webhook rules, which know their shapes.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return undefined;
  // A value shaped like a provider's token but malformed is that provider's rule's call.
  if (malformedKnownToken(v) || providerShapeMismatch(SECRET_SPECS, c.key, v)) return undefined;
  if (namesNumberedSibling(c.key, v)) return undefined;
  if (normalise(v) === normalise(c.key) || (normalise(v).length >= 4 && normalise(c.key).endsWith(normalise(v)) && /^[A-Za-z_]+$/.test(v))) return undefined;
  // A literal that itself names a secret (`DB_PASSWORD`, `ParentMasterPassword`) refers to one.
  if (isIdentifierLike(v) && classifyKey(v) !== undefined) return undefined;
  // So does a project's configuration key (`pulumi config set --secret my-site:githubSecret`).
  if (namesProjectConfigKey(v)) return undefined;
  // A constant table entry whose value spells its own name (`SHA256_TOKEN_TO_REFRESH: "token_sha256_to_refresh"`).
  const keyWords = new Set(words(c.key));
  const valueWords = words(v);
  if (valueWords.length >= 2 && valueWords.every((w) => keyWords.has(w))) return undefined;
  // Validation rules (`required|min:6`), enum-like word lists (`lower_upper_letters_digits`) and
  // numbered migration names (`0007_alter_validators_add_error_messages`).
  if (/^[a-z_]+(?::[\w,.]*)?(?:\|[a-z_]+(?::[\w,.]*)?)+\|?$/.test(v) || /^(?:\d{1,6}_)?[a-z]+(?:_[a-z]+){2,}$/.test(v)) return undefined;
  if (cls === 'password') {
    if (v.length < 4 || v.length > 128) return undefined;
    if (isHashedPassword(v) || isNonSecretShape(v)) return undefined;
    // Prose (`Too short`, `top secret`): a password has digits or symbols when it has blanks.
    if (/\s/.test(v) && (v.length > 24 || words(v).length > 3 || !/[\d\W]/.test(v.replace(/\s/g, '')))) return undefined;
    // A backquote ends inline code in Markdown and comments (`POSTGRES_PASSWORD=secret`, then …).
    if (/^[\w$]+\([^)]*\)$/.test(v) || v.includes('`')) return undefined;
    return looksStrong(v) ? 'error' : 'warning';
  }
  // Code, not a token: calls, quotes, template text.
  if (/[\w$]\(.*\)|["'`]|<\/?[A-Za-z]|\{[\w.$ -]*\}|\w\[-?\d*\]/.test(v)) return undefined;
  if (!looksRandom(v, cls === 'weak')) return undefined;
  if (cls === 'weak') return 'warning';
  return v.length >= 20 && entropy(v) >= 3.5 ? 'error' : 'warning';
}

/**
 * A configuration key qualified by its project or namespace (Pulumi's `my-stack-app:dbPassword`):
 * the name after the colon is an identifier of words that names a secret, with no digit, as
 * no password or `user:password` pair is written.
 */
function namesProjectConfigKey(v: string): boolean {
  const m = /^[A-Za-z][\w-]{0,99}:([A-Za-z_][A-Za-z_]{0,99})$/.exec(v);
  return m !== null && words(m[1]).length >= 2 && classifyKey(m[1]) !== undefined;
}

/** The public key of a Sentry DSN, as its store and CSP report URLs name it (`?sentry_key=…`). */
const SENTRY_PUBLIC_KEY = /^sentry[_-]?key$/i;

interface Judged {
  candidate: Candidate;
  cls: KeyClass;
  severity: Severity;
  /** A guessable password (dictionary word, product default): reported as weak and hardcoded. */
  weak?: boolean;
  /** A generated-looking `.env` value under a key that names nothing secret. */
  random?: boolean;
}

/**
 * Formats whose quoted values are configuration (compose, .env, properties, YAML and JSON
 * settings, HCL): a weak password there is the password a service runs with. In program code a
 * literal `password = "secret"` is mostly a test fixture, so code keeps the older, quieter judgement.
 */
function isConfigFormat(format: Document['format']): boolean {
  // Documentation (Markdown) shows commands and settings to copy: its weak values are illustrations.
  if (format === 'markdown') return false;
  return !unquotedIsExpression(format) || format === 'json' || format === 'hcl' || format === 'bicep';
}

/**
 * Whether the candidate sits in configuration: a configuration format, and not program code
 * carried inside one (a source map's `sourcesContent`, code in an escaped JSON string).
 */
function inConfig(doc: Document, c: Candidate): boolean {
  if (!isConfigFormat(doc.format)) return false;
  if (doc.format === 'json' && (doc.name.endsWith('.map') || doc.text[c.valueRange[0] - 2] === '\\')) return false;
  return true;
}

/** Passwords of a local key or trust store: they guard a file, not an account. */
function storePassword(key: string): 'trust' | 'key' | undefined {
  const ws = words(key).join(' ');
  if (/\btrust ?store\b|\btruststore/.test(ws)) return 'trust';
  if (/\bkey ?store\b|\bkeystore|\bkey (?:pass|password|passwd|passphrase)$|^(?:ssl |tls )?key (?:pass|password)$/.test(ws)) return 'key';
  return undefined;
}

/** Words before `secret` that name a secret the developer invents: HMAC, session and cookie keys. */
const CHOSEN_SECRET_QUALIFIERS = new Set([
  'jwt',
  'session',
  'app',
  'application',
  'cookie',
  'hmac',
  'signing',
  'sign',
  'encryption',
  'nextauth',
  'auth',
  'django',
  'flask',
  'rails',
  'shared',
  'server',
  'master',
]);

/**
 * Keys of secrets that people choose rather than a provider issues, so that a word-like value is
 * still a usable one: OAuth client secrets, signing and session secrets (`JWT_SECRET`), framework
 * secret keys (Django `SECRET_KEY`, Rails `secret_key_base`), LDAP bind credentials and the Erlang
 * cookie of RabbitMQ clusters.
 */
export function isChosenSecretKey(key: string): boolean {
  const ws = words(key);
  const n = ws.length;
  if (n < 2 || ws.includes('existing')) return false;
  const [a, b, c] = [ws[n - 3], ws[n - 2], ws[n - 1]];
  if (b === 'client' && c === 'secret') return true;
  // Signing and session secrets are invented by the developer, not issued (`JWT_SECRET`, `SESSION_SECRET`).
  if (c === 'secret' && CHOSEN_SECRET_QUALIFIERS.has(b)) return true;
  if (b === 'secret' && c === 'key') return true;
  if (a === 'secret' && b === 'key' && c === 'base') return true;
  if (b === 'erlang' && c === 'cookie') return true;
  // LDAP bind credentials (`bind_credential`, Keycloak `bindCredential`) are the bind user's password.
  if (b === 'bind' && c === 'credential') return true;
  return n === 1 ? false : c === 'clientsecret' || c === 'secretkey';
}

/** Framework secret keys: Django/Flask `SECRET_KEY`, Rails and Phoenix `secret_key_base`. */
function isFrameworkSecretKey(key: string): boolean {
  const ws = words(key);
  const n = ws.length;
  return (ws[n - 2] === 'secret' && ws[n - 1] === 'key') || (ws[n - 3] === 'secret' && ws[n - 2] === 'key' && ws[n - 1] === 'base');
}

const USER_KEY = /^(?:user|username|user_name|login|name|account|email|smtp_user|db_user)$|(?:^|[_.-])(?:user|username|user_name|login)$/i;
const RESTATED_IDENTITY = /^(?:username|user|user_name|name|login|userid|user_id|email|account|myuser|your[-_]?user(?:name)?)$/i;

/**
 * Whether the lines around `at` name a stand-in identity: a user field whose value restates a
 * field name (`name = "username"`) or an address at a documentation domain (`user@example.com`).
 * A guessable password beside such a user is the other half of a documentation example.
 */
function exampleIdentityNear(text: string, at: number): boolean {
  let s = at;
  for (let n = 0; n < 4 && s > 0; n++) s = text.lastIndexOf('\n', s - 2) + 1;
  let e = at;
  for (let n = 0; n < 4 && e >= 0 && e < text.length; n++) e = text.indexOf('\n', e + 1);
  if (e < 0) e = text.length;
  for (const line of text.slice(s, Math.min(e, s + 4000)).split('\n')) {
    const m = /^[\s#/*-]{0,40}["']?([A-Za-z_][\w.-]{0,60})["']?[ \t]*[:=][ \t]*["']?([^"'\s,;}]{1,100})/.exec(line.slice(0, 400));
    if (!m) continue;
    const key = m[1]
      .replace(/^.*[.]/, '')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .replace(/-/g, '_');
    if (!USER_KEY.test(key)) continue;
    const v = m[2];
    if (RESTATED_IDENTITY.test(v) || normalise(v) === normalise(m[1]) || /@example\.(?:com|org|net)$|^example\.(?:com|org|net)$/i.test(v)) return true;
  }
  return false;
}

/**
 * Judges a literal under a password key (or a chosen-secret key) in a configuration file:
 * placeholders stay quiet, guessable values are weak warnings, others as before. Undefined: no finding.
 */
function judgePasswordLiteral(doc: Document, c: Candidate, cls: KeyClass): { severity: Severity; weak: boolean } | undefined {
  const v = c.value.trim();
  if (v.length === 0 || v.length > 128 || /[\r\n]/.test(v) || /[^\x20-\x7e]/.test(v) || /\\[xu][0-9a-fA-F]{2}/.test(v)) return undefined;
  // `password` is also an authentication mode and `1234` a number, but under a password key they are the password.
  if (isReference(v) || (isSettingValue(v) && v.toLowerCase() !== 'password' && !/^\d{4,}$/.test(v)) || isHashedPassword(v) || isNonSecretShape(v))
    return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || malformedKnownToken(v) || providerShapeMismatch(SECRET_SPECS, c.key, v)) return undefined;
  // Regular expressions (`^\s*(?:password)\s+(?P<secret>.*)$`) describe secrets, they are not one.
  if (looksLikePattern(v) || hasAlphabetRun(v) || namesNumberedSibling(c.key, v)) return undefined;
  // Two characters, or three in a row (`abc`, `123`, `aaa`), is a stub, not a password anyone set.
  if (cls === 'password' && (v.length < 3 || (v.length === 3 && isRun(v)))) return undefined;
  // Prose (`Too short`, `top secret`): a password has digits or symbols when it has blanks.
  if (/\s/.test(v) && (v.length > 24 || words(v).length > 3 || !/[\d\W]/.test(v.replace(/\s/g, '')))) return undefined;
  // Function calls and Ansible/Jinja filters are code; an upper-case name is a variable (`SOME_SECRET`, `DB_PASSWORD`).
  if (/^[\w$]+\([^)]*\)$/.test(v) || (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) && isIdentifierLike(v) && classifyKey(v) !== undefined)) return undefined;
  // Validation rules (`required|min:6`) and enum-like word lists (`enforce_for_root`, `lower_upper_letters_digits`).
  if (/^[a-z_]+(?::[\w,.]*)?(?:\|[a-z_]+(?::[\w,.]*)?)+\|?$/.test(v) || /^[a-z]+(?:_[a-z]+){2,}$/.test(v)) return undefined;
  // A secret's name written as one word (`myclientsecret`); a password like `mysecretpassword` is a real, weak one.
  if (cls !== 'password' && isPossessiveFillerRun(v)) return undefined;
  // A counting run is a PIN-like password, but never an issued client secret or key (`ClientSecret: "1234"`).
  if (cls !== 'password' && placeholderReason(v) === 'counting') return undefined;
  // Documentation in a comment or prose: `Example: <password>qwerty</password>`, `e.g. password: …`.
  if (exampleBefore(doc.text, c.valueRange[0]) || inMarkupComment(doc.text, c.valueRange[0])) return undefined;
  // psql's variable interpolation (`PASSWORD :'db_password'`) is a reference, not a literal: in
  // SQL files, and in the SQL keyword `PASSWORD :'…'` wherever a script embeds it.
  if (
    c.quote &&
    doc.text[c.valueRange[0] - 2] === ':' &&
    (/\.p?sql$/i.test(doc.path) || (c.key === 'PASSWORD' && /[ \t]/.test(doc.text[c.valueRange[0] - 3] ?? '')))
  )
    return undefined;
  // Screen text in a translation file (`"password_repeat": "Heslo (znovu)"`, `"password": "Contrasenya:"`).
  if (isLocaleFile(doc.path) && (/\s/.test(v) || v.endsWith(':'))) return undefined;
  const verdict = passwordVerdict(v, c.key);
  if (verdict === 'placeholder') return undefined;
  const store = storePassword(c.key);
  if (store === 'trust') return undefined;
  if (verdict === 'weak') {
    // A guessable key-store password guards a file that is not here; a guessable value beside a
    // stand-in user is the other half of a documentation example; a word in a translation file,
    // or the key's own name capitalised (`"password": "Password"`), is a label on a screen.
    if (store === 'key' || notACredentialHere(doc, c)) return undefined;
    return { severity: 'warning', weak: true };
  }
  return { severity: looksStrong(v) ? 'error' : 'warning', weak: false };
}

/**
 * Whether a guessable value is, where it stands, something other than a credential: the other
 * half of a documentation example (beside a stand-in user), a translation, or a label that
 * capitalises its key's own name (`"password": "Password"`).
 */
function notACredentialHere(doc: Document, c: Candidate): boolean {
  const v = c.value.trim();
  if (/^[A-Z][a-z]+(?: [a-z]+)*$/.test(v) && normalise(v) === normalise(c.key.replace(/^.*[.]/, ''))) return true;
  if (inKeyNameMap(doc.text, c)) return true;
  return isLocaleFile(doc.path) || exampleIdentityNear(doc.text, c.valueRange[0]);
}

/** `name: name`, a line whose value restates its key (quotes and a comment mark allowed). */
const RESTATED_LINE = /^[ \t#/*-]*["']?([A-Za-z_][\w.-]{0,60})["']?[ \t]*[:=][ \t]*["']?([A-Za-z_][\w.-]{0,60})["']?[ \t,]*$/;

/**
 * Whether the value restates its key among lines that do the same: a map from the keys an
 * application expects to the keys of an existing Kubernetes Secret (`secretRefKey:` with
 * `host: host`, `password: password`), which names entries and holds no value.
 */
function inKeyNameMap(text: string, c: Candidate): boolean {
  if (normalise(c.value) !== normalise(c.key.replace(/^.*[.]/, ''))) return false;
  let s = text.lastIndexOf('\n', c.valueRange[0] - 1) + 1;
  for (let n = 0; n < 3 && s > 0; n++) s = text.lastIndexOf('\n', s - 2) + 1;
  let e = c.valueRange[1];
  for (let n = 0; n < 4 && e >= 0 && e < text.length; n++) e = text.indexOf('\n', e + 1);
  if (e < 0) e = text.length;
  for (const line of text.slice(s, Math.min(e, s + 2000)).split('\n')) {
    const m = RESTATED_LINE.exec(line.replace(/\r$/, ''));
    if (m && normalise(m[1]) === normalise(m[2]) && normalise(m[1]) !== normalise(c.key.replace(/^.*[.]/, ''))) return true;
  }
  return false;
}

/** Translation files (`en.json`, `locales/ja/common.yml`, `messages_ja.properties`): their values are screen text. */
function isLocaleFile(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return (
    /(?:^|\/)(?:locales?|i18n|l10n|lang|langs|translations?)\//i.test(p) ||
    /(?:^|\/)(?:[a-z]{2}(?:[-_][A-Za-z]{2,4})?|messages(?:_[a-z]{2}(?:_[A-Z]{2})?)?|strings|translations?)\.(?:json|ya?ml|properties)$/.test(p)
  );
}

/** Whether `at` lies inside an XML/HTML comment (`<!-- <password>secret</password> -->`). */
function inMarkupComment(text: string, at: number): boolean {
  // Looked for within the 8 KB before the value, so a file of many values stays linear.
  const before = text.slice(Math.max(0, at - 8192), at);
  const open = before.lastIndexOf('<!--');
  return open >= 0 && before.lastIndexOf('-->') < open;
}

/** Whether the line before `at` introduces an example (`Example:`, `e.g.`, `for example`, `例:`). */
function exampleBefore(text: string, at: number): boolean {
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  return /\b(?:example|examples|e\.g\.|eg:|for instance|sample)\b[:,]?|例[:：]/i.test(text.slice(Math.max(ls, at - 200), at));
}

/** A regular expression rather than a value: anchors with escapes, groups or classes. */
function looksLikePattern(v: string): boolean {
  // Anchored at both ends (`^B77A5C561934E089$` in a coverage filter): a whole-value match.
  if (/^\^[^\s^$]{1,200}\$$/.test(v)) return true;
  return /\(\?(?:P?<|:|=|!)|\\[sdwbSDW]|\[\^?[\w\\-]+\][*+?{]/.test(v) || (/^\^/.test(v) && /\$$/.test(v) && /[\\()[\]|*+?]/.test(v));
}

/** Variable sources of the Serverless Framework and similar tools, written `${source:…}`. */
const SERVERLESS_SOURCES = new Set([
  'self',
  'env',
  'opt',
  'ssm',
  's3',
  'cf',
  'file',
  'sls',
  'param',
  'aws',
  'secrets',
  'vars',
  'var',
  'terraform',
  'vault',
  'sm',
]);

/**
 * The literal default inside a variable reference (`${DB_PASS:petclinic}` in Spring,
 * `${DB_PASS:-secret}` in compose and shell, `$(env:DB_PASS:-secret)` in keycloak-config-cli):
 * the value used whenever the variable is unset, so a hardcoded one. Undefined without a default.
 */
export function inlineFallback(c: Candidate, text?: string): Candidate | undefined {
  // A bare YAML value loses a closing brace to flow-mapping trimming: read it back from the text.
  const v = !c.quote && text?.[c.valueRange[1]] === '}' && c.value.startsWith('${') && !c.value.endsWith('}') ? `${c.value}}` : c.value;
  if (v.length > 400 || !v.startsWith('$')) return undefined;
  const m = /^\$\{([A-Za-z_][\w.-]{0,99})(?::-|:=|-|:)([^${}\s]{1,200})\}$/.exec(v) ?? /^\$\((?:env:)?([A-Za-z_][\w.-]{0,99}):-([^$()\s]{1,200})\)$/.exec(v);
  // Serverless Framework sources (`${self:custom.PASSWORD}`, `${ssm:/db/password}`) are references, not defaults.
  if (!m || SERVERLESS_SOURCES.has(m[1]) || /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$/.test(m[2])) return undefined;
  const start = c.valueRange[0] + v.length - m[2].length - 1;
  const key = classifyKey(c.key) !== undefined ? c.key : m[1];
  return { key, value: m[2], valueRange: [start, start + m[2].length], literalRange: [start, start + m[2].length], origin: 'fallback' };
}

function judged(doc: Document): Judged[] {
  return doc.memo('secret:generic', () => {
    if (SKIP_FILES.test(doc.name) || STYLESHEET.test(doc.name)) return [];
    const out: Judged[] = [];
    const seen = new Set<string>();
    // Kubernetes Secret data is base64: its own rule decodes and judges it.
    const k8s = kubernetesSecretBlocks(doc);
    const examples = openApiExamples(doc);
    for (const raw of [...candidatesOf(doc), ...fallbackCandidatesOf(doc)]) {
      const c = inlineFallback(raw, doc.text) ?? raw;
      const chosen = isChosenSecretKey(c.key);
      const cls = classifyKey(c.key) ?? (chosen ? 'secret' : undefined);
      if (!cls) continue;
      if (k8s.some(([a, b]) => c.valueRange[0] >= a && c.valueRange[1] <= b)) continue;
      if (examples.some(([a, b]) => c.valueRange[0] >= a && c.valueRange[1] <= b)) continue;
      // Publishable keys and a Firebase web config's `apiKey` are public by design, and so is
      // Sentry's `sentry_key` (a DSN's public key, sent by every page that reports an error).
      if (isPublishableKey(c.value) || (c.value.startsWith('AIza') && FIREBASE_WEB_CONFIG.test(doc.text)) || SENTRY_PUBLIC_KEY.test(c.key)) continue;
      const at = `${c.valueRange[0]}:${c.valueRange[1]}`;
      if (seen.has(at)) continue;
      // Defaults of environment reads are configuration wherever they are written.
      const config = inConfig(doc, c) || c.origin === 'fallback';
      if ((config && (cls === 'password' || chosen)) || (chosen && isFrameworkSecretKey(c.key))) {
        const j = judgePasswordLiteral(doc, c, cls);
        // In program code only a real-looking framework key counts (`SECRET_KEY = "test"` is a test setting).
        if (!j || (!config && j.weak)) continue;
        seen.add(at);
        out.push({ candidate: c, cls: cls === 'password' ? 'password' : cls, severity: j.severity, ...(j.weak ? { weak: true } : {}) });
        continue;
      }
      // Under any other secret key (`secret`, `jwt_secret`), a default password is a guessable secret all the same.
      if (
        config &&
        cls === 'secret' &&
        isCommonPassword(c.value) &&
        !isSettingValue(c.value) &&
        !exampleBefore(doc.text, c.valueRange[0]) &&
        !notACredentialHere(doc, c)
      ) {
        seen.add(at);
        out.push({ candidate: c, cls, severity: 'warning', weak: true });
        continue;
      }
      const severity = judgeCandidate(c, cls);
      if (!severity) continue;
      seen.add(at);
      out.push({ candidate: c, cls, severity });
    }
    out.push(...randomEnvValues(doc, seen));
    return out;
  });
}

/** The first key of an OpenAPI or Swagger document, within its first lines. */
const OPENAPI_HEAD = /^[ \t]*["']?(?:openapi|swagger)["']?[ \t]*:[ \t]*["']?[23]\./m;

/**
 * Ranges of the request and response examples of an OpenAPI (Swagger) document: `example`,
 * `examples` and `x-example` values illustrate the API's shapes for its reader (`password:
 * supersecurepw` in a sample body), they configure nothing. Empty for any other document.
 */
function openApiExamples(doc: Document): Range[] {
  if ((doc.format !== 'yaml' && doc.format !== 'json') || !OPENAPI_HEAD.test(doc.text.slice(0, 2000))) return [];
  let trees: TreeNode[];
  try {
    trees = treesOf(doc);
  } catch {
    return [];
  }
  const out: Range[] = [];
  for (const tree of trees) {
    visit(tree, (node) => {
      if (node.kind !== 'object') return;
      for (const e of node.entries) if (e.key === 'example' || e.key === 'examples' || e.key === 'x-example') out.push(e.value.range);
    });
  }
  return out;
}

/** Words in a key that say what a random-looking value is when it is not a secret. */
const NEUTRAL_META = new Set([
  'id',
  'ids',
  'uuid',
  'guid',
  'url',
  'uri',
  'host',
  'hostname',
  'domain',
  'path',
  'dir',
  'file',
  'name',
  'version',
  'hash',
  'sha',
  'commit',
  'revision',
  'rev',
  'checksum',
  'digest',
  'integrity',
  'image',
  'tag',
  'region',
  'zone',
  'bucket',
  'project',
  'account',
  'tenant',
  'org',
  'user',
  'username',
  'email',
  'dsn',
  'endpoint',
  'public',
  'publishable',
  'site',
  'measurement',
  'tracking',
  'analytics',
  'color',
  'font',
  'locale',
  'timezone',
  'build',
  'release',
  'sentry',
]);

/** Prefixes of variables that a bundler ships to browsers: public by design. */
const PUBLIC_ENV = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_|VUE_APP_)/;

/**
 * `.env` values under keys that name nothing secret (`APP_SALT`, `SIGNING`, `HASHIDS`) but that
 * look generated: length, entropy and a mixed alphabet, and none of the shapes that are not
 * secrets (words, URLs, paths, versions, UUIDs, hex digests). Only in .env-style files, where
 * every line is a variable that some program reads as configuration.
 */
function randomEnvValues(doc: Document, seen: Set<string>): Judged[] {
  if (doc.format !== 'dotenv' || doc.text.length > 200_000) return [];
  const out: Judged[] = [];
  const text = doc.text;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    // Most lines hold short values: only a value of 24 characters or more is read.
    const eq = text.indexOf('=', at);
    if (eq < 0 || eq > end || end - eq < 25) {
      at = end + 1;
      continue;
    }
    const line = text.slice(at, Math.min(end, at + 1000));
    const m = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]{0,99})[ \t]*=[ \t]*(["']?)([^"'\s#]{20,200})\2[ \t\r]*(?:#.*)?$/.exec(line);
    if (m) {
      const [key, q, v] = [m[1], m[2], m[3]];
      const start = at + m[0].indexOf(q + v) + q.length;
      const range = `${start}:${start + v.length}`;
      if (v.length >= 24 && !seen.has(range) && classifyKey(key) === undefined && randomEnvValue(key, v)) {
        seen.add(range);
        const c: Candidate = {
          key,
          value: v,
          valueRange: [start, start + v.length],
          literalRange: [start - q.length, start + v.length + q.length],
          ...(q ? { quote: q } : {}),
          origin: 'env',
        };
        out.push({ candidate: c, cls: 'weak', severity: 'warning', random: true });
      }
    }
    at = end + 1;
  }
  return out;
}

/** Prefixes of tokens that secretlint's rules and the provider rules own. */
const TOKEN_PREFIXES = /^(?:xox|xapp-|gh[pousr]_|github_pat_|npm_|shp(?:at|ss|ca|pa)_|lin_api_|[sr]k_(?:live|test)_|AKIA|ASIA|AIza|glpat-|hf_|SG\.|sk-|eyJ)/;
let providerPrefixes: string[] | undefined;

/** Whether a value starts like a token that a provider or secretlint rule owns. */
function ownedByProvider(v: string): boolean {
  if (TOKEN_PREFIXES.test(v)) return true;
  providerPrefixes ??= SECRET_SPECS.flatMap((spec) =>
    (spec.tokens ?? []).flatMap((p) => (typeof p.prefix === 'string' && p.prefix.length >= 3 ? [p.prefix] : [])),
  );
  return providerPrefixes.some((p) => v.startsWith(p));
}

/** Whether a `.env` value under a neutral key looks like a generated secret. */
function randomEnvValue(key: string, v: string): boolean {
  // The measures first: most values of an .env file fail them, and they cost least.
  if (v.length < 24 || charClasses(v) < 3 || entropy(v) < 4.0) return false;
  if (PUBLIC_ENV.test(key) || words(key).some((w) => NEUTRAL_META.has(w))) return false;
  // A token of a known provider is that provider's rule's to report (or, switched off, to leave).
  if (ownedByProvider(v)) return false;
  if (placeholderReason(v) || isReference(v) || isNonSecretShape(v) || isPublishableKey(v) || hasAlphabetRun(v)) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) || /[/\\]/.test(v.replace(/^[A-Za-z0-9+/]+={0,2}$/, ''))) return false;
  // Digests and identifiers of known shapes: hex of 32/40/64/128, UUIDs, ULIDs, numbers.
  if (/^[0-9a-f]+$/i.test(v) && [32, 40, 56, 64, 96, 128].includes(v.length)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) || /^\d+$/.test(v) || /^[0-9A-HJKMNP-TV-Z]{26}$/.test(v)) return false;
  return !isWordy(v);
}

function finding(doc: Document, j: Judged): RawFinding {
  const c = j.candidate;
  const masked = maskSecret(c.value);
  // A default inside an environment read is removed, not replaced by another read: no quick fix.
  const fix = c.origin === 'fallback' ? undefined : envFix(doc, c, envVarName(c.key));
  return {
    range: c.valueRange,
    messageId: j.weak ? 'weak' : j.random ? 'random' : 'found',
    data: { key: c.key, masked },
    severity: j.severity,
    excerpt: `${c.key} = ${masked}`,
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** A password or passphrase written as a literal under a password-named key. */
export const hardcodedPassword: Rule = {
  id: 'secret/hardcoded-password',
  risk: risk(7.5, 'medium', CWE.PASSWORD),
  specificity: 'generic',
  literals: ASSIGNMENT_LITERALS,
  positionalLiterals: ASSIGNMENT_POSITIONAL,
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
    weak: {
      en: 'The password in {key} ({masked}) is weak and hardcoded: a dictionary word or product default that anyone can guess or read in the repository. Set a strong password from a secret store or environment variable.',
      ja: '{key} のパスワード（{masked}）は弱く、ハードコードされています。辞書の単語や製品の初期値で、推測やリポジトリの閲覧で誰でも使えます。強いパスワードに変更し、シークレットストアまたは環境変数から読み込んでください。',
    },
    [ENV_FIX_ID]: ENV_FIX_MESSAGE,
  },
  check: (doc) =>
    judged(doc)
      .filter((j) => j.cls === 'password')
      .map((j) => finding(doc, j)),
};

/** A token, API key, client secret or credential written as a literal under a secret-named key. */
export const hardcodedSecret: Rule = {
  id: 'secret/hardcoded-secret',
  risk: risk(7.5, 'medium', CWE.SECRET),
  specificity: 'generic',
  literals: ASSIGNMENT_LITERALS,
  positionalLiterals: ASSIGNMENT_POSITIONAL,
  category: 'secret',
  severity: 'warning',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Hardcoded secret or API key', ja: 'ハードコードされたシークレット・API キー' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A secret is hardcoded in {key} ({masked}). Read it from a secret store or environment variable, then revoke and reissue it.',
      ja: '{key} にシークレットがハードコードされています（{masked}）。シークレットストアまたは環境変数から読み込み、失効させて再発行してください。',
    },
    random: {
      en: '{key} in this environment file holds a generated-looking value ({masked}). If it is a key, salt or token, read it from a secret store or the deployment environment instead of the repository, and rotate it.',
      ja: 'この環境変数ファイルの {key} には生成された鍵のような値（{masked}）があります。鍵・ソルト・トークンであれば、リポジトリではなくシークレットストアやデプロイ環境から読み込み、入れ替えてください。',
    },
    weak: {
      en: 'The secret in {key} ({masked}) is weak and hardcoded: a word that anyone can guess or read in the repository. Generate a random value, read it from a secret store or environment variable, and rotate it.',
      ja: '{key} のシークレット（{masked}）は弱く、ハードコードされています。推測やリポジトリの閲覧で誰でも使える単語です。ランダムな値を生成してシークレットストアまたは環境変数から読み込み、入れ替えてください。',
    },
    [ENV_FIX_ID]: ENV_FIX_MESSAGE,
  },
  check: (doc) =>
    judged(doc)
      .filter((j) => j.cls !== 'password')
      .map((j) => finding(doc, j)),
};

/** The generic-assignment rules. */
export const genericAssignmentRules: Rule[] = [hardcodedPassword, hardcodedSecret];
