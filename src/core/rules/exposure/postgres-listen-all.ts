import { CWE, risk } from '../risk';
import type { Rule } from '../rule';
import { describe, excerpt, NETWORK_GUIDELINES, replaceFix } from './analysis/common';
import { directive, directives, isAnyAddress } from './analysis/directives';

/**
 * postgresql.conf `listen_addresses = '*'` (or 0.0.0.0 / ::): the server listens on every
 * interface, so pg_hba.conf and the network are all that keep the internet out. A warning; the
 * pg_hba rule reports the authentication side.
 */
export const postgresListenAll: Rule = {
  id: 'exposure/postgres-listen-all',
  risk: risk(6.5, 'high', CWE.OPEN_PORT),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NETWORK_GUIDELINES,
  title: { en: 'PostgreSQL listens on every interface', ja: '全インターフェースで待ち受ける PostgreSQL' },
  description: describe(
    "listen_addresses = '*' makes PostgreSQL accept TCP connections on every network interface of the host, including public ones. List only the addresses the application uses (localhost, a private address), and keep pg_hba.conf strict.",
    "listen_addresses = '*' にすると、PostgreSQL はホストのすべてのネットワークインターフェース（公開側を含む）で TCP 接続を受け付けます。アプリケーションが使うアドレス（localhost やプライベートアドレス）だけを指定し、pg_hba.conf も厳格に保ってください。",
  ),
  messages: {
    listenAll: { en: 'PostgreSQL listens on every interface ({setting}).', ja: 'PostgreSQL が全インターフェースで待ち受けています（{setting}）。' },
    'fix.localhost': { en: "Listen on 'localhost' only", ja: "'localhost' のみで待ち受ける" },
  },
  files: /^postgresql([.-][\w.-]*)?\.conf$/,
  check(doc) {
    const d = directive(directives(doc), 'listen_addresses');
    if (!d || !d.value.split(/[\s,]+/).some(isAnyAddress)) return [];
    return [
      {
        range: d.lineRange,
        messageId: 'listenAll',
        data: { setting: doc.text.slice(d.lineRange[0], d.lineRange[1]) },
        excerpt: excerpt(doc, d.lineRange),
        fixes: [replaceFix('fix.localhost', d.valueRange, "'localhost'", false)],
      },
    ];
  },
};
