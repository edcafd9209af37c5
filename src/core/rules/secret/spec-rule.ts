import type { Document } from '../../documents/document';
import type { Localized } from '../../guidelines/catalog';
import { foldString, literalsIn, mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Fix, Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { allMatches, anchoredSearch, stickyOf } from './analysis/anchored';
import { ASSIGNMENT_LITERALS, ASSIGNMENT_POSITIONAL, candidatesOf, type Candidate } from './analysis/assignments';
import { envFix, envNameFor, ENV_FIX_ID, ENV_FIX_MESSAGE, tokenFix } from './analysis/env-fix';
import { tokenBody, tokenPlaceholder } from './analysis/tokens';
import { entropy, placeholderReason } from './analysis/value';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import type { KeyPattern, SecretSpec, TokenPattern } from './spec';

/**
 * The interpreter of secret specs (spec.ts): one Rule per spec, which reports the spec's token
 * shapes wherever they occur and values of its shape under its key names, with the env fix.
 * The searches are shared by all specs: each document's literals lead straight to the token
 * patterns worth running, and each distinct key is tested against every spec's key names once.
 */
export function specRule(spec: SecretSpec): Rule {
  const keyIndex = spec.key ? registerKey(spec) : -1;
  const literals = [...registerHints(spec), ...(spec.key?.mention ?? []), ...ASSIGNMENT_LITERALS];
  const title: Localized = { en: `${spec.provider.en} ${spec.kind.en}`, ja: `${spec.provider.ja} の${spec.kind.ja}` };
  return {
    id: spec.id,
    category: 'secret',
    severity: 'error',
    ...(spec.specificity ? { specificity: spec.specificity } : {}),
    risk: spec.risk,
    ...(spec.formats ? { formats: spec.formats } : {}),
    ...(spec.files ? { files: spec.files } : {}),
    // Its own hints and mentions, and the words of the assignment extraction it reads keys through.
    literals,
    positionalLiterals: ASSIGNMENT_POSITIONAL,
    ...requiresOf(spec),
    guidelines: spec.guidelines ?? SECRET_GUIDELINES,
    title,
    description: SECRET_DESCRIPTION,
    messages: { ...messagesOf(spec, title), [ENV_FIX_ID]: ENV_FIX_MESSAGE },
    check(doc: Document): RawFinding[] {
      const hits = hitsOf(doc, spec, keyIndex);
      // Most files hold no token: nothing is allocated for them (~90 spec rules per file).
      if (hits.length === 0) return [];
      return hits.map((h) => {
        const isTest = h.test?.test(h.secret) ?? false;
        const masked = maskSecret(h.secret);
        const fix = fixOf(doc, spec, h);
        return {
          range: h.range,
          messageId: isTest ? 'test' : 'found',
          data: { masked },
          severity: isTest ? 'warning' : (h.severity ?? 'error'),
          excerpt: masked,
          ...(fix ? { fixes: [fix] } : {}),
        };
      });
    },
  };
}

/**
 * The words without which the spec's rule reports nothing (Rule.requires): the file-context
 * words when it has a file context (nothing is reported without a match of it), else, when it
 * has no key names, each token shape's file hints or, without them, its hints (a pattern runs
 * only once one of its hints is found, in some case, `hintedPatterns`, and one of its file
 * hints, `tokenHits`). A spec with key names and no file context requires nothing.
 */
function requiresOf(spec: SecretSpec): { requires?: readonly string[] } {
  if (spec.fileContext) {
    if (!spec.fileContextWords) throw new Error(`${spec.id}: a spec with a fileContext declares its fileContextWords`);
    return { requires: spec.fileContextWords };
  }
  if (spec.key || !spec.tokens) return {};
  // A pattern with file hints runs only when one of those occurs too: the rarer words of the two.
  return { requires: [...new Set(spec.tokens.flatMap((p) => (p.fileHints ?? p.hints).map(foldString)))] };
}

/** The `found` and `test` messages; `reissue` says where the credential is reissued. */
function messagesOf(spec: SecretSpec, title: Localized): Record<'found' | 'test', Localized> {
  const { provider: p, kind: k } = spec;
  if (spec.reissue === 'console') {
    return {
      found: {
        en: `Hardcoded ${title.en} ({masked}). Move it to a secret store or environment variable, then reissue it in the ${p.en} console.`,
        ja: `${title.ja}がハードコードされています（{masked}）。シークレットストアまたは環境変数に移し、${p.ja} の管理画面で再発行してください。`,
      },
      test: {
        en: `Hardcoded ${p.en} test-mode ${k.en} ({masked}). Keep test keys out of the repository too.`,
        ja: `${p.ja} のテストモードの${k.ja}がハードコードされています（{masked}）。テスト用キーもリポジトリに置かないでください。`,
      },
    };
  }
  return {
    found: {
      en: `Hardcoded ${title.en} ({masked}). Move it to a secret store or environment variable, then revoke and reissue it.`,
      ja: `${title.ja}がハードコードされています（{masked}）。シークレットストアまたは環境変数に移し、失効させて再発行してください。`,
    },
    test: {
      en: `Hardcoded ${p.en} test-mode ${k.en} ({masked}). Test keys still reach the account's test data: keep them out of the repository too.`,
      ja: `${p.ja} のテストモードの${k.ja}がハードコードされています（{masked}）。テスト用キーでもアカウントのテストデータにアクセスできるため、リポジトリに置かないでください。`,
    },
  };
}

interface Hit {
  range: Range;
  secret: string;
  test?: RegExp;
  severity?: TokenPattern['severity'];
  /** The assignment the value was found under (key hits). */
  candidate?: Candidate;
}

/** The env fix: see `SecretSpec.fix`. */
function fixOf(doc: Document, spec: SecretSpec, h: Hit): Fix | undefined {
  if (spec.fix !== 'keyed') return tokenFix(doc, h.range, spec.env);
  const c = h.candidate;
  if (!c || c.valueRange[0] !== h.range[0] || c.valueRange[1] !== h.range[1]) return undefined;
  return envFix(doc, c, envNameFor(c.key, spec.env, true));
}

/**
 * The spec's credentials in the document: values under its key names first, then its token
 * shapes (a span found both ways once). The file-wide context check reads the whole text, so it
 * runs only once a hit is possible.
 */
function hitsOf(doc: Document, spec: SecretSpec, keyIndex: number): readonly Hit[] {
  const keyed = keyIndex >= 0 ? keyHits(doc, spec.key as KeyPattern, keyIndex) : NO_HITS;
  const tokens = spec.tokens ? tokenHits(doc, spec.tokens) : NO_HITS;
  if (keyed.length === 0 && tokens.length === 0) return NO_HITS;
  if (spec.fileContext && !spec.fileContext.test(doc.text)) return NO_HITS;
  if (tokens.length === 0) return keyed;
  // A token found under its key as well is reported once.
  const seen = new Set(keyed.map((h) => `${h.range[0]}:${h.range[1]}`));
  const out = [...keyed];
  for (const h of tokens) {
    const at = `${h.range[0]}:${h.range[1]}`;
    if (seen.has(at)) continue;
    seen.add(at);
    out.push(h);
  }
  return out;
}

/** What the searches answer for the many files without a hit (never added to). */
const NO_HITS: readonly Hit[] = [];

// ---- Token shapes ----

/**
 * Patterns by hint (ASCII lower-cased, as the shared literal search reports it), with the hint
 * as written: a document's few found literals lead straight to the patterns worth running,
 * instead of every rule asking about each of its hints (~90 rules, per file).
 */
const BY_HINT = new Map<string, { pattern: TokenPattern; exact: string }[]>();

/** Indexes a spec's patterns by their hints; returns the words its rule declares (Rule.literals). */
function registerHints(spec: SecretSpec): string[] {
  const words: string[] = [];
  for (const p of spec.tokens ?? []) {
    registerAnchors(p);
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

/** Whether one of the patterns is live (a loop: a closure per call was the top allocation of a tree scan). */
function anyLive(patterns: readonly TokenPattern[], live: ReadonlySet<TokenPattern>): boolean {
  for (let i = 0; i < patterns.length; i++) if (live.has(patterns[i])) return true;
  return false;
}

/** The token's line with the lines before and after it (context words often sit on a comment line). */
function lineAround(text: string, at: number): string {
  const prevStart = text.lastIndexOf('\n', text.lastIndexOf('\n', at - 1) - 1) + 1;
  let end = text.indexOf('\n', at);
  if (end >= 0) end = text.indexOf('\n', end + 1);
  if (end < 0) end = text.length;
  return text.slice(Math.max(prevStart, at - 1500), Math.min(end, at + 1500));
}

/** Whether a matched token is a stand-in, public by design, or too regular. */
function dropToken(p: TokenPattern, secret: string): boolean {
  if (p.placeholders === 'value' ? placeholderReason(secret) : tokenPlaceholder(secret, p.prefix) || p.isPublic?.(secret)) return true;
  return p.minEntropy !== undefined && entropy(tokenBody(secret, p.prefix)) < p.minEntropy;
}

function tokenHits(doc: Document, patterns: readonly TokenPattern[]): readonly Hit[] {
  const live = hintedPatterns(doc);
  if (live.size === 0 || !anyLive(patterns, live)) return NO_HITS;
  const out: Hit[] = [];
  const text = doc.text;
  for (const p of patterns) {
    if (!live.has(p)) continue;
    if (p.fileHints && !mentionsAny(doc, p.fileHints)) continue;
    if (p.unless?.test(text)) continue;
    for (const m of p.anchors ? anchoredMatches(p, text) : allMatches(p.re, text)) {
      const secret = m.groups?.s ?? m[0];
      // The secret ends its match where text comes before it (`apiKey=…` at the end of a URL).
      const start = m.index + m[0].lastIndexOf(secret);
      if (p.context && !p.context.test(lineAround(text, start))) continue;
      if (dropToken(p, secret)) continue;
      out.push({ range: [start, start + secret.length], secret, test: p.test, severity: p.severity });
    }
  }
  return out;
}

/** Each anchored pattern's regex, sticky: tried at one position. */
const STICKY = new WeakMap<TokenPattern, RegExp>();

/** Checks an anchored pattern's declaration and keeps its sticky regex (when its spec is registered). */
function registerAnchors(p: TokenPattern): void {
  if (!p.anchors) return;
  const [lo, hi] = p.anchorAt ?? [0, 0];
  if (p.re.ignoreCase || p.anchors.length === 0 || p.anchors.some((a) => a.length === 0) || lo < 0 || hi < lo) {
    throw new Error(`token pattern ${p.re.source}: anchors need a case-sensitive pattern, non-empty literals and 0 <= anchorAt[0] <= anchorAt[1]`);
  }
  STICKY.set(p, stickyOf(p.re));
}

/** The matches of an anchored pattern (see `anchoredSearch`). */
export function anchoredMatches(p: TokenPattern, text: string): RegExpExecArray[] {
  return anchoredSearch(STICKY.get(p) as RegExp, text, p.anchors ?? [], p.anchorAt);
}

// ---- Key names ----

/** The specs with key names, by their index in the key flags. */
const KEYED: KeyPattern[] = [];

function registerKey(spec: SecretSpec): number {
  KEYED.push(spec.key as KeyPattern);
  return KEYED.length - 1;
}

function keyHits(doc: Document, key: KeyPattern, index: number): readonly Hit[] {
  const { flags, any } = keyFlags(doc);
  if (any[index] === 0) return NO_HITS;
  const candidates = candidatesOf(doc);
  let mentioned: boolean | undefined;
  const out: Hit[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    const f = flags[k][index];
    if ((f & KEY) === 0) {
      if ((f & KEY_IN_CONTEXT) === 0) continue;
      mentioned ??= key.mention ? mentionsAny(doc, key.mention) && mentionedAsWord(doc.text, key.mention) : false;
      if (!mentioned) continue;
    }
    const v = c.value.trim().replace(/^(?:Bearer|Basic|Token)[ \t]+/, '');
    if (!key.value.test(v) || placeholderReason(v) || entropy(v) < 2.5) continue;
    const start = c.valueRange[0] + c.value.indexOf(v);
    out.push({ range: [start, start + v.length], secret: v, test: key.test, candidate: c });
  }
  return out;
}

/** ASCII letters by case (the mentions are ASCII words). */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}
function isLowerAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 97 && c <= 122;
}

/**
 * Whether one of the service's mentions occurs as a name rather than across the boundary of
 * two words of an identifier: `authFreeEmails` holds `freee` only as `Free` + the `E` that opens
 * `Emails`, so a file of generic OAuth settings that says so names no freee credential. Asked
 * only once the literal pass has found a mention; compares ASCII letters without regard to case.
 */
function mentionedAsWord(text: string, mentions: readonly string[]): boolean {
  for (const m of mentions) {
    const first = m.charCodeAt(0) | 0x20;
    const n = m.length;
    for (let i = 0; i + n <= text.length; i++) {
      if ((text.charCodeAt(i) | 0x20) !== first) continue;
      let k = 1;
      while (k < n && (text.charCodeAt(i + k) | 0x20) === (m.charCodeAt(k) | 0x20)) k++;
      if (k < n) continue;
      const last = i + n - 1;
      // The mention's last letter opens the next word of a camel-case name (`Free|Emails`).
      if (n > 1 && isUpperAt(text, last) && isLowerAt(text, last - 1) && isLowerAt(text, last + 1)) continue;
      return true;
    }
  }
  return false;
}

/** A key's flags for one spec: it is the spec's key name, or its plainer name (`nameInContext`). */
const KEY = 1;
const KEY_IN_CONTEXT = 2;

/**
 * Each candidate's flags for every keyed spec, and the flags of all candidates together. A file
 * repeats its keys (every compose service has its `environment` names), so each distinct key is
 * tested against the specs' names once, and the answer is kept across files and scans.
 */
function keyFlags(doc: Document): { flags: Uint8Array[]; any: Uint8Array } {
  return doc.memo('secret:key-flags', () => {
    const any = new Uint8Array(KEYED.length);
    const flags = candidatesOf(doc).map((c) => {
      const f = flagsOfKey(c.key);
      for (let i = 0; i < f.length; i++) any[i] |= f[i];
      return f;
    });
    return { flags, any };
  });
}

function flagsOfKey(key: string): Uint8Array {
  let f = FLAGS_BY_KEY.get(key);
  if (f === undefined) {
    f = new Uint8Array(KEYED.length);
    for (let i = 0; i < KEYED.length; i++) {
      const k = KEYED[i];
      f[i] = (k.name.test(key) ? KEY : 0) | (k.nameInContext?.test(key) ? KEY_IN_CONTEXT : 0);
    }
    if (FLAGS_BY_KEY.size >= 20_000) FLAGS_BY_KEY.clear();
    FLAGS_BY_KEY.set(key, f);
  }
  return f;
}
const FLAGS_BY_KEY = new Map<string, Uint8Array>();
