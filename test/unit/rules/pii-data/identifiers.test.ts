import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cardBrand,
  isCardNumber,
  isMyNumber,
  isPassportNumber,
  isPlaceholderDigits,
  isTestCard,
  luhnValid,
  maskDigits,
  myNumberCheckDigit,
} from '../../../../src/core/rules/pii-data/analysis/identifiers';

describe('My Number check digit', () => {
  // Worked by hand from the published definition (weights 2..7 then 2..6 from the right):
  // 12345678901: Σ = 1·2+0·3+9·4+8·5+7·6+6·7+5·2+4·3+3·4+2·5+1·6 = 212, 212 mod 11 = 3 → 8.
  // 38219460573: Σ = 198, 198 mod 11 = 0 → 0 (remainder ≤ 1 gives 0).
  it('matches hand-computed examples', () => {
    assert.equal(myNumberCheckDigit('12345678901'), 8);
    assert.equal(myNumberCheckDigit('38219460573'), 0);
  });

  it('gives 0 when the remainder is 1', () => {
    // 00000000006: Q1 = 6, P1 = 2 → Σ = 12, remainder 1 → 0. 00000000005: Σ = 10 → 11 − 10 = 1.
    // 00000000010: Q2 = 1, P2 = 3 → Σ = 3 → 8.
    assert.equal(myNumberCheckDigit('00000000006'), 0);
    assert.equal(myNumberCheckDigit('00000000005'), 1);
    assert.equal(myNumberCheckDigit('00000000010'), 8);
  });

  it('accepts valid numbers written plain or 4-4-4, rejects wrong check digits and placeholders', () => {
    assert.ok(isMyNumber('382194605730'));
    assert.ok(isMyNumber('3821 9460 5730'));
    assert.ok(isMyNumber('3821-9460-5730'));
    assert.ok(!isMyNumber('3821-9460 5730'), 'mixed separators');
    assert.ok(!isMyNumber('382194605731'));
    assert.ok(!isMyNumber('123456789018'), 'valid check digit but a sequence');
    assert.ok(!isMyNumber('000000000000'));
    assert.ok(!isMyNumber('38219460573'), 'eleven digits');
  });
});

describe('card numbers', () => {
  it('checks Luhn', () => {
    assert.ok(luhnValid('4980362719458234'));
    assert.ok(!luhnValid('4980362719458235'));
  });

  it('knows issuer prefixes and lengths', () => {
    assert.equal(cardBrand('4980362719458234'), 'visa');
    assert.equal(cardBrand('5358127490632179'), 'mastercard');
    assert.equal(cardBrand('2223849105736240'), 'mastercard');
    assert.equal(cardBrand('378629510483720'), 'amex');
    assert.equal(cardBrand('3541872093645184'), 'jcb');
    assert.equal(cardBrand('3527000000000000'), undefined, 'below the JCB range');
    assert.equal(cardBrand('30569309025904'), 'diners');
    assert.equal(cardBrand('6011385729461037'), 'discover');
    assert.equal(cardBrand('9011385729461037'), undefined);
    assert.equal(cardBrand('37862951048372'), undefined, 'Amex is 15 digits');
  });

  it('does not report published test cards or patterned numbers', () => {
    for (const n of [
      '4111111111111111',
      '4242424242424242',
      '5555555555554444',
      '3530111333300000',
      '378282246310005',
      '4000000000000077',
      '5105105105105100',
    ]) {
      assert.ok(!isCardNumber(n), n);
    }
    assert.ok(isTestCard('3530111333300000'));
    assert.ok(isCardNumber('4980 3627 1945 8234'));
    assert.ok(isCardNumber('3786-295104-83720'));
    assert.ok(!isCardNumber('4980 3627 1945 8235'));
  });
});

describe('passport numbers and placeholders', () => {
  it('takes two upper-case letters and seven digits', () => {
    assert.ok(isPassportNumber('TR5820417'));
    assert.ok(!isPassportNumber('tr5820417'));
    assert.ok(!isPassportNumber('TR582041'));
    assert.ok(!isPassportNumber('TK1234567'), 'sequence');
    assert.ok(!isPassportNumber('TK0000000'));
  });

  it('recognises runs, sequences and repeated patterns', () => {
    for (const d of ['000000000000', '111111111118', '123456789012', '987654321098', '424242424242', '123412341234']) assert.ok(isPlaceholderDigits(d), d);
    for (const d of ['382194605730', '4980362719458234']) assert.ok(!isPlaceholderDigits(d), d);
  });

  it('masks all but the last four digits', () => {
    assert.equal(maskDigits('4980 3627 1945 8234'), '************8234');
    assert.equal(maskDigits('3821-9460-5730'), '********5730');
  });
});
