// The one-pass literal search that prefilters the provider patterns: it must find exactly
// what `includes` on the ASCII-lower-cased text finds, or a pattern silently stops running.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document } from '../../../src/core/documents/document';
import { foldString, literalHits, literalsIn, LiteralSet, mentionsAny } from '../../../src/core/literals';
import { RULES } from '../../../src/core/rules/index';

/** What a plain search finds: the reference the one-pass search must agree with. */
function naive(literals: string[], text: string): Set<string> {
  const folded = foldString(text);
  return new Set(literals.map(foldString).filter((l) => l.length > 0 && folded.includes(l)));
}

/** Every occurrence of each positional literal, as [start, end], sorted by start: the reference for `hits`. */
function naiveHits(positional: string[], text: string): number[][] {
  const folded = foldString(text);
  const out: number[][] = [];
  for (const l of new Set(positional.map(foldString))) {
    for (let at = folded.indexOf(l); at >= 0; at = folded.indexOf(l, at + 1)) out.push([at, at + l.length]);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function pairsOf(hits: number[]): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < hits.length; k += 2) out.push([hits[k], hits[k + 1]]);
  return out;
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
    // Lone surrogates too: the pass reads code units as written.
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '_', '-', '.', 'ト', 'ー', '\n', '\uD800', '\uDC00');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(alphabet, { maxLength: 200 }), (literals, chars) => {
        const text = chars.join('');
        assert.deepEqual([...new LiteralSet(literals).foundIn(text)].sort(), [...naive(literals, text)].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('answers each text on its own when one set searches many in turn (its scratch state starts clean each pass)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '_', 'ト', 'ー', '\n');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const text = fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 20 }),
        fc.array(word, { maxLength: 4 }),
        fc.array(text, { minLength: 2, maxLength: 8 }),
        (literals, positional, texts) => {
          const longer = positional.filter((p) => p.length >= 2);
          const set = new LiteralSet(literals, longer);
          for (const t of texts) {
            const hits: number[] = [];
            assert.deepEqual([...set.foundIn(t, hits)].sort(), [...naive([...literals, ...longer], t)].sort());
            assert.deepEqual(
              pairsOf(hits).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
              naiveHits(longer, t),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never finds the end of a literal in what an earlier, longer text left behind', () => {
    const set = new LiteralSet(['secretkey', 'ab'], ['tokenx']);
    assert.deepEqual([...set.foundIn('.. secretkey tokenx ab')].sort(), ['ab', 'secretkey', 'tokenx']);
    const hits: number[] = [];
    assert.deepEqual([...set.foundIn('.. secret', hits)], []);
    assert.deepEqual([...set.foundIn('.. secretkey tok', hits)], ['secretkey']);
    assert.deepEqual(hits, []);
  });

  it('reports every occurrence of a positional literal, in order, and still whether each literal occurs', () => {
    const set = new LiteralSet(['sk_'], ['key', 'pw', 'キー', 'パスワード']);
    const hits: number[] = [];
    const found = set.foundIn('KEY=1 pw=2 key キー パスワード keypw', hits);
    assert.deepEqual([...found].sort(), ['key', 'pw', 'キー', 'パスワード'].sort());
    assert.deepEqual(pairsOf(hits), [
      [0, 3],
      [6, 8],
      [11, 14],
      [15, 17],
      [18, 23],
      [24, 27],
      [27, 29],
    ]);
  });

  it('agrees with a plain search for the occurrences of positional literals on random input', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '_', '-', 'ト', 'ー', '\n', '\uD83D');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    const longer = fc.array(alphabet, { minLength: 2, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 20 }),
        fc.array(longer, { minLength: 1, maxLength: 6 }),
        fc.array(alphabet, { maxLength: 200 }),
        (literals, positional, chars) => {
          const text = chars.join('');
          const hits: number[] = [];
          const found = new LiteralSet(literals, positional).foundIn(text, hits);
          assert.deepEqual(
            pairsOf(hits).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
            naiveHits(positional, text),
          );
          // Hits come in order of start.
          for (let k = 2; k < hits.length; k += 2) assert.ok(hits[k] >= hits[k - 2]);
          assert.deepEqual([...found].sort(), [...naive([...literals, ...positional], text)].sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});

// The pass reads a text of Latin-1 units only four bytes at a time, with filters that drop
// literals once found and take them back for the next text; texts with wider units go through
// a pass of their own. These compare both with the plain search.
describe('LiteralSet on Latin-1 text', () => {
  // ASCII letters in both cases, Latin-1 letters outside ASCII (not folded), NUL and 0xFF.
  const alphabet = fc.constantFrom('a', 'b', 'A', 'B', 's', 'S', '.', '_', ' ', '\n', '\u0000', '\u00e9', '\u00c9', '\u00ff');

  it('agrees with includes, and finds every occurrence of a positional literal, on random input', () => {
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const longer = fc.array(alphabet, { minLength: 2, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 25 }),
        fc.array(longer, { maxLength: 4 }),
        fc.array(alphabet, { maxLength: 300 }),
        (literals, positional, chars) => {
          const text = chars.join('');
          const hits: number[] = [];
          const found = new LiteralSet(literals, positional).foundIn(text, hits);
          assert.deepEqual([...found].sort(), [...naive([...literals, ...positional], text)].sort());
          assert.deepEqual(pairsOf(hits), naiveHits(positional, text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('answers each of many texts on its own: a literal found in one is still looked for in the next', () => {
    const word = fc.array(alphabet, { minLength: 2, maxLength: 5 }).map((a) => a.join(''));
    const text = fc.array(alphabet, { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 20 }),
        fc.array(word, { maxLength: 3 }),
        fc.array(text, { minLength: 2, maxLength: 10 }),
        (literals, positional, texts) => {
          const set = new LiteralSet(literals, positional);
          // Each text twice, the second time after all the others: nothing carries over.
          for (const t of [...texts, ...texts]) {
            const hits: number[] = [];
            assert.deepEqual([...set.foundIn(t, hits)].sort(), [...naive([...literals, ...positional], t)].sort());
            assert.deepEqual(pairsOf(hits), naiveHits(positional, t));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds literals of two to six units at every offset of texts of every short length, the very end too', () => {
    const literals = ['s.', 'key', 'ab_c', 'value', 'sk_liv'];
    const set = new LiteralSet(literals, ['key', 's.']);
    for (const l of literals) {
      for (let n = l.length; n <= 24; n++) {
        for (let at = 0; at + l.length <= n; at++) {
          for (const form of [l, l.toUpperCase()]) {
            const text = 'x'.repeat(at) + form + 'x'.repeat(n - at - l.length);
            const hits: number[] = [];
            const found = set.foundIn(text, hits);
            assert.deepEqual([...found], [l], `${JSON.stringify(text)}`);
            assert.deepEqual(pairsOf(hits), l === 'key' || l === 's.' ? [[at, at + l.length]] : [], `${JSON.stringify(text)}`);
          }
        }
      }
    }
  });

  it('gives the same answer whether or not the text also has a unit outside Latin-1', () => {
    const set = new LiteralSet(['default', 'sk_live_', 'pw', 's.'], ['key', 'pass']);
    const text = 'Default: KEY=sk_live_1 pw s.x key passé pass\u00ff';
    const latin: number[] = [];
    const wide: number[] = [];
    const a = set.foundIn(text, latin);
    // The same units followed by one that is not Latin-1 (a CJK character).
    const b = set.foundIn(`${text}字`, wide);
    assert.deepEqual([...a].sort(), ['default', 'key', 'pass', 'pw', 's.', 'sk_live_']);
    assert.deepEqual([...b].sort(), [...a].sort());
    assert.deepEqual(wide, latin);
  });
});

describe('the shared search on real text', () => {
  /** What the rules declare, as core/rules/index.ts registers it. */
  const all = RULES.flatMap((r) => [...(r.literals ?? []), ...(r.requires ?? []), ...(r.positionalLiterals ?? [])]);
  const positional = RULES.flatMap((r) => r.positionalLiterals ?? []);

  /** This project's own source and rule test cases: code, configuration and prose in several languages. */
  function files(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (fs.statSync(p).size < 200_000) out.push(fs.readFileSync(p, 'utf8'));
      }
    };
    walk(path.resolve(__dirname, '../../../src/core'));
    walk(path.resolve(__dirname, '../../rules'));
    return out;
  }

  it('finds what a plain search finds, and every occurrence of the positional words, in each file and its upper-case form', () => {
    const texts = files();
    assert.ok(texts.length > 100);
    let wide = 0;
    for (const original of texts) {
      for (const text of [original, original.toUpperCase()]) {
        if (/[\u0100-\uffff]/.test(text)) wide++;
        const doc = new Document('file.txt', text);
        assert.deepEqual([...literalsIn(doc)].sort(), [...naive(all, text)].sort());
        assert.deepEqual(pairsOf([...literalHits(doc)]), naiveHits(positional, text));
      }
    }
    // Both passes ran.
    assert.ok(wide > 0 && wide < texts.length * 2);
  });
});

describe('literals declared by the rules', () => {
  it('are what the shared search looks for, and asking about an undeclared word is an error', () => {
    const doc = new Document('app.js', 'const password = process.env.DB_PASSWORD;\n');
    // Declared by the generic assignment rules (Rule.literals).
    assert.ok(RULES.some((r) => r.literals?.includes('process.env')));
    assert.equal(mentionsAny(doc, ['process.env']), true);
    assert.throws(() => mentionsAny(doc, ['zz-no-rule-declares-this']), /no rule declares it/);
  });

  it('come from the rules alone: no module registers words of its own', () => {
    const root = path.resolve(__dirname, '../../../src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (
          p.endsWith('.ts') &&
          !p.endsWith(path.join('core', 'literals.ts')) &&
          !p.endsWith(path.join('rules', 'index.ts')) &&
          fs.readFileSync(p, 'utf8').includes('registerLiterals(')
        )
          offenders.push(path.relative(root, p));
      }
    };
    walk(root);
    assert.deepEqual(offenders, []);
  });
});
