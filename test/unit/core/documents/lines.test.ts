// Line starts are found by `indexOf` in texts without CR; they must be the same as the
// definition below, one code unit at a time, for every mix of line ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../../../src/core/documents/lines';

/** The definition: a line ends at LF, at CRLF (one end) or at a lone CR. */
function startsByDefinition(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function startsOf(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
}

describe('LineIndex', () => {
  const piece = fc.constantFrom('\n', '\r\n', '\r', 'a', 'bc', ' ', 'こ', '\n\n', '');

  it('starts lines where the definition does, with and without CR', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(startsOf(new LineIndex(text)), startsByDefinition(text));
        const lf = text.replace(/\r/g, '');
        assert.deepEqual(startsOf(new LineIndex(lf)), startsByDefinition(lf));
      }),
      { numRuns: 1000 },
    );
  });

  it('places offsets at the same lines and columns as the definition', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(200), (pieces, at) => {
        const text = pieces.join('').replace(/\r/g, '');
        const starts = startsByDefinition(text);
        const offset = Math.min(at, text.length);
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
        assert.deepEqual(new LineIndex(text).positionAt(offset), { line, character: offset - starts[line] });
      }),
      { numRuns: 500 },
    );
  });

  it('ends a text with a line end in an empty last line, and counts an empty text as one line', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.deepEqual(startsOf(new LineIndex('a\n')), [0, 2]);
    assert.deepEqual(startsOf(new LineIndex('a\r\n')), [0, 3]);
    assert.deepEqual(startsOf(new LineIndex('\n\n')), [0, 1, 2]);
  });
});
