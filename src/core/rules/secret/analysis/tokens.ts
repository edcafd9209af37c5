import { words } from './value';

/**
 * Analysis of provider-shaped tokens: whether a match is a stand-in (a mask, a vendor sample,
 * a sample word) rather than a credential. Used by the spec rules and the secretlint adapter.
 */

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
  const body = tokenBody(secret, prefix);
  if (new Set(body.replace(/[^A-Za-z0-9]/g, '')).size <= 1) return 'repeated character';
  if (words(body).some((w) => SAMPLE_WORDS.has(w))) return 'sample word';
  return undefined;
}

/** The secret without its prefix. */
export function tokenBody(secret: string, prefix: string | RegExp | undefined): string {
  if (!prefix) return secret;
  if (typeof prefix === 'string') return secret.startsWith(prefix) ? secret.slice(prefix.length) : secret;
  const m = prefix.exec(secret);
  return m && m.index === 0 ? secret.slice(m[0].length) : secret;
}
