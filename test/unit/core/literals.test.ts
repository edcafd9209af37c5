// The one-pass literal search that prefilters the provider patterns: it must find exactly
// what `includes` on the ASCII-lower-cased text finds, or a pattern silently stops running.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldString, LiteralSet } from '../../../src/core/literals';

/** What a plain search finds: the reference the one-pass search must agree with. */
function naive(literals: string[], text: string): Set<string> {
  const folded = foldString(text);
  return new Set(literals.map(foldString).filter((l) => l.length > 0 && folded.includes(l)));
}

describe('LiteralSet', () => {
  it('finds overlapping literals, prefixes of one another and sharing a start', () => {
    const set = new LiteralSet(['sk_', 'sk_live_', 'k_li', 'live', 'xoxb-']);
    assert.deepEqual([...set.foundIn('const k = "sk_live_abc"')].sort(), ['k_li', 'live', 'sk_', 'sk_live_']);
  });

  it('ignores the case of ASCII letters on both sides', () => {
    const set = new LiteralSet(['NRAK-', 'akia']);
    assert.deepEqual([...set.foundIn('key = nrak-123 / AKIAXXXX')].sort(), ['akia', 'nrak-']);
  });

  it('finds one- and two-character literals, at the very start and the very end', () => {
    const set = new LiteralSet(['|', 'sk', '0x', 'yc']);
    assert.deepEqual([...set.foundIn('sk and 0X')].sort(), ['0x', 'sk']);
    assert.deepEqual([...set.foundIn('a|b YC')].sort(), ['yc', '|']);
    assert.deepEqual([...set.foundIn('')], []);
    assert.deepEqual([...set.foundIn('s')], []);
  });

  it('handles literals and text outside Latin-1', () => {
    const set = new LiteralSet(['トークン', 'パス', 'ｷｰ']);
    assert.deepEqual([...set.foundIn('アクセストークン: x, パスワード')].sort(), ['トークン', 'パス'].sort());
  });

  it('reports a literal whose last characters end the text', () => {
    const set = new LiteralSet(['glpat-']);
    assert.deepEqual([...set.foundIn('token=glpat-')], ['glpat-']);
    assert.deepEqual([...set.foundIn('token=glpat')], []);
  });

  it('agrees with includes on random literals and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '_', '-', '.', 'ト', 'ー', '\n');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(alphabet, { maxLength: 200 }), (literals, chars) => {
        const text = chars.join('');
        assert.deepEqual([...new LiteralSet(literals).foundIn(text)].sort(), [...naive(literals, text)].sort());
      }),
      { numRuns: 500 },
    );
  });
});
