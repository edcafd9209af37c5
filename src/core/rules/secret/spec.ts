import type { RuleRisk } from '../risk';
import type { Format } from '../../documents/detect';
import type { Localized } from '../../guidelines/catalog';
import type { Severity } from '../../types';
import type { Specificity } from '../rule';

/**
 * The one way to declare a secret rule: a `SecretSpec` says what the credential is (provider,
 * kind), how to find it (token shapes anywhere in the text, and/or the key names it is stored
 * under with the value's shape) and what the fix names its variable. `specRule` (spec-rule.ts)
 * turns every spec into a Rule; the specs themselves are data in providers/*.ts. A rule's
 * examples are test cases on disk: test/rules/<id>/{ng,ok}/<case>/<files…>.
 */
export interface SecretSpec {
  /** Rule id, `secret/<name>`. */
  id: string;
  provider: Localized;
  kind: Localized;
  /** Environment variable the fix suggests when the key name says nothing better. */
  env: string;
  /** Catalog ids; default SECRET_GUIDELINES. */
  guidelines?: string[];
  /** Of overlapping findings, which stays (core/dedupe.ts); default 'specific', a named provider's format. */
  specificity?: Specificity;
  /** The rule's risk in code scanning (see rules/risk.ts); a new spec declares it here. */
  risk: RuleRisk;
  /** The formats and file names the rule reads (Rule.formats, Rule.files); default every file. */
  formats?: readonly Format[];
  files?: RegExp;
  /** Token shapes, searched for anywhere in the text. */
  tokens?: TokenPattern[];
  /** The key names the value is stored under (an env variable, a config key, an HTTP header) and its shape. */
  key?: KeyPattern;
  /** Words (regex, any case) the file must contain for anything to be reported (for keys too generic alone, such as `ShopPass`). */
  fileContext?: RegExp;
  /**
   * Literal words of which every match of `fileContext` holds one, in some ASCII case: the
   * rule's Rule.requires. A spec with token shapes only needs none (its rule requires its
   * patterns' hints); one with key names and no file context requires nothing, since a key's
   * name may come from a parsed tree, not the text as written.
   */
  fileContextWords?: readonly string[];
  /**
   * What the message asks for after moving the value: `revoke` (revoke and reissue it, the
   * default) or `console` (reissue it in the provider's console, for services managed there).
   */
  reissue?: 'revoke' | 'console';
  /**
   * Which values get the env fix: `any` (default) every token that is a whole string literal,
   * named after its key when there is one; `keyed` only values found under their key, and a
   * header key (`X-ChatWorkToken`) gives way to `env`.
   */
  fix?: 'any' | 'keyed';
  /**
   * Key names that mention the provider, with the value shape the provider uses. Not used to
   * find anything: the generic rule leaves a value under such a key with another shape alone.
   */
  keyHint?: RegExp;
  keyShape?: RegExp;
}

/** A token shape, found anywhere in the text. */
export interface TokenPattern {
  /** Global regex (`tok` builds one); the named group `s` (or the whole match) is the secret. Bounded repetition only. */
  re: RegExp;
  /** Literals of which one must occur in the text before the regex runs (in any case when `re` has the `i` flag or a `context`, else exactly). */
  hints: readonly string[];
  /**
   * Literals (exact case; `re` must not ignore case) of which every match holds one, starting
   * `anchorAt` code units after the match's start (from the first number to the second; by
   * default 0: the match starts with it). The regex is then tried only at the starts these
   * allow, found with `indexOf`, instead of at every position of the text: for a pattern whose
   * hint is a common word (`pat` in `path`), most of its cost.
   */
  anchors?: readonly string[];
  anchorAt?: readonly [number, number];
  /** Prefix of the secret, not counted in its entropy; a literal one also defers generic findings. */
  prefix?: string | RegExp;
  /** Literals (any case) of which one must occur somewhere in the file: a cheap gate before a `context`. */
  fileHints?: readonly string[];
  /** Case-insensitive words that must appear on the token's line or the one before. */
  context?: RegExp;
  /** Words that, on the token's line or in the file, mean another rule owns the token. */
  unless?: RegExp;
  /** Minimum Shannon entropy (bits/char) of the secret after its prefix. */
  minEntropy?: number;
  /**
   * Which stand-in test drops a match: `token` (default: masks, one repeated character, vendor
   * samples, sample words; the shape already matched) or `value`, the broader test for values
   * found under a key (`placeholderReason`), for shapes that say little on their own.
   */
  placeholders?: 'token' | 'value';
  /** A secret matching this is a test-mode or sandbox key: reported as a warning. */
  test?: RegExp;
  severity?: Severity;
  /** A secret for which this answers true is public by design (a Supabase anon JWT): not reported. */
  isPublic?: (secret: string) => boolean;
}

/**
 * A credential recognised by the name it is stored under together with the value's shape (most
 * Japanese services' tokens have no distinctive prefix). Values are trimmed and an auth scheme
 * (`Bearer `) is dropped; stand-ins and values of entropy under 2.5 are not reported.
 */
export interface KeyPattern {
  /** The key or header name (tested against the whole key). */
  name: RegExp;
  /** A plainer key name (`api_key`, `apiToken`) that counts when the file mentions the service (`mention`). */
  nameInContext?: RegExp;
  /**
   * Words (in any ASCII case) whose presence in the file lets `nameInContext` keys count: looked
   * up in the one literal pass every document gets, not searched for in the text again.
   */
  mention?: readonly string[];
  /** The value's shape (whole value). */
  value: RegExp;
  /** Value shapes of test-mode keys (reported as warnings). */
  test?: RegExp;
}

/** Kinds of credential, shared by the tables. */
export const KIND = {
  apiKey: { en: 'API key', ja: 'API キー' },
  accessKeyId: { en: 'access key ID', ja: 'アクセスキー ID' },
  accessToken: { en: 'access token', ja: 'アクセストークン' },
  pat: { en: 'personal access token', ja: '個人用アクセストークン' },
  secretKey: { en: 'secret key', ja: 'シークレットキー' },
  clientSecret: { en: 'client secret', ja: 'クライアントシークレット' },
  webhook: { en: 'webhook URL', ja: 'Webhook URL' },
  token: { en: 'token', ja: 'トークン' },
  botToken: { en: 'bot token', ja: 'Bot トークン' },
  privateKey: { en: 'private key', ja: '秘密鍵' },
  password: { en: 'password', ja: 'パスワード' },
  apiToken: { en: 'API token', ja: 'API トークン' },
} as const satisfies Record<string, Localized>;

/** Default leading boundary: not inside a word, a dotted name, a path or another token. */
export const TOKEN = String.raw`(?<![A-Za-z0-9_.+\/-])`;
const END = String.raw`(?![A-Za-z0-9_])`;

/** Whole-value versions of the token regexes, for checking a value against a provider's shape. */
const ANCHORED = new WeakMap<RegExp, RegExp>();

/** Builds a pattern regex with the usual boundaries: no word character or token punctuation around it. */
export function tok(body: string, flags = '', lead = TOKEN): RegExp {
  const re = new RegExp(`${lead}(?<s>${body})${END}`, `g${flags}`);
  ANCHORED.set(re, new RegExp(`^(?:${body})$`, flags));
  return re;
}

/** The whole-value version of a regex built by `tok`, if it was. */
export function anchoredOf(re: RegExp): RegExp | undefined {
  return ANCHORED.get(re);
}
