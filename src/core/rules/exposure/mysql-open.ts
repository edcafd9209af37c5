import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, NOAUTH_GUIDELINES } from './analysis/common';
import { directive, directives, isAnyAddress, type Directive } from './analysis/directives';

const SERVER_SECTIONS = new Set(['mysqld', 'mariadb', 'server', 'mysqld_safe', 'mariadbd']);

/**
 * my.cnf `skip-grant-tables` (every client is root, no password) and `bind-address = 0.0.0.0`.
 * Together, an error; either alone, a warning (MySQL 8 turns networking off by itself under
 * skip-grant-tables unless `skip-networking` is overridden).
 */
export const mysqlOpen: Rule = {
  id: 'exposure/mysql-open',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'MySQL / MariaDB without authentication or listening everywhere', ja: '認証なし・全インターフェースで待ち受ける MySQL / MariaDB' },
  description: describe(
    'skip-grant-tables switches off the privilege system: any client connects as root with no password. It is meant for a few minutes of password recovery with networking disabled, never for a running server. bind-address = 0.0.0.0 accepts connections on every interface; bind to loopback or a private address.',
    'skip-grant-tables は権限システムを無効にし、任意のクライアントがパスワードなしで root として接続できます。ネットワークを無効にしたうえでのパスワード復旧に数分使うためのもので、運用中のサーバーで使うものではありません。bind-address = 0.0.0.0 は全インターフェースで接続を受け付けます。ループバックかプライベートアドレスにバインドしてください。',
  ),
  messages: {
    open: {
      en: 'skip-grant-tables with {setting}: anyone who reaches the port is root without a password.',
      ja: 'skip-grant-tables と {setting} の組み合わせにより、ポートに到達した誰もがパスワードなしで root になります。',
    },
    skipGrants: {
      en: 'skip-grant-tables turns authentication off: every client is root.',
      ja: 'skip-grant-tables により認証が無効になり、すべてのクライアントが root になります。',
    },
    bindAll: { en: 'MySQL listens on every interface ({setting}).', ja: 'MySQL が全インターフェースで待ち受けています（{setting}）。' },
  },
  files: /\.(cnf|ini)$/i,
  appliesTo: (doc) => /^\s*\[(mysqld|mariadb|server|mysqld_safe|mariadbd)\]/im.test(doc.text),
  check(doc) {
    const list = directives(doc).filter((d) => d.section === undefined || SERVER_SECTIONS.has(d.section));
    const skip: Directive | undefined = directive(list, 'skip-grant-tables');
    const bind = directive(list, 'bind-address');
    const bindAll = bind !== undefined && bind.value.split(/[\s,]+/).some(isAnyAddress);
    const noNetwork = directive(list, 'skip-networking') !== undefined;
    const out: RawFinding[] = [];
    if (skip && bindAll && !noNetwork && bind) {
      out.push({
        range: skip.lineRange,
        messageId: 'open',
        data: { setting: `bind-address = ${bind.value}` },
        severity: 'error',
        excerpt: excerpt(doc, skip.lineRange),
      });
      return out;
    }
    if (skip) out.push({ range: skip.lineRange, messageId: 'skipGrants', data: {}, excerpt: excerpt(doc, skip.lineRange) });
    if (bindAll && bind && !noNetwork)
      out.push({ range: bind.lineRange, messageId: 'bindAll', data: { setting: `bind-address = ${bind.value}` }, excerpt: excerpt(doc, bind.lineRange) });
    return out;
  },
};
