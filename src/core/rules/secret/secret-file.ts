import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { classifyKey } from './analysis/keys';
import { credentialKey, literalCredential } from './analysis/structured-value';
import { isNonSecretShape, looksRandom } from './analysis/value';

/**
 * One-line secret files: the file that Docker and compose secrets (`secrets: db_password:
 * file: ./db/password.txt`), Kubernetes `--from-file` and many tools read a password, key or
 * token from. The file's name says what it holds (`password.txt`, `db_root_password`,
 * `jwt.secret`, `api_token.txt`, Rails `master.key`) and its content is that value alone. A
 * password or shared secret there is used as written, so a weak one is reported as weak; a
 * file named for a token or key must hold a generated-looking value. Files of several lines,
 * `key=value` files (left to the assignment rules), comments, paths and placeholders are
 * skipped.
 */

interface Hit {
  range: Range;
  kind: 'password' | 'token';
  weak: boolean;
}

/** Extensions a secret file may have: none, or one that says text or secret. */
const SECRET_EXTENSIONS = new Set(['', 'txt', 'secret', 'secrets', 'pwd', 'pass', 'passwd', 'password', 'token', 'key']);

/** The file's name without its extension, and the extension. */
function split(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, ''];
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** What the file's name says it holds, or undefined for a name that names no secret. */
function nameKind(name: string): Hit['kind'] | undefined {
  const [stem, ext] = split(name);
  if (!SECRET_EXTENSIONS.has(ext)) return undefined;
  if (ext === 'secret' || ext === 'secrets' || ext === 'pwd' || ext === 'pass' || ext === 'passwd' || ext === 'password') return 'password';
  if (credentialKey(stem)) return 'password';
  if (ext === 'token' || ext === 'key' || classifyKey(stem) !== undefined) return 'token';
  return undefined;
}

function hits(doc: Document): Hit[] {
  return doc.memo('secret:secret-file', () => {
    const out: Hit[] = [];
    // A short file only: a secret file holds one value.
    if (doc.text.length > 1024) return out;
    const kind = nameKind(doc.name);
    if (!kind) return out;
    const text = doc.text.replace(/^\uFEFF/, '');
    const value = text.trim();
    if (value.length < 4 || /[\r\n]/.test(value) || value.startsWith('#') || value.startsWith('-----BEGIN')) return out;
    const offset = text.indexOf(value) + (doc.text.length - text.length);
    // `user:password`, as credential files for basic auth and brokers hold them.
    const pair = kind === 'password' ? /^[A-Za-z0-9_.@-]{1,64}:(\S{1,200})$/.exec(value) : null;
    if (pair) {
      const strength = literalCredential(pair[1]);
      const start = offset + value.length - pair[1].length;
      if (strength) out.push({ range: [start, start + pair[1].length], kind, weak: strength === 'weak' });
      return out;
    }
    // `KEY=value` and `key: value` lines are assignments, judged by the rules that read those.
    if (/^[A-Za-z_][\w.-]{0,80}[ \t]*[=:][ \t]*\S/.test(value) || isNonSecretShape(value)) return out;
    const range: Range = [offset, offset + value.length];
    if (kind === 'token') {
      if (/\s/.test(value) || !looksRandom(value)) return out;
      out.push({ range, kind, weak: false });
      return out;
    }
    const strength = literalCredential(value);
    if (strength) out.push({ range, kind, weak: strength === 'weak' });
    return out;
  });
}

/** A file that holds one password, key or token. */
export const secretFile: Rule = {
  id: 'secret/secret-file',
  risk: risk(8.5, 'medium', CWE.PASSWORD),
  specificity: 'store',
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Secret file committed', ja: 'コミットされたシークレットファイル' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'This file holds a secret ({masked}) and is committed with the repository. Keep it out of the repository (add it to .gitignore and create it at deploy time, or use a secret manager), and change the value.',
      ja: 'このファイルはシークレット（{masked}）を保持しており、リポジトリにコミットされています。リポジトリから除外し（.gitignore に追加し、デプロイ時に作成するか、シークレットマネージャーを使う）、値を変更してください。',
    },
    weak: {
      en: 'This file holds a weak, hardcoded password ({masked}) and is committed with the repository. It is easy to guess and anyone with the repository knows it: create the file at deploy time with a strong value, and keep it out of the repository.',
      ja: 'このファイルは推測しやすいパスワード（{masked}）を保持しており、リポジトリにコミットされています。リポジトリを読める人は誰でも知っています。デプロイ時に強い値でファイルを作成し、リポジトリから除外してください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h): RawFinding => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      return { range: h.range, messageId: h.weak ? 'weak' : 'found', ...(h.weak ? { severity: 'warning' } : {}), data: { masked }, excerpt: masked };
    });
  },
};
