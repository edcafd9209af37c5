// The "read it from an environment variable" fix: valid output per language, none where there is no valid form.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import * as vm from 'node:vm';
import ts from 'typescript';
import { Document } from '../../../../src/core/documents/document';
import { envExampleEdit, envFix, envVarName, gitignoreEdit } from '../../../../src/core/rules/secret/analysis/env-fix';
import { otherFileText } from '../../../../src/core/fix-files';
import { scanText } from '../../../../src/core/scan';
import type { Fix } from '../../../../src/core/types';

const TOKEN = 'q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA';

/** Applies a fix's edits (from the end, so offsets stay valid). */
function apply(text: string, fix: Fix): string {
  return [...fix.edits].sort((a, b) => b.range[0] - a.range[0]).reduce((t, e) => t.slice(0, e.range[0]) + e.newText + t.slice(e.range[1]), text);
}

async function fixed(path: string, text: string): Promise<string | undefined> {
  const f = (await scanText({ path, text })).find((x) => x.category === 'secret' && x.fixes?.length);
  return f?.fixes ? apply(text, f.fixes[0]) : undefined;
}

function hasPython(): boolean {
  return spawnSync('python3', ['--version']).status === 0;
}

describe('secret/env-fix', () => {
  it('derives UPPER_SNAKE names from keys', () => {
    assert.equal(envVarName('clientSecret'), 'CLIENT_SECRET');
    assert.equal(envVarName('stripe.api_key'), 'STRIPE_API_KEY');
    assert.equal(envVarName('$asanaToken'), 'ASANA_TOKEN');
    assert.equal(envVarName('x', 'GITHUB_TOKEN'), 'GITHUB_TOKEN');
    // Digits stay with their word; runs of capitals stay one word.
    assert.equal(envVarName('s3Bucket'), 'S3_BUCKET');
    assert.equal(envVarName('apiKey2'), 'API_KEY2');
    assert.equal(envVarName('AWSSecretKey'), 'AWS_SECRET_KEY');
    assert.equal(envVarName('api_key_9f8e'), 'API_KEY_9F8E');
    assert.equal(envVarName('db-password'), 'DB_PASSWORD');
  });

  it('writes valid JavaScript', async () => {
    const out = await fixed('src/client.js', `const client = createClient({ apiKey: "${TOKEN}" });\n`);
    assert.equal(out, 'const client = createClient({ apiKey: process.env.API_KEY });\n');
    assert.doesNotThrow(() => new vm.Script(out));
  });

  it('writes valid TypeScript', async () => {
    const out = await fixed('src/client.ts', `export const apiKey: string | undefined = '${TOKEN}';\n`);
    assert.ok(out?.includes('process.env.API_KEY'));
    const r = ts.transpileModule(out ?? '', { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
    assert.deepEqual(
      r.diagnostics?.map((d) => d.messageText),
      [],
    );
  });

  it('writes valid Python and adds the import', async (t) => {
    const out = await fixed('src/app.py', `#!/usr/bin/env python3\nfrom __future__ import annotations\n\nAPI_TOKEN = r"${TOKEN}"\n`);
    assert.equal(out, `#!/usr/bin/env python3\nfrom __future__ import annotations\nimport os\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`);
    if (!hasPython()) return t.skip('python3 not installed');
    const r = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: out });
    assert.equal(r.status, 0, r.stderr.toString());
  });

  it('writes Java, Kotlin, C#, Go, Ruby and PHP references', async () => {
    assert.equal(await fixed('App.java', `String token = "${TOKEN}";\n`), 'String token = System.getenv("TOKEN");\n');
    assert.equal(await fixed('App.kt', `val token = "${TOKEN}"\n`), 'val token = System.getenv("TOKEN")\n');
    assert.equal(await fixed('App.cs', `var token = @"${TOKEN}";\n`), 'var token = System.Environment.GetEnvironmentVariable("TOKEN");\n');
    assert.equal(await fixed('main.go', `package main\n\nvar token = "${TOKEN}"\n`), 'package main\n\nimport "os"\n\nvar token = os.Getenv("TOKEN")\n');
    assert.equal(
      await fixed('main.go', `package main\n\nimport "os"\n\nvar token = "${TOKEN}"\n`),
      'package main\n\nimport "os"\n\nvar token = os.Getenv("TOKEN")\n',
    );
    assert.equal(await fixed('app.rb', `token = '${TOKEN}'\n`), 'token = ENV.fetch("TOKEN")\n');
    assert.equal(await fixed('app.php', `<?php\n$token = '${TOKEN}';\n`), "<?php\n$token = getenv('TOKEN');\n");
  });

  it('interpolates in docker-compose only', async () => {
    assert.equal(
      await fixed('docker-compose.yml', 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=Zx8kq2Lm\n'),
      'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n',
    );
    assert.equal(
      await fixed('compose.yaml', `services:\n  api:\n    environment:\n      API_TOKEN: "${TOKEN}"\n`),
      'services:\n  api:\n    environment:\n      API_TOKEN: "${API_TOKEN}"\n',
    );
    assert.equal(await fixed('k8s/deploy.yaml', `env:\n  API_TOKEN: "${TOKEN}"\n`), undefined);
  });

  it('offers nothing where no reference is valid', async () => {
    for (const [path, text] of [
      ['config.json', `{"api_token": "${TOKEN}"}`],
      ['.env', `API_TOKEN=${TOKEN}\n`],
      ['main.tf', `token = "${TOKEN}"\n`],
      ['app.ini', `token = ${TOKEN}\n`],
      ['src/Vue.vue', `<template><x token="${TOKEN}"/></template>\n`],
    ]) {
      assert.equal(await fixed(path, text), undefined, path);
    }
  });

  it('offers nothing where a constant is required', async () => {
    for (const [path, text] of [
      ['App.java', `@Token("${TOKEN}")\nclass A {}\n`],
      ['App.kt', `const val TOKEN = "${TOKEN}"\n`],
      ['App.cs', `const string Token = "${TOKEN}";\n`],
      ['main.go', `package main\n\nconst (\n\ttoken = "${TOKEN}"\n)\n`],
      ['app.php', `<?php\nclass A { private $token = '${TOKEN}'; }\n`],
      ['types.ts', `type Token = "${TOKEN}";\n`],
      ['app.py', `token = b"${TOKEN}"\n`],
    ]) {
      assert.equal(await fixed(path, text), undefined, path);
    }
  });

  it('marks the fix as needing review', () => {
    const doc = new Document('a.js', `const token = "${TOKEN}";\n`);
    const f = envFix(doc, { literalRange: [14, 48], valueRange: [15, 47], quote: '"' }, 'TOKEN');
    assert.equal(f?.safe, false);
    assert.equal(f?.titleId, 'fix.env');
  });

  it('adds a name to .env.example once', () => {
    assert.equal(envExampleEdit(undefined, 'API_TOKEN'), 'API_TOKEN=\n');
    assert.equal(envExampleEdit('DB_HOST=localhost', 'API_TOKEN'), 'DB_HOST=localhost\nAPI_TOKEN=\n');
    assert.equal(envExampleEdit('DB_HOST=localhost\r\n', 'API_TOKEN'), 'DB_HOST=localhost\r\nAPI_TOKEN=\r\n');
    const existing = 'API_TOKEN=\nDB_HOST=\n';
    assert.equal(envExampleEdit(existing, 'API_TOKEN'), existing);
    assert.equal(envExampleEdit('export API_TOKEN=""\n', 'API_TOKEN'), 'export API_TOKEN=""\n');
  });

  it('carries its .env.example and .gitignore changes as data, which otherFileText applies', async () => {
    const found = await scanText({ path: 'src/config.js', text: `module.exports = { token: '${TOKEN}' };\n` });
    const fix = found.flatMap((f) => f.fixes ?? []).find((f) => f.titleId === 'fix.env');
    assert.ok(fix?.others, JSON.stringify(found));
    const name = fix.data?.name ?? '';
    assert.deepEqual(fix.others, [
      { path: '.env.example', kind: 'env-example', entry: name },
      { path: '.gitignore', kind: 'gitignore', entry: '.env' },
    ]);
    const [example, ignore] = fix.others;
    assert.equal(otherFileText(example, undefined), `${name}=\n`);
    assert.equal(otherFileText(example, `${name}=\n`), `${name}=\n`);
    assert.equal(otherFileText(ignore, 'dist/\n'), 'dist/\n.env\n');
  });

  it('adds .env to .gitignore once', () => {
    assert.equal(gitignoreEdit(undefined), '.env\n');
    assert.equal(gitignoreEdit('node_modules/'), 'node_modules/\n.env\n');
    assert.equal(gitignoreEdit('node_modules/\n.env\n'), 'node_modules/\n.env\n');
    assert.equal(gitignoreEdit('/.env*\n'), '/.env*\n');
  });
});
