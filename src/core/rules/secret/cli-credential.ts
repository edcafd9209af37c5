import type { Document } from '../../documents/document';
import { mentionsAny, registerLiterals } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import { secretExamples, setExamples, type RawFinding, type Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { placeholderConnectionPassword } from './connection-string';

/**
 * Passwords passed on a command line in scripts, CI files and docs: `curl -u user:password`,
 * `sshpass -p password`, `mysql -pPASSWORD`. They land in shell history and process lists as well
 * as in the repository. Variables (`$PASS`), templates and placeholders are skipped.
 */

interface Hit {
  range: Range;
  tool: string;
}

/** `-u user:pass` / `--user user:pass`, within a curl command (which may continue over `\` lines). */
const CURL_USER = /(?:^|\s)(?:-u|--user)(?:[ \t]+|=)(["']?)([^\s"':]{1,100}):([^\s"']{1,200})\1/g;
const SSHPASS = /\bsshpass[ \t]+-p[ \t]*(["']?)([^\s"']{1,200})\1/g;
const MYSQL = /\bmysql(?:dump|admin)?\b[^\n]{0,200}?[ \t]-p(["']?)([^\s"'-][^\s"']{0,199})\1/g;

function commandAround(text: string, at: number, tool: RegExp): boolean {
  // The command may start a few continuation lines (`\`) earlier.
  const from = Math.max(0, at - 600);
  return tool.test(text.slice(from, at + 1));
}

/** The tools' names, asked of the shared literal search before an exact-case search of the text. */
registerLiterals(['curl', 'sshpass', 'mysql']);

function hits(doc: Document): Hit[] {
  return doc.memo('secret:cli', () => {
    const text = doc.text;
    const out: Hit[] = [];
    let m: RegExpExecArray | null;
    if (mentionsAny(doc, ['curl']) && text.includes('curl')) {
      CURL_USER.lastIndex = 0;
      while ((m = CURL_USER.exec(text)) !== null) {
        if (!commandAround(text, m.index, /\bcurl\b/)) continue;
        const [, , user, pass] = m;
        if (placeholderConnectionPassword(pass, user)) continue;
        const start = m.index + m[0].lastIndexOf(pass);
        out.push({ range: [start, start + pass.length], tool: 'curl' });
      }
    }
    if (mentionsAny(doc, ['sshpass']) && text.includes('sshpass')) {
      SSHPASS.lastIndex = 0;
      while ((m = SSHPASS.exec(text)) !== null) {
        if (placeholderConnectionPassword(m[2])) continue;
        const start = m.index + m[0].lastIndexOf(m[2]);
        out.push({ range: [start, start + m[2].length], tool: 'sshpass' });
      }
    }
    if (mentionsAny(doc, ['mysql']) && text.includes('mysql')) {
      MYSQL.lastIndex = 0;
      while ((m = MYSQL.exec(text)) !== null) {
        if (placeholderConnectionPassword(m[2])) continue;
        const start = m.index + m[0].lastIndexOf(m[2]);
        out.push({ range: [start, start + m[2].length], tool: 'mysql' });
      }
    }
    return out;
  });
}

/** A password given to a command-line tool. */
export const cliCredential: Rule = {
  id: 'secret/cli-credential',
  category: 'secret',
  severity: 'error',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Password on a command line', ja: 'コマンドラインに書かれたパスワード' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A password is passed to {tool} on the command line ({masked}). Read it from an environment variable or a credentials file outside the repository, and change it.',
      ja: '{tool} にコマンドラインでパスワードが渡されています（{masked}）。リポジトリ外の環境変数や認証情報ファイルから読み込み、パスワードを変更してください。',
    },
  },
  appliesTo: () => true,
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      return { range: h.range, messageId: 'found', data: { tool: h.tool, masked }, excerpt: masked };
    });
  },
  examples: secretExamples(),
};

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples([cliCredential], {
  'secret/cli-credential': {
    bad: [
      { path: 'scripts/backup.sh', text: 'curl -s -u backup:Zq8kLm2xVt7R https://files.example.co.jp/upload -T dump.sql\n' },
      { path: 'scripts/restore.sh', text: 'mysql -u root -pHq7vZ2kLpW crm < dump.sql\n' },
    ],
    good: [
      { path: 'scripts/backup.sh', text: 'curl -s -u "$USER:$PASS" https://files.example.co.jp/upload\ncurl -u <user:password> https://example.com\n' },
      { path: 'scripts/restore.sh', text: 'mysql -u root -p crm < dump.sql\n' },
    ],
  },
});
