// The manifest and every user-facing string of the extension exist in English and Japanese,
// and the manifest keeps the promises the README makes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, unknown>;

function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('manifest', () => {
  const pkg = json('package.json') as {
    activationEvents: string[];
    contributes: {
      commands: { command: string }[];
      configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string; scope?: string }> }[];
      grammars: { path: string }[];
      walkthroughs: { steps: { media: { markdown: string } }[] }[];
    };
    capabilities: { untrustedWorkspaces: { supported: unknown } };
    main: string;
    bin: Record<string, string>;
    exports: Record<string, string>;
    engines: { vscode: string };
    categories: string[];
    icon: string;
  };

  it('has every %key% in package.nls.json and package.nls.ja.json', () => {
    const keys = [...new Set((read('package.json').match(/"%[^%"]+%"/g) ?? []).map((k) => k.slice(2, -2)))];
    assert.ok(keys.length > 10);
    for (const file of ['package.nls.json', 'package.nls.ja.json']) {
      const nls = json(file);
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].trim(), `${file} lacks ${k}`);
      assert.deepEqual(
        Object.keys(nls).filter((k) => !keys.includes(k)),
        [],
        `${file} has unused keys`,
      );
    }
  });

  it('has every vscode.l10n.t string of the extension in both bundles', () => {
    const en = json('l10n/bundle.l10n.json');
    const ja = json('l10n/bundle.l10n.ja.json');
    const used = new Set<string>();
    for (const f of files('src/extension')) for (const m of read(f).matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
    assert.ok(used.size > 5);
    for (const k of used) {
      assert.ok(k in en, `l10n/bundle.l10n.json lacks "${k}"`);
      assert.ok(k in ja, `l10n/bundle.l10n.ja.json lacks "${k}"`);
      assert.match(ja[k] as string, /[\u3040-\u30ff\u4e00-\u9fff]/, `not Japanese: ${k}`);
    }
  });

  it('activates narrowly and declares what the README promises', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.bin.mamori, './dist/cli.js');
    assert.equal(pkg.exports['./core'], './dist/core.js');
    assert.deepEqual(pkg.categories, ['Linters']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(pkg.contributes.commands.some((c) => c.command === 'mamori.scanWorkspace'));
    assert.ok(fs.existsSync(path.join(ROOT, pkg.icon)));
    // code-server 4.139 = VS Code 1.139 runs the tests: the engine range must not ask for more.
    const [, minor] = /\^1\.(\d+)\./.exec(pkg.engines.vscode) ?? [];
    assert.ok(Number(minor) <= 139);
  });

  it('documents every setting, with a default and a scope, named mamori.<area>.<name>', () => {
    for (const section of pkg.contributes.configuration) {
      for (const [key, prop] of Object.entries(section.properties)) {
        assert.match(key, /^mamori\.(enable|[a-zA-Z]+\.[a-zA-Z]+)$/, key);
        assert.ok('default' in prop, `${key} has no default`);
        assert.ok(prop.markdownDescription, `${key} has no description`);
        assert.ok(prop.scope, `${key} has no scope`);
      }
    }
  });

  it('ships the grammars and walkthrough media it names, as valid JSON', () => {
    for (const g of pkg.contributes.grammars) assert.doesNotThrow(() => json(g.path));
    for (const w of pkg.contributes.walkthroughs) for (const s of w.steps) assert.ok(fs.existsSync(path.join(ROOT, s.media.markdown)), s.media.markdown);
  });

  it('injection grammar matches the engine directive syntax', () => {
    const g = json('syntaxes/mamori-directive.injection.tmLanguage.json') as { repository: { directive: { match: string } } };
    const re = new RegExp(g.repository.directive.match);
    const m = re.exec('mamori-ignore-next-line secret/github-token until 2027-01-31 -- test fixture');
    assert.ok(m);
    assert.deepEqual([m[1], m[2], m[4], m[6]], ['mamori-ignore-next-line', 'secret/github-token', '2027-01-31', 'test fixture']);
  });
});
