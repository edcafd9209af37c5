/**
 * Line-based reading: log lines as records (`name=… email=…`, JSON lines, bare e-mail
 * addresses and phone numbers), and the context scan that finds strong identifiers next to a
 * word that names them (`マイナンバー: …`, `"passport_no": "…"`, `cardNumber = '…'`) in any file.
 */
import type { Range } from '../../../types';
import { classifyKey, type FieldKind } from './fields';
import { isCardNumber, isMyNumber, isPassportNumber, isSsn } from './identifiers';
import type { IdHits, RawField } from './tally';

/** Lines longer than this are minified code or data blobs, not something people write. */
export const MAX_LINE = 2000;

/** Calls `fn` for each line with its start offset, skipping over-long lines. */
export function forEachLine(text: string, fn: (line: string, start: number) => void): void {
  let i = 0;
  while (i <= text.length) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = text.length;
    if (eol - i <= MAX_LINE) fn(text.slice(i, eol), i);
    i = eol + 1;
  }
}

/**
 * Calls `fn` for each line that could hold an identifier of the context scan: four digits in a
 * row, and seven digits or more in all (a passport number has seven, a My Number twelve, a
 * card number thirteen or more). The text is searched by code unit, not split or matched, so
 * the lines of a seed file or an export that hold a year or an id cost no string and no match.
 */
export function forEachLineWithIdentifierDigits(text: string, fn: (line: string, start: number) => void): void {
  const n = text.length;
  // `test`, not `exec`: the regex engine finds the run fastest, and `test` builds no match
  // array; the match is always four units long, so it starts four before `lastIndex`.
  FOUR_DIGITS.lastIndex = 0;
  // Where the lines not yet read start: the search goes on from a line's end, so the next
  // run's line starts here or after (found by stepping back, not with `lastIndexOf`, a
  // runtime call per line of a seed file; each line is stepped over once at most).
  let from = 0;
  while (FOUR_DIGITS.test(text)) {
    const at = FOUR_DIGITS.lastIndex - 4;
    let s = at;
    while (s > from && text.charCodeAt(s - 1) !== 10) s--;
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = n;
    if (eol - s <= MAX_LINE && digitsIn(text, s, eol) >= 7) fn(text.slice(s, eol), s);
    if (eol >= n) break;
    FOUR_DIGITS.lastIndex = eol + 1;
    from = eol + 1;
  }
}
const FOUR_DIGITS = /\d{4}/g;

function digitsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count;
}

// key=value, key: value, "key": "value", key="value", キー：値. Keys and values are bounded, and
// the key class cannot contain the separators, so matching stays linear.
export const PAIR =
  /(?:^|[\s,;{([&?|])["']?([A-Za-z\u3040-\u30ff\u4e00-\u9fff][\w\u3040-\u30ff\u4e00-\u9fff-]{0,39})["']?[ \t]{0,3}[:=：][ \t]{0,3}(?:"([^"\n]{0,200})"|'([^'\n]{0,200})'|「([^」\n]{0,200})」|([^\s,;&|}\]"'、]{1,200}))/g;
const EMAIL_IN_TEXT = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])/g;
const PHONE_IN_TEXT = /(?<![\w+-])(?:\+81[ -]?\d{1,4}|0\d{1,4}|\(0\d{1,4}\))[- ]?\d{1,4}-\d{3,4}(?![\w-])/g;

/**
 * How far before its operator a pair of `PAIR` starts, at most: a separator, a quote, a key of
 * 40, a quote and three blanks.
 */
const PAIR_REACH = 46;

/** The characters a pair's key and value are separated by (`[:=：]` in `PAIR`). */
const OPERATORS = [':', '=', '：'];

/** Where the first operator of the line is, or -1. */
function firstOperator(line: string): number {
  let first = -1;
  for (const op of OPERATORS) {
    const at = line.indexOf(op);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** The fields of one log line: its key/value pairs, then any bare e-mail or phone number. */
export function lineFields(line: string, start: number): RawField[] {
  const fields: RawField[] = [];
  const taken: Range[] = [];
  // Every pair holds an operator at most PAIR_REACH after its start, and the pattern reads
  // nothing before its start: no pair starts earlier than that before the line's first
  // operator, and a line without one (most lines of prose) has none.
  const op = firstOperator(line);
  PAIR.lastIndex = Math.max(0, op - PAIR_REACH);
  for (let m = op < 0 ? null : PAIR.exec(line); m; m = PAIR.exec(line)) {
    const g = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : m[4] !== undefined ? 4 : 5;
    const value = m[g] ?? '';
    const at = m.index + m[0].length - value.length - (g === 5 ? 0 : 1);
    // Query strings in access logs carry values URL-encoded (taro%40gmail.com).
    fields.push({ key: m[1], value: value.includes('%') ? urlDecode(value) : value, start: start + at, end: start + at + value.length });
    taken.push([at, at + value.length]);
  }
  const bare = (re: RegExp): void => {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const s = m.index;
      if (taken.some(([a, b]) => s >= a && s < b)) continue;
      fields.push({ key: undefined, value: m[0], start: start + s, end: start + s + m[0].length });
    }
  };
  if (line.includes('@')) bare(EMAIL_IN_TEXT);
  if (/\d-\d/.test(line)) bare(PHONE_IN_TEXT);
  return fields;
}

function urlDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

// Words that give a bare number its meaning, looked for on the same line before the value.
export const CONTEXT: ReadonlyArray<readonly [FieldKind, RegExp, (v: string) => boolean]> = [
  ['myNumber', /マイナンバー|個人番号|my[\s_-]?num(?:ber)?|kojin[\s_-]?ban/i, isMyNumber],
  ['passport', /passport|旅券|パスポート/i, isPassportNumber],
  [
    'card',
    // "card" as a word or camelCase part (cardNumber, credit_card, CARD_NO) but not "discard".
    /(?<![A-Za-z])[Cc]ard|(?<=[a-z])Card|(?<![A-Za-z])CARD|カード|クレジット|credit|(?<![A-Za-z])(?:cc|CC|pan|PAN)(?![A-Za-z])|\b(?:visa|mastercard|amex|jcb|diners|discover)\b/i,
    isCardNumber,
  ],
  // A US Social Security number only next to its own name: any other 3-2-4 run is a part or serial number.
  ['ssn', /(?<![A-Za-z])(?:ssn|SSN|Ssn)(?![a-z])|social[\s_-]?security|社会保障番号/i, isSsn],
];

/**
 * A stem of every word `CONTEXT` knows, in any case and anywhere: a line without one holds no
 * context, so none of its numbers can count (most lines with digits are ports, dates, ids).
 */
export const ANY_CONTEXT =
  /マイナンバー|個人番号|num|kojin|passport|旅券|パスポート|card|カード|クレジット|credit|cc|pan|visa|amex|jcb|diners|discover|ssn|social|社会保障番号/i;

const MY_NUMBER = /(?<![\d.,-])\d{4}([- ]?)\d{4}\1\d{4}(?![\d.,-])/g;
const PASSPORT = /(?<![A-Za-z0-9])[A-Z]{2}\d{7}(?![A-Za-z0-9])/g;
const CARD = /(?<![\d.,-])\d{4}(?:[ -]?\d){9,15}(?![\d.,-])/g;
const SSN = /(?<![\d.,-])\d{3}([- ])\d{2}\1\d{4}(?![\d.,-])/g;
const CANDIDATES: Readonly<Record<string, RegExp>> = { myNumber: MY_NUMBER, passport: PASSPORT, card: CARD, ssn: SSN };

/** How far before a value its context word may stand, in characters. */
const CONTEXT_WINDOW = 80;

/** A value's own key that says only "number" (`number: '…'`, `"no": "…"`). */
const GENERIC_NUMBER_KEY = /(?:^|[\s{,(])["']?(?:number|no|num|pan)["']?[ \t]{0,3}[:=][ \t]{0,3}["']?$/i;
/** A line that opens an object under a card key (`card: {`, `"creditCard": {`, `card = Card(`). */
const CARD_OBJECT =
  /(?:(?<![A-Za-z])[Cc]ard|(?<=[a-z])Card|CARD|credit|カード)\w{0,20}["']?[ \t]{0,3}(?:[:=]>?[ \t]{0,3}(?:new[ \t]+)?\w{0,30}[ \t]{0,3})?[{(][ \t]*\r?$/m;

/**
 * Finds strong identifiers whose own line names them, before the value and close to it.
 * A key of a kind that is not the identifier's (`order_id: 4111…`) breaks the context.
 * `above` gives the two lines before, read only for a card number under a bare `number` key.
 */
export function scanLineIdentifiers(line: string, start: number, ids: IdHits, above?: () => string): void {
  if (!/\d{4}/.test(line) || !ANY_CONTEXT.test(line)) return;
  for (const [kind, context, valid] of CONTEXT) {
    const re = CANDIDATES[kind];
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const before = line.slice(Math.max(0, m.index - CONTEXT_WINDOW), m.index);
      // `card: {` on a line above, then `number: '…'`: the object's key names the number.
      const inCardObject = kind === 'card' && above !== undefined && GENERIC_NUMBER_KEY.test(before) && CARD_OBJECT.test(above());
      if (!valid(m[0]) || !(inCardObject || (context.test(before) && nearestKeyAllows(before, kind)))) continue;
      ids.add(kind, [start + m.index, start + m.index + m[0].length], m[0]);
    }
  }
}

/**
 * The key right before a value (`order_no: `) must not name something else: a known column of
 * another kind, an id/code/token, or a "…number" that is not this identifier's.
 */
function nearestKeyAllows(before: string, kind: FieldKind): boolean {
  const m = /["']?([A-Za-z\u3040-\u30ff\u4e00-\u9fff][\w\u3040-\u30ff\u4e00-\u9fff-]{0,39})["']?[ \t]{0,3}[:=：]>?[ \t]{0,3}["'「]?$/.exec(before);
  if (!m) return true;
  const key = m[1];
  const k = classifyKey(key);
  if (k !== undefined) return k === kind;
  if (/(?:id|ids|code|key|token|hash|ref|order|invoice|tracking|serial|phone|tel|fax|zip|count|amount|price|date|time|timestamp|ts|番号)$/i.test(key))
    return false;
  if (/(?:no|number|num|nr)$/i.test(key)) return kindWord(key, kind);
  return true;
}

/** A key like "card_no" or "マイナンバー" names the kind even when it is not a known column. */
function kindWord(key: string, kind: FieldKind): boolean {
  const re = CONTEXT.find(([k]) => k === kind)?.[1];
  return re !== undefined && re.test(key);
}
