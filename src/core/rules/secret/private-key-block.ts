import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { maskSecret } from '../../mask';
import type { Range, Severity } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { ASSIGNMENT_LITERALS, ASSIGNMENT_POSITIONAL, candidatesOf } from './analysis/assignments';
import { KEY_GUIDELINES, SECRET_DESCRIPTION } from './common';
import { words } from './analysis/value';
import { mentionsAny } from '../../literals';

/**
 * Private key material in any file: PEM blocks (PKCS#1, PKCS#8, SEC1, OpenSSH, PGP, encrypted),
 * also escaped inside JSON strings or heredocs, PuTTY .ppk keys, and base64 PKCS#12 bundles
 * stored under a pfx/p12 key. A block whose body is a stand-in (`...`, `xxx`, a few bytes) is
 * not reported; an encrypted key is a warning (its passphrase still has to leak).
 */

const BEGIN = /-----BEGIN ((?:RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED |ANY )?PRIVATE KEY(?: BLOCK)?)-----/g;
const PUTTY = /PuTTY-User-Key-File-\d:[ \t]*[\w-]+/g;

/** Base64 characters of a key body, with escapes (`\n`), quotes and header lines removed. */
function keyBody(raw: string): string {
  return raw
    .replace(/\\[nr]/g, '\n')
    .split(/\r?\n/)
    .filter((l) => !/^\s*[\w-]+:\s/.test(l))
    .join('')
    .replace(/["'\s,+]|\\/g, '');
}

/** A body too short, masked or made of sample words is a placeholder. */
function placeholderBody(body: string): boolean {
  if (body.length < 40) return true;
  if (/[xX]{5,}|\*{3,}|\.{3,}|…/.test(body)) return true;
  if (new Set(body).size < 10) return true;
  return words(body).some((w) => w === 'example' || w === 'placeholder' || w === 'redacted' || w === 'dummy');
}

interface KeyHit {
  range: Range;
  severity: Severity;
  kind: string;
}

function pemKeys(text: string, out: KeyHit[]): void {
  if (!text.includes('PRIVATE KEY')) return;
  BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEGIN.exec(text)) !== null) {
    const label = m[1];
    const bodyStart = m.index + m[0].length;
    const endMarker = `-----END ${label}-----`;
    const endAt = text.indexOf(endMarker, bodyStart);
    const stop = endAt >= 0 && endAt - bodyStart < 40000 ? endAt : Math.min(text.length, bodyStart + 8000);
    const rawBody = text.slice(bodyStart, stop);
    // Without an END marker, only a long run of key lines counts.
    const body = keyBody(endAt >= 0 ? rawBody : (/^[A-Za-z0-9+/=\\\s]{200,}/.exec(rawBody)?.[0] ?? ''));
    if (placeholderBody(body)) continue;
    const encrypted = /ENCRYPTED/.test(label) || /Proc-Type:\s*4,ENCRYPTED/.test(rawBody.slice(0, 200));
    const end = endAt >= 0 ? endAt + endMarker.length : bodyStart + rawBody.length;
    out.push({ range: [m.index, end], severity: encrypted ? 'warning' : 'error', kind: label });
    BEGIN.lastIndex = end;
  }
}

function puttyKeys(text: string, out: KeyHit[]): void {
  if (!text.includes('PuTTY-User-Key-File-')) return;
  PUTTY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PUTTY.exec(text)) !== null) {
    const window = text.slice(m.index, m.index + 12000);
    const priv = /Private-Lines:[ \t]*(\d{1,3})[ \t]*\r?\n((?:[A-Za-z0-9+/=]{1,80}\r?\n){1,200})/.exec(window);
    if (!priv) continue;
    const body = priv[2].replace(/\s/g, '');
    if (placeholderBody(body)) continue;
    const encryption = /Encryption:\s*([\w-]+)/.exec(window)?.[1] ?? 'none';
    const macAt = window.search(/Private-MAC:[^\r\n]*/);
    const end = m.index + (macAt >= 0 ? macAt + (/Private-MAC:[^\r\n]*/.exec(window.slice(macAt))?.[0].length ?? 0) : priv.index + priv[0].length);
    out.push({ range: [m.index, end], severity: encryption === 'none' ? 'error' : 'warning', kind: 'PuTTY' });
  }
}

const PKCS12_WORDS = ['pfx', 'p12', 'pkcs12'];
/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = [...PKCS12_WORDS, 'private key', 'putty-user-key-file-'];

/** Base64 PKCS#12 bundles (.pfx/.p12) pasted into configuration. */
function pkcs12Values(doc: Document, out: KeyHit[]): void {
  if (!mentionsAny(doc, PKCS12_WORDS)) return;
  for (const c of candidatesOf(doc)) {
    const ws = words(c.key);
    if (!ws.some((w) => w === 'pfx' || w === 'p12' || w === 'pkcs12' || w === 'pkcs')) continue;
    if (ws.some((w) => w === 'password' || w === 'path' || w === 'file' || w === 'name')) continue;
    const v = c.value.replace(/\\n|\s/g, '');
    if (/^MI[A-Za-z0-9+/]{300,}={0,2}$/.test(v)) out.push({ range: c.valueRange, severity: 'error', kind: 'PKCS#12' });
  }
}

function hits(doc: Document): KeyHit[] {
  return doc.memo('secret:private-keys', () => {
    const out: KeyHit[] = [];
    if (mentionsAny(doc, ['private key'])) pemKeys(doc.text, out);
    if (mentionsAny(doc, ['putty-user-key-file-'])) puttyKeys(doc.text, out);
    pkcs12Values(doc, out);
    return out;
  });
}

/** A private key written into a file. */
export const privateKeyBlock: Rule = {
  id: 'secret/private-key-block',
  risk: risk(9.8, 'very-high', CWE.KEY),
  literals: [...LITERALS, ...ASSIGNMENT_LITERALS],
  // PEM and PuTTY blocks, and PKCS#12 values, are each looked for only after their words (`hits`).
  requires: LITERALS,
  positionalLiterals: ASSIGNMENT_POSITIONAL,
  category: 'secret',
  severity: 'error',
  guidelines: KEY_GUIDELINES,
  title: { en: 'Private key in a file', ja: 'ファイル内の秘密鍵' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A {kind} private key is stored here ({masked}). Keep keys in a key store or secret manager, never in the repository, and replace this key pair.',
      ja: '{kind} の秘密鍵がここに保存されています（{masked}）。鍵はキーストアやシークレットマネージャーで管理し、リポジトリには置かず、この鍵ペアを失効させ、新しい鍵ペアを発行してください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => {
      const masked = maskSecret(doc.text.slice(h.range[0], Math.min(h.range[1], h.range[0] + 40)));
      return { range: h.range, messageId: 'found', data: { kind: h.kind, masked }, severity: h.severity, excerpt: `-----BEGIN ${h.kind}----- ${masked}` };
    });
  },
};
