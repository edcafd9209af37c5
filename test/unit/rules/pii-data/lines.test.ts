// The context scan reads only lines that could hold an identifier; the search for them must
// find exactly the lines a plain split would pass on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ANY_CONTEXT, CONTEXT, forEachLineWithIdentifierDigits, lineFields, MAX_LINE, PAIR } from '../../../../src/core/rules/pii-data/analysis/lines';

/** The lines a plain split passes on: four digits in a row, seven digits in all, not over-long. */
function naive(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.length <= MAX_LINE && /\d{4}/.test(line) && (line.match(/\d/g) ?? []).length >= 7) out.push([line, start]);
    start += line.length + 1;
  }
  return out;
}

function found(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  forEachLineWithIdentifierDigits(text, (line, start) => out.push([line, start]));
  return out;
}

describe('lines for the identifier scan', () => {
  it('passes on the lines with four digits in a row and seven in all', () => {
    const text = 'INSERT INTO t VALUES (2024, 1);\nmy_number: 1234 5678 9012\nyear 2024 id 123\n1234567\n12-34-56-78\n٣٤٥٦٧٨٩٠\n';
    assert.deepEqual(found(text), [
      ['my_number: 1234 5678 9012', 32],
      ['year 2024 id 123', 58],
      ['1234567', 75],
    ]);
  });

  it('agrees with splitting the text into lines, on any text', () => {
    const unit = fc.constantFrom('0', '1', '9', '5', 'a', ' ', '-', '\n', '\r', '٣', 'x'.repeat(MAX_LINE));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 80 }), (units) => {
        const text = units.join('');
        assert.deepEqual(found(text), naive(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('skips only lines where no context word could be found: any text a context matches holds a stem', () => {
    // Pieces of the context words in every case, their neighbours, and other text.
    const unit = fc.constantFrom(
      'card',
      'Card',
      'CARD',
      'dis',
      'cc',
      'CC',
      'pan',
      'Pan',
      'visa',
      'VISA',
      'credit',
      'Credit',
      'my',
      'My',
      'num',
      'Num',
      'ber',
      '_',
      '-',
      ' ',
      '\t',
      'kojin',
      'ban',
      'passport',
      'PASSPORT',
      'マイナンバー',
      '個人番号',
      '旅券',
      'パスポート',
      'カード',
      'クレジット',
      'amex',
      'jcb',
      'diners',
      'discover',
      'mastercard',
      'a',
      'Z',
      '1',
      ':',
      '=',
      '"',
      'n',
      'u',
      'm',
      'c',
      'd',
      'r',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('');
        for (const [kind, context] of CONTEXT) if (context.test(text)) assert.ok(ANY_CONTEXT.test(text), `${kind}: ${JSON.stringify(text)}`);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('pairs of a log line', () => {
  /** Every match of the pair pattern from the line's start: what `lineFields` must find, in order. */
  function allPairs(line: string): Array<[string, number]> {
    const re = new RegExp(PAIR.source, 'g');
    const out: Array<[string, number]> = [];
    for (let m = re.exec(line); m; m = re.exec(line)) out.push([m[1], m.index]);
    return out;
  }

  it('finds a pair whose operator stands as far from its start as the pattern allows', () => {
    // A blank, a quote, a key of 40, a quote and three blanks before the colon, far into the line.
    const key = 'customer_email_address_'.padEnd(40, 'x');
    const line = `${'prose without operators '.repeat(4)} "${key}"   : "sato@example.co.jp"`;
    assert.equal(line.indexOf(':') - line.indexOf(` "${key}`), 46);
    const fields = lineFields(line, 100);
    assert.deepEqual(
      fields.map((f) => [f.key, f.value]),
      [[key, 'sato@example.co.jp']],
    );
    assert.equal(fields[0].start, 100 + line.indexOf('sato@'));
  });

  it('finds the same pairs as the pattern read from the start of the line, on any line', () => {
    const piece = fc.constantFrom('a', 'key', 'email', ' ', '  ', '\t', ',', ';', '"', "'", ':', '=', '：', '「', '」', 'x'.repeat(30), '-', '@', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const line = pieces.join('');
        const keyed = lineFields(line, 0).filter((f) => f.key !== undefined);
        assert.deepEqual(
          keyed.map((f) => f.key),
          allPairs(line).map(([k]) => k),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
