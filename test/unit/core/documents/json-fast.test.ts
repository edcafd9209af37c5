// The one-pass JSON reader must give exactly the tree of the jsonc-parser path wherever it
// gives one, and must take the common files (a reader that always declined would pass the
// equality checks vacuously).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseJsonWithLibrary } from '../../../../src/core/documents/json';
import { fastJsonTree } from '../../../../src/core/documents/json-fast';

const ROOT = path.resolve(__dirname, '../../../..');

/** True when the fast reader took the text (and then its tree equals the library's). */
function check(text: string, label = JSON.stringify(text).slice(0, 80)): boolean {
  const fast = fastJsonTree(text);
  if (fast === undefined) return false;
  assert.deepStrictEqual(fast, parseJsonWithLibrary(text), label);
  return true;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

interface Generator {
  FORMATS: { json: (r: () => number, lines: number) => string };
  rng: (seed: number) => () => number;
  latencyInputs: (lines?: number) => { format: string; text: string }[];
}

const TAKEN = [
  '{}',
  '[]',
  '  {"a": 1}\n',
  '{"a": {"b": [1, 2.5, -3e-2, 0, true, false, null, "x"]}}',
  '{"a": "q\\"uote\\\\ \\/ \\b\\f\\n\\r\\t \\u00e9\\u3042"}',
  '{"dup": 1, "dup": 2}',
  '{\n  // a comment\n  "a": 1, /* another */ "b": [1,],\n}\n',
  '{"a":1}\r\n',
  '"just a string"',
  '42',
  '{"日本語": "値", "emoji": "😀"}',
  '[{"name": "DB_PASSWORD", "value": "x"}, {"Ref": "Db"}]',
];

const DECLINED = [
  '',
  '{',
  '{"a": 1',
  '{"a" 1}',
  '{a: 1}',
  "{'a': 1}",
  '{"a": 01}',
  '{"a": .5}',
  '{"a": 1.}',
  '{"a": +1}',
  '{"a": truex}',
  '{"a": "tab\there"}',
  '{"a": "\\x41"}',
  '{"a": "\\u12"}',
  '{"a": 1} trailing',
  '{"a": 1}}',
  '[1 2]',
  '[,]',
  '{,}',
  '/* unclosed',
  '[NaN]',
  '[Infinity]',
  '['.repeat(400) + ']'.repeat(400),
];

describe('fast JSON reader', () => {
  it('takes well-formed JSON and JSONC and gives the library tree', () => {
    for (const text of TAKEN) assert.ok(check(text), `not taken: ${text}`);
  });

  it('leaves malformed or too deep text to the library', () => {
    for (const text of DECLINED) assert.equal(fastJsonTree(text), undefined, text.slice(0, 60));
  });

  it('takes every JSON fixture of the project that parses, and matches the library on it', () => {
    let taken = 0;
    for (const f of [...files(path.join(ROOT, 'test/fixtures')), ...files(path.join(ROOT, 'test/rules'))].filter((p) => p.endsWith('.json'))) {
      const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      if (check(text, f)) taken++;
    }
    assert.ok(taken >= 25, `only ${taken} fixtures taken`);
  });

  it('takes the benchmark JSON and matches the library on it', async () => {
    const gen = (await import(path.join(ROOT, 'bench/generate.mjs'))) as Generator;
    const bench = gen.latencyInputs(5000).find((i) => i.format === 'json');
    assert.ok(bench && check(bench.text, 'latency input'));
    const r = gen.rng(3);
    for (const lines of [10, 300, 3000]) assert.ok(check(gen.FORMATS.json(r, lines), `generated, ${lines} lines`));
  });

  it('is the library on random JSON in varied layouts, with comments and trailing commas', () => {
    const layout = fc.record({ indent: fc.constantFrom(undefined, 0, 2, '\t'), crlf: fc.boolean(), comment: fc.boolean(), trailing: fc.boolean() });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), layout, (value, l) => {
        let text = JSON.stringify(value, null, l.indent);
        if (text === undefined) return;
        if (l.trailing) text = text.replace(/(\S)(\n\s*[}\]])/g, '$1,$2');
        if (l.comment) text = `// header\n${text.replace(/\n/g, ' /* c */\n')}`;
        if (l.crlf) text = text.replace(/\n/g, '\r\n');
        assert.ok(check(text), `not taken: ${text.slice(0, 120)}`);
      }),
      { numRuns: 1000, seed: 20261121 },
    );
  });

  it('never throws on mutated or junk text, and is the library or undefined', () => {
    const mutated = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.nat(), fc.string({ maxLength: 3 })).map(([v, at, s]) => {
      const t = JSON.stringify(v) ?? '';
      const i = t.length === 0 ? 0 : at % t.length;
      return t.slice(0, i) + s + t.slice(i + 1);
    });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 200 })), (text) => {
        check(text);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
