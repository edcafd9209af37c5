/**
 * Judging a candidate secret value: entropy, alphabet, placeholders and references. Every
 * secret rule asks the same questions ("is this a real literal or a stand-in?"), so the answers
 * live here, once, as pure functions.
 */

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of lower-case, upper-case, digit and other characters occur. */
export function charClasses(s: string): number {
  return (/[a-z]/.test(s) ? 1 : 0) + (/[A-Z]/.test(s) ? 1 : 0) + (/\d/.test(s) ? 1 : 0) + (/[^A-Za-z0-9]/.test(s) ? 1 : 0);
}

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/**
 * Splits an identifier or a value into lower-case words: camelCase, PascalCase, snake_case,
 * kebab-case, dotted names and digit runs (`ParentMasterPassword` → parent, master, password).
 */
export function words(s: string): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Distinct letters and digits. */
function distinctAlnum(s: string): number {
  return new Set(s.replace(/[^A-Za-z0-9]/g, '')).size;
}

/** Whether `s` has at most one distinct ASCII letter or digit (`distinctAlnum(s) <= 1`, without a set: asked of every candidate value). */
function oneAlnumAtMost(s: string): boolean {
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) continue;
    if (first < 0) first = c;
    else if (c !== first) return false;
  }
  return true;
}

/**
 * Documentation example credentials: published by the vendors themselves as samples, so a match
 * is a copied example, not a leak.
 */
const DOC_EXAMPLES = [
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'cJrAD9Es62qm0Z3eE6uzQQmaDxM3q9jiDay1oysX',
  '6oDAV8hCY6HTa1AC6EZbNe2dpc1t8QnWZrHOMgMb',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
];

/** A value shorter than every vendor example holds none of them. */
const SHORTEST_DOC_EXAMPLE = Math.min(...DOC_EXAMPLES.map((e) => e.length));

/** Words that only ever mean "put the real value here". */
const STRONG_PLACEHOLDER_WORDS = new Set([
  'example', 'examples', 'sample', 'placeholder', 'dummy', 'fake', 'redacted', 'changeme', 'changeit', 'replaceme',
  'notreal', 'xxx', 'xxxx', 'tbd', 'todo', 'fixme', 'yourpassword', 'mypassword', 'yoursecret', 'yourtoken', 'yourkey',
  'yourapikey', 'sampletoken', 'samplekey',
]);

/**
 * Filler words: a value made of these alone (`your_password`, `REPLACE_WITH_TOKEN`,
 * `ParentMasterPassword`, `String`) names a value rather than being one.
 */
const FILLER_WORDS = new Set([
  'your', 'my', 'our', 'the', 'a', 'an', 'here', 'goes', 'put', 'insert', 'replace', 'enter', 'with', 'change', 'me',
  'this', 'set', 'to', 'fill', 'in', 'value', 'values', 'test', 'testing', 'demo', 'secret', 'secrets', 'password',
  'passwords', 'passwd', 'pass', 'pwd', 'passphrase', 'token', 'tokens', 'key', 'keys', 'api', 'apikey', 'access',
  'private', 'client', 'user', 'username', 'name', 'db', 'database', 'parent', 'master', 'default', 'string', 'str',
  'none', 'null', 'nil', 'undefined', 'empty', 'hidden', 'masked', 'required', 'optional', 'app', 'application',
  'service', 'auth', 'credential', 'credentials', 'bearer', 'new', 'old', 'current', 'real', 'actual', 'valid',
  'invalid', 'random', 'generated', 'some', 'any', 'foo', 'bar', 'id', 'of', 'for', 'and', 'or', 'number', 'text',
  'integer', 'boolean', 'securestring', 'secure', 'type', 'account', 'webhook', 'url', 'refresh', 'signing', 'session', 'jwt',
  'oauth', 'top', 'super', 'very', 'so',
]);

/** Enum-like values seen under password/secret-named keys that are settings, not secrets. */
const SETTING_VALUES = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'null', 'none', 'nil', 'undefined', 'required', 'optional', 'never',
  'always', 'auto', 'enabled', 'disabled', 'enable', 'disable', 'prompt', 'random', 'generate', 'generated', 'plain',
  'plaintext', 'clear', 'cleartext', 'hidden', 'masked', 'sha256', 'sha512', 'md5', 'bcrypt', 'scrypt', 'argon2',
  'basic', 'bearer', 'digest', 'oauth', 'oauth2', 'jwt', 'token', 'apikey', 'api_key', 'header', 'query', 'cookie',
  'env', 'file', 'vault', 'kms', 'secretsmanager', 'ssm', 'inherit', 'read', 'write', 'string', 'secure',
  'securestring', 'text', 'password', 'on_create', 'on-create', 'always_update', 'immutable', 'unset', 'empty',
]);

/** A value that is only a run like 1234…, which sample configs use as "fill me in". */
const COUNTING = /^(?:0?123456789?0?|1234|12345|123456|1234567|12345678)$/;

/**
 * Why a value is a placeholder rather than a credential, or undefined when it looks real.
 * Used for every kind of secret, so it stays conservative: templates, masks, vendor examples,
 * and values made only of filler words.
 */
export function placeholderReason(raw: string): string | undefined {
  const v = raw.trim();
  if (v.length === 0) return 'empty';
  if (v.length >= SHORTEST_DOC_EXAMPLE && DOC_EXAMPLES.some((e) => v.includes(e))) return 'documentation example';
  // AWS and others mark documentation values with an upper-case EXAMPLE inside them.
  if (/EXAMPLE/.test(v)) return 'documentation example';
  if (/^(?:my|your|the|some|new|old|sample)+(?:new|old)?(?:password|passwd|pass|pwd|secret|token|key|apikey)s?\d{0,3}$/i.test(v)) return 'placeholder word';
  if (/\$\{|\{\{|\}\}|<%|%>|#\{|\$\(|%\([\w.-]+\)[sd]|\(\(\s*[\w.-]+\s*\)\)|\[\[|\]\]/.test(v)) return 'template';
  if (/^<[^<>]{1,80}>$/.test(v) || /^\{[\w.\s-]{1,80}\}$/.test(v) || /^\[[\w\s.-]{1,80}\]$/.test(v)) return 'template';
  if (/^@@?[\w.-]+@@?$/.test(v) || /^__[A-Z0-9_]+__$/.test(v) || /^%[A-Za-z_]\w*%$/.test(v)) return 'template';
  if (/^\$[A-Za-z_][\w.]*$/.test(v) || /^\$\d$/.test(v)) return 'variable';
  if (/[xX]{5,}|\*{3,}|•{2,}|…|\.{3,}|#{4,}|_{6,}|\?{3,}/.test(v)) return 'masked';
  if (oneAlnumAtMost(v)) return 'repeated character';
  if (COUNTING.test(v)) return 'counting';
  if (/abc123|123abc|abcd1234|1234abcd|qwerty/i.test(v)) return 'sample sequence';
  const ws = words(v);
  if (ws.some((w) => STRONG_PLACEHOLDER_WORDS.has(w))) return 'placeholder word';
  if (ws.length > 0 && ws.every((w) => FILLER_WORDS.has(w)) && !/\d/.test(v)) return 'filler words';
  return undefined;
}

/** True for a value that is a setting (boolean, mode, algorithm) rather than a secret. */
export function isSettingValue(v: string): boolean {
  const s = v.trim().toLowerCase();
  return SETTING_VALUES.has(s) || /^-?\d{1,5}(\.\d+)?$/.test(s);
}

/** Password hashes and digests: stored verifiers, not plaintext secrets. */
export function isHashedPassword(v: string): boolean {
  return /^\$(?:2[abxy]?|5|6|argon2(?:id|i|d)|scrypt|pbkdf2[\w-]*|y|gy|7)\$/.test(v) || /^\{(?:SSHA|SHA|SSHA256|SSHA512|MD5|SMD5|CRYPT|PBKDF2[\w-]*|bcrypt)\}/i.test(v) || /^(?:pbkdf2_sha256|bcrypt_sha256|argon2|sha1|md5)\$/.test(v);
}

/** Prefixes of values that point to a secret stored elsewhere. */
const REFERENCE = new RegExp(
  [
    String.raw`^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):`,
    String.raw`^\{\{resolve:`,
    String.raw`^(?:vault|sm|gcp-?sm|secret|secrets|op|ref\+[a-z]+|awssm|awsssm|azkv|keyvault|doppler|bws|infisical|ssm|kms|aws-secretsmanager|gcpsm):`,
    String.raw`^projects/[\w-]+/secrets/`,
    String.raw`^@Microsoft\.KeyVault\(`,
    String.raw`^https://[\w-]+\.vault\.azure\.net/`,
    String.raw`^!(?:Ref|GetAtt|Sub|ImportValue|Join|Select|FindInMap|If|Base64|vault)\b`,
    String.raw`^(?:Ref|Fn::\w+)$`,
    String.raw`^\[[A-Za-z]+\(.*\)\]$`,
    String.raw`^(?:var|local|locals|data|module|each|count|self|terraform|path|random_password|random_string|aws_\w+|azurerm_\w+|google_\w+)\.[\w.\[\]"'*-]+$`,
    String.raw`^(?:secrets|vars|env|inputs|needs|steps|github|matrix|params|parameters|values|Values|config|settings|props|options)\.[\w.-]+$`,
    String.raw`(?:process\.env|import\.meta\.env|Deno\.env|os\.environ|os\.getenv|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|env\()`,
  ].join('|'),
);

/** True for a value that refers to a secret held elsewhere (secret manager, variable, env). */
export function isReference(v: string): boolean {
  return REFERENCE.test(v.trim());
}

/** True for a value that names a file, a URL without credentials, an email or a version. */
export function isNonSecretShape(v: string): boolean {
  const s = v.trim();
  if (/^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\|file:)/.test(s)) return true;
  if (/^[\w.-]+\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|conf|cfg|ini|env|properties|xml|sh|ppk|pub|gpg|asc|der|csr)$/i.test(s)) return true;
  if (/^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,300}(?:[/?#]|$)/i.test(s) && !/^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/@:]{1,200}:[^\s/@]{0,200}@/i.test(s)) return true;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(s)) return true;
  if (/^[\^~>=<]{0,2}v?\d+(?:\.[\dx*]+){1,3}(?:[-+][\w.]+)?$/.test(s)) return true;
  if (/^urn:[\w.-]+:/i.test(s) || /^arn:aws[\w-]*:[\w-]*:/.test(s)) return true;
  // Dotted property paths (`fs.s3.consistent.retryCount`, `spring.datasource.password`).
  if (/^[a-z][a-z0-9-]{0,40}(?:\.[a-z][a-z0-9]{0,40}(?:[A-Z][a-z0-9]{0,40}){0,8}){1,12}$/.test(s)) return true;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(s)) return true;
  if (/^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?::\d+)?$/.test(s)) return true;
  if (/^#[0-9a-fA-F]{3,8}$/.test(s)) return true;
  return false;
}

/** A value written as a bare identifier or dotted name (`DB_PASSWORD`, `config.api.key`). */
export function isIdentifierLike(v: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:[.:][A-Za-z_$][\w$]*)*$/.test(v) && !/\d/.test(v) && words(v).length >= 2;
}

/** Natural-language-looking values: `on_each_login`, `RouterUpgradeWorkflow`, `secret-data`. */
/** A run of letters made of real-looking words (`DistributionList`, `collaborationMLInputChannels`). */
function camelWords(seg: string): boolean {
  const ws = seg.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  return ws.length > 0 && ws.join('') === seg && ws.every((w) => w.length >= 3 || /^[A-Z]{2}$/.test(w));
}

export function isWordy(v: string): boolean {
  if (/^[a-z]+(?:[-_. ][a-z]+)*$/.test(v)) return true;
  // Identifiers and dotted names made of words (`DistributionList.NextMarker`).
  if (/^[A-Za-z]+(?:[._][A-Za-z]+)*$/.test(v) && v.split(/[._]/).every(camelWords)) return true;
  if (/^[a-z]{2,}\d{0,4}(?:[-_.][a-z]{2,}\d{0,4})+$/i.test(v) && !/[a-z][A-Z]/.test(v)) return true;
  if (/^(?:[A-Z][a-z]+){2,}$/.test(v) || /^[a-z]+(?:[A-Z][a-z]+)+$/.test(v)) return true;
  if (/^[A-Z]+(?:[-_][A-Z]+)+$/.test(v)) return true;
  return false;
}

/**
 * Whether a value under a token- or key-named field looks machine-generated: long enough, a
 * rich enough alphabet and not a word or a shape that is never a secret. `strict` asks more,
 * for fields whose names only hint at a secret (`hubspotKey`, `auth`).
 */
export function looksRandom(v: string, strict = false): boolean {
  const s = v.trim();
  const minLen = strict ? 16 : 10;
  if (s.length < minLen || s.length > 1000) return false;
  if (/\s/.test(s)) return false;
  if (isNonSecretShape(s) || isWordy(s)) return false;
  const h = entropy(s);
  if (/^\d+$/.test(s)) return s.length >= 16 && distinctAlnum(s) >= 5 && !strict;
  // UUID-shaped API keys (Heroku, Snyk, Sendbird …): the shape itself says generated.
  if (!strict && /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s)) return distinctAlnum(s) >= 4;
  if (/^[A-Za-z]+$/.test(s)) return s.length >= 20 && h >= 3.5 && /[A-Z]/.test(s) && /[a-z]/.test(s);
  if (/^[a-z]+(?:[-_.][a-z0-9]+)*$/.test(s) && !/\d/.test(s)) return false;
  if (strict) return h >= 3.3 && /\d/.test(s) && /[A-Za-z]/.test(s);
  if (s.length < 16) return h >= 3.0 && /\d/.test(s) && /[A-Za-z]/.test(s);
  // Long values carry enough characters that a smaller alphabet still means generated.
  if (s.length >= 32) return h >= 2.75;
  return h >= 3.0;
}

/** A strong-looking password: long, several character classes, not repetitive. */
export function looksStrong(v: string): boolean {
  return v.length >= 12 && charClasses(v) >= 3 && entropy(v) >= 3.2;
}
