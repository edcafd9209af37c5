// The README links to the generated rule index (docs/rules, see rule-docs.test.ts) instead of
// embedding it, and every rule id the README names is a rule the engine has.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/core/rules/index';

const ROOT = path.resolve(__dirname, '../..');
const README = path.join(ROOT, 'README.md');

describe('README', () => {
  it('links to the rule index, whose pages exist', () => {
    const text = fs.readFileSync(README, 'utf8');
    assert.ok(text.includes('(docs/rules/README.md)'), 'README does not link to docs/rules/README.md');
    assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules/README.md')));
  });

  it('names only rules that exist', () => {
    const text = fs.readFileSync(README, 'utf8');
    const ids = new Set(RULES.map((r) => r.id));
    const named = [...text.matchAll(/`((?:secret|pii-exposure|exposure|pii-data|password-policy)\/[a-z0-9-]+)`/g)].map((m) => m[1]);
    assert.deepEqual(
      named.filter((id) => !ids.has(id)),
      [],
    );
  });
});

describe('README for users', () => {
  it('opens with the two commands, stays short, and its pictures and links exist', () => {
    const text = fs.readFileSync(README, 'utf8');
    const firstBlock = /```sh\n([^`]*)```/.exec(text)?.[1] ?? '';
    assert.match(firstBlock, /^npm install && npm run demo/m);
    assert.match(firstBlock, /^npm test/m);
    assert.ok(Buffer.byteLength(text) < 12 * 1024, `README is ${Buffer.byteLength(text)} bytes`);
    for (const [, target] of text.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)) {
      assert.ok(fs.existsSync(path.join(ROOT, target)), `README links to ${target}, which does not exist`);
    }
  });
});
