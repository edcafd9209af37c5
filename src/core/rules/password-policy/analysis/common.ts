import { resolveConfig } from '../../../config';
import type { Document } from '../../../documents/document';
import type { Basis, CharClass, PasswordProfile } from '../../../guidelines/profiles';
import type { Localized } from '../../../guidelines/catalog';
import type { Fix, TextEdit } from '../../../types';
import type { RuleContext } from '../../rule';
import type { Fact } from './model';

/**
 * Shared pieces of the password-policy rules: the active profile, the data every message
 * carries, and fix builders.
 */

/** Catalog ids every password-policy rule may cite (its static list; findings cite per profile). */
export const POLICY_GUIDELINES = ['ppc-faq-10-19', 'nisc-handbook', 'mic-kokumin-pw', 'mhlw-6.0-sys-14', 'mhlw-6.0-qa-54', 'pci-dss-v4-8.3', 'nist-800-63b-4'];

let fallback: PasswordProfile | undefined;

/** The profile to judge against: from the scan's configuration, else the package default. */
export function profileOf(ctx: RuleContext | undefined): PasswordProfile {
  return ctx?.config.passwordPolicy ?? (fallback ??= resolveConfig().passwordPolicy);
}

/** Message data naming the profile and the guideline a requirement comes from. */
export function basisData(profile: PasswordProfile, basis: Basis): Record<string, string> {
  return { profile: profile.label, sourceEn: basis.source.en, sourceJa: basis.source.ja };
}

/** A one-edit fix setting a fact to `value`, when the source allows it. */
export function setFix<T>(fact: Fact<T> | undefined, value: T, titleId: string, data: Record<string, string>): Fix | undefined {
  if (!fact) return undefined;
  let edit: TextEdit | undefined;
  if (fact.kind === 'set') edit = fact.replace?.(value);
  else edit = fact.insert?.(value);
  // Tightening a policy changes what users may choose: never applied blind.
  return edit ? { titleId, data, edits: [edit], safe: false } : undefined;
}

export const CLASS_NAMES: Readonly<Record<CharClass, Localized>> = {
  upper: { en: 'upper case', ja: '英大文字' },
  lower: { en: 'lower case', ja: '英小文字' },
  digit: { en: 'digits', ja: '数字' },
  symbol: { en: 'symbols', ja: '記号' },
};

/** "upper case, digits" / "英大文字・数字"; a group of both letter cases reads "letters". */
export function classList(groups: readonly (readonly CharClass[])[], lang: 'en' | 'ja'): string {
  const names = groups.map((g) => {
    if (g.length === 2 && g.includes('upper') && g.includes('lower')) return lang === 'en' ? 'letters' : '英字';
    return g.map((c) => CLASS_NAMES[c][lang]).join(lang === 'en' ? ' or ' : 'または');
  });
  if (names.length === 0) return lang === 'en' ? 'none' : 'なし';
  return names.join(lang === 'en' ? ', ' : '・');
}

/** Whether a document is one the password-policy sources read at all. */
export function mayHoldPolicy(doc: Document): boolean {
  return doc.format !== 'pem' && doc.format !== 'csv' && doc.format !== 'tsv' && doc.format !== 'markdown';
}
