import { words } from './value';

/**
 * What a key name says about its value:
 * - `password`: a password or passphrase; any literal that is not a placeholder is a finding;
 * - `secret`: a token, API key, client secret or credential; the value must look generated;
 * - `weak`: a name that only hints at a secret (`hubspotKey`, `auth`); the value must look
 *   strongly generated.
 */
export type KeyClass = 'password' | 'secret' | 'weak';

const PASSWORD_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'pswd',
  'passcode',
  'passwort',
  'pw',
  // Japanese romaji: パスワード, 暗証 (番号)
  'pasuwado',
  'pasuwaado',
  'pasuwodo',
  'anshou',
  'ansyou',
  'ansho',
  'anshobango',
  'anshoubangou',
  'ansyoubangou',
]);

const SECRET_WORDS = new Set([
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'authorization',
  'bearer',
  'privatekey',
  'secretkey',
  'accesskey',
  'accesstoken',
  'authtoken',
  'refreshtoken',
  'clientsecret',
  'apitoken',
  'apisecret',
  'sessionkey',
  // Japanese romaji: 秘密 (鍵)
  'himitsu',
  'himitu',
  'himitsukagi',
  'himitukagi',
]);

/** Words that, before `key`, make it a secret key (`api_key`, `signing_key`, `storage_key`). */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'auth',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'master',
  'account',
  'client',
  'app',
  'application',
  'service',
  'license',
  'licence',
  'consumer',
  'subscription',
  'storage',
  'shared',
  'session',
  'bot',
  'webhook',
  'hmac',
  'jwt',
  'admin',
  'ingest',
  'ingestion',
  'integration',
  'deploy',
  'server',
  'management',
  'personal',
  'developer',
  'partner',
  'merchant',
  'live',
  'prod',
  'production',
  'write',
  'rest',
  'secure',
  'security',
  'crypto',
  'cipher',
  'aes',
  'himitsu',
  'cookie',
  'csrf',
  'xsrf',
  'otp',
  'totp',
  'mfa',
]);

/** Words that, before `key`, make it anything but a secret (`primary_key`, `cache_key`). */
const KEY_NON_SECRET = new Set([
  'primary',
  'foreign',
  'sort',
  'partition',
  'hash',
  'range',
  'public',
  'pub',
  'cache',
  'idempotency',
  'lookup',
  'map',
  'object',
  'row',
  'column',
  'field',
  'group',
  'route',
  'routing',
  'query',
  'i18n',
  'translation',
  'message',
  'ssh',
  'kms',
  'gpg',
  'pgp',
  'host',
  'node',
  'registry',
  'index',
  'item',
  'record',
  'unique',
  'composite',
  'shard',
  'bucket',
  's3',
  'file',
  'table',
  'entity',
  'react',
  'list',
  'dict',
  'json',
  'env',
  'config',
  'setting',
  'option',
  'label',
  'tag',
  'redis',
  'memcache',
  'state',
  'tfstate',
  'lock',
  'dedup',
  'dedupe',
  'event',
  'metric',
  'sorting',
  'hotkey',
  'shortcut',
  'keyboard',
  'music',
  'foreign',
  'natural',
  'surrogate',
  'attribute',
  'attr',
  'property',
  'dynamo',
  'dynamodb',
  'cluster',
  'clustering',
  'distribution',
  'dist',
  'value',
  'values',
  'data',
  'path',
  'prefix',
  'rotation',
  'public',
  'verify',
  'verification',
  'cert',
  'certificate',
  'ca',
  'root',
  'trusted',
  'customer',
  'cmk',
  'kek',
  'dek',
  'key',
  'keys',
  'retry',
  'throttle',
  'rate',
  'limit',
  'type',
  'name',
  'id',
  'version',
  'search',
  'string',
  'result',
  'results',
  'output',
  'input',
  'marker',
  'page',
  'order',
  'group',
  'partition',
  // A document's identifier (`spreadsheet_key` of a Google Sheet) and an alert's grouping key
  // (`aggregation_key`, `correlation_key` of PagerDuty-style events) identify, they grant nothing.
  'spreadsheet',
  'sheet',
  'workbook',
  'aggregation',
  'correlation',
  'grouping',
]);

/** Words after the secret word that make the key describe the secret rather than hold it. */
const META_SUFFIX = new Set([
  'name',
  'names',
  // `secretNamespace: default` (a Kubernetes StorageClass parameter) names where a secret is.
  'namespace',
  // `docker login --password-stdin` reads the password from standard input: the flag holds none.
  'stdin',
  // Laravel's password broker (`AUTH_PASSWORD_BROKER`) names the reset flow, not a password.
  'broker',
  'id',
  'ids',
  'arn',
  'path',
  'paths',
  'file',
  'files',
  'filename',
  'dir',
  'directory',
  'url',
  'uri',
  'endpoint',
  'type',
  'types',
  'length',
  'len',
  'min',
  'max',
  'size',
  'policy',
  'policies',
  'expire',
  'expires',
  'expired',
  'expiry',
  'expiration',
  'ttl',
  'age',
  'ref',
  'reference',
  'version',
  'prefix',
  'suffix',
  'header',
  'param',
  'parameter',
  'field',
  'label',
  'hint',
  'prompt',
  'regex',
  'pattern',
  'format',
  'mode',
  'enabled',
  'enable',
  'disabled',
  'required',
  'rotation',
  'rotate',
  'reset',
  'hash',
  'hashed',
  'salt',
  'location',
  'env',
  'var',
  'variable',
  'source',
  'provider',
  'manager',
  'store',
  'count',
  'timeout',
  'kind',
  'class',
  'template',
  'generator',
  'command',
  'cmd',
  'script',
  'selector',
  'mount',
  'volume',
  'sha',
  'checksum',
  'digest',
  'fingerprint',
  'algorithm',
  'alg',
  'strength',
  'complexity',
  'rule',
  'rules',
  'validator',
  'validation',
  'changed',
  'updated',
  'created',
  'at',
  'date',
  'time',
  'flag',
  'option',
  'options',
  'setting',
  'settings',
  'lifetime',
  'duration',
  'validity',
  'valid',
  'usage',
  'scope',
  'scopes',
  'audience',
  'issuer',
  'key',
  'keys',
  'secret',
  'secrets',
  'ref',
  'refs',
  'attempts',
  'retries',
  'chars',
  'characters',
  'character',
  'symbols',
  'numbers',
  'uppercase',
  'lowercase',
  'digits',
  'history',
  'reuse',
  'change',
  'complexity',
  'minimum',
  'maximum',
  'placeholder',
  'input',
  'output',
  'form',
  'box',
  'dialog',
  'button',
  // Parts of a sign-in screen (`data-password-toggle`, `password-icon`, `passwordPage`).
  'icon',
  'toggle',
  'eye',
  'page',
  'screen',
  'modal',
  'text',
  'message',
  'error',
  'label',
  'storage',
  'vault',
  'kms',
  'encrypted',
  'encryption',
  'mask',
  'masked',
  'visible',
  'visibility',
  'show',
  'hide',
  'confirmation',
  'confirm',
  'generation',
  'generate',
  'auth',
  'authentication',
  'login',
  'less',
  'list',
  'index',
  'map',
  'bytes',
  'bits',
  'exists',
  'present',
  'set',
  'method',
  'methods',
  'strategy',
  'handler',
  'callback',
  'service',
  'client',
  'server',
  'request',
  'response',
  'status',
  'state',
  'info',
  'data',
  'meta',
  'requirements',
  'requirement',
  'criteria',
  'constraint',
  'constraints',
  'restrictions',
  'restriction',
  'rotated',
  'spec',
  'specs',
  'origin',
  // Metadata about a password: a timestamp column (`password_modified`), the directory
  // attribute that holds it (`passwordAttribute = 'unicodepwd'`), how often it may repeat
  // (`PASSWORD_REPETITION_TIMES`), Postfix lookup tables (`smtp_sasl_password_maps`) and form
  // fields (`data[_Token][fields]`).
  'modified',
  'attribute',
  'attributes',
  'attr',
  'column',
  'columns',
  'times',
  'repetition',
  'maps',
  'fields',
]);

/** Words before the secret word that make the key a setting (`update_password`, `min_password`). */
const META_PREFIX = new Set([
  // A LINE webhook event's `replyToken`: a one-time handle for answering that event, valid for
  // a minute; every LINE bot's test payloads hold one.
  'reply',
  'update',
  'reset',
  'forgot',
  'forget',
  'show',
  'hide',
  'has',
  'use',
  'require',
  'requires',
  'required',
  'enable',
  'enabled',
  'disable',
  'allow',
  'min',
  'max',
  'minimum',
  'maximum',
  'is',
  'no',
  'check',
  'validate',
  'generate',
  'random',
  'create',
  'rotate',
  'manage',
  'managed',
  'change',
  'expire',
  'prompt',
  'ask',
  'skip',
  'hash',
  'hashed',
  'encrypted',
  'store',
  'stored',
  'save',
  'get',
  'fetch',
  'read',
  'load',
  'with',
  'without',
  'num',
  'number',
  'length',
  'len',
  'csrf',
  'xsrf',
  'next',
  'page',
  'pagination',
  'continuation',
  'cursor',
  'lexer',
  'parse',
  'parser',
  'syntax',
  'authenticity',
  'request',
  'idempotency',
  'continuation',
]);

/**
 * Purposes of the one-time tokens an application issues to each of its users and keeps in the
 * user's row (Devise's `confirmation_token` and `unlock_token`, `remember_token`,
 * `invitation_token`, `unsubscribe_email_token`): seeds and fixtures hold them for made-up users,
 * and they open no system or service. `reset` is handled with the other password-reset words.
 */
const RECORD_TOKEN_PURPOSES = new Set(['confirmation', 'unlock', 'remember', 'invitation', 'unsubscribe']);

/** Words before `pass` that make it "a pass over …", not a password (`allPass`, `firstPass`). */
const PASS_QUANTIFIERS = new Set([
  'all',
  'any',
  'some',
  'every',
  'first',
  'second',
  'third',
  'last',
  'next',
  'multi',
  'single',
  'double',
  'by',
  'over',
  'under',
  'high',
  'low',
  'band',
  'pre',
  'post',
  'render',
  'shadow',
  'depth',
  'blur',
]);

/** Words in the key name that say the value is deliberately not real (`nonMatchingToken`). */
const NOT_REAL = new Set(['non', 'not', 'invalid', 'wrong', 'fake', 'dummy', 'mock', 'sample', 'example', 'placeholder', 'bogus', 'fixture', 'mocked', 'stub']);

/** Japanese words for secrets, as they appear in Japanese key names. */
const JA_PASSWORD = /パスワード|暗証番号|暗証/;
const JA_SECRET = /秘密鍵|秘密|シークレット|トークン|アクセスキー|APIキー|API キー|認証情報|認証キー/;

function isPasswordWord(w: string): boolean {
  if (PASSWORD_WORDS.has(w)) return true;
  return w.length > 8 && (w.endsWith('password') || w.endsWith('passwd') || w.endsWith('passphrase'));
}

function isSecretWord(w: string): boolean {
  if (SECRET_WORDS.has(w)) return true;
  return w.length > 6 && /(?:secret|token|apikey|privatekey|secretkey|accesskey|credentials?)$/.test(w);
}

/**
 * Classifies a key (`DB_PASSWORD`, `clientSecret`, `stripe.api_key`, `X-ChatWorkToken`) by the
 * last secret word in it and what surrounds that word. Undefined: not a secret-holding key.
 */
export function classifyKey(key: string): KeyClass | undefined {
  // A file names the same keys over and over (every compose service its `*_TOKEN`), and an
  // editor scans it again at each keystroke: each key is split into words and judged once.
  let cls = KEY_CLASSES.get(key);
  if (cls === undefined) {
    cls = classifyFresh(key) ?? NO_CLASS;
    if (KEY_CLASSES.size >= 20_000) KEY_CLASSES.clear();
    KEY_CLASSES.set(key, cls);
  }
  return cls === NO_CLASS ? undefined : cls;
}
const NO_CLASS = '';
const KEY_CLASSES = new Map<string, KeyClass | typeof NO_CLASS>();

/**
 * Password managers, named as such in code (an enum of passkey providers: `OnePassword =
 * "bada5566-…"`, `NordPass`, `KeePassXC`): the name of a product, not of a password.
 */
const PASSWORD_MANAGER = /^(?:onepassword|1password|nordpass|keepass(?:xc|dx)?|lastpass|protonpass|samsungpass|googlepasswordmanager)$/;

function classifyFresh(key: string): KeyClass | undefined {
  // Package names and paths (`@scope/secretlint-rule-1password`) are not keys of a value.
  // Type names (`AWS::ApiGateway::ApiKey`) are not keys of a value either.
  if (key.length > 120 || key.startsWith('@') || key.includes('/') || key.includes('::')) return undefined;
  // The whole name, or its last member (`PasskeyBrand.OnePassword`): never a suffix (`DB2INST1_PASSWORD`).
  if (
    PASSWORD_MANAGER.test(
      key
        .slice(key.lastIndexOf('.') + 1)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
  )
    return undefined;
  if (/[^\x20-\x7e]/.test(key)) {
    if (JA_PASSWORD.test(key)) return 'password';
    if (JA_SECRET.test(key)) return 'secret';
  }
  const ws = words(key);
  if (ws.length === 0) return undefined;
  if (ws.some((w) => NOT_REAL.has(w))) return undefined;
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i];
    let cls: KeyClass | undefined;
    if (isPasswordWord(w)) cls = 'password';
    else if (isSecretWord(w)) cls = 'secret';
    else if (w === 'auth') cls = i === ws.length - 1 && ws.length <= 2 ? 'weak' : undefined;
    else if (w === 'key' && i > 0) {
      const q = ws[i - 1];
      if (KEY_QUALIFIERS.has(q)) cls = 'secret';
      else if (!KEY_NON_SECRET.has(q) && !/^\d+$/.test(q) && q.length > 2) cls = 'weak';
    }
    if (!cls) continue;
    // `pw` and `pass` are short and common: accept them at the end of the key (`db_pass`,
    // `DB_PASS_BD`), never after a quantifier (`allPass`, `bypass` is one word anyway).
    if (w === 'pw' && i < ws.length - 1) return undefined;
    if (w === 'pass' && (i < ws.length - 2 || (i === ws.length - 2 && ws[i + 1].length > 3))) return undefined;
    if (w === 'pass' && i > 0 && PASS_QUANTIFIERS.has(ws[i - 1])) return undefined;
    const after = ws.slice(i + 1).filter((x) => !/^\d+$/.test(x));
    if (after.some((x) => META_SUFFIX.has(x))) return undefined;
    const before = ws.slice(0, i);
    if (before.length > 0 && META_PREFIX.has(before[before.length - 1])) {
      // `csrf_token`, `page_token` and friends are not credentials; `token_secret` keeps its class.
      return undefined;
    }
    if (before.some((x) => x === 'update' || x === 'reset' || x === 'forgot' || x === 'min' || x === 'max')) return undefined;
    if (cls === 'secret' && w === 'token' && before.some((x) => RECORD_TOKEN_PURPOSES.has(x))) return undefined;
    // Words of a longer key such as `api_key_secret_name` were handled above; accept.
    return cls;
  }
  return undefined;
}
