import type { Document } from '../../documents/document';
import { mentionsAny, registerLiterals } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import { secretExamples, setExamples, type RawFinding, type Rule } from '../rule';
import { KEY_GUIDELINES, SECRET_DESCRIPTION } from './common';
import { isReference, placeholderReason } from './value';

/**
 * Kubernetes `Secret` manifests with values in `data` (base64) or `stringData` (plain). Base64
 * is an encoding, not encryption: anyone with the repository can read them. Read line by line,
 * so Helm templates and tab-indented files, which a YAML parser rejects, are still covered.
 * Empty values, templates (`{{ … }}`) and placeholders (also once decoded) are skipped.
 */

interface Hit {
  range: Range;
  key: string;
}

interface Scan {
  hits: Hit[];
  /** The `data`/`stringData` blocks read, which this rule alone judges (values there are base64). */
  blocks: Range[];
}

function decoded(v: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) return undefined;
  try {
    const out = atob(v);
    return /^[\x20-\x7e\t\r\n]*$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
}

function scanDocument(text: string, offset: number, out: Hit[], blocks: Range[]): void {
  if (!/^kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?$/m.test(text)) return;
  const lines = text.split('\n');
  let at = offset;
  let block: { indent: number; encoded: boolean } | undefined;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = at;
    at += raw.length + 1;
    if (line.length > 8000) continue;
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const head = /^([ \t]*)(data|stringData):[ \t]*(?:#.*)?$/.exec(line);
    if (head) {
      block = { indent: indentOf(line), encoded: head[2] === 'data' };
      blocks.push([start, start]);
      continue;
    }
    if (!block) continue;
    if (indentOf(line) <= block.indent) {
      block = undefined;
      continue;
    }
    blocks[blocks.length - 1] = [blocks[blocks.length - 1][0], start + line.length];
    const kv = /^[ \t]*(["']?)([\w.-]{1,253})\1:[ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    const hash = kv[3].search(/[ \t]#/);
    let value = (hash >= 0 ? kv[3].slice(0, hash) : kv[3]).trim();
    if (/^[|>]/.test(value)) continue;
    const quoted = /^(["']).*\1$/.test(value);
    if (quoted) value = value.slice(1, -1);
    if (!value || placeholderReason(value) || isReference(value)) continue;
    const plain = block.encoded ? decoded(value) : value;
    if (block.encoded && plain !== undefined && (plain.trim() === '' || placeholderReason(plain))) continue;
    const col = line.indexOf(value, kv[1].length + kv[2].length + 1);
    out.push({ range: [start + col, start + col + value.length], key: kv[2] });
  }
}

registerLiterals(['kind']);

function scan(doc: Document): Scan {
  return doc.memo('secret:k8s-secret', () => {
    const result: Scan = { hits: [], blocks: [] };
    if (doc.format !== 'yaml' && doc.format !== 'text') return result;
    if (!mentionsAny(doc, ['kind']) || !/kind:[ \t]*["']?Secret\b/.test(doc.text)) return result;
    const re = /^---.*$/gm;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text)) !== null) {
      scanDocument(doc.text.slice(last, m.index), last, result.hits, result.blocks);
      last = m.index + m[0].length;
    }
    scanDocument(doc.text.slice(last), last, result.hits, result.blocks);
    return result;
  });
}

/** Offsets of Secret `data`/`stringData` blocks, so that other rules leave their values to this one. */
export function kubernetesSecretBlocks(doc: Document): readonly Range[] {
  return scan(doc).blocks;
}

/** A Kubernetes Secret manifest with its values committed. */
export const kubernetesSecret: Rule = {
  id: 'secret/kubernetes-secret',
  category: 'secret',
  severity: 'error',
  guidelines: KEY_GUIDELINES,
  title: { en: 'Kubernetes Secret with committed values', ja: '値がコミットされた Kubernetes Secret' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'Kubernetes Secret value {key} is committed ({masked}); base64 is not encryption. Use Sealed Secrets, External Secrets or SOPS, and rotate the value.',
      ja: 'Kubernetes Secret の値 {key} がコミットされています（{masked}）。base64 は暗号化ではありません。Sealed Secrets・External Secrets・SOPS などを使い、値をローテーションしてください。',
    },
  },
  appliesTo: () => true,
  check(doc: Document): RawFinding[] {
    return scan(doc).hits.map((h) => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      return { range: h.range, messageId: 'found', data: { key: h.key, masked }, excerpt: `${h.key}: ${masked}` };
    });
  },
  examples: secretExamples(),
};

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples([kubernetesSecret], {
  'secret/kubernetes-secret': {
    bad: [
      { path: 'k8s/secret.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  username: YXBwdXNlcg==\n  password: Vm44cTJMa3A5WnQ=\n' },
      { path: 'k8s/secret.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  token: "q8Zt2LmX9vKp4RwN"\n' },
    ],
    good: [
      { path: 'k8s/secret.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: registry\ndata:\n  htpasswd: ""\n' },
      { path: 'chart/templates/secret.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  token: {{ .Values.token | b64enc }}\n' },
      { path: 'k8s/sealed.yaml', text: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    password: AgBy3i4OJSWK+PiTySYZZA==\n' },
    ],
  },
});
