// The exposure rules' fixes, over every case in test/rules/exposure: each fix must leave a file
// that still parses and no longer raises the finding it fixes. (What each case reports, at
// which severity, is in the rules' snapshots: see test/unit/rule-cases.test.ts.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import { parseAllDocuments } from 'yaml';
import { parseBicep } from '../../../../src/core/documents/bicep';
import { parseHcl } from '../../../../src/core/documents/hcl';
import { RULES } from '../../../../src/core/rules/index';
import { scanText } from '../../../../src/core/scan';
import type { Finding } from '../../../../src/core/types';
import { ruleCases } from '../../helpers/rule-cases';

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

describe('exposure fixes', () => {
  const files = RULES.filter((r) => r.category === 'pii-exposure')
    .flatMap((r) => ruleCases(r.id))
    .filter((c) => c.kind === 'ng')
    .flatMap((c) => c.files.map((rel) => ({ rel, file: join(c.dir, rel), name: `${c.ruleId}/${c.kind}/${c.name}/${rel}` })));

  for (const { rel, file, name } of files) {
    const text = readFileSync(file, 'utf8');
    it(`offers fixes that keep ${name} valid and resolve the finding`, async () => {
      const found = exposure(await scanText({ path: file, text }));
      for (const f of found) {
        for (const fix of f.fixes ?? []) {
          const after = apply(text, fix.edits);
          assertParses(rel, text, after);
          const again = exposure(await scanText({ path: file, text: after })).filter((g) => g.ruleId === f.ruleId);
          // The fixed finding is gone (or, for combined findings, no longer an error at that spot).
          assert.ok(
            !again.some((g) => g.range[0] === f.range[0] && g.messageId === f.messageId && g.severity === f.severity),
            `${f.ruleId} ${fix.titleId} did not resolve ${f.messageId} in ${name}:\n${after}`,
          );
        }
      }
    });
  }
});
