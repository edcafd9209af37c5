import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { decodeURIComponentSafe, placeholderConnectionPassword } from './connection-string';
import { placeholderReason } from './analysis/value';

/**
 * Credential stores that tools read from disk and that end up committed: `.netrc`/`_netrc`
 * (`password …`), `.pgpass` (`host:port:db:user:password`), `.git-credentials`
 * (`https://user:token@host`), Docker `config.json`/`.dockercfg` (`auths.*.auth` = base64
 * `user:password`) and `.npmrc`/`.yarnrc` base64 `_auth`/`_password`. Plain `key = value` stores
 * (`.pypirc`, `~/.aws/credentials`, `.my.cnf`) are covered by the generic assignment rules.
 */

interface Hit {
  range: Range;
  file: string;
}

function decodeBase64(s: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4 === 1) return undefined;
  try {
    const out = atob(s);
    return /^[\x20-\x7e]*$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function netrc(text: string, out: Hit[]): void {
  const re = /(?:^|\s)password[ \t]+(\S{1,200})/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const p = m[1];
    if (placeholderConnectionPassword(p)) continue;
    const start = m.index + m[0].length - p.length;
    out.push({ range: [start, start + p.length], file: '.netrc' });
  }
}

function pgpass(text: string, out: Hit[]): void {
  let at = 0;
  for (const line of text.split('\n')) {
    const l = line.replace(/\r$/, '');
    const parts = /^([^#:][^:]*):([^:]*):([^:]*):([^:]*):(.+)$/.exec(l);
    if (parts && !placeholderConnectionPassword(parts[5], parts[4])) {
      const start = at + l.length - parts[5].length;
      out.push({ range: [start, start + parts[5].length], file: '.pgpass' });
    }
    at += line.length + 1;
  }
}

function gitCredentials(text: string, out: Hit[]): void {
  const re = /^[a-z][a-z0-9+.-]*:\/\/([^:@\s]{0,100}):([^@\s]{1,300})@/gim;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (placeholderConnectionPassword(decodeURIComponentSafe(m[2]), m[1])) continue;
    const start = m.index + m[0].length - 1 - m[2].length;
    out.push({ range: [start, start + m[2].length], file: '.git-credentials' });
  }
}

/** `"auth": "base64(user:password)"` in Docker's config, `_auth=` in .npmrc. */
function base64Auth(text: string, out: Hit[], file: string, re: RegExp): void {
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const v = m[1];
    const decoded = decodeBase64(v);
    if (decoded === undefined) continue;
    const colon = decoded.indexOf(':');
    const password = colon >= 0 ? decoded.slice(colon + 1) : decoded;
    if (placeholderConnectionPassword(password, colon >= 0 ? decoded.slice(0, colon) : '') || placeholderReason(v)) continue;
    const start = m.index + m[0].lastIndexOf(v);
    out.push({ range: [start, start + v.length], file });
  }
}

/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = ['"auths"'];

function hits(doc: Document): Hit[] {
  return doc.memo('secret:credential-files', () => {
    const out: Hit[] = [];
    const name = doc.name;
    const text = doc.text;
    if (name === '.netrc' || name === '_netrc') netrc(text, out);
    else if (name === '.pgpass' || name === 'pgpass.conf') pgpass(text, out);
    else if (name === '.git-credentials') gitCredentials(text, out);
    else if (
      name === '.dockercfg' ||
      (mentionsAny(doc, ['"auths"']) && ((name === 'config.json' && /"auths"\s*:/.test(text)) || /"auths"\s*:\s*\{/.test(text)))
    ) {
      base64Auth(text, out, 'Docker config.json', /"auth"\s*:\s*"([A-Za-z0-9+/=]{4,2000})"/g);
    } else if (name === '.npmrc' || name === '.yarnrc') {
      base64Auth(text, out, name, /(?:^|:)_(?:auth|password)\s*=\s*"?([A-Za-z0-9+/=]{4,2000})"?/gm);
    }
    return out;
  });
}

/** A password or token in a tool's credential file. */
export const credentialFile: Rule = {
  id: 'secret/credential-file',
  risk: risk(8.8, 'high', CWE.PASSWORD),
  literals: LITERALS,
  specificity: 'store',
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Credential file committed', ja: 'コミットされた認証情報ファイル' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A credential is stored in {file} ({masked}). Keep this file out of the repository (add it to .gitignore), use a credential helper, and change the credential.',
      ja: '{file} に認証情報が保存されています（{masked}）。このファイルをリポジトリから除外し（.gitignore に追加）、クレデンシャルヘルパーを使い、認証情報を変更してください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      return { range: h.range, messageId: 'found', data: { file: h.file, masked }, excerpt: masked };
    });
  },
};
