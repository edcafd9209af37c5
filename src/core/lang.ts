/** Languages the engine speaks. */
export type Lang = 'en' | 'ja';

/** Picks the engine language from a locale tag such as "ja", "ja-JP" or "en_US.UTF-8". */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^ja\b|^ja[_-]/i.test(locale) ? 'ja' : 'en';
}
