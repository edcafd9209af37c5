import type { Document } from '../../documents/document';
import type { Localized } from '../../guidelines/catalog';
import { foldString, literalsIn, mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range, Severity } from '../../types';
import { secretExamples, type RawFinding, type Rule, type RuleExample, type RuleExamples } from '../rule';
import { ASSIGNMENT_LITERALS, ASSIGNMENT_POSITIONAL, candidatesOf, type Candidate } from './assignments';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { envFix, envVarName, ENV_FIX_ID, ENV_FIX_MESSAGE } from './env-fix';
import { entropy, words } from './value';

/**
 * Provider token rules as data: each provider lists its token shapes (prefix, alphabet,
 * length), a cheap literal prefilter and, for shapes that are not distinctive on their own, a
 * context the line must mention. One factory turns a table entry into a Rule.
 */
export interface TokenPattern {
  /** Global regex; the named group `s` (or the whole match) is the secret. Bounded repetition only. */
  re: RegExp;
  /** Literals of which one must occur in the text before the regex runs (in any case when `re` has the `i` flag or a `context`, else exactly). */
  hints: readonly string[];
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
  /** A secret matching this is a test-mode or sandbox key: reported as a warning. */
  test?: RegExp;
  severity?: Severity;
  /** A secret for which this answers true is public by design (a Supabase anon JWT): not reported. */
  isPublic?: (secret: string) => boolean;
}

/** One provider: a rule id, names and shapes; the family's `selfTest:` statement adds its examples. */
export interface ProviderSpec {
  id: string;
  provider: Localized;
  kind: Localized;
  /** Environment variable a fix suggests when the key name says nothing better. */
  env: string;
  patterns: TokenPattern[];
  /** Key names that mention the provider, with the value shape the provider uses (for generic deferral). */
  keyHint?: RegExp;
  keyShape?: RegExp;
  guidelines?: string[];
  /** Set by `setExamples`; absent in the shipped bundles. */
  examples?: RuleExamples;
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
} as const satisfies Record<string, Localized>;

/** Shorthand for an example. */
export function ex(path: string, text: string): RuleExample {
  return { path, text };
}

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

/** Words that mark a token as a sample rather than a credential. */
const SAMPLE_WORDS = new Set([
  'example',
  'examples',
  'sample',
  'placeholder',
  'dummy',
  'fake',
  'redacted',
  'your',
  'yours',
  'changeme',
  'replace',
  'insert',
  'here',
]);

/** Published vendor samples (matched anywhere in the token). */
const SAMPLE_TOKENS = [
  'IOSFODNN7EXAMPLE',
  'cJrAD9Es62qm0Z3eE6uzQQmaDxM3q9jiDay1oysX',
  '6oDAV8hCY6HTa1AC6EZbNe2dpc1t8QnWZrHOMgMb',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  // The signature of the jwt.io sample token.
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
];

/**
 * Why a provider-shaped token is a stand-in, or undefined. Stricter than for generic values:
 * the shape already matched, so only masks, one repeated character, vendor samples and
 * sample words count.
 */
export function tokenPlaceholder(secret: string, prefix: string | RegExp = ''): string | undefined {
  if (/[xX]{5,}|\*{3,}|…|\.{3,}|<[^<>]{0,80}>|\$\{|\{\{/.test(secret)) return 'masked';
  if (SAMPLE_TOKENS.some((s) => secret.includes(s)) || /EXAMPLE(?:KEY)?$/.test(secret)) return 'documentation example';
  const body = bodyOf(secret, prefix);
  if (new Set(body.replace(/[^A-Za-z0-9]/g, '')).size <= 1) return 'repeated character';
  if (words(body).some((w) => SAMPLE_WORDS.has(w))) return 'sample word';
  return undefined;
}

/** The secret without its prefix. */
function bodyOf(secret: string, prefix: string | RegExp | undefined): string {
  if (!prefix) return secret;
  if (typeof prefix === 'string') return secret.startsWith(prefix) ? secret.slice(prefix.length) : secret;
  const m = prefix.exec(secret);
  return m && m.index === 0 ? secret.slice(m[0].length) : secret;
}

/** The token's line with the lines before and after it (context words often sit on a comment line). */
function lineAround(text: string, at: number): string {
  const prevStart = text.lastIndexOf('\n', text.lastIndexOf('\n', at - 1) - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end >= 0) end = text.indexOf('\n', end + 1);
  if (end < 0) end = text.length;
  return text.slice(Math.max(prevStart, at - 1500), Math.min(end, at + 1500));
}

interface Hit {
  range: Range;
  secret: string;
  pattern: TokenPattern;
}

/**
 * Patterns by hint (ASCII lower-cased, as the shared literal search reports it), with the hint
 * as written: a document's few found literals lead straight to the patterns worth running,
 * instead of every provider rule asking about each of its hints (~80 rules, per file).
 */
const BY_HINT = new Map<string, { pattern: TokenPattern; exact: string }[]>();

/** Indexes a provider's patterns by their hints; returns the words its rule declares (Rule.literals). */
function registerHints(spec: ProviderSpec): string[] {
  const words: string[] = [];
  for (const p of spec.patterns) {
    const lower = p.hints.map(foldString);
    words.push(...lower, ...(p.fileHints ?? []));
    lower.forEach((l, i) => {
      const list = BY_HINT.get(l);
      const entry = { pattern: p, exact: p.hints[i] };
      if (list) list.push(entry);
      else BY_HINT.set(l, [entry]);
    });
  }
  return words;
}

/**
 * The patterns one of whose hints occurs in the document: in any case when the pattern
 * ignores case (or is confirmed by context words), else exactly as written.
 */
function hintedPatterns(doc: Document): ReadonlySet<TokenPattern> {
  return doc.memo('secret:hinted-patterns', findHintedPatterns);
}

function findHintedPatterns(doc: Document): ReadonlySet<TokenPattern> {
  const live = new Set<TokenPattern>();
  for (const literal of literalsIn(doc)) {
    const list = BY_HINT.get(literal);
    if (!list) continue;
    for (const { pattern, exact } of list) {
      if (live.has(pattern)) continue;
      const anyCase = pattern.re.ignoreCase || pattern.context !== undefined;
      if (anyCase || exact === literal || doc.text.includes(exact)) live.add(pattern);
    }
  }
  return live;
}

/** Whether one of the spec's patterns is live (a loop: a closure per call was the top allocation of a tree scan). */
function anyLive(spec: ProviderSpec, live: ReadonlySet<TokenPattern>): boolean {
  for (let i = 0; i < spec.patterns.length; i++) if (live.has(spec.patterns[i])) return true;
  return false;
}

/** What `hitsOf` answers for the many files without a hinted pattern (never added to). */
const NO_HITS: readonly Hit[] = [];

function hitsOf(doc: Document, spec: ProviderSpec): readonly Hit[] {
  const live = hintedPatterns(doc);
  if (live.size === 0 || !anyLive(spec, live)) return NO_HITS;
  const out: Hit[] = [];
  const text = doc.text;
  for (const p of spec.patterns) {
    if (!live.has(p)) continue;
    if (p.fileHints && !mentionsAny(doc, p.fileHints)) continue;
    if (p.unless?.test(text)) continue;
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const secret = m.groups?.s ?? m[0];
      const start = m.index + m[0].indexOf(secret);
      if (p.context && !p.context.test(lineAround(text, start))) continue;
      if (tokenPlaceholder(secret, p.prefix) || p.isPublic?.(secret)) continue;
      if (p.minEntropy !== undefined && entropy(bodyOf(secret, p.prefix)) < p.minEntropy) continue;
      out.push({ range: [start, start + secret.length], secret, pattern: p });
    }
  }
  return out;
}

/** The document's assignment candidates by where their value starts, for fixes of many tokens. */
function candidatesByStart(doc: Document): Map<number, Candidate[]> {
  return doc.memo('secret:candidates-by-start', indexCandidates);
}

function indexCandidates(doc: Document): Map<number, Candidate[]> {
  const m = new Map<number, Candidate[]>();
  for (const c of candidatesOf(doc)) {
    const list = m.get(c.valueRange[0]);
    if (list) list.push(c);
    else m.set(c.valueRange[0], [c]);
  }
  return m;
}

/** The first candidate whose value spans exactly `range`. */
function candidateAt(doc: Document, range: Range): Candidate | undefined {
  return candidatesByStart(doc)
    .get(range[0])
    ?.find((c) => c.valueRange[1] === range[1]);
}

/** The env fix for a token that is a whole string literal, named after its key when there is one. */
export function tokenFix(doc: Document, range: Range, fallbackEnv: string) {
  const c = candidateAt(doc, range);
  if (c) return envFix(doc, c, envVarName(c.key, fallbackEnv).length > 3 && c.key.length > 2 ? envVarName(c.key, fallbackEnv) : fallbackEnv);
  const q = doc.text[range[0] - 1];
  if ((q === '"' || q === "'" || q === '`') && doc.text[range[1]] === q) {
    return envFix(doc, { literalRange: [range[0] - 1, range[1] + 1], valueRange: range, quote: q }, fallbackEnv);
  }
  return undefined;
}

/** Turns a provider table entry into a rule. */
export function providerRule(spec: ProviderSpec): Rule {
  const literals = registerHints(spec);
  const title: Localized = { en: `${spec.provider.en} ${spec.kind.en}`, ja: `${spec.provider.ja} の${spec.kind.ja}` };
  return {
    id: spec.id,
    category: 'secret',
    severity: 'error',
    // Its own hints, and the words of the assignment extraction it reads keys through.
    literals: [...literals, ...ASSIGNMENT_LITERALS],
    positionalLiterals: ASSIGNMENT_POSITIONAL,
    guidelines: spec.guidelines ?? SECRET_GUIDELINES,
    title,
    description: SECRET_DESCRIPTION,
    messages: {
      found: {
        en: `Hardcoded ${title.en} ({masked}). Move it to a secret store or environment variable, then revoke and reissue it.`,
        ja: `${title.ja}がハードコードされています（{masked}）。シークレットストアまたは環境変数に移し、失効させて再発行してください。`,
      },
      test: {
        en: `Hardcoded ${spec.provider.en} test-mode ${spec.kind.en} ({masked}). Test keys still reach the account's test data: keep them out of the repository too.`,
        ja: `${spec.provider.ja} のテストモードの${spec.kind.ja}がハードコードされています（{masked}）。テスト用キーでもアカウントのテストデータにアクセスできるため、リポジトリに置かないでください。`,
      },
      [ENV_FIX_ID]: ENV_FIX_MESSAGE,
    },
    check(doc: Document): RawFinding[] {
      const hits = hitsOf(doc, spec);
      // Most files hold no token: nothing is allocated for them (~80 provider rules per file).
      if (hits.length === 0) return [];
      const seen = new Set<string>();
      const out: RawFinding[] = [];
      for (const h of hits) {
        const at = `${h.range[0]}:${h.range[1]}`;
        if (seen.has(at)) continue;
        seen.add(at);
        const isTest = h.pattern.test?.test(h.secret) ?? false;
        const masked = maskSecret(h.secret);
        const fix = tokenFix(doc, h.range, spec.env);
        out.push({
          range: h.range,
          messageId: isTest ? 'test' : 'found',
          data: { masked },
          severity: isTest ? 'warning' : (h.pattern.severity ?? 'error'),
          excerpt: masked,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
      return out;
    },
    examples: spec.examples ?? secretExamples(),
  };
}

/**
 * Whether a value under a key is, by a provider's own shape, a malformed or different token:
 * `dapi…` that is not a Databricks token, a `telegram_token` that is not a bot token. The generic
 * rule then leaves it alone; the provider rule decides.
 */
export function providerShapeMismatch(specs: readonly ProviderSpec[], key: string, value: string): boolean {
  for (const spec of specs) {
    for (const p of spec.patterns) {
      if (typeof p.prefix !== 'string' || p.context || !value.startsWith(p.prefix)) continue;
      const re = ANCHORED.get(p.re);
      if (re && !re.test(value)) return true;
    }
    if (spec.keyHint && spec.keyShape && spec.keyHint.test(key) && !spec.keyShape.test(value)) return true;
  }
  return false;
}
