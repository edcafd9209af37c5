// Token patterns with anchors are tried only where an anchor allows a match to start
// (spec-rule.ts, `anchoredMatches`). That is sound only if it finds exactly the matches of the
// plain global search: checked on every fixture and rule case, and on random texts made of the
// anchors, token characters and separators, where matches and near-misses abound.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allMatches, anchoredSearch, stickyOf } from '../../../../src/core/rules/secret/analysis/anchored';
import { CURL_USER, MYSQL } from '../../../../src/core/rules/secret/cli-credential';
import { SECRET_SPECS } from '../../../../src/core/rules/secret/providers/index';
import { anchoredMatches } from '../../../../src/core/rules/secret/spec-rule';
import { anchoredOf, type TokenPattern } from '../../../../src/core/rules/secret/spec';
import { corpus } from '../../helpers/secretlint-corpus';

const ANCHORED: TokenPattern[] = SECRET_SPECS.flatMap((s) => s.tokens ?? []).filter((p) => p.anchors);

/** Start and text of every match of the plain global search. */
function plain(p: TokenPattern, text: string): Array<[number, string]> {
  const re = new RegExp(p.re.source, p.re.flags);
  const out: Array<[number, string]> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push([m.index, m[0]]);
  }
  return out;
}

function anchored(p: TokenPattern, text: string): Array<[number, string]> {
  return anchoredMatches(p, text).map((m) => [m.index, m[0]]);
}

describe('anchored token patterns', () => {
  it('are declared where the search costs most', () => {
    assert.ok(ANCHORED.length >= 10, `only ${ANCHORED.length} anchored patterns`);
  });

  it('find what the plain search finds on every fixture and rule case', () => {
    let found = 0;
    for (const [file, text] of corpus()) {
      for (const p of ANCHORED) {
        const expected = plain(p, text);
        found += expected.length;
        assert.deepEqual(anchored(p, text), expected, `${p.re.source} on ${file}`);
      }
    }
    assert.ok(found >= 5, `only ${found} matches of anchored patterns in the cases`);
  });

  it('find what the plain search finds on any text of tokens, anchors, token characters and separators', () => {
    let found = 0;
    for (const p of ANCHORED) {
      // Whole tokens of the pattern's shape (`tok` keeps one), pieces that start or end one, and separators.
      const whole = anchoredOf(p.re);
      assert.ok(whole, `${p.re.source} is built with tok`);
      const token = fc.stringMatching(whole);
      const piece = fc.oneof(
        token,
        token,
        fc.constantFrom(...(p.anchors ?? []), '1234', '12345678', 'abcdef0123456789', 'Ab9_', 'AAAA', '-', '.', ':', '=', ' ', 'x', '\n'),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
          const text = pieces.join('');
          const expected = plain(p, text);
          found += expected.length;
          assert.deepEqual(anchored(p, text), expected);
        }),
        { numRuns: 300, seed: 20261207 },
      );
    }
    // Random texts hold real matches, not only near-misses.
    assert.ok(found >= ANCHORED.length * 100, `only ${found} matches`);
  });

  it('find a token whose anchor stands as far into the match as declared', () => {
    const telegram = ANCHORED.find((p) => p.anchors?.includes(':A') && p.anchorAt?.[1] === 16) as TokenPattern;
    const text = `bot_token = "${'1234567890123456'}:A${'b9Kx2'.repeat(6)}Qw7Z"`;
    assert.equal(plain(telegram, text).length, 1);
    assert.deepEqual(anchored(telegram, text), plain(telegram, text));
  });
});

describe('the mysql command pattern, tried at each mysql', () => {
  const at = (text: string): Array<[number, string]> => anchoredSearch(stickyOf(MYSQL), text, ['mysql']).map((m) => [m.index, m[0]]);
  const plainMysql = (text: string): Array<[number, string]> => allMatches(new RegExp(MYSQL.source, MYSQL.flags), text).map((m) => [m.index, m[0]]);

  it('finds what the plain search finds on every fixture and rule case', () => {
    let found = 0;
    for (const [file, text] of corpus()) {
      const expected = plainMysql(text);
      found += expected.length;
      assert.deepEqual(at(text), expected, file);
    }
    assert.ok(found >= 3, `only ${found} mysql commands with a password in the cases`);
  });

  it('finds what the plain search finds on any text of commands, flags and passwords', () => {
    const piece = fc.constantFrom(
      'mysql',
      'mysqldump',
      'mysqladmin',
      'xmysql',
      ' -p',
      '-p',
      ' --password=',
      'Vq8kZ2',
      '"',
      "'",
      ' ',
      '\t',
      '\n',
      ',',
      '[',
      '-',
      'u',
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const expected = plainMysql(text);
        found += expected.length;
        assert.deepEqual(at(text), expected);
      }),
      { numRuns: 3000, seed: 20261207 },
    );
    assert.ok(found >= 100, `only ${found} matches`);
  });
});

describe("curl's -u pattern, tried around each -u", () => {
  const at = (text: string): Array<[number, string]> => anchoredSearch(stickyOf(CURL_USER), text, ['-u'], [0, 2]).map((m) => [m.index, m[0]]);
  const plainCurl = (text: string): Array<[number, string]> => allMatches(new RegExp(CURL_USER.source, CURL_USER.flags), text).map((m) => [m.index, m[0]]);

  it('finds what the plain search finds on every fixture and rule case', () => {
    let found = 0;
    for (const [file, text] of corpus()) {
      const expected = plainCurl(text);
      found += expected.length;
      assert.deepEqual(at(text), expected, file);
    }
    assert.ok(found >= 3, `only ${found} curl users with a password in the cases`);
  });

  it('finds what the plain search finds on any text of flags, users and passwords', () => {
    const piece = fc.constantFrom(
      ' -u bot:Vq8kZ2',
      ' --user=bot:Vq8kZ2',
      '--user "bot:Vq8kZ2"',
      '-u',
      '--user',
      '-',
      'u',
      ' ',
      '\t',
      '\n',
      '=',
      ':',
      'bot',
      'Vq8kZ2',
      '"',
      "'",
      '-u-u',
    );
    let found = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const expected = plainCurl(text);
        found += expected.length;
        assert.deepEqual(at(text), expected);
      }),
      { numRuns: 3000, seed: 20261207 },
    );
    assert.ok(found >= 100, `only ${found} matches`);
  });
});
