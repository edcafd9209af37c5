// Every rule has a page in docs/rules, generated from the rule itself (what, why, guidelines,
// fixes, suppression) and its first cases in test/rules (the examples), in English and
// Japanese, with an index. The same examples go to src/core/report/rule-examples.generated.ts,
// which the SARIF help and the editor's rule page read. CI fails on drift.
// Refresh them with: UPDATE_DOCS=1 node test/run-unit.mjs rule-docs
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleMarkdown, rulePagePath, rulesMarkdown } from '../../src/core/report/rules-table';
import { maskRanges, redact } from '../../src/core/mask';
import { RULES } from '../../src/core/rules/index';
import type { Rule, RuleExample, RuleExamples } from '../../src/core/rules/rule';
import { scanText } from '../../src/core/scan';
import { caseExample, ruleCases } from './helpers/rule-cases';

const DOCS = path.resolve(__dirname, '../../docs/rules');
const NOTE = '<!-- generated from the rule definitions by test/unit/rule-docs.test.ts; do not edit -->';
const GENERATED = path.resolve(__dirname, '../../src/core/report/rule-examples.generated.ts');
/** Examples a page shows of each kind. */
const SHOWN = 2;

/**
 * A rule's examples: its cases named `example…` (up to two of each kind), else its first case
 * of that kind; single-file cases only.
 */
function examplesOf(rule: Rule): RuleExamples {
  const cases = ruleCases(rule.id);
  const pick = (kind: 'ng' | 'ok') => {
    const single = cases
      .filter((c) => c.kind === kind)
      .flatMap((c) => {
        const ex = caseExample(c);
        return ex ? [{ name: c.name, ex }] : [];
      });
    const named = single.filter((c) => c.name.startsWith('example'));
    return (named.length > 0 ? named.slice(0, SHOWN) : single.slice(0, 1)).map((c) => c.ex);
  };
  return { bad: pick('ng'), good: pick('ok') };
}

const EXAMPLES = new Map(RULES.map((r) => [r.id, examplesOf(r)]));

/** rule-examples.generated.ts: the examples of every rule but the secret ones, whose examples are never shipped. */
function generatedExamples(): string {
  const data: Record<string, RuleExamples> = {};
  for (const r of RULES) if (r.category !== 'secret') data[r.id] = EXAMPLES.get(r.id) ?? { bad: [], good: [] };
  return [
    '// Generated from the first cases of each rule in test/rules by test/unit/rule-docs.test.ts; do not edit.',
    '// Refresh with: UPDATE_DOCS=1 node test/run-unit.mjs rule-docs',
    "import type { RuleExamples } from '../rules/rule';",
    '',
    "/** Each non-secret rule's examples, by rule id (secret rules' examples are token-shaped and never shipped). */",
    `export const CASE_EXAMPLES: Readonly<Record<string, RuleExamples>> = ${JSON.stringify(data, null, 2)};`,
    '',
  ].join('\n');
}

/**
 * A secret rule's example as its page shows it: every span any rule reports as a secret masked,
 * then the usual masking step over each line (what a scanner might still take for a token).
 */
async function maskExamples(): Promise<Map<RuleExample, string>> {
  const out = new Map<RuleExample, string>();
  for (const r of RULES.filter((x) => x.category === 'secret')) {
    const examples = EXAMPLES.get(r.id) ?? { bad: [], good: [] };
    for (const ex of [...examples.bad, ...examples.good]) {
      const found = (await scanText(ex)).filter((f) => f.category === 'secret');
      out.set(
        ex,
        maskRanges(
          ex.text,
          found.map((f) => f.range),
        )
          .split('\n')
          .map(redact)
          .join('\n'),
      );
    }
  }
  return out;
}

/** Every page as it should be, by its path under docs/rules. */
async function expected(): Promise<Map<string, string>> {
  const masked = await maskExamples();
  const pages = new Map<string, string>();
  for (const lang of ['en', 'ja'] as const) {
    const title = lang === 'ja' ? '# Mamori のルール' : '# Mamori rules';
    const other = lang === 'ja' ? '[English](README.md)' : '[日本語](README.ja.md)';
    pages.set(lang === 'ja' ? 'README.ja.md' : 'README.md', `${NOTE}\n${title}\n\n${other}\n\n${rulesMarkdown(lang, true)}`);
    for (const r of RULES) pages.set(rulePagePath(r.id, lang), `${NOTE}\n${ruleMarkdown(r.id, lang, (ex) => masked.get(ex) ?? '', EXAMPLES.get(r.id)) ?? ''}`);
  }
  return pages;
}

/** The generated module as Prettier writes it, so the format check passes. */
async function formatted(text: string): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(GENERATED)) ?? {};
  return prettier.format(text, { ...options, filepath: GENERATED });
}

function onDisk(dir: string, base = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? onDisk(path.join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]));
}

describe('rule pages in docs/rules', () => {
  it('match the rules, one page per rule and language, and nothing else', async () => {
    const want = await expected();
    if (process.env.UPDATE_DOCS === '1') {
      fs.rmSync(DOCS, { recursive: true, force: true });
      for (const [rel, text] of want) {
        fs.mkdirSync(path.dirname(path.join(DOCS, rel)), { recursive: true });
        fs.writeFileSync(path.join(DOCS, rel), text);
      }
    }
    const have = onDisk(DOCS).sort();
    assert.deepEqual(have, [...want.keys()].sort(), 'pages missing or left over: run UPDATE_DOCS=1 node test/run-unit.mjs rule-docs');
    for (const [rel, text] of want)
      assert.equal(fs.readFileSync(path.join(DOCS, rel), 'utf8'), text, `docs/rules/${rel} is stale: run UPDATE_DOCS=1 node test/run-unit.mjs rule-docs`);
  });

  it('give the reports the same examples (src/core/report/rule-examples.generated.ts)', async () => {
    const want = await formatted(generatedExamples());
    if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(GENERATED, want);
    assert.equal(fs.readFileSync(GENERATED, 'utf8'), want, 'rule-examples.generated.ts is stale: run UPDATE_DOCS=1 node test/run-unit.mjs rule-docs');
  });

  it("show secret rules' examples masked: Mamori finds no secret in its own pages", async () => {
    const secretPages = RULES.filter((r) => r.category === 'secret').flatMap((r) => [rulePagePath(r.id, 'en'), rulePagePath(r.id, 'ja')]);
    const found: string[] = [];
    for (const rel of secretPages) {
      const text = fs.readFileSync(path.join(DOCS, rel), 'utf8');
      for (const f of await scanText({ path: rel, text })) if (f.category === 'secret') found.push(`${rel}: ${f.ruleId}`);
    }
    assert.deepEqual(found, []);
    // And they do show examples (masked), unlike the editor's pages built from the bundle.
    assert.ok(fs.readFileSync(path.join(DOCS, rulePagePath('secret/github-token', 'en')), 'utf8').includes('````'));
  });
});
