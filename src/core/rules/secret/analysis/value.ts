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
  // The account key of the Azure Storage emulator (Azurite's `devstoreaccount1`): the same fixed
  // key in every installation, published by Microsoft, and accepted only by the local emulator.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
];

/** A value shorter than every vendor example holds none of them. */
const SHORTEST_DOC_EXAMPLE = Math.min(...DOC_EXAMPLES.map((e) => e.length));

/** Words that only ever mean "put the real value here". */
export const STRONG_PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  'example',
  'examples',
  'sample',
  'placeholder',
  'dummy',
  'fake',
  'redacted',
  'changeme',
  'changeit',
  'replaceme',
  'notreal',
  'xxx',
  'xxxx',
  'tbd',
  'todo',
  'fixme',
  'yourpassword',
  'mypassword',
  'yoursecret',
  'yourtoken',
  'yourkey',
  'yourapikey',
  'sampletoken',
  'samplekey',
  // `RANDOMCHARS-----…`: the stand-in of Google's OAuth client secret in library samples.
  'randomchars',
]);

/**
 * Filler words: a value made of these alone (`your_password`, `REPLACE_WITH_TOKEN`,
 * `ParentMasterPassword`, `String`) names a value rather than being one.
 */
const FILLER_WORDS = new Set([
  'your',
  'my',
  'our',
  'the',
  'a',
  'an',
  'here',
  'goes',
  'put',
  'insert',
  'replace',
  'enter',
  'with',
  'change',
  'me',
  'this',
  'set',
  'to',
  'fill',
  'in',
  'value',
  'values',
  'test',
  'testing',
  'demo',
  'secret',
  'secrets',
  'password',
  'passwords',
  'passwd',
  'pass',
  'pwd',
  'passphrase',
  'token',
  'tokens',
  'key',
  'keys',
  'api',
  'apikey',
  'access',
  'private',
  'client',
  'user',
  'username',
  'name',
  'db',
  'database',
  'parent',
  'master',
  'default',
  'string',
  'str',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'hidden',
  'masked',
  // Model attribute casts (Laravel `'password' => 'hashed'`, `'encrypted'`): how it is stored.
  'hashed',
  'encrypted',
  'required',
  'optional',
  'app',
  'application',
  'service',
  'auth',
  'credential',
  'credentials',
  'bearer',
  'new',
  'old',
  'current',
  'real',
  'actual',
  'valid',
  'invalid',
  'random',
  'randomly',
  'generated',
  'long',
  'unique',
  'some',
  'any',
  'foo',
  'bar',
  'id',
  'of',
  'for',
  'and',
  'or',
  'number',
  'text',
  'integer',
  'boolean',
  'securestring',
  'secure',
  'type',
  'account',
  'webhook',
  'url',
  'refresh',
  'signing',
  'session',
  'jwt',
  'oauth',
  'top',
  'super',
  'very',
  'so',
]);

/** Enum-like values seen under password/secret-named keys that are settings, not secrets. */
const SETTING_VALUES = new Set([
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'null',
  'none',
  'nil',
  'undefined',
  'required',
  'optional',
  'never',
  'always',
  'auto',
  'enabled',
  'disabled',
  'enable',
  'disable',
  'prompt',
  'random',
  'generate',
  'generated',
  'plain',
  'plaintext',
  'clear',
  'cleartext',
  'hidden',
  'masked',
  'sha256',
  'sha512',
  'md5',
  'bcrypt',
  'scrypt',
  'argon2',
  'basic',
  'bearer',
  'digest',
  'oauth',
  'oauth2',
  'jwt',
  'token',
  'apikey',
  'api_key',
  'header',
  'query',
  'cookie',
  'env',
  'file',
  'vault',
  'kms',
  'secretsmanager',
  'ssm',
  'inherit',
  'read',
  'write',
  'string',
  'secure',
  'securestring',
  'text',
  'password',
  'on_create',
  'on-create',
  'always_update',
  'immutable',
  'unset',
  'empty',
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
  if (isKeywordMarker(v)) return 'template';
  // A shell variable, also when the quote of the string around it is left on (`"--pass $REDISPWD"`).
  if (/^\$[A-Za-z_][\w.]*["']?$/.test(v) || /^\$\d$/.test(v)) return 'variable';
  if (isCodeExpression(v)) return 'variable';
  if (/[xX]{5,}|\*{3,}|•{2,}|…|\.{3,}|#{4,}|_{6,}|\?{3,}/.test(v)) return 'masked';
  if (oneAlnumAtMost(v)) return 'repeated character';
  if (COUNTING.test(v) || isCountingRun(v)) return 'counting';
  // Also the sixteen hexadecimal digits in order (`0123456789abcdef…`), a stand-in for a hex token.
  if (/abc123|123abc|abcd1234|1234abcd|qwerty|0123456789abcdef/i.test(v)) return 'sample sequence';
  const ws = words(v);
  if (ws.some((w) => STRONG_PLACEHOLDER_WORDS.has(w))) return 'placeholder word';
  if (ws.length > 0 && ws.every((w) => FILLER_WORDS.has(w)) && !/\d/.test(v)) return 'filler words';
  // A possessive opens a description (`--password User's password` in a command's help).
  if (/^[A-Za-z]{2,20}'s$/.test(v)) return 'filler words';
  // "your … password" names what to put there, whatever it is for (`your-pg-password`).
  // Digits only inside a name (`your-s3-access-key`); `your_key_2` is numbered, not named.
  if (ws.length >= 2 && ws[0] === 'your' && /^(?:password|passwd|pass|pw|secret|token|key|apikey)$/.test(ws[ws.length - 1]) && !/(?:^|[^A-Za-z\d])\d/.test(v))
    return 'filler words';
  return undefined;
}

/**
 * Program code read as a value where the format is not known as code (Perl and Lua scripts,
 * templates with inline script): a variable with an accessor (`$imap->Password()`,
 * `\$opts->{ password1 }`, `@$row[5]`), or a call on a dotted name
 * (`document.getElementsByName('confirm')[1].value`, `firebase.auth.GoogleAuthProvider.credential(`).
 */
export function isCodeExpression(v: string): boolean {
  if (/^\\?[$@%]{1,2}\{?[A-Za-z_]\w*\}?(?:->|\[|\{)/.test(v)) return true;
  // A call on a dotted or arrowed name, or a call left open at the end of the line.
  return /^[A-Za-z_$][\w$]*(?:(?:\.|->|::)[A-Za-z_$][\w$]*)+\(/.test(v) || /^[A-Za-z_$][\w$]*\($/.test(v);
}

/** True for a value that is a setting (boolean, mode, algorithm) rather than a secret. */
export function isSettingValue(v: string): boolean {
  const s = v.trim().toLowerCase();
  return SETTING_VALUES.has(s) || /^-?\d{1,5}(\.\d+)?$/.test(s);
}

/** Password hashes and digests: stored verifiers, not plaintext secrets. */
export function isHashedPassword(v: string): boolean {
  return (
    // Modular crypt formats, with MD5-crypt (`$1$`, Apache's `$apr1$`) and phpass (`$P$`, `$H$`: WordPress, phpBB).
    /^\$(?:2[abxy]?|5|6|argon2(?:id|i|d)|scrypt|pbkdf2[\w-]*|y|gy|7|1|apr1|P|H)\$/.test(v) ||
    /^\{(?:SSHA|SHA|SSHA256|SSHA512|MD5|SMD5|CRYPT|PBKDF2[\w-]*|bcrypt)\}/i.test(v) ||
    /^(?:pbkdf2_sha256|bcrypt_sha256|argon2|sha1|md5)\$/.test(v)
  );
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
  // A file name or a relative path to one (`creds.json`, `.deploystack/creds.json`).
  if (/^(?:[\w.-]+\/){0,20}[\w.-]+\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|conf|cfg|ini|env|properties|xml|sh|ppk|pub|gpg|asc|der|csr)$/i.test(s))
    return true;
  if (/^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:@/]{0,300}(?:[/?#]|$)/i.test(s) && !/^[a-z][a-z0-9+.-]{0,30}:\/\/[^\s/@:]{1,200}:[^\s/@]{0,200}@/i.test(s)) return true;
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(s)) return true;
  if (/^[\^~>=<]{0,2}v?\d+(?:\.[\dx*]+){1,3}(?:[-+][\w.]+)?$/.test(s)) return true;
  if (/^urn:[\w.-]+:/i.test(s) || /^arn:aws[\w-]*:[\w-]*:/.test(s)) return true;
  // Dotted property paths (`fs.s3.consistent.retryCount`, `spring.datasource.password`).
  if (/^[a-z][a-z0-9-]{0,40}(?:\.[a-z][a-z0-9]{0,40}(?:[A-Z][a-z0-9]{0,40}){0,8}){1,12}$/.test(s)) return true;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(s)) return true;
  if (/^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?::\d+)?$/.test(s)) return true;
  if (/^#[0-9a-fA-F]{3,8}$/.test(s)) return true;
  // A namespaced class name (PHP `OAuth2\ResponseType\AccessTokenInterface`, escaped or not).
  if (/^\\{0,2}[A-Z][A-Za-z0-9_]*(?:\\{1,2}[A-Z][A-Za-z0-9_]*){2,}$/.test(s)) return true;
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
  // Lower-case words, also as a path or a qualified name (`foo/system:masters`, `prod/db`).
  if (/^[a-z]+(?:[-_. /:][a-z]+)*$/.test(v)) return true;
  // Identifiers and dotted names made of words (`DistributionList.NextMarker`).
  if (/^[A-Za-z]+(?:[._][A-Za-z]+)*$/.test(v) && v.split(/[._]/).every(camelWords)) return true;
  // Also numbered (`etcd-cluster-0`, `worker-pool-12`): a name with an ordinal, not a token.
  if (/^[a-z]{2,}\d{0,4}(?:[-_.][a-z]{2,}\d{0,4})+(?:[-_]\d{1,3})?$/i.test(v) && !/[a-z][A-Z]/.test(v)) return true;
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

/**
 * Dictionary passwords and the passwords of accounts that products ship (`guest` for RabbitMQ,
 * `minioadmin`, `tiger`): guessable by anyone, in any file.
 */
const DICTIONARY_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'admin',
  'administrator',
  'root',
  'toor',
  'test',
  'testing',
  'guest',
  'user',
  'demo',
  'default',
  'master',
  'letmein',
  'welcome',
  'qwerty',
  'login',
  'manager',
  'system',
  'sys',
  'sa',
  'tiger',
  'minioadmin',
  'superuser',
  'private',
  'access',
]);

/**
 * Product and role names used as passwords in development stacks (`POSTGRES_PASSWORD: postgres`).
 * Usable credentials, but in program code a URL such as `mysql://mysql:mysql@localhost` is mostly a fixture.
 */
const PRODUCT_PASSWORDS = new Set([
  'dev',
  'developer',
  'local',
  'db',
  'database',
  'app',
  'service',
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'oracle',
  'redis',
  'rabbitmq',
  'elastic',
  'cassandra',
  'neo4j',
  'minio',
  'keycloak',
  'grafana',
  'jenkins',
  'sonar',
  'docker',
  'vagrant',
  'ubuntu',
]);

/**
 * Default and dictionary passwords: usable credentials that anyone can guess. A value in this
 * list under a password key is reported as weak, never taken for a placeholder (even the words
 * that also serve as filler, such as `password`).
 */
const COMMON_PASSWORDS = new Set([...DICTIONARY_PASSWORDS, ...PRODUCT_PASSWORDS]);

/** Leet-speak digits and symbols read as the letters they stand for (`Pa$$w0rd` → password). */
const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's', '@': 'a', '!': 'i' };

/** `s` lower-cased with leet-speak undone; other non-letters are kept. */
export function unleet(s: string): string {
  let out = '';
  for (const c of s.toLowerCase()) out += LEET[c] ?? c;
  return out;
}

/** Whether a value is a run of consecutive digits (`1234`, `1234567890123456`, `456789`). */
export function isCountingRun(v: string): boolean {
  if (v.length < 4 || v.length > 64 || !/^\d+$/.test(v)) return false;
  for (let i = 1; i < v.length; i++) {
    const a = v.charCodeAt(i - 1) - 48;
    const b = v.charCodeAt(i) - 48;
    if (b !== (a + 1) % 10) return false;
  }
  return true;
}

/**
 * Deploy-tool keyword markers that a tool replaces before use: `##NAME##`, `@@NAME@@`,
 * `__NAME__`, `_VALUE_NOT_SHOWN_`, `%%NAME%%`, `%NAME%`.
 */
export function isKeywordMarker(v: string): boolean {
  const s = v.trim();
  return (
    /^##[A-Za-z_][\w.-]{0,100}##$/.test(s) ||
    /^@@?[A-Za-z_][\w.-]{0,100}@@?$/.test(s) ||
    /^_{1,2}[A-Z][A-Z0-9_]{0,100}_{1,2}$/.test(s) ||
    /^%%?[A-Za-z_]\w{0,100}%%?$/.test(s)
  );
}

/** Verbs that open an instruction to the reader (`set-secure-…`, `SetRootPasswordHere`). */
const INSTRUCTION_VERBS = new Set([
  'set',
  'change',
  'replace',
  'insert',
  'enter',
  'put',
  'fill',
  'use',
  'add',
  'choose',
  'provide',
  'update',
  'type',
  'generate',
  'paste',
  'specify',
  'define',
  'write',
  'create',
  'pick',
]);

/** Words that open a noun phrase naming the value (`YourStrongPassword`, `some-db-secret`). */
const POSSESSIVES = new Set(['your', 'some', 'the']);

/** Words that close or carry an instruction (`…Here`, `…This`, `…Me`, `strong`, `secure`). */
const INSTRUCTION_WORDS = new Set([
  'here',
  'this',
  'me',
  'it',
  'strong',
  'secure',
  'own',
  'real',
  'actual',
  'proper',
  'good',
  'long',
  'random',
  'new',
  'later',
  'before',
  'deploy',
  'deploying',
  'production',
  'prod',
]);

/**
 * Whether a value is a sentence or instruction rather than a credential: `set-secure-redis-password`,
 * `SetR00tPa$$wordH3r3`, `YourStrongPassword`, `CHANGE-THIS!`, `put your password here`.
 * Words are read after undoing leet-speak, so decorated instructions count too.
 */
export function isPlaceholderSentence(v: string): boolean {
  const s = v.trim();
  if (s.length < 6 || s.length > 200) return false;
  const letters = s.replace(/[^A-Za-z0-9$@!]+/g, ' ').trim();
  // Undo leet-speak per camel-case piece, so `R00t` and `Pa$$word` still split as words.
  const pieces = letters.split(' ').flatMap((p) => p.match(/[A-Z0-9$@!]?[a-z0-9$@!]+|[A-Z0-9$@!]+(?![a-z])/g) ?? []);
  let ws = pieces.map((p) => unleet(p)).filter((w) => /^[a-z]+$/.test(w));
  // An instruction written as one run of letters (`changethis`, `SETPASSWORDHERE`): read its words.
  if (ws.length === 1 && pieces.length === 1) ws = sentenceWords(ws[0]) ?? ws;
  if (ws.length < 2) return false;
  // All of the value's letters belong to words: a generated value does not read as a sentence.
  if (ws.join('').length < s.replace(/[^A-Za-z]/g, '').length * 0.8) return false;
  const isSecretWord = (w: string) => /^(?:password|passwd|pass|pwd|secret|token|key|passphrase|credential|cookie)s?$/.test(w);
  const last = ws[ws.length - 1];
  // `set-secure-redis-password`, `ChangeThisSecret`: a verb telling the reader what to do.
  if (INSTRUCTION_VERBS.has(ws[0]) && (ws.some(isSecretWord) || ws.some((w) => INSTRUCTION_WORDS.has(w)))) return true;
  // `YourStrongPassword`, `some-db-secret`: a noun phrase naming the value. (A sentence such as
  // `YourPwdShouldBeLongAndSecure!` is a chosen password, however it reads.)
  if (POSSESSIVES.has(ws[0]) && (isSecretWord(last) || last === 'here')) return true;
  // `…PasswordHere`, `…ChangeThis`: an instruction at the end.
  if (last === 'here' || (last === 'this' && INSTRUCTION_VERBS.has(ws[ws.length - 2]))) return true;
  return false;
}

/** Every word an instruction is made of, for reading one written without separators. */
const SENTENCE_VOCABULARY = new Set([...INSTRUCTION_VERBS, ...INSTRUCTION_WORDS, ...POSSESSIVES, ...FILLER_WORDS]);

/**
 * The words of a run of lower-case letters when all of it splits into words an instruction is
 * made of (`changethis` → change, this), with as few words as possible; undefined otherwise.
 * Linear in the run's length (words are at most 12 letters; runs over 40 are not read).
 */
function sentenceWords(run: string): string[] | undefined {
  if (run.length > 40) return undefined;
  // best[i]: the fewest words the first i letters split into, and where the last one starts.
  const best: { count: number; from: number }[] = [{ count: 0, from: -1 }];
  for (let j = 1; j <= run.length; j++) {
    for (let i = Math.max(0, j - 12); i < j; i++) {
      const prev = best[i];
      if (prev === undefined || !SENTENCE_VOCABULARY.has(run.slice(i, j))) continue;
      if (best[j] === undefined || prev.count + 1 < best[j].count) best[j] = { count: prev.count + 1, from: i };
    }
  }
  if (best[run.length] === undefined) return undefined;
  const out: string[] = [];
  for (let j = run.length; j > 0; j = best[j].from) out.unshift(run.slice(best[j].from, j));
  return out;
}

/** Words that mark a made-up test credential (`test-secret-key`, `dev_password`): real, weak values. */
const TEST_OPENERS = new Set(['test', 'testing', 'demo', 'dev', 'local', 'default', 'sample']);

/** Words of a value that say it stands for the real one (beyond the filler words). */
const STAND_IN_WORDS = new Set([
  'your',
  'my',
  'our',
  'some',
  'changeme',
  'changeit',
  'replaceme',
  'placeholder',
  'dummy',
  'fake',
  'redacted',
  'notreal',
  'xxx',
  'xxxx',
  'tbd',
  'todo',
  'fixme',
  'foo',
  'bar',
  'baz',
  'none',
  'null',
  'nil',
  'undefined',
  'empty',
  'hidden',
  'masked',
  'string',
  'value',
  'here',
  'insert',
  'replace',
  'enter',
  'put',
  'fill',
  'change',
]);

export type PasswordVerdict = 'placeholder' | 'weak' | 'real';

/**
 * How a literal under a password-named key reads:
 * - `placeholder`: it stands for the real value (template, marker, mask, instruction, filler);
 * - `weak`: a usable password that anyone can guess (a dictionary word or product default such
 *   as `postgres`, `secret`, `1234`, a project name, a value that restates its key);
 * - `real`: anything else that is a literal.
 * Only the value is read: whether the file around it is a documentation template is the caller's call.
 */
export function passwordVerdict(raw: string, key = ''): PasswordVerdict {
  const v = raw.trim();
  if (v.length === 0 || isKeywordMarker(v) || isPlaceholderSentence(v)) return 'placeholder';
  const folded = unleet(v).replace(/[^a-z]/g, '');
  const plain = v.toLowerCase();
  const reason = placeholderReason(v);
  if (reason === undefined) return isWeakLiteral(v, key) ? 'weak' : 'real';
  switch (reason) {
    case 'counting':
    case 'sample sequence':
      return 'weak';
    case 'filler words': {
      if (COMMON_PASSWORDS.has(plain) || (COMMON_PASSWORDS.has(folded) && /^[A-Za-z0-9$@!]+$/.test(v))) return 'weak';
      const ws = words(v);
      if (ws.length >= 2 && TEST_OPENERS.has(ws[0]) && !ws.some((w) => STAND_IN_WORDS.has(w))) return 'weak';
      return 'placeholder';
    }
    case 'placeholder word':
    case 'documentation example': {
      // A project or product name beside `example`/`sample` (`NABLARCH_EXAMPLE`) is a chosen
      // password; `example`, `sample_password` and `your_key` only stand for one.
      if (DOC_EXAMPLES.some((e) => v.includes(e))) return 'placeholder';
      const ws = words(v);
      if (ws.some((w) => STAND_IN_WORDS.has(w) || (STRONG_PLACEHOLDER_WORDS.has(w) && w !== 'example' && w !== 'sample' && w !== 'examples')))
        return 'placeholder';
      return ws.some((w) => w.length >= 3 && /^[a-z]+$/.test(w) && !FILLER_WORDS.has(w) && !STRONG_PLACEHOLDER_WORDS.has(w)) ? 'weak' : 'placeholder';
    }
    default:
      return 'placeholder';
  }
}

/**
 * A literal password that is guessable: in the common list (also in leet-speak, `Passw0rd`),
 * a counting run, made of its key's own words, or short and of one character class.
 */
export function isWeakLiteral(v: string, key = ''): boolean {
  const s = v.trim();
  const folded = unleet(s).replace(/[^a-z]/g, '');
  // `Welcome1!`, `admin123`: a common word with digits or symbols after it.
  const stem = unleet(s.replace(/[^A-Za-z$@]+$/, '')).replace(/[^a-z]/g, '');
  if (COMMON_PASSWORDS.has(s.toLowerCase()) || (folded.length >= 3 && COMMON_PASSWORDS.has(folded)) || COMMON_PASSWORDS.has(stem)) return true;
  if (isCountingRun(s.replace(/\D/g, '')) && s.replace(/\D/g, '').length >= s.length - 3) return true;
  const keyWords = new Set(words(key));
  const ws = words(s);
  if (ws.length > 0 && ws.every((w) => keyWords.has(w) || COMMON_PASSWORDS.has(w) || FILLER_WORDS.has(w) || /^\d{1,4}$/.test(w))) return true;
  // A few words and nothing else (`NABLARCH_DEMO`, `sonarPass`): a name, guessable.
  if (/^[A-Za-z]+(?:[-_. ][A-Za-z]+){0,3}$/.test(s) && ws.length <= 4) return true;
  return s.length < 8 || charClasses(s) <= 1 || (s.length < 12 && charClasses(s) <= 2 && entropy(s) < 3.2);
}

/**
 * Whether a run of lower-case letters is a possessive followed only by filler words
 * (`myclientsecret`, `yourapitoken`): a name for a value written as one word.
 */
export function isPossessiveFillerRun(v: string): boolean {
  const s = v.toLowerCase();
  if (s.length > 40 || !/^(?:my|your|our|some|the)[a-z]+$/.test(s)) return false;
  // reach[i]: the first i letters split into filler words.
  const reach = new Array<boolean>(s.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < s.length; i++) {
    if (!reach[i]) continue;
    for (let j = i + 1; j <= s.length && j - i <= 12; j++) {
      const w = s.slice(i, j);
      if (FILLER_WORDS.has(w) || w === 'my' || w === 'your' || w === 'our' || w === 'some') reach[j] = true;
    }
  }
  return reach[s.length];
}

/**
 * Whether a JWT is public by design: its payload's `role` is `anon` (the Supabase anon key,
 * which ships to every browser; row-level security, not the key, guards the data). A
 * `service_role` key, or any token that cannot be read, is not.
 */
export function isPublicJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1].length > 4000) return false;
  try {
    const json = Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    const payload: unknown = JSON.parse(json);
    return typeof payload === 'object' && payload !== null && (payload as Record<string, unknown>).role === 'anon';
  } catch {
    return false;
  }
}

/** A Firebase web app config: its `apiKey` identifies the project to browsers and is public by design. */
export const FIREBASE_WEB_CONFIG = /\bauthDomain\b|\.firebaseapp\.com\b|\bmessagingSenderId\b/;

/**
 * Keys that are public by design: Stripe and PAY.JP publishable keys (`pk_live_…`, `pk_test_…`)
 * and Supabase anon JWTs. A Firebase web `apiKey` is one too, judged with its file (`FIREBASE_WEB_CONFIG`).
 */
export function isPublishableKey(v: string): boolean {
  const s = v.trim();
  return /^pk_(?:live|test)_[A-Za-z0-9]{8,}$/.test(s) || (s.startsWith('eyJ') && isPublicJwt(s));
}

/** Whether a value is a default or dictionary password (`secret`, `admin`, `Passw0rd`, `postgres`). */
export function isCommonPassword(v: string): boolean {
  const s = v.trim();
  return COMMON_PASSWORDS.has(s.toLowerCase()) || (/^[A-Za-z0-9$@!]{3,20}$/.test(s) && COMMON_PASSWORDS.has(unleet(s)));
}

/** Whether a value is a dictionary password or a product's shipped default (`guest`, `admin`, `Passw0rd`), not a product name. */
export function isDictionaryPassword(v: string): boolean {
  const s = v.trim();
  return DICTIONARY_PASSWORDS.has(s.toLowerCase()) || (/^[A-Za-z0-9$@!]{3,20}$/.test(s) && DICTIONARY_PASSWORDS.has(unleet(s)));
}
