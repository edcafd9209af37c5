/**
 * Validators for the strong personal identifiers: My Number (個人番号), Japanese passport numbers
 * and payment card numbers. Each validator checks structure and check digits, never guesses,
 * and treats documented test values and obvious placeholders as "not personal data".
 */

/** Digits of a value, with the group separators people write (space, hyphen) removed. */
export function digitsOf(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/**
 * My Number check digit, from its published definition (個人番号の検査用数字): for the eleven
 * leading digits counted from the right (Qn, n = 1..11, Q1 next to the check digit), weights
 * Pn = n + 1 for n ≤ 6 and n − 5 for n ≥ 7; remainder = Σ Pn·Qn mod 11; the check digit is 0
 * when the remainder is 0 or 1, else 11 − remainder.
 */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const q = first11.charCodeAt(11 - n) - 48;
    sum += q * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** A 12-digit My Number (optionally written 4-4-4) whose check digit is right and that is no placeholder. */
export function isMyNumber(value: string): boolean {
  if (!/^\d{4}([- ]?)\d{4}\1\d{4}$/.test(value)) return false;
  const d = digitsOf(value);
  return myNumberCheckDigit(d.slice(0, 11)) === d.charCodeAt(11) - 48 && !isPlaceholderDigits(d);
}

/** A Japanese passport number: two upper-case letters and seven digits, not a placeholder. */
export function isPassportNumber(value: string): boolean {
  return /^[A-Z]{2}\d{7}$/.test(value) && !isPlaceholderDigits(value.slice(2));
}

/**
 * A US Social Security number written 123-45-6789 (or 123 45 6789, 123456789) whose parts
 * follow the SSA's rules: the area is not 000, 666 or 900–999, the group not 00, the serial
 * not 0000. The published samples (078-05-1120 from the 1938 wallet card, 219-09-9999,
 * 123-45-6789) and placeholder digits are not personal.
 */
export function isSsn(value: string): boolean {
  const m = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/.exec(value);
  if (!m) return false;
  const area = Number(m[1]);
  if (area === 0 || area === 666 || area >= 900 || m[3] === '00' || m[4] === '0000') return false;
  const d = m[1] + m[3] + m[4];
  return d !== '078051120' && d !== '219099999' && !isPlaceholderDigits(d);
}

/** Luhn (mod 10) checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'diners' | 'discover';

/** The issuer whose prefix and length the digits fit, by the brands' published IIN ranges. */
export function cardBrand(d: string): CardBrand | undefined {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if (((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) && n >= 14 && n <= 19) return 'diners';
  if ((p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) return 'discover';
  return undefined;
}

/**
 * Card numbers the brands and payment providers publish for testing (Stripe, PAY.JP, Braintree,
 * Adyen, GMO-PG documentation). They carry no cardholder, so Mamori does not report them at all:
 * flagging them would bury every payment integration's tests in noise. Numbers built from a
 * short repeating pattern (4242…, 5105105…) or long runs (4000 0000 0000 0077) are caught by
 * `isPlaceholderDigits` instead of being listed.
 */
const TEST_CARDS: ReadonlySet<string> = new Set([
  '4012888888881881',
  '4222222222222',
  '4000056655665556',
  '4005519200000004',
  '4009348888881881',
  '4012000033330026',
  '4012000077777777',
  '4217651111111119',
  '4500600000000061',
  '4000002500003155',
  '4000002760003184',
  '4000008260003178',
  '4000000000003220',
  '4988438843884305',
  '4035501000000008',
  '4917610000000000',
  '4444333322221111',
  '4462030000000000',
  '4917300800000000',
  '4484070000000000',
  '5200828282828210',
  '2223003122003222',
  '5431111111111111',
  '2223000048400011',
  '5499740000000057',
  '5424000000000015',
  '2221000000000009',
  '5425233430109903',
  '5401683100000003',
  '5555341244441115',
  '378282246310005',
  '371449635398431',
  '378734493671000',
  '340000000000009',
  '370000000000002',
  '341111111111111',
  '374245455400126',
  '6011000990139424',
  '6011000400000000',
  '6011981111111113',
  '6011111111111117',
  '6445644564456445',
  '6011601160116611',
  '30569309025904',
  '38520000023237',
  '36227206271667',
  '3056930009020004',
  '36259600000004',
  '36006666333344',
  '3530111333300000',
  '3566002020360505',
  '3566111111111113',
  '3569990010095841',
  '3528000700000000',
  '3566000020000410',
  '4111111145551142',
  '2222400070000005',
  '5577000055770004',
  '2223520043560014',
  '5454545454545454',
]);

/** Whether the digits are a documented test card number (see TEST_CARDS). */
export function isTestCard(d: string): boolean {
  return TEST_CARDS.has(d);
}

/** A payment card number: right issuer prefix and length, Luhn-valid, not a test card or placeholder. */
export function isCardNumber(value: string): boolean {
  if (!/^\d{4}([- ]?)\d{2,6}(?:\1\d{1,7}){1,3}$|^\d{13,19}$/.test(value)) return false;
  const d = digitsOf(value);
  if (d.length < 13 || d.length > 19) return false;
  return cardBrand(d) !== undefined && luhnValid(d) && !isTestCard(d) && !isPlaceholderDigits(d);
}

/**
 * Placeholder digit strings: few distinct digits, runs of six or more equal digits, ascending
 * or descending sequences (123456789012, 0123-4567-…), and strings that repeat a pattern of at
 * most four digits (4242 4242 …) apart from a short tail (where a check digit lands).
 * `d` holds digits only (callers take it from `digitsOf` or a pattern of digits).
 */
export function isPlaceholderDigits(d: string): boolean {
  const a = d.length <= DIGITS.length ? DIGITS : new Uint8Array(d.length);
  for (let i = 0; i < d.length; i++) a[i] = d.charCodeAt(i) - 48;
  return placeholderDigitsIn(a, 0, d.length);
}
const DIGITS = new Uint8Array(32);

/** `isPlaceholderDigits` of the digits (values 0–9) `a[from]` … `a[from + length - 1]`. */
export function placeholderDigitsIn(a: Uint8Array, from: number, length: number): boolean {
  if (length === 0) return true;
  let seen = 0;
  for (let i = 0; i < length; i++) seen |= 1 << a[from + i];
  if (bitCount(seen) <= 2) return true;
  // Six equal digits in a row.
  for (let i = 1, run = 1; i < length; i++) {
    run = a[from + i] === a[from + i - 1] ? run + 1 : 1;
    if (run >= 6) return true;
  }
  // Ascending or descending, over all but the last digit (at least four).
  const sequence = Math.min(length, Math.max(length - 1, 4));
  let up = true;
  let down = true;
  for (let i = 1; i < sequence; i++) {
    const x = a[from + i - 1];
    const y = a[from + i];
    if (y !== (x + 1) % 10) up = false;
    if (x !== (y + 1) % 10) down = false;
  }
  if (up || down) return true;
  const head = length > 8 ? length - 4 : length;
  for (let p = 1; p <= 4 && p * 2 <= head; p++) {
    let periodic = true;
    for (let i = p; i < head && periodic; i++) periodic = a[from + i] === a[from + i - p];
    if (periodic) return true;
  }
  return false;
}

function bitCount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

/** Masks an identifier for display, keeping at most its last four digits. */
export function maskDigits(value: string): string {
  const d = digitsOf(value);
  const keep = d.length >= 12 ? 4 : 0;
  return '*'.repeat(Math.min(d.length - keep, 15)) + d.slice(d.length - keep);
}
