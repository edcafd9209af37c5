// secretlint's preset is skipped on documents that mention none of its trigger literals. The
// skip is only sound if every document on which the preset reports something passes the
// prefilter: checked here on every fixture and every rule example, with secretlint run raw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document } from '../../../../src/core/documents/document';
import { secretlintMayMatch } from '../../../../src/core/rules/secret/secretlint';
import { corpus, presetMessages } from '../../helpers/secretlint-corpus';

describe('secretlint prefilter', () => {
  it('lets through every document on which the preset reports something', async () => {
    let reported = 0;
    for (const [p, text] of corpus()) {
      const messages = await presetMessages(p, text);
      if (messages.length === 0) continue;
      reported++;
      assert.ok(
        secretlintMayMatch(new Document(p, text)),
        `secretlint reports ${messages.map((m) => m.ruleId).join(', ')} in ${p}, but the prefilter skips it`,
      );
    }
    // The check above means something only if the preset found plenty.
    assert.ok(reported >= 40, `only ${reported} documents with secretlint messages`);
  });

  it('skips documents that mention none of the triggers', () => {
    assert.equal(secretlintMayMatch(new Document('src/a.ts', 'export const add = (a: number, b: number) => a + b;\n')), false);
    assert.equal(secretlintMayMatch(new Document('README.md', 'See https://example.com/docs for details.\n')), false);
  });

  it('skips documents whose `://` and `sg.` are not in a credential shape', () => {
    // A license URL, a scheme-less `user:pass@`, `msg.` and a lower-case `sg.` start no preset match.
    const text = '# http://www.apache.org/licenses/LICENSE-2.0\nurl = "//scott:tiger@db"\nlog(msg.format(x)); sg.a1.b2\nMSG.aK8mP2xQ9vL3nR7tW5yZ1c.bD4f\n';
    assert.equal(secretlintMayMatch(new Document('src/log.py', text)), false);
  });
});
