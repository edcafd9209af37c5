import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { KEY_GUIDELINES, SECRET_DESCRIPTION } from './common';
import { classifyKey } from './analysis/keys';
import { literalCredential } from './analysis/structured-value';
import { isReference, placeholderReason, words } from './analysis/value';

/**
 * Kubernetes `Secret` manifests with values in `data` (base64) or `stringData` (plain). Base64
 * is an encoding, not encryption: anyone with the repository can read them. Read line by line,
 * so Helm templates and tab-indented files, which a YAML parser rejects, are still covered.
 * Empty values, templates (`{{ … }}`) and placeholders (also once decoded) are skipped.
 */

interface Hit {
  range: Range;
  key: string;
  /** A private key (PEM once decoded), a weak password, or any other committed value. */
  kind: 'key' | 'weak' | 'value';
}

/**
 * Last words of keys that hold connection settings rather than credentials (`host`, `port`,
 * `database`, `username`, service-binding `type` and `provider`): their values are not secret
 * even inside a Secret.
 */
const SETTING_WORDS = new Set([
  'type',
  'provider',
  'host',
  'hostname',
  'port',
  'database',
  'db',
  'dbname',
  'user',
  'username',
  'login',
  'name',
  'namespace',
  'region',
  'endpoint',
  'email',
  'schema',
  'sslmode',
  'driver',
  'engine',
  'bucket',
  'path',
  'protocol',
  'scheme',
  'address',
  'addr',
  'url',
  'uri',
  'server',
]);

/**
 * The word of a key that says what its value is: the last one, past a direction or an index
 * (`username_in` of mutual CHAP, `host_2`), and the end of a run-together key
 * (`azurestorageaccountname` is an account's name).
 */
function settingKey(ws: readonly string[]): boolean {
  let i = ws.length - 1;
  while (i > 0 && (/^\d+$/.test(ws[i]) || ws[i] === 'in' || ws[i] === 'out')) i--;
  const w = ws[i];
  if (SETTING_WORDS.has(w)) return true;
  return w.length > 8 && /(?:accountname|username|hostname|servername|address)$/.test(w);
}

/** PEM blocks that are public by design: certificates and public keys. */
const PUBLIC_PEM = /^\s*-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST|TRUSTED CERTIFICATE)-----/;
const PRIVATE_PEM = /-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY(?: BLOCK)?-----/;

/** Whether a file's lines set a credential (`password: …`, `api_key = …`) to a value that is not a placeholder. */
function fileHoldsCredential(file: string): boolean {
  for (const line of file.split('\n', 5000)) {
    const kv = /^[ \t-]*(["']?)([\w.-]{1,100})\1[ \t]*[:=][ \t]*["']?([^"'\s#,]{1,500})/.exec(line);
    if (kv && classifyKey(kv[2]) !== undefined && !placeholderReason(kv[3]) && !isReference(kv[3])) return true;
  }
  return false;
}

/** How a Secret value under `key` reads once decoded (`plain`); undefined for a value that is no secret. */
function kindOf(key: string, plain: string | undefined): Hit['kind'] | undefined {
  if (plain !== undefined && PUBLIC_PEM.test(plain)) return undefined;
  if (plain !== undefined && PRIVATE_PEM.test(plain)) return 'key';
  // A whole file decoded from `data` (`loki.yaml: <base64>`): a secret only where one of its
  // settings is named as a credential.
  if (plain !== undefined && plain.trim().includes('\n') && !fileHoldsCredential(plain)) return undefined;
  const cls = classifyKey(key);
  const ws = words(key);
  if (cls === undefined && ws.length > 0 && settingKey(ws)) return undefined;
  if (cls === 'password' && plain !== undefined) {
    // The key says password: a weak one (`pass`, `postgres`) is still the password.
    const strength = literalCredential(plain);
    return strength === undefined ? undefined : strength === 'weak' ? 'weak' : 'value';
  }
  if (plain !== undefined && (plain.trim() === '' || placeholderReason(plain))) return undefined;
  return 'value';
}

interface Scan {
  hits: Hit[];
  /** The `data`/`stringData` blocks read, which this rule alone judges (values there are base64). */
  blocks: Range[];
}

function decoded(v: string): string | undefined {
  if (v.length > 100_000 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) return undefined;
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
  // The indent of an entry whose value is a block scalar (`alertmanager.yaml: |`): the lines
  // below it are a file put into the Secret, not entries of the Secret.
  let scalarIndent: number | undefined;
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
      scalarIndent = undefined;
      continue;
    }
    blocks[blocks.length - 1] = [blocks[blocks.length - 1][0], start + line.length];
    if (scalarIndent !== undefined && indentOf(line) <= scalarIndent) scalarIndent = undefined;
    const inFile = scalarIndent !== undefined;
    const kv = /^[ \t]*(["']?)([\w.-]{1,253})\1:[ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    // In a file held by the Secret (a `promtail.yaml: |` config), only settings named as
    // credentials are secret values (`password:`, `api_key:`); `log_level: info` is not.
    if (inFile && classifyKey(kv[2]) === undefined) continue;
    const hash = kv[3].search(/[ \t]#/);
    let value = (hash >= 0 ? kv[3].slice(0, hash) : kv[3]).trim();
    if (/^[|>]/.test(value)) {
      if (!inFile) scalarIndent = indentOf(line);
      continue;
    }
    const quoted = /^(["']).*\1$/.test(value);
    if (quoted) value = value.slice(1, -1);
    // A plain password is judged below, where weak ones are told from placeholders.
    if (!value || isReference(value) || (placeholderReason(value) && (block.encoded || classifyKey(kv[2]) !== 'password'))) continue;
    const plain = block.encoded && !inFile ? decoded(value) : value;
    const kind = kindOf(kv[2], plain);
    if (!kind) continue;
    const col = line.indexOf(value, kv[1].length + kv[2].length + 1);
    out.push({ range: [start + col, start + col + value.length], key: kv[2], kind });
  }
}

/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = ['kind'];

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
  risk: risk(9.5, 'high', CWE.SECRET),
  literals: LITERALS,
  // A manifest is read only when it says `kind: Secret` (`scan`).
  requires: LITERALS,
  specificity: 'store',
  category: 'secret',
  severity: 'error',
  guidelines: KEY_GUIDELINES,
  title: { en: 'Kubernetes Secret with committed values', ja: '値がコミットされた Kubernetes Secret' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'Kubernetes Secret value {key} is committed ({masked}); base64 is not encryption. Use Sealed Secrets, External Secrets or SOPS, and rotate the value.',
      ja: 'Kubernetes Secret の値 {key} がコミットされています（{masked}）。base64 は暗号化ではありません。Sealed Secrets・External Secrets・SOPS などを使い、値を失効させて再発行してください。',
    },
    key: {
      en: 'Kubernetes Secret {key} holds a private key ({masked}); base64 is not encryption. Issue the certificate in the cluster (cert-manager) or use Sealed Secrets, External Secrets or SOPS, and replace the key.',
      ja: 'Kubernetes Secret の {key} に秘密鍵が入っています（{masked}）。base64 は暗号化ではありません。クラスタ内で証明書を発行する（cert-manager）か Sealed Secrets・External Secrets・SOPS を使い、鍵を失効させて再発行してください。',
    },
    weak: {
      en: 'Kubernetes Secret {key} holds a weak, hardcoded password ({masked}). It is easy to guess and base64 hides nothing: generate a strong one outside the repository (External Secrets, Sealed Secrets, SOPS).',
      ja: 'Kubernetes Secret の {key} に推測しやすいパスワードがハードコードされています（{masked}）。base64 では何も隠せません。リポジトリ外で強いパスワードを生成してください（External Secrets・Sealed Secrets・SOPS）。',
    },
  },
  check(doc: Document): RawFinding[] {
    return scan(doc).hits.map((h): RawFinding => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      const messageId = h.kind === 'key' ? 'key' : h.kind === 'weak' ? 'weak' : 'found';
      return { range: h.range, messageId, ...(h.kind === 'weak' ? { severity: 'warning' } : {}), data: { key: h.key, masked }, excerpt: `${h.key}: ${masked}` };
    });
  },
};
