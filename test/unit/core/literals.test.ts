// The one-pass literal search that prefilters the provider patterns: it must find exactly
// what `includes` on the ASCII-lower-cased text finds, or a pattern silently stops running.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document } from '../../../src/core/documents/document';
import { foldString, LiteralSet, mentionsAny } from '../../../src/core/literals';
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
