// The schema of .mamori.json is generated from the rules; the checked-in copy that VS Code uses
// (contributes.jsonValidation) must match, so CI fails on drift.
// Refresh it with: npm run schema   (UPDATE_SCHEMA=1 node test/run-unit.mjs project-schema)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { projectSchema, projectSchemaText } from '../../../src/core/project-schema';
import { RULES } from '../../../src/core/rules/index';
import { CATEGORIES } from '../../../src/core/types';
import { PROFILE_IDS } from '../../../src/core/guidelines/profiles';
import { writeFileAtomic } from '../../../src/core/write-file';

const ROOT = path.resolve(__dirname, '../../..');
const FILE = path.join(ROOT, 'schemas/mamori.schema.json');

describe('.mamori.json schema', () => {
  it('is checked in exactly as the engine generates it', () => {
    const expected = projectSchemaText();
    const actual = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (actual !== expected && process.env.UPDATE_SCHEMA === '1') {
      writeFileAtomic(FILE, expected);
      return;
    }
    assert.equal(actual, expected, 'schemas/mamori.schema.json is stale: run npm run schema');
  });

  it('names every rule, category and profile of the engine', () => {
    const s = projectSchema() as { properties: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> };
    assert.deepEqual(Object.keys(s.properties.rules.properties ?? {}).sort(), RULES.map((r) => r.id).sort());
    assert.deepEqual(Object.keys(s.properties.categories.properties ?? {}), [...CATEGORIES]);
    assert.deepEqual(s.properties.profile.enum, [...PROFILE_IDS]);
    for (const key of [...CATEGORIES, ...RULES.map((r) => r.id)]) assert.ok(s.properties.guidance.properties?.[key], key);
  });

  it('is what package.json contributes for .mamori.json, which VS Code reads as JSONC', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: { fileMatch: string | string[]; url: string }[]; languages: { id: string; filenames?: string[] }[] };
    };
    const entry = pkg.contributes.jsonValidation.find((v) => [v.fileMatch].flat().includes('.mamori.json'));
    assert.ok(entry, 'no jsonValidation for .mamori.json');
    assert.equal(path.resolve(ROOT, entry.url), FILE);
    assert.ok(pkg.contributes.languages.some((l) => l.id === 'jsonc' && l.filenames?.includes('.mamori.json')));
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!schemas\/\*\*$/m, 'the schema must ship in the .vsix');
  });
});
