// The third-party notices: every package any shipped bundle contains (read independently, from
// the bundles' source maps) is named in dist/THIRD-PARTY-NOTICES.txt with its licence text, and
// the file ships in the .vsix and the npm package. The generator refuses a package it cannot
// find a licence for.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { assertBuilt } from './helpers/built';

const ROOT = path.resolve(__dirname, '../..');
const NOTICES = path.join(ROOT, 'dist/THIRD-PARTY-NOTICES.txt');
/** The bundles that ship: the .vsix takes extension, engine and worker; npm takes cli (its entry and its bundle), core and worker. */
const SHIPPED = ['extension.js', 'engine.js', 'worker.js', 'cli.js', 'cli-main.js', 'core.js'];

interface Generator {
  bundledPackages: (root: string, outputs: Record<string, { inputs: Record<string, unknown> }>) => Map<string, { name: string; version: string }>;
  noticesText: (version: string, packages: Map<string, unknown>) => string;
}
const generator = () => import(pathToFileURL(path.join(ROOT, 'scripts/third-party-notices.mjs')).href) as Promise<Generator>;

/** `name@version` of every package a bundle's source map names, nested bundles' sources included. */
function packagesInMap(mapFile: string): Set<string> {
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[] };
  const out = new Set<string>();
  for (const source of map.sources) {
    const at = source.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = source.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    // pnpm's store path names the version; otherwise the installed package.json does. A package
    // that is not installed is a sibling inside another package's prebuilt bundle: its name only.
    const pnpm = /\.pnpm\/(?:@[^/+]+\+)?[^/@]+@([^/_]+)/.exec(source);
    const manifest = path.join(path.resolve(path.dirname(mapFile), source.slice(0, at)), 'node_modules', name, 'package.json');
    const version = pnpm ? pnpm[1] : fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
    out.add(version ? `${name}@${version}` : name);
  }
  return out;
}

describe('third-party notices', () => {
  before(() => {
    // dist/ is built once by test/run-unit.mjs before any test file starts.
    assertBuilt();
  });

  it('name every package the shipped bundles contain, each with its licence text', () => {
    const text = fs.readFileSync(NOTICES, 'utf8');
    const listed = new Set(text.match(/^(?:@[\w.-]+\/)?[\w.-]+@\d[^\s]*$/gm) ?? []);
    const bundled = new Set(SHIPPED.flatMap((b) => [...packagesInMap(path.join(ROOT, 'dist', `${b}.map`))]));
    assert.ok(bundled.size >= 10, `only ${bundled.size} packages found in the source maps`);
    const names = new Set([...listed].map((p) => p.slice(0, p.lastIndexOf('@'))));
    const missing = [...bundled].filter((p) => !listed.has(p) && !names.has(p));
    assert.deepEqual(missing, [], 'bundled but missing from THIRD-PARTY-NOTICES.txt');
    // Each entry carries a licence text (a file of the package), not only a licence name.
    for (const block of text.split(/^={78}\n(?=(?:@[\w.-]+\/)?[\w.-]+@\d\S*\nLicense: )/m).slice(1)) {
      const name = block.trim().split('\n')[0];
      assert.match(block, /^--- [^\n]+ ---\n[\s\S]{200,}/m, `${name} has no licence text`);
    }
    // Well-known ones, read from their own files.
    assert.match(text, /^node-forge@1\.3\.1$/m);
    assert.match(text, /^yaml@/m);
  });

  it('ship in the .vsix', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.split('\n').includes('dist/THIRD-PARTY-NOTICES.txt'), r.stdout);
  });

  describe('the generator', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-notices-'));
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    };
    // A package with a prebuilt bundle that embeds another package (as secretlint's preset does).
    write('node_modules/host/package.json', JSON.stringify({ name: 'host', version: '1.0.0', license: 'MIT' }));
    write('node_modules/host/LICENSE', `MIT License, host\n${'Permission is hereby granted. '.repeat(10)}`);
    write('node_modules/host/dist/index.js', 'module.exports = 1;\n//# sourceMappingURL=index.js.map\n');
    write(
      'node_modules/host/dist/index.js.map',
      JSON.stringify({ version: 3, sources: ['../src/index.ts', '../../node_modules/.pnpm/inner@2.1.0/node_modules/inner/lib/a.js'], mappings: '' }),
    );
    const outputs = { 'cli.js': { inputs: { 'node_modules/host/dist/index.js': {}, 'src/cli/main.ts': {} } } };

    it('refuses an embedded package that is not installed (its licence is unknown)', async () => {
      const { bundledPackages } = await generator();
      assert.throws(() => bundledPackages(tmp, outputs), /inner@2\.1\.0 is embedded in host/);
    });

    it('lists the host and the embedded package with their licence texts once it is installed', async () => {
      write('node_modules/inner/package.json', JSON.stringify({ name: 'inner', version: '2.1.0', license: 'ISC' }));
      write('node_modules/inner/LICENSE.md', 'ISC License, inner');
      const { bundledPackages, noticesText } = await generator();
      const text = noticesText('9.9.9', bundledPackages(tmp, outputs));
      assert.match(text, /^host@1\.0\.0$/m);
      assert.match(text, /^inner@2\.1\.0\nLicense: ISC\nIncluded in: cli\.js\nEmbedded in: host@1\.0\.0\n\n--- LICENSE\.md ---\nISC License, inner/m);
    });
  });
});
