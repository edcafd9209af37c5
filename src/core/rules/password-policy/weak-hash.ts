import { risk } from '../risk';
import type { Format } from '../../documents/detect';
import { mentionsAny } from '../../literals';
import type { RawFinding, Rule } from '../rule';
import { groupRange, inLineComment, matches } from './analysis/sources/text';

const FORMATS: readonly Format[] = ['conf', 'sql', 'yaml', 'shell', 'dockerfile', 'text', 'ini', 'properties', 'dotenv', 'hcl', 'json'];

/** PostgreSQL storing passwords as unsalted-per-server MD5 instead of SCRAM-SHA-256. */

export const weakHashRule: Rule = {
  id: 'password-policy/weak-hash',
  risk: risk(7.5, 'high', [916, 521]),
  literals: ['password_encryption'],
  category: 'password-policy',
  severity: 'warning',
  guidelines: ['nisc-tkb-auth', 'ppc-faq-10-19'],
  title: { en: 'Passwords stored as MD5', ja: 'パスワードを MD5 で保存' },
  description: {
    en: 'PostgreSQL with password_encryption = md5 stores each password as an MD5 digest salted only with the user name; a leaked pg_authid can be cracked quickly and the digest itself authenticates. The NISC common standards ask for measures against misuse of leaked authentication information. Use scram-sha-256 and reset existing passwords.',
    ja: 'PostgreSQL で password_encryption = md5 とすると、パスワードはユーザー名だけをソルトにした MD5 ダイジェストで保存され、pg_authid が漏えいすると短時間で解読でき、ダイジェスト自体で認証もできてしまいます。NISC の統一基準は主体認証情報の漏えい等による不正行為の防止を求めています。scram-sha-256 を使い、既存のパスワードを再設定してください。',
  },
  messages: {
    md5: {
      en: 'PostgreSQL password_encryption is {actual}: passwords are stored as MD5. Use scram-sha-256.',
      ja: 'PostgreSQL の password_encryption が {actual} で、パスワードが MD5 で保存されます。scram-sha-256 を使ってください。',
    },
    'fix.scram': { en: 'Use scram-sha-256', ja: 'scram-sha-256 にする' },
  },
  formats: FORMATS,
  appliesTo: (doc) => mentionsAny(doc, ['password_encryption']),
  check(doc) {
    const out: RawFinding[] = [];
    const re = /\bpassword_encryption\b['"]?[ \t]*(?:=|:|\bTO\b|[ \t])[ \t]*['"]?(md5|on)\b/dgi;
    for (const m of matches(re, doc.text)) {
      if (inLineComment(doc.text, m.index, ['#', '--', '//'])) continue;
      const r = groupRange(m, 1);
      if (!r) continue;
      out.push({
        range: r,
        messageId: 'md5',
        data: { actual: m[1], required: 'scram-sha-256' },
        fixes: [{ titleId: 'fix.scram', edits: [{ range: r, newText: 'scram-sha-256' }], safe: false }],
      });
    }
    return out;
  },
};
