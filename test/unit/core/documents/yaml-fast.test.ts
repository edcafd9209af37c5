import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { libraryYamlTrees } from '../../../../src/core/documents/yaml';
import { fastYamlTrees } from '../../../../src/core/documents/yaml-fast';
import { cpuNow } from '../../helpers/cpu-clock';

/**
 * The contract: the fast reader either declines or gives exactly the library path's trees,
 * down to the order of each node's properties (deepStrictEqual ignores it): nodes built alike
 * share one hidden class, so the rules that walk the trees stay monomorphic whichever path read them.
 */
function check(text: string, label = JSON.stringify(text)): boolean {
  const fast = fastYamlTrees(text);
  if (fast === undefined) return false;
  const library = libraryYamlTrees(text);
  assert.deepStrictEqual(fast, library, label);
  assert.equal(JSON.stringify(fast), JSON.stringify(library), `${label}: property order`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/i.test(name) ? [p] : [];
  });
}

interface Generator {
  FORMATS: { yaml: (r: () => number, lines: number) => string };
  rng: (seed: number) => () => number;
  latencyInputs: (lines?: number) => { format: string; text: string }[];
}

async function generator(): Promise<Generator> {
  // A computed path: the benchmark generator is plain JavaScript outside the TypeScript project.
  const url = join(__dirname, '../../../..', 'bench/generate.mjs');
  return (await import(url)) as Generator;
}

describe('fastYamlTrees: real files', () => {
  it('agrees with the library on every YAML fixture and takes the common ones', () => {
    const files = [...yamlFiles('test/fixtures'), ...yamlFiles('test/rules')];
    assert.ok(files.length > 20);
    let taken = 0;
    for (const f of files) if (check(readFileSync(f, 'utf8'), f)) taken++;
    assert.ok(taken >= files.length * 0.8, `fast path took ${taken}/${files.length}`);
    for (const f of [
      'test/fixtures/sample-project/k8s/redis.yaml',
      'test/fixtures/sample-project/docker-compose.yml',
      'test/rules/exposure/k8s-db-service-exposed/ng/k8s-lb-postgres-trust/postgres.yaml',
    ]) {
      assert.ok(check(readFileSync(f, 'utf8'), f), `${f} should take the fast path`);
    }
  });

  it('takes the 5,000-line benchmark file (and its CRLF form) and the generated repository files', async () => {
    const gen = await generator();
    const input = gen.latencyInputs(5000).find((i) => i.format === 'yaml');
    assert.ok(input);
    assert.ok(check(input.text, 'bench'));
    assert.ok(check(input.text.replace(/\n/g, '\r\n'), 'bench crlf'));
    for (let seed = 1; seed <= 20; seed++) assert.ok(check(gen.FORMATS.yaml(gen.rng(seed), 20 + seed * 37), `repository seed ${seed}`));
  });
});

/** Inputs the fast path must take, each checked against the library. */
const TAKEN = [
  'a: 1\nb:\n  c: x   # hi\n\n  d: [1, "x"]\n\n# end\ne:\n- 1\n- two\n\n',
  'a:\n  b: 1\n  # c\nd: 2\n',
  'a:\nb:   \nc: # x\nd:',
  '- a: 1\n  b: 2\n-   c: 3\n    d:\n- - x\n  - y\n-\n- ',
  "x:\n  c: \"q\" # x\n  d: 'it''s'  \ny: 1",
  '---\na: 1\n...\n---\n- 1\n---\n# only comment\n---\n',
  'a: 1\r\nb:\r\n  - x\r\n  - y  # c\r\n\r\nc: "z"\r\n',
  'a: [1, b, "c", {d: e, f: [g]}]  # c\nb: {}\nc: []\nd: { x : 1 , y : 2 }\ne: [a, b, ]\nf: {"k":v}\n',
  'v: [null, ~, true, False, TRUE, 0, -0, +12, 007, 0o17, 0x1F, 1.5, 1., .5, 1e3, -1.5E-3, .inf, -.Inf, .nan, 1_000, 0o8, 0xg]\n',
  'null: 1\n~: 2\ntrue: 3\n1.0: 4\n0x10: 5\n.inf: 6\n"q": 7\n\'s\': 8\n',
  'd: "\\t\\n\\\\\\"\\/\\x41\\u00e9\\U0001F600\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ "\n',
  'url: http://example.com:8080/a#b\nhash: a#b\ncolon: a:b\nsp: a   b\n',
  'a: 1\na: 2\n',
  'x:\n  a: 1\n    # deeper\ny: 2',
  'x:\n  - q\n    # deeper\n   # d3\n  # d2\ny: 2',
  'x:\n  c:\n  # d\n\n  e: 1',
  'x:\n  c:\n# d\n\ny: 1',
  'x:\n  a: 1\n# end\n',
  'x:\n  a: 1\n  # same\n',
  'x:\n  a: 1\n # one\n',
  'x:\n  a: 1\n  # same\n\n# zero\n # one\n',
  'x:\n  a:\n    b: 1\n  # two\n',
  'x:\n  a: 1\n  # same\n  \n---\n',
  'x:\n  a: 1\n    # deeper\n  # same\n     # deeper2\ny: 2',
  'list:\n- a\n- b\nnext: 1\n',
  '- a:\n  - x\n  b: 1\n- c\n',
  'key:\n  value on its own line\nk2: 1\n',
  'just a scalar\n',
  '"quoted root"  # c\n',
  '',
  '# only a comment\n',
  'a: 1\n---\n',
  '  indented: 1\n  root: 2\n',
  'a  : 1\n"b" : 2\n',
  'a: !Ref b\nc: !GetAtt x.y # c\nd: !Sub "${A}"\ne: !Ref 1\nf: !Ref true\n',
  "- !Ref x\n- !Sub 'y'\n",
  '日本語: 値\n',
];

/** Inputs outside the subset: the fast path must decline (and the library path serves them). */
const DECLINED = [
  'a: &x 1\nb: *x\n',
  '<<: {a: 1}\n',
  'a: !!int 1\n',
  'a: !Join [a, b]\n',
  'a: !Ref\n',
  '!Ref k: v\n',
  'a: |\n  text\n',
  'a: >-\n  text\n',
  'a: multi\n  line\n',
  'a: "multi\n  line"\n',
  'a: [1,\n  2]\n',
  '? complex\n: key\n',
  '%YAML 1.2\n---\na: 1\n',
  'a:\n\tb: 1\n',
  'a: b: c\n',
  'a: - b\n',
  '- a\nb: 1\n',
  'a: 1\n  b: 2\n',
  'a: "\\q"\n',
  'a: "unterminated\n',
  '\ufeffa: 1\n',
  'a: 1\rb: 2\n',
  '[a]: 1\n',
  'a: [x: y]\n',
  'a: {x:1}\n',
  '---\n...\n',
  'a: 1\n...\nb: 2\n',
  '--- x\n',
];

describe('fastYamlTrees: the subset', () => {
  for (const text of TAKEN) {
    it(`takes ${JSON.stringify(text).slice(0, 60)}`, () => {
      if (text === '' || text === '# only a comment\n') {
        assert.deepStrictEqual(fastYamlTrees(text), []);
        assert.deepStrictEqual(libraryYamlTrees(text), []);
      } else assert.ok(check(text), 'should take the fast path');
    });
  }
  for (const text of DECLINED) {
    it(`declines ${JSON.stringify(text).slice(0, 60)}`, () => {
      assert.equal(fastYamlTrees(text), undefined);
    });
  }
});

// ---- Property tests: random documents written in many styles --------------------------------

type Value = { t: 'scalar'; text: string } | { t: 'map'; entries: [string, Value][] } | { t: 'seq'; items: Value[] } | { t: 'empty' };

const SCALARS = [
  'a',
  'hello world',
  'x-y',
  'true',
  'False',
  'NULL',
  '~',
  'null',
  '0',
  '-1',
  '+12',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '1.5',
  '1.',
  '.5',
  '1e3',
  '-1.5E-3',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  'http://x.y/z',
  'a:b',
  'a#b',
  'foo  ',
  '-x',
  '=',
  'yes',
  "it's",
  '日本語',
  'a,b',
  'a]b',
  '-',
  '@x',
  '!tag x',
  '&a x',
  '*a',
  '? x',
  'a: b',
  '- x',
  '|',
  '>',
  "'it''s'",
  "''",
  "'  sp  '",
  "'a # b'",
  "'a: b'",
  '"a\\tb"',
  '"\\x41\\u00e9\\U0001F600"',
  '"\\q"',
  '""',
  '"say \\"hi\\""',
  '"a # b"',
  '[]',
  '{}',
  '[a, 1, "x"]',
  '{a: 1, b: [x, y]}',
  '[a, ]',
  '{ x : 1 , y:2 }',
  '[a: b]',
  '["a":1]',
  '{"a":1}',
  '[http://x]',
  '[[1, 2], {}]',
  '[a # c',
  '{a: }',
  '[ , a]',
  '"x"y',
  "'x' y",
  '!Ref x',
  '!Ref 1',
  '!Ref ~',
  '!GetAtt a.b',
  '!Sub "${A}"',
  "!Sub 'x'",
  '!Ref',
  '!!str 1',
  '!Join [a, b]',
  '!Ref a: b',
  '!Ref  x # c',
];
const KEYS = ['a', 'key', 'b c', '"q k"', "'s k'", '1', 'true', '~', 'null', '0x10', '<<', '-k', 'a.b', 'x', 'x', '"x"', 'a#b', 'a b:c'];

const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).map((text): Value => ({ t: 'scalar', text })),
    fc.constant<Value>({ t: 'empty' }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('v')), { minLength: 1, maxLength: 4 }).map((entries): Value => ({ t: 'map', entries })),
    fc.array(tie('v'), { minLength: 1, maxLength: 4 }).map((items): Value => ({ t: 'seq', items })),
  ),
})).v;

/** Writes `v` as YAML lines, every layout decision taken from the `pick` tape. */
function emit(v: Value, pick: (n: number) => number): string[] {
  const lines: string[] = [];
  const comment = () => (pick(5) === 0 ? ' # c' : '') + (pick(7) === 0 ? '  ' : '');
  const block = (val: Value, indent: number, head: string, inMap: boolean): void => {
    // `head` is the text before the value on the current line ("key:" or "-").
    if (val.t === 'scalar') lines.push(`${head} ${val.text}${comment()}`);
    else if (val.t === 'empty') lines.push(head + (pick(3) === 0 ? ' ' : '') + (pick(4) === 0 ? ' # e' : ''));
    else if (val.t === 'seq' && !inMap && pick(3) === 0) {
      // Compact nested sequence: "- - x".
      const col = head.length + 1;
      val.items.forEach((item, i) => block(item, col, i === 0 ? `${head} -` : `${' '.repeat(col)}-`, false));
    } else if (val.t === 'map' && !inMap && pick(2) === 0) {
      // Compact map in a sequence item: "- key: v", the other keys under the first.
      const col = head.length + 1;
      val.entries.forEach(([k, item], i) => block(item, col, i === 0 ? `${head} ${k}:` : `${' '.repeat(col)}${k}:`, true));
    } else if (pick(4) === 0) {
      // Flow style on one line.
      lines.push(`${head} ${flow(val)}${comment()}`);
    } else {
      lines.push(head + comment());
      const step = 1 + pick(4);
      const col = val.t === 'seq' && inMap && pick(2) === 0 ? indent : indent + step;
      writeCollection(val, col);
    }
  };
  const writeCollection = (val: Value, col: number): void => {
    const pad = ' '.repeat(col);
    if (val.t === 'map') for (const [k, item] of val.entries) block(item, col, `${pad}${k}:`, true);
    else if (val.t === 'seq') for (const item of val.items) block(item, col, `${pad}-`, false);
  };
  const flow = (val: Value): string => {
    if (val.t === 'scalar') return val.text;
    if (val.t === 'empty') return '~';
    if (val.t === 'seq') return `[${val.items.map(flow).join(pick(2) ? ', ' : ',')}]`;
    return `{${val.entries.map(([k, item]) => `${k}: ${flow(item)}`).join(', ')}}`;
  };
  if (v.t === 'map' || v.t === 'seq') writeCollection(v, pick(6) === 0 ? 2 : 0);
  else if (v.t === 'scalar') lines.push(v.text);
  return lines;
}

/** Adds comment and blank lines at random indents between the lines, then joins them. */
function decorate(lines: string[], pick: (n: number) => number): string {
  const out: string[] = [];
  for (const line of lines) {
    while (pick(4) === 0) out.push(pick(2) === 0 ? `${' '.repeat(pick(7))}# note` : ' '.repeat(pick(3)));
    out.push(line);
  }
  while (pick(3) === 0) out.push(pick(2) === 0 ? `${' '.repeat(pick(7))}# tail` : '');
  return out.join('\n');
}

const tape = fc.array(fc.nat({ max: 1 << 16 }), { minLength: 64, maxLength: 64 });
function picker(t: number[]): (n: number) => number {
  let i = 0;
  return (n) => t[i++ % t.length] % n;
}

const document = fc.tuple(fc.array(value, { minLength: 1, maxLength: 3 }), tape).map(([docs, t]) => {
  const pick = picker(t);
  const parts = docs.map((d) => decorate(emit(d, pick), pick));
  let text = parts.map((p, i) => (i > 0 || pick(3) === 0 ? `---${pick(4) === 0 ? ' # doc' : ''}\n` : '') + p + (pick(5) === 0 ? '\n...' : '')).join('\n');
  if (pick(2) === 0) text += '\n';
  if (pick(4) === 0) text = text.replace(/\n/g, '\r\n');
  return text;
});

describe('fastYamlTrees: properties', () => {
  it('random documents in varied styles: declined or equal to the library', () => {
    let taken = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (check(text)) taken++;
      }),
      { numRuns: 3000 },
    );
    // A reader that always declined would pass vacuously.
    assert.ok(taken > 300, `fast path took only ${taken} of 3000`);
  });

  it('mutated documents: never throws, declined or equal', () => {
    const junk = fc.constantFrom(' ', ':', '-', '#', "'", '"', '[', ']', '{', '}', ',', '\n', '\t', '?', '&', '*', '!', '|', '>', '\\', '\r', 'x', '0', '.');
    fc.assert(
      fc.property(document, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), junk), { minLength: 1, maxLength: 4 }), (text, edits) => {
        let s = text;
        for (const [at, op, ch] of edits) {
          const i = s.length ? at % s.length : 0;
          s = op === 0 ? s.slice(0, i) + ch + s.slice(i) : op === 1 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i + 1);
        }
        check(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('hostile input: linear time, no throw', () => {
    const inputs = [
      '['.repeat(100_000),
      '- '.repeat(100_000),
      'a:\n' + ' '.repeat(200_000) + 'b',
      'k: ' + 'x'.repeat(2_000_000),
      '"' + 'x'.repeat(1_000_000),
      Array.from({ length: 5000 }, (_, i) => ' '.repeat(i % 300) + 'k:').join('\n'),
      Array.from({ length: 200 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'),
      '# c\n'.repeat(200_000) + 'a: 1',
      'a:\n' + '  # c\n'.repeat(100_000) + '  b: 1\n' + '\n'.repeat(100_000),
    ];
    for (const text of inputs) {
      const t = cpuNow();
      const r = fastYamlTrees(text);
      const ms = cpuNow() - t;
      assert.ok(ms < 2000, `${ms} ms`);
      if (r) assert.deepStrictEqual(r, libraryYamlTrees(text));
    }
  });
});
