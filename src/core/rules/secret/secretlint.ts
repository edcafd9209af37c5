import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { creator as recommendPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreResultMessage } from '@secretlint/types';
import type { Document } from '../../documents/document';
import { maskSecret } from '../../mask';
import type { Localized } from '../../guidelines/catalog';
import type { RawFinding, Rule, RuleExample } from '../rule';
import { SECRET_GUIDELINES, SECRET_DESCRIPTION } from './common';

// secretlint's profiler puts a performance mark per rule per file into a buffer that lives as
// long as the process, and scans that buffer on every mark: time grows with the square of the
// files scanned (half of a 38 MB scan) and memory without bound in the extension host. Mamori
// never reads the profile, so marking is switched off.
secretLintProfiler.mark = () => undefined;

/** The recommended preset, as secretlint ships it. */
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommendPreset }] };

/**
 * Runs secretlint's recommended preset once per document; every secretlint-backed rule reads
 * its own messages from this shared result. secretlint's `secretlint-disable` comments are
 * honoured by its filter-comments rule, which the preset includes.
 */
function secretlintMessages(doc: Document): Promise<SecretLintCoreResultMessage[]> {
  return doc.memo('secretlint', async () => {
    const result = await lintSource({
      source: { content: doc.text, filePath: doc.path, ext: extensionOf(doc.path), contentType: 'text' },
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
    return result.messages;
  });
}

function extensionOf(path: string): string {
  const m = /(\.[^./\\]+)$/.exec(path);
  return m ? m[1] : '';
}

/** Builds a Mamori rule backed by one secretlint rule of the recommended preset. */
export function secretlintRule(spec: {
  id: string;
  secretlintId: string;
  provider: Localized;
  bad: RuleExample[];
  good: RuleExample[];
}): Rule {
  return {
    id: spec.id,
    category: 'secret',
    severity: 'error',
    guidelines: SECRET_GUIDELINES,
    title: { en: `${spec.provider.en} credential`, ja: `${spec.provider.ja} の認証情報` },
    description: SECRET_DESCRIPTION,
    messages: {
      found: {
        en: `Hardcoded ${spec.provider.en} credential ({masked}). Move it to a secret store or environment variable and rotate it.`,
        ja: `${spec.provider.ja} の認証情報がハードコードされています（{masked}）。シークレットストアまたは環境変数に移し、失効・再発行してください。`,
      },
    },
    appliesTo: () => true,
    async check(doc: Document): Promise<RawFinding[]> {
      const messages = await secretlintMessages(doc);
      const out: RawFinding[] = [];
      for (const m of messages) {
        if (m.ruleId !== spec.secretlintId) continue;
        const [start, end] = m.range;
        const masked = maskSecret(doc.text.slice(start, end));
        out.push({ range: [start, end], messageId: 'found', data: { masked, kind: m.messageId }, excerpt: masked });
      }
      return out;
    },
    examples: { bad: spec.bad, good: spec.good },
  };
}
