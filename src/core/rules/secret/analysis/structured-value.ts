import { maskSecret } from '../../../mask';
import type { Range } from '../../../types';
import type { RawFinding } from '../../rule';
import { classifyKey } from './keys';
import { charClasses, entropy, isHashedPassword, isReference, looksStrong, STRONG_PLACEHOLDER_WORDS, words } from './value';

/**
 * Judging a literal found where the file's structure already says it is a credential: a Keycloak
 * client `secret` or user credential `value`, `CREATE USER … PASSWORD '…'`, a password column of
 * a seed `INSERT`, a Terraform password argument, a password passed to a database CLI. There the
 * key leaves no doubt, so weak values (`secret`, `postgres`, `1234`) are real, usable passwords:
 * they are reported as weak rather than dropped. Only what is not a value at all is skipped:
 * templates and variables, masks, settings, hashes and the words that ask for a value
 * (`changeme`, `your-password`, `<password>`, `##KEY##`).
 */

/** How a literal credential reads: strong (long, mixed) or weak (short, a word, a default). */
export type LiteralStrength = 'strong' | 'weak';

export interface LiteralOptions {
  /** The key the value sits under; with `restating`, a value equal to it is a doc example. */
  key?: string;
  /** Documentation-style sources write `password = "password"` to name the field: skip it. */
  restating?: boolean;
  /** Stored-password columns: hex digests and MySQL `*HASH` values are hashes too. */
  digests?: boolean;
}

/**
 * Words that only ever ask for a value to be filled in: the placeholder words every secret rule
 * knows, and the words of an instruction (`your-key-here`, `insert password`).
 */
const ASKING_WORDS: ReadonlySet<string> = new Set([...STRONG_PLACEHOLDER_WORDS, 'your', 'yours', 'replace', 'insert', 'enter', 'fill', 'here', 'goes', 'some']);

/** A phrase starting with one of these asks for a value (`set-secure-password`, `use_a_strong_one`). */
const IMPERATIVE = new Set(['set', 'use', 'put', 'add', 'change', 'generate', 'provide', 'choose', 'pick', 'type']);

/** Metasyntactic words used as stand-ins (`foo`); longer inventions (`foobar`) are real values. */
const METASYNTACTIC = /^(?:foo|bar|baz|qux|hoge|fuga|piyo)$/i;

/** Templates and variables of every syntax the scanned files use. */
const TEMPLATE =
  /\$\{|\{\{|\}\}|<%|%>|#\{|\$\(|^\$[A-Za-z_{]|^<[^<>]{0,80}>$|^#{2}[^#]{1,80}#{2}$|^@@?[\w.-]{1,80}@@?$|^__[A-Za-z0-9_]{1,80}__$|^%[A-Za-z_]\w{0,80}%$|^\{[\w.\s-]{1,80}\}$|^\[[\w\s.-]{1,80}\]$/;

/** Masked or elided values. */
const MASK = /\*{3,}|[xX]{5,}|•|…|\.{3,}|#{4,}|_{6,}|\?{3,}/;

const SETTING = /^(?:true|false|yes|no|null|none|nil|undefined|on|off|empty|unset|required|optional|random|generate|auto)$/i;

/** Spring's DelegatingPasswordEncoder prefix: `{noop}` stores the password as it is, the others a hash. */
const ENCODER_ID = /^\{([A-Za-z0-9-]{2,20})\}/;

/**
 * Hex digests (MD5, SHA-1, SHA-256, SHA-512), MySQL's `*`-prefixed native hash, and long base64
 * (ASP.NET Identity `AQAAAA…`, base64 SHA-256 with its salt): no one types such a password.
 */
const DIGEST = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}|\*[0-9A-F]{40}|[A-Za-z0-9+/]{40,}={0,2})$/;

/**
 * Whether a value only restates its key, as documentation examples do: `password = "password"`,
 * `client_secret = "myclientsecret"`. A shorter word (`client_secret = "secret"`) is a value.
 */
function restates(v: string, key: string): boolean {
  const k = key.trim();
  if (v === k || (v === v.toLowerCase() && v === k.toLowerCase())) return true;
  const nk = k.toLowerCase().replace(/[^a-z0-9]/g, '');
  const nv = v.toLowerCase().replace(/[^a-z0-9]/g, '');
  // Glued (`myclientsecret`); a phrase (`My password`) is a chosen value.
  const mine = /\s/.test(v) ? null : /^(?:my|the|your|a)(.{3,})$/.exec(nv);
  return mine !== null && nk.endsWith(mine[1]);
}

function distinctAlnum(s: string): number {
  return new Set(s.replace(/[^A-Za-z0-9]/g, '')).size;
}

/**
 * Whether `raw`, found where a credential belongs, is a literal credential, and how strong it
 * reads; undefined when it is a stand-in, a reference, a setting or a hash.
 */
export function literalCredential(raw: string, opts: LiteralOptions = {}): LiteralStrength | undefined {
  let v = raw.trim();
  if (v.length === 0 || v.length > 512) return undefined;
  const encoder = ENCODER_ID.exec(v);
  if (encoder) {
    if (encoder[1].toLowerCase() !== 'noop') return undefined;
    v = v.slice(encoder[0].length);
    if (v.length === 0) return undefined;
  }
  // Secrets are ASCII; other scripts are labels or translations.
  if (/[^\x20-\x7e]/.test(v)) return undefined;
  // Prose: a password with blanks is short.
  if (/\s/.test(v) && (v.length > 40 || v.split(/\s+/).length > 4)) return undefined;
  if (isReference(v) || TEMPLATE.test(v) || MASK.test(v) || SETTING.test(v)) return undefined;
  // `0000`, `aaaa`, the all-zero UUID: fillers.
  if (distinctAlnum(v) <= 1) return undefined;
  if (isHashedPassword(v) || (opts.digests && DIGEST.test(v))) return undefined;
  if (METASYNTACTIC.test(v)) return undefined;
  const ws = words(v);
  if (ws.some((w) => ASKING_WORDS.has(w))) return undefined;
  if (ws.length >= 2 && IMPERATIVE.has(ws[0]) && /^[A-Za-z]+[-_ ]/.test(v)) return undefined;
  // An upper-case name of a secret (`DB_PASSWORD`, `SOME_SECRET`) stands for the value.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) && classifyKey(v) !== undefined) return undefined;
  if (opts.restating && opts.key !== undefined && restates(v, opts.key)) return undefined;
  return strongLiteral(v) ? 'strong' : 'weak';
}

/**
 * Whether a literal password reads as strong: long and mixed (`looksStrong`), or shorter but
 * random-looking, with three character classes and letters that are not one word
 * (`Vn8q2Lkp9Zt` is strong; `Test123!`, `batch-2024` and `Passw0rd` are a word dressed up).
 */
export function strongLiteral(v: string): boolean {
  if (looksStrong(v)) return true;
  if (v.length < 8 || charClasses(v) < 3 || entropy(v) < 3) return false;
  const letters = v.replace(/[^A-Za-z]/g, '');
  return !/^[A-Z]?[a-z]*$/.test(letters) && !/^[A-Z]+$/.test(letters);
}

/** Words of a secret-class key that make it a shared secret (not an API token, whose value must look generated). */
const SHARED_SECRET_WORDS = new Set(['secret', 'credential', 'credentials', 'passphrase']);

/** Whether a key names a password or a shared secret whose literal value, however weak, is a finding. */
export function credentialKey(key: string): boolean {
  const base = key.replace(/_wo$/, '');
  const cls = classifyKey(base);
  if (cls === 'password') return true;
  if (cls !== 'secret') return false;
  const ws = words(base);
  return ws.some((w) => SHARED_SECRET_WORDS.has(w) || /(?:secret|credentials?)$/.test(w));
}

/**
 * Private-key material written as bare base64 (Keycloak `privateKey`, SAML signing keys): a
 * DER-encoded key starts with `MII` and runs to hundreds of characters.
 */
export function isBase64PrivateKey(raw: string): boolean {
  const v = raw.trim();
  return v.length >= 200 && v.length <= 20_000 && /^MII[A-Za-z0-9+/]+={0,2}$/.test(v);
}

/**
 * The finding of a literal credential under a named key: a warning that says "weak and hardcoded"
 * for a guessable value, an error otherwise; the value masked in the message and the excerpt
 * (`key = ab****` for Terraform, `key: ab****` for XML, as `separator` says).
 */
export function literalCredentialFinding(text: string, hit: { range: Range; key: string; strength: LiteralStrength }, separator: string): RawFinding {
  const masked = maskSecret(text.slice(hit.range[0], hit.range[1]));
  const weak = hit.strength === 'weak';
  return {
    range: hit.range,
    messageId: weak ? 'weak' : 'found',
    severity: weak ? 'warning' : 'error',
    data: { key: hit.key, masked },
    excerpt: `${hit.key}${separator}${masked}`,
  };
}
