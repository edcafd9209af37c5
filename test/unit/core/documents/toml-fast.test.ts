import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseToml, parseTomlWithLibrary } from '../../../../src/core/documents/toml';
import { fastTomlTree } from '../../../../src/core/documents/toml-fast';
import { cpuNow } from '../../helpers/cpu-clock';

/**
 * The fast TOML reader against the library path: whenever it answers, its tree must be exactly
 * the library's (values, nesting, every range and key range, entry order).
 */

const ROOT = join(__dirname, '../../../..');

function tomlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tomlFiles(p);
    return p.endsWith('.toml') ? [p] : [];
  });
}

/** The fast result, checked against the library: undefined or deep-equal. */
function check(text: string, label = JSON.stringify(text).slice(0, 80)): boolean {
  const fast = fastTomlTree(text);
  if (fast === undefined) return false;
  assert.deepStrictEqual(fast, parseTomlWithLibrary(text), label);
  return true;
}

interface Generator {
  FORMATS: { toml: (r: () => number, lines: number) => string };
  rng: (seed: number) => () => number;
  latencyInputs: (lines?: number) => { format: string; text: string }[];
}

async function generator(): Promise<Generator> {
  const url = join(ROOT, 'bench/generate.mjs');
  return (await import(url)) as Generator;
}

/** Texts the reader must take, each covering some construct of its subset. */
const TAKEN: string[] = [
  '',
  '# only a comment',
  '\n\n   \n\t\n',
  'a = 1',
  'a = 1\n',
  'a=1\nb=2',
  '  \tindented = "yes"   # trailing comment\n',
  's = "tab\there, quote \\" backslash \\\\ \\b \\f \\n \\r \\t"',
  's = "\\u00e9\\U0001F600 \\u0000 snow ☃ 🎉"',
  "s = 'C:\\Users\\nodejs\\templates' # literal",
  's = ""\nt = \'\'\nu = "#not a comment"\nv = \'#\'',
  'i = [0, +0, -0, 1_000, -17, +99, 0xDEAD_beef, 0xff, 0o755, 0o0, 0b1101, 0b0, 12345678901234567890]',
  'f = [1.5, -0.0, +0.0, 0.0, +1e10, 6.626e-34, 1E5, 224_617.445_991, 0e0, 0.1, 1e+05, 5e22, -2E-2, 3.1415]',
  'special = [inf, +inf, -inf, nan, +nan, -nan]',
  'b = [true, false]\nc = true\nd = false # x',
  'd1 = 1979-05-27\nd2 = 1979-05-27T07:32:00Z\nd3 = 1979-05-27t07:32:00z\nd4 = 1979-05-27 07:32:00\nd5 = 1979-05-27T00:32:00.999999-07:00',
  'd6 = 1979-05-27T07:32:00+09:00\nt1 = 07:32:00\nt2 = 00:32:00.5\nt3 = 23:59:60\nleap = 2000-02-29\nold = 0999-12-31\nd7 = 1979-05-27 # date only',
  'dates = [1979-05-27, 07:32:00, 1979-05-27T07:32:00]',
  'e = []\nn = [[1, 2], ["a", \'b\'], [[[]]]]\nm = [1, "two", 3.0, true, {x = 1}]\nt = [1, 2, ]',
  'multi = [\n  1,   # one\n  2,\n  # a comment line\n  3\n]\nafter = "x"',
  'multi = [ # open\n\n]\nnested = [\n  [\n    1,\n  ],\n]',
  'it = {}\nit2 = { a = 1, b = "two", c = { d = [1, 2] } }\nit3 = {a.b = 1, a.c = 2, "q.k" = 3}',
  'points = [ { x = 1, y = 2 }, { x = 3, y = 4 } ]\nlines = [\n  {a = 1},\n  {a = 2},\n]',
  'spanning = { list = [\n  1,\n  2\n], other = 1 }',
  '"quoted key" = 1\n\'literal key\' = 2\n"" = 3\n1234 = 4\ntrue = 5\n- = 6\n_x-y = 7\n"é" = 8',
  'a . b . c = 1\na.b.d = 2\na."e.f" = 3\nsite."google.com" = true',
  '[a]\nx = 1\n[b]\n[c]\ny = 2\n',
  '[a.b.c]\nx = 1\n[ d . "e" . \'f\' ]\ny = 2\n[a.b]\nz = 3\n[a]\nw = 4',
  '[x.y.z.w]\n[x] # super-table after its sub-table\nk = 1',
  '[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]\n\n[[products]]\nname = "Nail"\ncolor = "gray"',
  '[[fruits]]\nname = "apple"\n[fruits.physical]\ncolor = "red"\n[[fruits.varieties]]\nname = "red delicious"\n[[fruits.varieties]]\nname = "granny smith"\n[[fruits]]\nname = "banana"\n[[fruits.varieties]]\nname = "plantain"',
  '[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n[a.c]\ny = 3',
  '[a]\nb.c = 1\nb.d = 2\n[e]\nf.g.h = 1\nf.i = 2',
  'top.level = 1\n[t]\n"x" = 2',
  '[tbl] # comment\n# another\nk = "v" # trailing\n',
  'a = 1\r\nb = [\r\n  2, # c\r\n]\r\n[t]\r\nc = "x"\r\n',
  '\ta\t=\t"tabs"\t\n[\tt\t]\nk = 1',
  'long = "' + 'x'.repeat(5000) + '"',
  'deep = ' + '['.repeat(40) + ']'.repeat(40),
  'zero = 0\n',
  // Wide tables are looked up through a map rather than a scan.
  Array.from({ length: 30 }, (_, i) => `k${i} = ${i}`).join('\n') + '\n[t]\n' + Array.from({ length: 30 }, (_, i) => `[t.s${i}]\nv.w = ${i}`).join('\n'),
];

/** Texts the reader must leave to the library (outside its subset, malformed, or redefining). */
const LEFT: string[] = [
  's = """multi\nline"""',
  "s = '''multi\nline'''",
  's = """"',
  'it = {\n  a = 1 }',
  'it = { a = 1,\n b = 2 }',
  'it = { a = 1, }',
  'it = {,}',
  'a = 1\na = 2',
  '[a]\n[a]',
  'a.b = 1\n[a]',
  'a.b = 1\n[a.c]',
  '[a]\nb = 1\n[a.b]',
  '[a]\nb.c = 1\n[a.b]',
  '[a]\nb.c = 1\n[a.b.d]',
  '[[a]]\n[a]',
  '[a]\n[[a]]',
  '[a.b]\n[[a]]',
  'a = [1]\n[[a]]',
  'a = [{b = 1}]\n[a.c]',
  'a = {b = 1}\na.c = 2',
  'a.b = 1\na = 2',
  'a = 1\na.b = 2',
  'a = {b = 1, b = 2}',
  'a = {b = {c = 1}, b.d = 2}',
  '[a.b.c]\n[a]\nb.d = 1',
  '[a.b]\n[a]\nb = 1',
  'a = 1\rb = 2',
  'a = "x\rb"',
  '\ufeffa = 1',
  'a = 1 # bell \u0007',
  'a = 1 # del \u007f',
  'a = "nul \u0000"',
  "a = 'del \u007f'",
  'a = "\\x41"',
  'a = "\\e"',
  'a = "\\uD800"',
  'a = "\\U00110000"',
  'a = "\\u12"',
  'a = 01',
  'a = -01',
  'a = 0_1',
  'a = 00.5',
  'a = 1__0',
  'a = 1_',
  'a = _1',
  'a = 1.',
  'a = .5',
  'a = 1e',
  'a = 1._5',
  'a = 0X1F',
  'a = +0x1',
  'a = 0x',
  'a = 0b102',
  'a = 1979-02-30',
  'a = 1979-13-01',
  'a = 24:00:00',
  'a = 07:32',
  'a = 1979-05-27T07:32',
  'a = 1979-05-27T07:32:00+24:00',
  'a = 1979-05-27 7:32:00',
  'a = 07:32:00Z',
  'a = 1979-05-27T07:32:00.',
  'a =\n1',
  'a = ',
  'a',
  'a = hello',
  'a = truex',
  'a = True',
  'a = infinity',
  '[a] b = 1',
  'a = 1 b = 2',
  '[]',
  '[a.]',
  '[.a]',
  'a..b = 1',
  '[ [a]]',
  '[[a] ]',
  '[a',
  '[a\n]',
  'a = "unterminated',
  "a = 'unterminated\n'",
  'a = [1,,2]',
  'a = [,]',
  'a = [1 2]',
  'a = [1',
  'a = "x"b',
  'é = 1',
  'a\f= 1',
  'a = 1,',
  'a = {b = 1} c = 2',
  '= 1',
  'deep = ' + '['.repeat(60) + ']'.repeat(60),
  'long = "' + 'x'.repeat(30_000) + '"',
  'n = 1' + '0'.repeat(2000),
  // The library gives a bare 0 that ends the text an empty range.
  'zero = 0',
  Array.from({ length: 30 }, (_, i) => `k${i} = ${i}`).join('\n') + '\nk3 = 3',
  '[t]\n' + Array.from({ length: 30 }, (_, i) => `[t.s${i}]`).join('\n') + '\n[t.s7]',
  Array.from({ length: 30 }, (_, i) => `k${i}.x = ${i}`).join('\n') + '\n[k3.y]',
];

describe('fast TOML reader', () => {
  it('takes every construct of its subset, exactly as the library builds it', () => {
    for (const text of TAKEN) assert.ok(check(text), `not taken: ${JSON.stringify(text).slice(0, 120)}`);
  });

  it('leaves everything outside its subset to the library', () => {
    for (const text of LEFT) assert.equal(fastTomlTree(text), undefined, `taken: ${JSON.stringify(text).slice(0, 120)}`);
  });

  it('keeps parseToml answering from the fast reader when it can, and from the library otherwise', () => {
    const text = '[a]\nb = 1\n';
    assert.deepStrictEqual(parseToml(text), fastTomlTree(text));
    // Left to the library, whose blank-the-bad-line recovery still applies.
    const broken = 'a = 1\nb = = 2\nc = 3\n';
    assert.equal(fastTomlTree(broken), undefined);
    assert.deepStrictEqual(parseToml(broken), parseTomlWithLibrary(broken));
    assert.ok(parseToml(broken)?.entries.some((e) => e.key === 'c'));
  });

  it('matches the library on every TOML fixture of the project and takes them all', () => {
    const files = [...tomlFiles(join(ROOT, 'test/fixtures')), ...tomlFiles(join(ROOT, 'test/rules'))];
    assert.ok(files.length >= 10, 'fixtures found');
    for (const file of files) assert.ok(check(readFileSync(file, 'utf8'), file), `not taken: ${file}`);
  });

  it('takes the benchmark TOML files and matches the library on them', async () => {
    const gen = await generator();
    const bench = gen.latencyInputs(5000).find((i) => i.format === 'toml');
    assert.ok(bench);
    assert.ok(check(bench.text, 'latency input'), 'latency input not taken');
    // The generated repository's TOML files come from the same generator, small and large.
    const r = gen.rng(42);
    for (const lines of [20, 137, 400, 2500]) assert.ok(check(gen.FORMATS.toml(r, lines), `repository file of ${lines} lines`));
  });

  it('is the library on random documents built from its subset (spacing, comments, CRLF)', () => {
    let taken = 0;
    fc.assert(
      fc.property(documentArb, (text) => {
        if (check(text)) taken++;
      }),
      { numRuns: 1500, seed: 20260301 },
    );
    // Random keys clash often (then the reader bails), but most documents must be taken.
    assert.ok(taken > 500, `only ${taken} of 1500 random documents taken`);
  });

  it('never throws and is the library or undefined on mutated documents', () => {
    fc.assert(
      fc.property(
        documentArb,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...MUTATIONS)), { minLength: 1, maxLength: 4 }),
        (text, edits) => {
          let t = text;
          for (const [at, del, ins] of edits) {
            const i = t.length === 0 ? 0 : at % (t.length + 1);
            t = t.slice(0, i) + ins + t.slice(i + del);
          }
          check(t);
        },
      ),
      { numRuns: 1500, seed: 20260302 },
    );
  });

  it('never throws on junk', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        check(text);
      }),
      { numRuns: 1000, seed: 20260303 },
    );
  });

  it('stays linear on hostile input', () => {
    const big = 2_000_000;
    const inputs = [
      'a = "' + 'x'.repeat(big),
      'a = [' + '1,'.repeat(big / 2),
      '['.repeat(big),
      'a = ' + '{b = '.repeat(big / 5),
      ('k = 1\n' + '# ' + 'c'.repeat(100) + '\n').repeat(big / 110),
      'a.'.repeat(big / 2) + 'b = 1',
      '[t]\n'.repeat(big / 4),
      'x'.repeat(big),
    ];
    for (const text of inputs) {
      const started = cpuNow();
      fastTomlTree(text);
      const took = cpuNow() - started;
      // A quadratic reader would take hours on 2 MB; a linear one takes about a second of CPU.
      assert.ok(took < 5000, `${took.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 20))}…`);
    }
  });
});

// --- Random documents from the subset's constructs -------------------------------------------

const ws = fc.constantFrom('', ' ', '  ', '\t');
const nl = fc.constantFrom('\n', '\r\n');
const comment = fc.constantFrom('', ' # note', '# x', '\t#', ' # ☃ "quoted" [x] = 1');

const bareKey = fc.constantFrom('a', 'b', 'c', 'x-y', 'k_1', '1', 'true', 'port', 'name');
const quotedKey = fc.constantFrom('"a"', '"with space"', '"q.k"', "'lit'", '""', '"é"', '"\\u0062"');
const simpleKey = fc.oneof({ weight: 4, arbitrary: bareKey }, { weight: 1, arbitrary: quotedKey });
const dottedKey = fc.tuple(fc.array(simpleKey, { minLength: 1, maxLength: 3 }), ws).map(([parts, s]) => parts.join(`${s}.${s}`));

const scalarArb = fc.oneof(
  fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"esc \\t \\n \\" \\\\ \\u00e9 \\U0001F600"', "'C:\\path'", "''", '""', '"#hash"', '"日本語"'),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.constantFrom('+7', '-0', '+0', '1_000', '0xDEAD_BEEF', '0o17', '0b101', '9007199254740993'),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Number.isInteger(d) ? `${d}.0` : String(d)).replace('e+', 'e')),
  fc.constantFrom('1.5', '-0.0', '6.626e-34', '1E5', '3_141.592_6', 'inf', '-inf', '+nan', 'nan'),
  fc.constantFrom('true', 'false'),
  fc.constantFrom('1979-05-27', '1979-05-27T07:32:00Z', '1979-05-27 07:32:00.25', '1979-05-27T07:32:00-08:00', '07:32:00', '2024-02-29T23:59:60z'),
);

const { value: valueArb } = fc.letrec<{ value: string; array: string; inline: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('array'), tie('inline')),
  array: fc
    .tuple(fc.array(fc.tuple(fc.constantFrom('', ' ', '\n  ', ' # c\n  ', '\r\n'), tie('value')), { maxLength: 4 }), fc.boolean(), ws)
    .map(([items, trailing, s]) => `[${items.map(([pre, v]) => pre + v).join(`,${s}`)}${trailing && items.length > 0 ? ',' : ''}${s}]`),
  inline: fc
    .tuple(fc.array(fc.tuple(dottedKey, tie('value')), { maxLength: 3 }), ws)
    .map(([kvs, s]) => `{${s}${kvs.map(([k, v]) => `${k}${s}=${s}${v}`).join(`,${s}`)}${s}}`),
}));

const keyValueLine = fc.tuple(ws, dottedKey, ws, ws, valueArb, ws, comment).map(([a, k, b, c, v, d, e]) => `${a}${k}${b}=${c}${v}${d}${e}`);
const headerLine = fc
  .tuple(fc.boolean(), fc.array(simpleKey, { minLength: 1, maxLength: 3 }), ws, comment)
  .map(([array, keys, s, e]) => (array ? `[[${s}${keys.join('.')}${s}]]` : `[${s}${keys.join(`${s}.${s}`)}${s}]`) + e);
const line = fc.oneof(
  { weight: 6, arbitrary: keyValueLine },
  { weight: 2, arbitrary: headerLine },
  { weight: 1, arbitrary: comment },
  { weight: 1, arbitrary: ws },
);

const documentArb = fc.tuple(fc.array(line, { maxLength: 14 }), nl, fc.boolean()).map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

/** Edits that push a valid document into the corners: quotes, brackets, controls, lone CRs. */
const MUTATIONS = [
  '',
  '"',
  "'",
  '"""',
  '[',
  ']',
  '{',
  '}',
  ',',
  '.',
  '=',
  '#',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '\\',
  '\\u',
  '\u0000',
  '\u007f',
  '\ufeff',
  '\ud800',
  '_',
  '0',
  '-',
  '+',
  'e',
  ':',
  'T',
  'Z',
  'inf',
  'x',
];
