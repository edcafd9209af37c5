// Scans our own exposure fixtures: every positive case must raise its rules at the expected
// severity (combinations included), every negative case must stay quiet, and every fix must
// leave a file that still parses and no longer raises that finding.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import { parseAllDocuments } from 'yaml';
import { parseBicep } from '../../../../src/core/documents/bicep';
import { parseHcl } from '../../../../src/core/documents/hcl';
import { scanText } from '../../../../src/core/scan';
import type { Finding } from '../../../../src/core/types';

const ROOT = join(__dirname, '../../../fixtures/exposure');
const expected = JSON.parse(readFileSync(join(ROOT, 'expect.json'), 'utf8')) as Record<string, Record<string, string>>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const exposure = (fs: Finding[]) => fs.filter((f) => f.category === 'pii-exposure');

function apply(text: string, edits: { range: readonly [number, number]; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, e.range[0]) + e.newText + out.slice(e.range[1]);
  return out;
}

/** Throws when the text no longer parses in its own syntax. */
function assertParses(path: string, before: string, after: string): void {
  if (/\.ya?ml$/.test(path)) {
    for (const d of parseAllDocuments(after))
      assert.deepEqual(
        d.errors.map((e) => e.message),
        [],
        `YAML broken in ${path}`,
      );
  } else if (/\.json$/.test(path)) {
    const errors: ParseError[] = [];
    parseTree(after, errors);
    assert.deepEqual(errors, [], `JSON broken in ${path}`);
  } else if (/\.tf$/.test(path)) {
    assert.equal(parseHcl(after).entries.length, parseHcl(before).entries.length, `HCL structure changed in ${path}`);
  } else if (/\.bicep$/.test(path)) {
    assert.equal(parseBicep(after).entries.length, parseBicep(before).entries.length, `Bicep structure changed in ${path}`);
  } else if (/\.toml$/.test(path)) {
    assert.doesNotThrow(() => parseTOML(after), `TOML broken in ${path}`);
  }
}

describe('exposure fixtures', () => {
  const all = files(ROOT).filter((p) => !p.endsWith('expect.json'));

  it('lists every positive fixture in expect.json', () => {
    const positives = all.map((p) => relative(ROOT, p).replace(/\\/g, '/')).filter((p) => p.startsWith('positive/'));
    assert.deepEqual(positives.sort(), Object.keys(expected).sort());
  });

  for (const file of all) {
    const rel = relative(ROOT, file).replace(/\\/g, '/');
    const text = readFileSync(file, 'utf8');
    if (rel.startsWith('negative/')) {
      it(`is quiet on ${rel}`, async () => {
        const found = exposure(await scanText({ path: rel, text }));
        assert.deepEqual(
          found.map((f) => `${f.ruleId} ${f.severity} @${f.range[0]}`),
          [],
        );
      });
      continue;
    }
    if (!rel.startsWith('positive/')) continue;
    it(`reports ${rel}`, async () => {
      const found = exposure(await scanText({ path: rel, text }));
      for (const [rule, severity] of Object.entries(expected[rel] ?? {})) {
        const mine = found.filter((f) => f.ruleId === rule);
        assert.ok(mine.length > 0, `${rule} missing; got ${found.map((f) => f.ruleId).join(', ') || 'none'}`);
        assert.ok(
          mine.some((f) => f.severity === severity),
          `${rule}: expected ${severity}, got ${mine.map((f) => f.severity).join(', ')}`,
        );
      }
      for (const f of found) {
        assert.ok(f.guidelines.length > 0);
        assert.ok(f.range[0] >= 0 && f.range[1] <= text.length && f.range[0] <= f.range[1]);
      }
    });
    it(`offers fixes that keep ${rel} valid and resolve the finding`, async () => {
      const found = exposure(await scanText({ path: rel, text }));
      for (const f of found) {
        for (const fix of f.fixes ?? []) {
          const after = apply(text, fix.edits);
          assertParses(rel, text, after);
          const again = exposure(await scanText({ path: rel, text: after })).filter((g) => g.ruleId === f.ruleId);
          // The fixed finding is gone (or, for combined findings, no longer an error at that spot).
          assert.ok(
            !again.some((g) => g.range[0] === f.range[0] && g.messageId === f.messageId && g.severity === f.severity),
            `${f.ruleId} ${fix.titleId} did not resolve ${f.messageId} in ${rel}:\n${after}`,
          );
        }
      }
    });
  }
});
