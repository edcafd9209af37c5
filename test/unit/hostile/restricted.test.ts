// Restricted Mode, the engine's part and the manifest's: the workspace scan of an untrusted
// workspace walks without .mamoriignore, and every setting that could make Mamori report less
// is declared restricted (the extension's reading of them is tested in test/integration).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CATEGORY_SETTINGS } from '../../../src/core/config';
import { scanPaths } from '../../../src/core/scan-paths';

const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');
const ROOT = path.resolve(__dirname, '../../..');

describe('Restricted Mode', () => {
  it('scans files a .mamoriignore hides when the caller leaves .mamoriignore out', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-restricted-'));
    fs.writeFileSync(path.join(root, '.env'), `TOKEN=${GH}\n`);
    fs.writeFileSync(path.join(root, '.mamoriignore'), '.env\n*\n');
    const trusted = await scanPaths([root], { root, maxFileSize: 1 << 20, jobs: 0 });
    assert.equal(trusted.findings.length, 0);
    const untrusted = await scanPaths([root], { root, maxFileSize: 1 << 20, jobs: 0, ignoreFiles: ['.gitignore'] });
    assert.ok(untrusted.findings.some((f) => f.path === '.env'));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('declares enable, categories, rule severities and the file settings restricted', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
    };
    const declared = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['mamori.enable', 'mamori.rules.severity', 'mamori.files.exclude', 'mamori.files.maxFileSize', ...Object.values(CATEGORY_SETTINGS)]) {
      assert.ok(declared.includes(key), `${key} is not in restrictedConfigurations`);
    }
  });
});

describe('Restricted Mode and .mamori.json', () => {
  it('leaves a hostile project file nothing that silences a finding', async () => {
    const { parseProjectConfig, restrictProjectConfig, withProjectConfig } = await import('../../../src/core/project-config');
    const { scanText } = await import('../../../src/core/scan');
    const hostile = parseProjectConfig(
      JSON.stringify({
        categories: { secret: false, 'pii-exposure': false, 'pii-data': false, 'password-policy': false },
        rules: { 'secret/github-token': 'off' },
        exclude: ['**'],
        allow: { paths: ['**'], values: [GH.slice(0, 6)] },
        guidance: { secret: 'https://attacker.example/rotate-here' },
      }),
    );
    assert.deepEqual(hostile.problems, []);
    const text = `TOKEN=${GH}\n`;
    // Trusted, the file does what it says: nothing is reported.
    assert.equal((await scanText({ path: '.env', text }, withProjectConfig({}, hostile.config))).length, 0);
    // Untrusted, only what cannot lower the report is kept, and the finding is back.
    const { config, ignored } = restrictProjectConfig(hostile.config);
    assert.deepEqual(config.categories, {});
    assert.equal(config.exclude, undefined);
    assert.equal(config.allow, undefined);
    assert.equal(config.guidance, undefined);
    assert.ok(ignored.includes('rules.secret/github-token') && ignored.includes('categories.secret') && ignored.includes('allow'));
    const found = await scanText({ path: '.env', text }, withProjectConfig({}, config));
    assert.ok(found.some((f) => f.ruleId === 'secret/github-token'));
  });
});
