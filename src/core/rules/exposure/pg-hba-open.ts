import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, isWorld, NOAUTH_GUIDELINES, replaceFix } from './analysis/common';
import { directives } from './analysis/directives';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+(\/\d+)?|::1(\/128)?|localhost|samehost)$/i;

/**
 * The offset of the first whitespace-separated token equal to `word` (case-insensitive), or -1.
 * Tokens are compared as strings: a pattern is never compiled from the scanned line.
 */
function tokenOffset(line: string, word: string): number {
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    const start = i;
    while (i < line.length && !/\s/.test(line[i])) i++;
    if (i > start && line.slice(start, i).toLowerCase() === word) return start;
  }
  return -1;
}

/**
 * pg_hba.conf host lines that let the whole internet in: `trust` (no password at all) from
 * 0.0.0.0/0, ::/0 or `all` is an error; `password` (clear text) or `md5` from everywhere, and
 * `trust` from any network other than loopback, are warnings.
 */
export const pgHbaOpen: Rule = {
  id: 'exposure/pg-hba-open',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'PostgreSQL accepts connections from anywhere (pg_hba.conf)', ja: 'どこからでも接続を受け付ける PostgreSQL（pg_hba.conf）' },
  description: describe(
    'pg_hba.conf decides who may connect and how they authenticate. "trust" lets a client in without any password as whatever user it names; from 0.0.0.0/0 that is anyone who reaches the port. Limit host lines to the application networks and use scram-sha-256; md5 and password are weaker and password sends it in clear text.',
    'pg_hba.conf は誰がどの方式で認証して接続できるかを決めます。「trust」はパスワードなしで、クライアントが名乗った任意のユーザーとして接続を許可し、0.0.0.0/0 からであればポートに到達した誰もが該当します。host 行はアプリケーションのネットワークに限定し、scram-sha-256 を使ってください。md5 や password はより弱く、password は平文で送信されます。',
  ),
  messages: {
    trustWorld: {
      en: '"{line}": any client on the internet may connect without a password.',
      ja: '「{line}」: インターネット上の任意のクライアントがパスワードなしで接続できます。',
    },
    trustNetwork: {
      en: '"{line}": clients on {address} may connect without a password.',
      ja: '「{line}」: {address} のクライアントがパスワードなしで接続できます。',
    },
    weakWorld: {
      en: '"{line}": the whole internet may try passwords with {method}.',
      ja: '「{line}」: インターネット全体から {method} でパスワードを試行できます。',
    },
    'fix.scram': { en: 'Require scram-sha-256', ja: 'scram-sha-256 を必須にする' },
  },
  files: /^pg_hba([.-][\w.-]*)?\.conf$/,
  check(doc) {
    const out: RawFinding[] = [];
    for (const d of directives(doc)) {
      const type = d.key.toLowerCase();
      if (!type.startsWith('host')) continue;
      // host DATABASE USER ADDRESS [MASK] METHOD [OPTIONS]
      const [, , address = '', maybeMask = '', ...rest] = d.words;
      const hasMask = /^\d+\.\d+\.\d+\.\d+$/.test(address) && /^\d+\.\d+\.\d+\.\d+$/.test(maybeMask);
      const method = (hasMask ? rest[0] : maybeMask)?.toLowerCase() ?? '';
      const world = isWorld(address) || address === 'all' || (hasMask && maybeMask === '0.0.0.0');
      const line = doc.text.slice(d.lineRange[0], d.lineRange[1]).replace(/\s+/g, ' ');
      const methodAt = tokenOffset(doc.text.slice(d.lineRange[0], d.lineRange[1]), method);
      const weak = method === 'trust' || method === 'password' || method === 'md5';
      const fix =
        weak && methodAt >= 0
          ? [replaceFix('fix.scram', [d.lineRange[0] + methodAt, d.lineRange[0] + methodAt + method.length], 'scram-sha-256', false)]
          : undefined;
      if (method === 'trust' && world) {
        out.push({
          range: d.lineRange,
          messageId: 'trustWorld',
          data: { line },
          severity: 'error',
          excerpt: excerpt(doc, d.lineRange),
          ...(fix ? { fixes: fix } : {}),
        });
      } else if (method === 'trust' && !LOOPBACK.test(address)) {
        out.push({
          range: d.lineRange,
          messageId: 'trustNetwork',
          data: { line, address: hasMask ? `${address}/${maybeMask}` : address },
          excerpt: excerpt(doc, d.lineRange),
          ...(fix ? { fixes: fix } : {}),
        });
      } else if ((method === 'password' || method === 'md5') && world) {
        out.push({ range: d.lineRange, messageId: 'weakWorld', data: { line, method }, excerpt: excerpt(doc, d.lineRange), ...(fix ? { fixes: fix } : {}) });
      }
    }
    return out;
  },
};
