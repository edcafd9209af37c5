/**
 * Column profiles: what a column holds, read from its values when its name says nothing (a
 * header-less CSV, a tab- or pipe-separated export, `INSERT INTO t VALUES (…)` with no column
 * list and no `CREATE TABLE` in the file). Only shapes that little else has decide a column:
 * phone numbers written with separators, Japanese postal codes, street addresses, full names
 * in Japanese or Latin letters, and pairs of adjacent one-word columns (first and last name).
 */
import {
  isAddress,
  isForeignPhone,
  isGroupedPhone,
  isJapanesePhone,
  isKana,
  isNamePart,
  isNanpPhone,
  isPersonName,
  isPostalCode,
  type KeyKind,
} from './fields';

/** A cell or value: only its text is read. */
export interface HasText {
  text: string;
}

/** At least this many filled values, and this share of them, must fit a shape. */
const MIN_VALUES = 3;
const MIN_SHARE = 0.8;

/** A street address in Latin letters: a house number, words, a street type (110 W. Liberty St., 2749 Blackhawk Trail). */
const STREET_EN =
  /^\d{1,6}[A-Za-z]?,?\s+(?:[A-Za-z0-9.'’-]+\s+){0,5}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Way|Ct|Court|Pl|Place|Trail|Trl|Pkwy|Parkway|Hwy|Highway|Ter|Terrace|Cir|Circle|Sq|Square|Loop|Row|Walk|La|Crescent|Close|Gardens|Hill|Pike|Plaza)\.?(?:,?\s*(?:#|Apt\.?|Suite|Ste\.?|Unit)\s*\w{1,6})?$/i;
/** The same in German-speaking and other European forms: Lerchenstr. 82, Berliner Allee 11, Via Roma 5. */
const STREET_EU =
  /^(?:[\p{L}.'’-]+\s){0,3}[\p{L}.'’-]*(?:str\.|straße|strasse|weg|allee|platz|gasse|ring|damm|straat|laan|gade|vej|gatan|vägen)\s?\d{1,5}[a-z]?$|^(?:Via|Viale|Rue|Avenue|Calle|Avenida|Rua|Piazza|Place|Boulevard)\s[\p{L}\s.'’-]{2,40}\s\d{1,5}[a-z]?$/iu;
/** A Japanese address: a prefecture or municipality followed by more, or a 〒 code before it. */
const ADDRESS_JA = /^(?:〒?\s?\d{3}-\d{4}\s*)?(?:北海道|東京都|大阪府|京都府|[\u4e00-\u9fff]{2,3}県|[\u4e00-\u9fff]{1,6}[市区町村郡])./;
/** A Japanese full name: family and given name with a space between (佐藤 一郎, 佐藤 一郎 or with an ideographic space). */
const NAME_JA = /^[\u4e00-\u9fff々]{1,4}[ \u3000][\u4e00-\u9fff々\u3040-\u30ff]{1,5}$/;
/** A name reading in full: セイ メイ in katakana or hiragana, full- or half-width. */
const KANA_FULL = /^[\u30a1-\u30fc\u3041-\u309f\uff66-\uff9f]{1,10}[ \u3000][\u30a1-\u30fc\u3041-\u309f\uff66-\uff9f]{1,10}$/;
/** A Latin full name: two or three capitalised words, maybe a middle initial (George Franklin, Mary J. Smith). */
const NAME_EN = /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\.)?(?:\s(?:(?:van|von|de|del|da|di|la|le)\s)?\p{Lu}[\p{Ll}'’-]+){1,2}$/u;
/** Words of place names, which look like names of people ("Sun Prairie", "New York", "Santa Clara"). */
const PLACE_WORD =
  /\b(?:San|Santa|Saint|St|New|Fort|Port|Mount|Mt|Lake|North|South|East|West|City|Beach|Springs?|Heights|Park|Valley|Falls|Hills?|Harbor|Harbour|Island|Bay|Grove|Village|Town|County|Prairie|Rapids|Creek|River|Ridge|Point|Center|Centre|Airport|Station)\b/;
/** One word of a name part: Franklin, FRANKLIN, 佐藤 (two letters or more, no digits). */
const WORD = /^(?:\p{Lu}\p{Ll}[\p{Ll}'’-]*|\p{Lu}{3}[\p{Lu}'’-]*|[\u4e00-\u9fff々]{1,4})$/u;

/** Values that stand for no value: they neither count for a shape nor against it. */
const EMPTY = /^(?:-+|—|n\/?a|null|none|nil|\\N)$/i;

type Shape = 'phone' | 'postal' | 'address' | 'name' | 'kana' | 'word';

/** The shapes a value shows on its own (none, one, or `word` with a name shape). */
function shapesOf(v: string): Shape[] {
  const c = v.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 40 || c === 0x3012 /* 〒 */) {
    if (/[-\s().]/.test(v) && (isJapanesePhone(v) || isForeignPhone(v) || isNanpPhone(v) || isGroupedPhone(v))) return ['phone'];
    if (/^〒\s?\d{3}-?\d{4}$|^\d{3}-\d{4}$/.test(v) && isPostalCode(v)) return ['postal'];
    if ((STREET_EN.test(v) || ADDRESS_JA.test(v)) && isAddress(v)) return ['address'];
    return [];
  }
  if (ADDRESS_JA.test(v) && isAddress(v)) return ['address'];
  if (STREET_EU.test(v) && isAddress(v)) return ['address'];
  if (NAME_JA.test(v) && isPersonName(v)) return ['name'];
  if (KANA_FULL.test(v) && isKana(v)) return ['kana'];
  if (NAME_EN.test(v) && !PLACE_WORD.test(v) && isPersonName(v)) return ['name'];
  if (WORD.test(v) && isNamePart(v)) return ['word'];
  return [];
}

/**
 * Kinds for the columns whose name says nothing (`named[c]` false), from up to the first rows
 * given. A column takes a shape that at least 80% of its filled values (three or more) show;
 * two adjacent one-word columns with varied values are a first and a last name.
 */
export function profileColumns(rows: readonly (readonly HasText[])[], named: (column: number) => boolean): (KeyKind | undefined)[] {
  const width = Math.min(
    64,
    rows.reduce((w, r) => Math.max(w, r.length), 0),
  );
  const out: (KeyKind | undefined)[] = [];
  const words: boolean[] = [];
  for (let c = 0; c < width; c++) {
    if (named(c)) continue;
    const counts = new Map<Shape, number>();
    const distinct = new Set<string>();
    let filled = 0;
    for (const row of rows) {
      const v = row[c]?.text.trim();
      if (!v || v.length > 120 || EMPTY.test(v)) continue;
      filled++;
      distinct.add(v);
      for (const s of shapesOf(v)) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    if (filled < MIN_VALUES) continue;
    for (const [shape, n] of counts) {
      if (n < filled * MIN_SHARE) continue;
      if (shape === 'word') words[c] = distinct.size >= filled * 0.5;
      else out[c] = shape;
    }
  }
  // A first and a last name: two adjacent one-word columns. Names come before the address in
  // a record; one-word columns after it are a city and a state or country.
  const address = out.indexOf('address');
  const limit = address >= 0 ? address : width;
  for (let c = 0; c + 1 < limit; c++) {
    if (words[c] && words[c + 1] && out[c] === undefined && out[c + 1] === undefined) {
      out[c] = 'namePart';
      out[c + 1] = 'namePart';
      c++;
    }
  }
  return out;
}
