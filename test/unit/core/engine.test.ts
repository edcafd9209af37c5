import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { detectFormat, formatFromName } from '../../../src/core/documents/detect';
import { LineIndex } from '../../../src/core/documents/lines';
import { maskSecret } from '../../../src/core/mask';
import { findingMessage } from '../../../src/core/messages';
import { scanText } from '../../../src/core/scan';
import type { ScanConfig } from '../../../src/core/types';

const ROOT = path.resolve(__dirname, '../../..');
const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');

describe('engine', () => {
  it('follows a configuration object changed between scans, and takes one that is not plain data', async () => {
    const text = `GITHUB_TOKEN=${GH}\n`;
    const config: ScanConfig = { categories: { secret: false } };
    assert.deepEqual(await scanText({ path: '.env', text }, config), []);
    // The same object, changed: the scan must read it again, not reuse what it made of it.
    (config.categories as Record<string, boolean>).secret = true;
    assert.ok((await scanText({ path: '.env', text }, config)).some((f) => f.ruleId === 'secret/github-token'));
    config.ruleSeverity = { 'secret/github-token': 'off' };
    assert.ok(!(await scanText({ path: '.env', text }, config)).some((f) => f.ruleId === 'secret/github-token'));
    // A cycle cannot be keyed by its JSON; it is resolved afresh instead of failing.
    const cyclic = { categories: { secret: true } } as ScanConfig & { self?: unknown };
    cyclic.self = cyclic;
    assert.ok((await scanText({ path: '.env', text }, cyclic)).some((f) => f.ruleId === 'secret/github-token'));
  });

  it('never imports vscode, and loads in plain Node as a library', () => {
    const offenders: string[] = [];
    const walkDir = (dir: string) => {
      for (const name of fs.readdirSync(dir)) {
        const p = path.join(dir, name);
        if (fs.statSync(p).isDirectory()) walkDir(p);
        else if (/\.ts$/.test(name) && /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walkDir(path.join(ROOT, 'src/core'));
    walkDir(path.join(ROOT, 'src/cli'));
    assert.deepEqual(offenders, []);
    // dist/ is built by test/run-unit.mjs before any test runs.
    const out = execFileSync(process.execPath, ['-e', 'const c=require("./dist/core.js"); console.log(typeof c.scanText, c.RULES.length > 0)'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(out.trim(), 'function true');
  });

  it('returns findings with offsets into the text, masked everywhere', async () => {
    const text = `// config\nmodule.exports = { token: '${GH}' };\n`;
    const findings = await scanText({ path: 'src/config.js', text });
    const f = findings.find((x) => x.ruleId === 'secret/github-token');
    assert.ok(f);
    assert.equal(text.slice(f.range[0], f.range[1]), GH);
    for (const lang of ['en', 'ja'] as const) assert.ok(!findingMessage(f, lang).includes(GH));
    assert.ok(!JSON.stringify(findings).includes(GH), 'a finding carries the secret in full');
  });

  it('keeps offsets right after a BOM', async () => {
    const text = `\uFEFFTOKEN=${GH}\n`;
    const [f] = await scanText({ path: '.env', text });
    assert.equal(text.slice(f.range[0], f.range[1]), GH);
  });

  it('turns categories off', async () => {
    const findings = await scanText({ path: '.env', text: `T=${GH}\n` }, { categories: { secret: false } });
    assert.deepEqual(findings, []);
  });

  it('applies per-rule severity overrides and "off"', async () => {
    const text = `T=${GH}\n`;
    const [w] = await scanText({ path: '.env', text }, { ruleSeverity: { 'secret/github-token': 'warning' } });
    assert.equal(w.severity, 'warning');
    assert.deepEqual(await scanText({ path: '.env', text }, { ruleSeverity: { 'secret/github-token': 'off' } }), []);
  });

  it('masks secrets showing at most four characters', () => {
    assert.equal(maskSecret(GH), 'ghp_************');
    assert.equal(maskSecret('short'), '*****');
    assert.ok(!maskSecret('abcdefgh').includes('cdefgh'));
  });

  it('detects formats by name and content', () => {
    assert.equal(detectFormat('x/docker-compose.yml', ''), 'yaml');
    assert.equal(detectFormat('main.tf', ''), 'hcl');
    assert.equal(detectFormat('.env.production', ''), 'dotenv');
    assert.equal(detectFormat('pg_hba.conf', ''), 'conf');
    assert.equal(detectFormat('Dockerfile', ''), 'dockerfile');
    assert.equal(detectFormat('noext', '{"a": 1}'), 'json');
    assert.equal(detectFormat('noext', '-----BEGIN OPENSSH PRIVATE KEY-----'), 'pem');
    assert.equal(detectFormat('noext', '#!/usr/bin/env python3\nprint(1)'), 'python');
    assert.equal(detectFormat('noext', 'apiVersion: v1\nkind: Service\n'), 'yaml');
  });

  it("reads a format only from the tables' own entries, not from Object.prototype", () => {
    // Names like these once came back as the Object function or Object.prototype.
    for (const name of ['constructor', '__proto__', 'x.constructor', 'x.__proto__', 'x.hasownproperty', 'x.tostring']) {
      assert.equal(formatFromName(name), undefined, name);
      assert.equal(detectFormat(name, 'a: 1\nb: 2\n'), 'yaml', name);
    }
    assert.equal(formatFromName('a/B.YML'), 'yaml');
    assert.equal(formatFromName('noext'), undefined);
  });

  it('maps offsets to lines across \\n, \\r\\n and \\r', () => {
    const idx = new LineIndex('a\r\nbb\ncc\rd');
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(9), { line: 3, character: 0 });
    assert.equal(idx.lineText(1), 'bb');
    assert.equal(idx.lineCount, 4);
  });
});
