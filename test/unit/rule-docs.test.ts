// Every rule has a page in docs/rules, generated from the rule itself (what, why, guidelines,
// examples, fixes, suppression), in English and Japanese, with an index. CI fails on drift.
// Refresh them with: UPDATE_DOCS=1 node test/run-unit.mjs rule-docs
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleMarkdown, rulePagePath, rulesMarkdown } from '../../src/core/report/rules-table';
import { maskRanges, redact } from '../../src/core/mask';
import { RULES } from '../../src/core/rules/index';
import type { RuleExample, RuleExamples } from '../../src/core/rules/rule';
import { scanText } from '../../src/core/scan';
import { ruleCases } from './helpers/rule-cases';

const DOCS = path.resolve(__dirname, '../../docs/rules');
const NOTE = '<!-- generated from the rule definitions by test/unit/rule-docs.test.ts; do not edit -->';

/** A secret rule's examples on its page: the files of its first ng and first ok case (test/rules/secret). */
function secretExamplesOf(id: string): RuleExamples {
  return { bad: ruleCases(id, 'ng')[0]?.files ?? [], good: ruleCases(id, 'ok')[0]?.files ?? [] };
}

/**
 * A secret rule's example as its page shows it: every span any rule reports as a secret masked,
 * then the usual masking step over each line (what a scanner might still take for a token).
 */
async function maskExamples(examples: Map<string, RuleExamples>): Promise<Map<RuleExample, string>> {
  const out = new Map<RuleExample, string>();
  for (const { bad, good } of examples.values()) {
    for (const ex of [...bad, ...good]) {
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
  const examples = new Map(RULES.filter((r) => r.category === 'secret').map((r) => [r.id, secretExamplesOf(r.id)]));
  const masked = await maskExamples(examples);
  const pages = new Map<string, string>();
  for (const lang of ['en', 'ja'] as const) {
    const title = lang === 'ja' ? '# Mamori のルール' : '# Mamori rules';
    const other = lang === 'ja' ? '[English](README.md)' : '[日本語](README.ja.md)';
    pages.set(lang === 'ja' ? 'README.ja.md' : 'README.md', `${NOTE}\n${title}\n\n${other}\n\n${rulesMarkdown(lang, true)}`);
    for (const r of RULES) {
      const page = ruleMarkdown(r.id, lang, (ex) => masked.get(ex) ?? '', examples.get(r.id));
      pages.set(rulePagePath(r.id, lang), `${NOTE}\n${page ?? ''}`);
    }
  }
  return pages;
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
