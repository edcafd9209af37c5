import type { RuleRisk } from '../risk';
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommendPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import type { Document } from '../../documents/document';
import { mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Localized } from '../../guidelines/catalog';
import type { RawFinding, Rule, Specificity } from '../rule';
import { SECRET_GUIDELINES, SECRET_DESCRIPTION } from './common';
import { ENV_FIX_ID, ENV_FIX_MESSAGE, tokenFix } from './analysis/env-fix';
import { isSlackToken, malformedKnownToken } from './analysis/shapes';
import { tokenPlaceholder } from './analysis/tokens';
import { placeholderReason } from './analysis/value';
import { toTextRange, triggerWindows, type Windows } from './secretlint-windows';

// secretlint's profiler puts a performance mark per rule per file into a buffer that lives as
// long as the process, and scans that buffer on every mark: time grows with the square of the
// files scanned (half of a 38 MB scan) and memory without bound in the extension host. Mamori
// never reads the profile, so marking is switched off.
secretLintProfiler.mark = () => undefined;

/**
 * Literals of which every match of the recommended preset (11.2.5) contains one, in some case:
 * the GCP service-account JSON, npm, Slack, OpenAI, Anthropic, Linear, PEM private
 * keys, Shopify, GitHub, 1Password and database URLs (SendGrid's is a shape, below). A document with none of them
 * (and none of the shapes below) cannot produce a secretlint message, so secretlint is not run
 * on it: most files of a tree qualify, and the preset costs as much as all of Mamori's own
 * provider rules. `secretlint-prefilter.test.ts` runs the preset raw over every fixture and
 * rule example and fails if the prefilter would have skipped a document it reports on.
 */
export const SECRETLINT_TRIGGERS = [
  'private_key',
  'x-oauth-basic',
  '_authtoken=',
  'npm_',
  'xoxb-',
  'xoxp-',
  'xapp-',
  'xoxa-',
  'xoxo-',
  'xoxr-',
  'hooks.slack.com',
  't3blbkfj',
  'sk-ant-api0',
  'lin_api_',
  'private key',
  'shppa_',
  'shpca_',
  'shpat_',
  'shpss_',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'ops_ey',
  // Database URLs, scheme and `://` (a compose file names the postgres image on every line).
  'mongodb://',
  'mongodb+srv://',
  'mysql://',
  'mysqlx://',
  'postgres://',
  'postgresql://',
];

/** An AWS secret access key assigned to its name, any case. */
const AWS_SECRET_SHAPE = /secret_?access_?key["']?\s*(?::|=>|=)\s*["']?[A-Za-z0-9/+=]{40}/i;
/** The start of SendGrid's pattern, `(?<![A-Za-z])SG\.\w{1,128}\.\w{1,128}([-_]?)\w{1,128}`: case-sensitive. */
const SENDGRID_SHAPE = /(?<![A-Za-z])SG\.\w{1,128}\.\w/;

/** The basic-auth URL shape, tried where its scheme may start: 3 to 5 characters before a `://`. */
const BASIC_AUTH_URL = /(?:https?|ftps?):\/\/[-\w]{1,256}:[-\w]{1,256}@/iy;

/**
 * Whether a URL with a user and password (`https://u:p@`, any case) occurs. Tried at each `://`
 * (license headers put one in nearly every file) instead of at every position of the text: a
 * match's `://` follows its scheme of 3 to 5 characters.
 */
function hasBasicAuthUrl(text: string): boolean {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    for (let scheme = 3; scheme <= 5 && scheme <= at; scheme++) {
      BASIC_AUTH_URL.lastIndex = at - scheme;
      if (BASIC_AUTH_URL.test(text)) return true;
    }
  }
  return false;
}

/**
 * Preset matches whose literals are common words (`secret`, `://`, `sg.` in `msg.`): the
 * match's shape, loosened (any case, or the start of the match only), checked only when the
 * word occurs. (The AWS rule scans key and account IDs only with its `enableIDScanRule`
 * option, which Mamori leaves off: its own AWS rule reports key IDs.)
 */
const SECRETLINT_SHAPES: ReadonlyArray<readonly [string, (text: string) => boolean]> = [
  ['secret', (text) => AWS_SECRET_SHAPE.test(text)],
  ['://', hasBasicAuthUrl],
  ['sg.', (text) => SENDGRID_SHAPE.test(text)],
];

/**
 * Literals of the preset's whole-document matches (PEM blocks, a GCP service-account file) and
 * of its `secretlint-disable` comments, which act on lines far from any trigger: a document
 * with one is given to secretlint whole.
 */
const WHOLE_DOCUMENT = ['private_key', 'private key', 'secretlint'];
/** Every word the prefilter asks about: each secretlint-backed rule declares them (Rule.literals). */
const SECRETLINT_LITERALS: readonly string[] = [...SECRETLINT_TRIGGERS, ...SECRETLINT_SHAPES.map(([word]) => word), ...WHOLE_DOCUMENT];

/**
 * The words without which the preset reports nothing outside a `.p12` file (Rule.requires of
 * every secretlint-backed rule but the one that reads `.p12` files): a trigger, or the word of
 * a shape (see `secretlintMayMatch`).
 */
const SECRETLINT_REQUIRES: readonly string[] = [...SECRETLINT_TRIGGERS, ...SECRETLINT_SHAPES.map(([word]) => word)];

/** Whether secretlint's preset could report anything in the document. */
export function secretlintMayMatch(doc: Document): boolean {
  if (mentionsAny(doc, SECRETLINT_TRIGGERS) || extensionOf(doc.path).toLowerCase() === '.p12') return true;
  return shapeWords(doc).length > 0;
}

/** The words of the shapes that match somewhere in the document (each whole-text search once per document). */
function shapeWords(doc: Document): readonly string[] {
  return doc.memo('secretlint:shapes', matchingShapes);
}

function matchingShapes(doc: Document): readonly string[] {
  const words: string[] = [];
  for (const [word, shape] of SECRETLINT_SHAPES) if (mentionsAny(doc, [word]) && shape(doc.text)) words.push(word);
  return words;
}

/** Below this length secretlint reads the whole document: cutting out windows would not pay. */
const WINDOWS_FROM = 16 * 1024;

/** The database-URL triggers (the preset reports such a URL only with a user and a password in it). */
const DB_TRIGGERS = new Set(['mongodb://', 'mongodb+srv://', 'mysql://', 'mysqlx://', 'postgres://', 'postgresql://']);
/** What every database URL the preset reports starts with: its scheme, then `user:password@`. */
const DB_URL_WITH_CREDENTIALS = String.raw`(?:mongodb(?:\+srv)?|mysqlx?|postgres(?:ql)?):\/\/[^:\/\s]{1,100}:[^@\/\s]{1,200}@`;

/**
 * The lines secretlint needs to see (see secretlint-windows.ts), or undefined for the whole
 * document: a short one, one with a whole-document trigger, or one whose triggers are
 * everywhere. No windows at all means the preset has nothing to report. The triggers are the
 * literals present (a database scheme only followed by credentials) and the words of the
 * shapes that match.
 */
export function secretlintWindows(doc: Document, minLength = WINDOWS_FROM): Windows | undefined {
  if (mentionsAny(doc, WHOLE_DOCUMENT) || extensionOf(doc.path).toLowerCase() === '.p12') return undefined;
  const sources: string[] = [];
  let db = false;
  for (const t of SECRETLINT_TRIGGERS) {
    if (!mentionsAny(doc, [t])) continue;
    if (DB_TRIGGERS.has(t)) db = true;
    else sources.push(escapeRegExp(t));
  }
  if (db) sources.push(DB_URL_WITH_CREDENTIALS);
  for (const word of shapeWords(doc)) sources.push(escapeRegExp(word));
  if (sources.length === 0) return NO_WINDOWS;
  const pattern = triggerPattern(sources);
  if (doc.text.length < minLength) {
    // Short: the whole text if a trigger is there at all.
    pattern.lastIndex = 0;
    return pattern.test(doc.text) ? undefined : NO_WINDOWS;
  }
  return triggerWindows(doc.text, pattern);
}

const NO_WINDOWS: Windows = { content: '', contentStarts: [], textStarts: [], lengths: [] };

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One case-insensitive pattern for a set of trigger sources, kept for the next document with the same set. */
function triggerPattern(sources: readonly string[]): RegExp {
  const key = sources.join('\n');
  let re = TRIGGER_PATTERNS.get(key);
  if (!re) {
    re = new RegExp(sources.join('|'), 'gi');
    if (TRIGGER_PATTERNS.size >= 256) TRIGGER_PATTERNS.clear();
    TRIGGER_PATTERNS.set(key, re);
  }
  return re;
}
const TRIGGER_PATTERNS = new Map<string, RegExp>();

/** The recommended preset, as secretlint ships it. */
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendPreset }] };

/**
 * Runs secretlint's recommended preset once per document; every secretlint-backed rule reads
 * its own messages from this shared result. secretlint's `secretlint-disable` comments are
 * honoured by its filter-comments rule, which the preset includes.
 */
function secretlintMessages(doc: Document): Promise<SecretLintCoreResultMessage[]> | undefined {
  // undefined, not a promise, when secretlint has nothing to say: ~40 rules ask per file, and a
  // promise each was a fifth of all garbage of a tree scan.
  return doc.memo('secretlint', runSecretlint);
}

function runSecretlint(doc: Document): Promise<SecretLintCoreResultMessage[]> | undefined {
  if (!secretlintMayMatch(doc)) return undefined;
  const windows = secretlintWindows(doc);
  if (!windows) return lint(doc, doc.text);
  if (windows.contentStarts.length === 0) return undefined;
  return lint(doc, windows.content).then((messages) => {
    const out: SecretLintCoreResultMessage[] = [];
    for (const m of messages) {
      const range = toTextRange(windows, m.range);
      // Cannot happen (no preset match crosses a window's end); if it did, the whole text decides.
      // (`loc`, which Mamori does not read, stays the window's.)
      if (!range) return lint(doc, doc.text);
      out.push({ ...m, range });
    }
    return out;
  });
}

function lint(doc: Document, content: string): Promise<SecretLintCoreResultMessage[]> {
  return lintSource({
    source: { content, filePath: doc.path, ext: extensionOf(doc.path), contentType: 'text' },
    options: { config, maskSecrets: true, noPhysicFilePath: true },
  }).then((result) => result.messages);
}

/** Connection-string passwords that are stand-ins: the user's name again, or a placeholder. */
function placeholderCredentials(value: string): boolean {
  const m = /^[a-z][\w+.-]*:\/\/([^:@/\s]*):([^@/\s]*)@/i.exec(value.trim());
  if (!m) return false;
  const [, user, password] = m;
  return password.length < 4 || password === user || placeholderReason(password) !== undefined || /^(?:pass|password|passwd|secret|pwd)$/i.test(password);
}

/**
 * Whether a secretlint match is a real credential by Mamori's standards: not a mask or sample
 * (`ghp_xxxx…`), and for Slack a well-formed token (`xoxe.xoxp-1-initial` is not).
 */
export function keepSecretlintMatch(ruleId: string, value: string, following = value, before = ''): boolean {
  if (ruleId === '@secretlint/secretlint-rule-database-connection-string' || ruleId === '@secretlint/secretlint-rule-basicauth') {
    return !placeholderCredentials(value);
  }
  // Whole-file matches (a key file, a service-account JSON): judged by their key material, not their filler fields.
  if (value.length > 400 || /[\r\n]/.test(value)) return /[A-Za-z0-9+/]{40,}/.test(value);
  if (tokenPlaceholder(value)) return false;
  // A token never starts in the middle of an identifier (`Try_npm_i_save_dev_…`), nor has the wrong shape.
  if (/[A-Za-z0-9_]$/.test(before) && !/^(?:https?|ftp|[a-z]+):/.test(value)) return false;
  if (malformedKnownToken(/^\w+/.exec(following)?.[0] ?? value) && !/^x(?:ox|app)/.test(value)) return false;
  if (ruleId === '@secretlint/secretlint-rule-slack' && /^x(?:ox|app)/.test(value)) {
    // secretlint may match only the start of a token: judge the whole run of token characters.
    const whole = /^[\w.-]+/.exec(following)?.[0] ?? value;
    return isSlackToken(whole) || isSlackToken(value);
  }
  return true;
}

function extensionOf(path: string): string {
  const m = /(\.[^./\\]+)$/.exec(path);
  return m ? m[1] : '';
}

/** Builds a Mamori rule backed by one secretlint rule of the recommended preset. */
export function secretlintRule(spec: {
  id: string;
  secretlintId: string;
  provider: Localized;
  /** Environment variable a fix suggests when the key says nothing better. */
  env?: string;
  /** Unset: a named provider's format ('specific'). */
  specificity?: Specificity;
  /** The rule's risk in code scanning (see rules/risk.ts). */
  risk: RuleRisk;
  /**
   * The secretlint rule also reports `.p12` files, which the preset reads whole whatever they
   * contain: the Mamori rule requires no words (Rule.requires).
   */
  readsP12?: true;
}): Rule {
  /** This rule's findings among the preset's messages. */
  function findingsOf(doc: Document, messages: SecretLintCoreResultMessage[]): RawFinding[] {
    const out: RawFinding[] = [];
    for (const m of messages) {
      if (m.ruleId !== spec.secretlintId) continue;
      const [start, end] = m.range;
      const value = doc.text.slice(start, end);
      if (!keepSecretlintMatch(m.ruleId, value, doc.text.slice(start, start + 400), doc.text.slice(Math.max(0, start - 1), start))) continue;
      const masked = maskSecret(value);
      const fix = tokenFix(doc, [start, end], spec.env ?? 'SECRET');
      out.push({ range: [start, end], messageId: 'found', data: { masked, kind: m.messageId }, excerpt: masked, ...(fix ? { fixes: [fix] } : {}) });
    }
    return out;
  }

  return {
    id: spec.id,
    category: 'secret',
    severity: 'error',
    ...(spec.specificity ? { specificity: spec.specificity } : {}),
    risk: spec.risk,
    literals: SECRETLINT_LITERALS,
    ...(spec.readsP12 ? {} : { requires: SECRETLINT_REQUIRES }),
    // secretlint's preset is the reference verdict where Mamori's own rules see the same token.
    reference: true,
    guidelines: SECRET_GUIDELINES,
    title: { en: `${spec.provider.en} credential`, ja: `${jaJoin(spec.provider.ja)}の認証情報` },
    description: SECRET_DESCRIPTION,
    messages: {
      found: {
        en: `Hardcoded ${spec.provider.en} credential ({masked}). Move it to a secret store or environment variable and rotate it.`,
        ja: `${jaJoin(spec.provider.ja)}の認証情報がハードコードされています（{masked}）。シークレットストアまたは環境変数に移し、失効させて再発行してください。`,
      },
      [ENV_FIX_ID]: ENV_FIX_MESSAGE,
    },
    check(doc: Document): RawFinding[] | Promise<RawFinding[]> {
      return secretlintMessages(doc)?.then((messages) => findingsOf(doc, messages)) ?? [];
    },
  };
}

/** A provider's name before a Japanese particle: a space after a Latin name ("AWS の"), none after a Japanese one. */
function jaJoin(name: string): string {
  return /[\x21-\x7e]$/.test(name) ? `${name} ` : name;
}
