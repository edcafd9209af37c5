import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { detectFormat, type Format } from '../../../src/core/documents/detect';
import { RULES } from '../../../src/core/rules/index';
import { scanText } from '../../../src/core/scan';
import { caseFiles } from '../helpers/rule-cases';
import type { Finding, TextEdit } from '../../../src/core/types';
import { cpuNow } from '../helpers/cpu-clock';

/**
 * Property tests: the engine never throws and stays within a (generous) time per kilobyte on
 * any text, and its quick fixes leave a file that the same format's parser still accepts.
 */

const PATHS = [
  '.env',
  'config.yaml',
  'docker-compose.yml',
  'settings.json',
  'main.tf',
  'app.js',
  'app.ts',
  'data.csv',
  'dump.sql',
  'application.properties',
  'config.toml',
  'app.py',
  'Dockerfile',
  'notes.txt',
  'realm.json',
  'my.cnf',
];

/** Fragments that steer random text into the parsers' and rules' interesting corners. */
const FRAGMENTS = [
  'password',
  'パスワード',
  'token',
  'secret',
  'api_key',
  'ghp_',
  'AKIA',
  'xoxb-',
  'sk_live_',
  '-----BEGIN RSA PRIVATE KEY-----',
  '=',
  ': ',
  '"',
  "'",
  '`',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  ';',
  '\n',
  '\r\n',
  '\t',
  '  ',
  '# ',
  '// ',
  '/*',
  '*/',
  '<<: *a',
  '&a ',
  '*a',
  '!Ref ',
  '${',
  '}}',
  '{{',
  '\\',
  '0.0.0.0/0',
  '5432',
  'publicly_accessible = true',
  'resource "aws_db_instance" "x" {',
  'ports:\n  - "5432:5432"',
  'mamori-ignore-next-line *',
  'mamori-ignore-file secret until 2000-01-01',
  'secretlint-disable',
  '\u0000',
  '\ufeff',
  '\ud800',
  '123-4567-8901',
  '4111111111111111',
  '〒100-0001',
  '東京都千代田区',
  '山田太郎',
  'user@example.co.jp',
  'INSERT INTO users VALUES (',
  'passwordPolicy',
  'length(6)',
];

const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    {
      maxLength: 200,
      size: 'max',
    },
  )
  .map((parts) => parts.join(''));

describe('engine properties', () => {
  it('never throws, never fails a rule, and stays within a time budget per kilobyte', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), textArb, async (file, text) => {
        const errors: string[] = [];
        const started = cpuNow();
        const findings = await scanText({ path: `/p/${file}`, text }, undefined, (id, e) => errors.push(`${id}: ${String(e)}`));
        const took = cpuNow() - started;
        // 300 ms plus 50 ms per KB: far above the engine's real cost, so only a stall fails.
        assert.ok(took < 300 + (text.length / 1024) * 50, `${file}: ${took.toFixed(0)} ms for ${text.length} chars`);
        assert.deepEqual(errors, []);
        for (const f of findings) {
          assert.ok(f.range[0] >= 0 && f.range[0] <= f.range[1] && f.range[1] <= text.length, `${f.ruleId}: range outside the text`);
        }
      }),
      { numRuns: 400, seed: 20261121 },
    );
  });

  it('never throws on long random text either', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.array(textArb, { minLength: 20, maxLength: 60 }), async (file, parts) => {
        const text = parts.join('\n');
        const started = cpuNow();
        await scanText({ path: `/p/${file}`, text });
        const took = cpuNow() - started;
        assert.ok(took < 1000 + (text.length / 1024) * 50, `${file}: ${took.toFixed(0)} ms for ${text.length} chars`);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});

/** Whether the format's own parser accepts the text (undefined: no parser to ask). */
function parses(format: Format, text: string): boolean | undefined {
  switch (format) {
    case 'json': {
      const errors: ParseError[] = [];
      parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
      return errors.length === 0;
    }
    case 'yaml':
      return parseAllDocuments(text).every((d) => d.errors.length === 0);
    case 'toml':
      try {
        parseTOML(text);
        return true;
      } catch {
        return false;
      }
    case 'javascript':
    case 'typescript': {
      const sf = ts.createSourceFile(format === 'typescript' ? 'x.ts' : 'x.js', text, ts.ScriptTarget.ES2022, true);
      return (sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
    }
    case 'hcl':
    case 'python':
    case 'go':
    case 'java':
    case 'ruby':
    case 'php':
    case 'csharp':
      return balanced(text);
    case 'dotenv':
    case 'properties':
      return text.split(/\r?\n/).every((l) => /^\s*$|^\s*[#!]|^\s*(?:export\s+)?[\w.\-[\]]+\s*[=:]/.test(l));
    default:
      return undefined;
  }
}

/** Brackets balance outside strings and comments (a syntax check that suits C-like and HCL code). */
function balanced(text: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      for (i++; i < text.length && text[i] !== q; i++) if (text[i] === '\\') i++;
      if (i >= text.length) return false;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) return false;
  }
  return stack.length === 0;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, e.range[0]) + e.newText + out.slice(e.range[1]);
  return out;
}

/** Inputs with fixes: every rule's ng cases, with generated values swapped in. */
const EXAMPLES = caseFiles(RULES, ['ng']);

describe('quick fixes', () => {
  it('leave every rule example parseable by its format parser', async () => {
    let checked = 0;
    const broken: string[] = [];
    for (const ex of EXAMPLES) {
      const format = detectFormat(ex.path, ex.text);
      if (parses(format, ex.text) !== true) continue;
      const findings: Finding[] = await scanText({ path: ex.path, text: ex.text });
      for (const f of findings) {
        for (const fix of f.fixes ?? []) {
          checked++;
          const fixed = apply(ex.text, fix.edits);
          if (!parses(format, fixed)) broken.push(`${ex.rule} (${ex.path}): fix ${fix.titleId} of ${f.ruleId} gives\n${fixed}`);
        }
      }
    }
    assert.ok(checked > 10, `only ${checked} fixes checked`);
    assert.deepEqual(broken, []);
  });

  it('leave generated files parseable, whatever the values, quoting and layout', { timeout: 600_000 }, async () => {
    const value = fc.oneof(
      fc.constant(['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_')),
      fc.constant(['AKIA', 'Q3ZT7W2XK9LMB4NP'].join('')),
      fc.constant(['sk', 'live', '51Hx8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E9'].join('_')),
      fc.stringMatching(/^[A-Za-z0-9!#%&*+\-.=?@^_~]{12,40}$/),
    );
    const key = fc.constantFrom('password', 'db_password', 'apiKey', 'secret_key', 'token', 'PASSWORD', 'client_secret');
    const indent = fc.constantFrom('', '  ', '    ', '\t');
    const file = fc
      .tuple(key, value, indent, fc.constantFrom('"', "'"))
      .chain(([k, v, ind, q]) =>
        fc.constantFrom(
          { path: 'config.yaml', text: `app:\n${ind || '  '}${k}: ${q}${v}${q}\n${ind || '  '}port: 8080\n` },
          { path: 'settings.json', text: `{\n${ind}"${k}": "${v}",\n${ind}"port": 8080\n}\n` },
          { path: 'config.toml', text: `[app]\n${k} = "${v}"\nport = 8080\n` },
          { path: 'app.js', text: `const config = {\n${ind}${k}: ${q}${v}${q},\n};\nmodule.exports = config;\n` },
          { path: 'app.ts', text: `export const ${k.replace(/\W/g, '_')} = ${q}${v}${q};\n` },
          { path: '.env', text: `${k.toUpperCase()}=${v}\nPORT=8080\n` },
          { path: 'application.properties', text: `spring.datasource.${k}=${v}\nserver.port=8080\n` },
          { path: 'main.tf', text: `resource "aws_db_instance" "db" {\n${ind}${k.replace(/\W/g, '_')} = "${v}"\n${ind}publicly_accessible = true\n}\n` },
          { path: 'app.py', text: `${k.toUpperCase()} = ${q}${v}${q}\n` },
        ),
      );
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const format = detectFormat(f.path, f.text);
        fc.pre(parses(format, f.text) === true);
        for (const finding of await scanText({ path: f.path, text: f.text })) {
          for (const fix of finding.fixes ?? []) {
            const fixed = apply(f.text, fix.edits);
            assert.ok(parses(format, fixed), `fix ${fix.titleId} of ${finding.ruleId} breaks ${f.path}:\n${fixed}`);
          }
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
