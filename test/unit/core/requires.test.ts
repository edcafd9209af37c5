// Rule.requires: the words without which a rule reports nothing, so the engine skips its check on
// a file that has none of them (core/scan.ts). A wrong word is a missed finding; these tests hold
// each declaration to the rule's own check: on its bad examples with the words taken out, and on
// every text of the test fixtures and rule cases the engine would skip it on, the check itself
// (run without the gate) reports nothing, exactly what the gate gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../../../src/core/config';
import { Document } from '../../../src/core/documents/document';
import { foldString, mentionsAny } from '../../../src/core/literals';
import { RULES } from '../../../src/core/rules/index';
import type { RawFinding, Rule, RuleContext } from '../../../src/core/rules/rule';
import { scanText } from '../../../src/core/scan';
import { ruleCases } from '../helpers/rule-cases';
import { corpus } from '../helpers/secretlint-corpus';

const GATED = RULES.filter((r) => r.requires !== undefined);
const CTX: RuleContext = { config: resolveConfig(undefined) };

/** Whether the engine would run the rule on the document, its required words aside. */
function reads(rule: Rule, doc: Document): boolean {
  if (rule.formats && !rule.formats.includes(doc.format)) return false;
  if (rule.files && !rule.files.test(doc.name)) return false;
  return !rule.appliesTo || rule.appliesTo(doc);
}

/** The rule's own findings on the document, with no gate in front of its check. */
async function ungated(rule: Rule, doc: Document): Promise<readonly RawFinding[]> {
  return await rule.check(doc, CTX);
}

function describeFindings(found: readonly RawFinding[]): string {
  return found.map((f) => `${f.messageId}@${f.range.join('-')}`).join(', ');
}

/** Every occurrence of the words (in any ASCII case) overwritten with `_`, until none is left. */
function withoutWords(text: string, words: readonly string[]): string {
  let out = text;
  for (let round = 0; round < 8; round++) {
    const folded = foldString(out);
    let changed = false;
    for (const w of words.map(foldString)) {
      for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + 1)) {
        out = out.slice(0, at) + '_'.repeat(w.length) + out.slice(at + w.length);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}

/** A case's files as the rule harness scans them: path relative to the case folder, and text. */
function caseFiles(dir: string, files: string[]): Array<[string, string]> {
  return files.flatMap((f): Array<[string, string]> => {
    const buf = fs.readFileSync(path.join(dir, f));
    return buf.includes(0) ? [] : [[f, buf.toString('utf8')]];
  });
}

describe('Rule.requires', () => {
  it('is declared by most rules, as non-empty words', () => {
    // The count guards against the declarations silently disappearing (the speed depends on them).
    assert.ok(GATED.length >= 90, `only ${GATED.length} rules declare requires`);
    for (const r of GATED) {
      assert.ok((r.requires ?? []).length > 0, `${r.id}: requires is empty (then the rule would never run)`);
      for (const w of r.requires ?? []) assert.ok(w.length > 0, `${r.id}: an empty word`);
    }
  });

  it('holds one of its words in each bad example of every gated rule', async () => {
    for (const rule of GATED) {
      const bad = ruleCases(rule.id).filter((c) => c.kind === 'ng');
      for (const c of bad) {
        const files = caseFiles(c.dir, c.files);
        const docs = files.map(([p, text]) => new Document(p, text));
        assert.ok(
          docs.some((d) => mentionsAny(d, rule.requires ?? [])),
          `${rule.id}: bad example ${c.name} holds none of the required words ${JSON.stringify(rule.requires)}`,
        );
        // A file the gate skips must be one the check reports nothing in.
        for (const d of docs) {
          if (mentionsAny(d, rule.requires ?? []) || !reads(rule, d)) continue;
          const found = await ungated(rule, d);
          assert.equal(found.length, 0, `${rule.id}: ${c.name}/${d.path} has none of the words, yet the check reports ${describeFindings(found)}`);
        }
      }
    }
  });

  it('finds nothing in any bad example once the required words are taken out of it', async () => {
    let checked = 0;
    for (const rule of GATED) {
      for (const c of ruleCases(rule.id).filter((k) => k.kind === 'ng')) {
        for (const [p, text] of caseFiles(c.dir, c.files)) {
          const doc = new Document(p, withoutWords(text, rule.requires ?? []));
          assert.equal(mentionsAny(doc, rule.requires ?? []), false, `${rule.id}: ${c.name}/${p} still holds a word`);
          if (!reads(rule, doc)) continue;
          checked++;
          const found = await ungated(rule, doc);
          assert.equal(found.length, 0, `${rule.id}: ${c.name}/${p} without ${JSON.stringify(rule.requires)} still gives ${describeFindings(found)}`);
        }
      }
    }
    assert.ok(checked >= 200, `only ${checked} bad examples were checked`);
  });

  it('changes no finding on the fixture and rule-case texts: every check it skips reports nothing', async () => {
    let skipped = 0;
    for (const [p, text] of corpus()) {
      // One document per text, shared by the rules as in the engine (their memos too).
      const doc = new Document(p, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      for (const rule of GATED) {
        if (!reads(rule, doc) || mentionsAny(doc, rule.requires ?? [])) continue;
        skipped++;
        const found = await ungated(rule, doc);
        assert.equal(found.length, 0, `${rule.id}: the gate skips ${p}, where the check reports ${describeFindings(found)}`);
      }
    }
    assert.ok(skipped >= 10_000, `only ${skipped} skipped checks were compared`);
  });

  it('skips the check in the engine when none of the words occurs, and runs it when one does', async () => {
    const rule = RULES.find((r) => r.id === 'secret/slack-webhook') as Rule;
    assert.ok(rule.requires?.includes('hooks.slack.com/'));
    const check = rule.check.bind(rule);
    let calls = 0;
    (rule as { check: Rule['check'] }).check = (doc, ctx) => {
      calls++;
      return check(doc, ctx);
    };
    try {
      await scanText({ path: 'notes.txt', text: 'post to the team channel\n' });
      assert.equal(calls, 0);
      // Any ASCII case of the word opens the rule.
      await scanText({ path: 'notes.txt', text: 'see HOOKS.SLACK.COM/services for the webhook\n' });
      assert.equal(calls, 1);
    } finally {
      (rule as { check: Rule['check'] }).check = check;
    }
  });
});
