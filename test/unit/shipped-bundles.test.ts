// The shipped bundles carry no secret rule's fabricated token: vsce refuses a package whose files
// look like they hold secrets, and the Marketplace may reject one. The rules' examples come from
// their cases in test/rules (the unit tests run them); the bundles are built exactly as `npm run package`
// builds them. On failure only rule ids are printed, never the token-shaped values.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ruleExamples } from '../../src/core/report/rule-examples';
import { RULES } from '../../src/core/rules/index';
import type { Rule, RuleExample } from '../../src/core/rules/rule';
import { scanText } from '../../src/core/scan';
import { caseFiles, ruleCases } from './helpers/rule-cases';

const ROOT = path.resolve(__dirname, '../..');
/** Every bundle `esbuild.mjs` ships: the .vsix takes extension, engine and worker; npm takes cli (its entry and its bundle) and core. */
const SHIPPED = ['extension.js', 'engine.js', 'worker.js', 'cli.js', 'cli-main.js', 'core.js'];

/**
 * The distinctive part of a reported value: its longest run of token characters. A bundle
 * escapes quotes, backslashes and line breaks in its own way, and a PEM block's longest run is a
 * line of its base64 body, never the BEGIN/END lines that the detection code names too.
 */
function needle(value: string): string {
  return (value.match(/[\w+/=.~-]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** What the rule reports in its bad examples, as needles (the example text itself is mostly key names). */
async function reportedNeedles(rule: Rule, examples: readonly RuleExample[]): Promise<string[]> {
  const out: string[] = [];
  for (const ex of examples) {
    for (const f of await scanText(ex)) {
      if (f.ruleId === rule.id) out.push(needle(ex.text.slice(f.range[0], f.range[1])));
    }
  }
  return out;
}

describe('shipped bundles', () => {
  let dir = '';
  const bundles = new Map<string, string>();

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-bundles-'));
    const r = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const name of SHIPPED) bundles.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hold none of the secret rules’ example values', async () => {
    const secretRules = RULES.filter((r) => r.category === 'secret');
    assert.ok(secretRules.length > 50, 'the secret rules are missing from the catalogue');
    const leaks = new Map<string, string[]>();
    const unchecked: string[] = [];
    for (const rule of secretRules) {
      // Its examples: its ng cases named example… (fixtures written as real projects hold weak
      // passwords, dictionary words the rules themselves list).
      const examples = ruleCases(rule.id).filter((c) => c.kind === 'ng' && c.name.startsWith('example'));
      const bad = examples.flatMap((c) => c.files.map((f) => ({ path: f, text: fs.readFileSync(path.join(c.dir, f), 'utf8') })));
      const needles = (await reportedNeedles(rule, bad)).filter((n) => n.length >= 8);
      if (needles.length === 0) unchecked.push(rule.id);
      for (const n of needles) {
        const inside = [...bundles].filter(([, text]) => text.includes(n)).map(([name]) => name);
        if (inside.length > 0) leaks.set(rule.id, inside);
      }
    }
    assert.deepEqual(unchecked, [], 'secret rules whose bad examples gave no value to look for');
    const listed = [...leaks].map(([id, names]) => `${id} (${names.join(', ')})`);
    assert.equal(leaks.size, 0, `${leaks.size} secret rules have example values in the bundles: ${listed.join('; ')}`);
  });

  it('keep the other rules’ examples for the rule pages', () => {
    // The needle of the first line of each non-secret rule's first bad example: config text the
    // rule pages show, so the rules' examples must still be in the engine that renders them.
    const engine = bundles.get('engine.js') ?? '';
    const others = RULES.filter((r) => r.category !== 'secret');
    const missing = others.filter((r) => {
      const n = needle(ruleExamples(r).bad[0]?.text.split('\n')[0] ?? '');
      return n.length > 0 && !engine.includes(n);
    });
    assert.ok(others.length > 10);
    assert.deepEqual(
      missing.map((r) => r.id),
      [],
    );
  });

  it('render every rule page and still find secrets without the examples', async () => {
    // The built engine, as the extension loads it: secret rules have empty example lists there.
    const engine = createRequire(__filename)(path.join(dir, 'engine.js')) as {
      ruleById(id: string): Rule | undefined;
      ruleMarkdown(id: string, lang: 'en' | 'ja'): string | undefined;
      scanText(file: RuleExample): Promise<{ ruleId: string }[]>;
    };
    for (const { id, category } of RULES) {
      const built = engine.ruleById(id);
      assert.ok(built, `${id} is not in the bundle`);
      // No rule carries examples in the bundle: they are its cases on disk.
      assert.equal('examples' in built, false, id);
      for (const lang of ['en', 'ja'] as const) {
        const page = engine.ruleMarkdown(id, lang) ?? '';
        assert.ok(page.includes(`\`${id}\``), `${id} (${lang}) has no page`);
        // A page's example sections end in a fenced block; secret rule pages have none.
        assert.equal(page.includes('````'), category !== 'secret', `${id} (${lang})`);
      }
    }
    // The rules themselves work from the bundle (a bad example from source, scanned by the build).
    const github = RULES.find((r) => r.id === 'secret/github-token');
    assert.ok(github);
    const bad = caseFiles([github], ['ng'])[0];
    assert.ok(bad, 'secret/github-token has no example or ng case');
    const findings = await engine.scanText(bad);
    assert.ok(findings.some((f) => f.ruleId === 'secret/github-token'));
  });
});
