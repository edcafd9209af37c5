import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, flag, flipped, NOAUTH_GUIDELINES, replaceFix, scalars, str } from './analysis/common';
import { yamlSettings } from './analysis/yaml-settings';

/** Loopback and site-local values of `network.host`; anything else reaches beyond the host. */
const LOCAL_HOST =
  /^(_local_|_local:ipv4_|_local:ipv6_|localhost|127\.\d+\.\d+\.\d+|::1|\[::1\]|_site_|_site:ipv4_|_site:ipv6_|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/;

/**
 * elasticsearch.yml / opensearch.yml listening beyond the host (`network.host: 0.0.0.0`,
 * `_global_`, a public address) with security off (`xpack.security.enabled: false`,
 * `plugins.security.disabled: true`). Both: an error. Either alone: a warning, except security off
 * on a host bound to loopback or private addresses (not reachable) and a wide bind with
 * `xpack.security.enabled: true` (every request still needs credentials).
 */
export const elasticsearchOpen: Rule = {
  id: 'exposure/elasticsearch-open',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'Elasticsearch / OpenSearch open without security', ja: 'セキュリティなしで公開された Elasticsearch / OpenSearch' },
  description: describe(
    'With security off, Elasticsearch and OpenSearch answer any HTTP request with no authentication: every index can be searched, dumped or deleted. Open clusters holding customer records are found by search engines for exposed services within days, and the National Police Agency has warned about them. Keep xpack.security.enabled (or the OpenSearch security plugin) on, and bind network.host to a private address.',
    'セキュリティを無効にした Elasticsearch や OpenSearch は、認証なしであらゆる HTTP リクエストに応答し、すべてのインデックスを検索・ダンプ・削除できます。顧客情報を保持する公開クラスタは公開サービスの検索エンジンにより数日で発見され、警察庁も注意喚起しています。xpack.security.enabled（または OpenSearch のセキュリティプラグイン）を有効に保ち、network.host はプライベートアドレスにバインドしてください。',
  ),
  messages: {
    open: {
      en: 'The cluster listens beyond this host ({host}) with security off ({security}): anyone who reaches port 9200 can read every index.',
      ja: 'クラスタがセキュリティ無効（{security}）のまま、このホストの外（{host}）で待ち受けています。9200 番ポートに到達した誰もが全インデックスを読み取れます。',
    },
    securityOff: { en: 'Security is off ({security}): no authentication and no TLS.', ja: 'セキュリティが無効です（{security}）。認証も TLS もありません。' },
    listenAll: { en: 'The cluster listens beyond this host ({host}).', ja: 'クラスタがこのホストの外で待ち受けています（{host}）。' },
    'fix.enableSecurity': { en: 'Turn security on (set up credentials)', ja: 'セキュリティを有効にする（認証情報を設定）' },
  },
  files: /^(elasticsearch|opensearch)([-_.][\w.-]*)?\.ya?ml$/,
  check(doc) {
    const s = yamlSettings(doc);
    const host = ['network.host', 'network.bind_host', 'http.host'].map((k) => s.get(k)).find((x) => x !== undefined);
    const hostValues = scalars(host?.node).map((n) => str(n) ?? '');
    const wide = host !== undefined && hostValues.some((v) => v !== '' && !LOCAL_HOST.test(v) && !v.startsWith('${'));
    // A host set to loopback or site-local addresses only keeps the cluster off the internet.
    const local = host !== undefined && !wide && hostValues.some((v) => LOCAL_HOST.test(v));
    const xpack = s.get('xpack.security.enabled');
    const osDisabled = s.get('plugins.security.disabled');
    const off = flag(xpack?.node) === false ? xpack : flag(osDisabled?.node) === true ? osDisabled : undefined;
    const out: RawFinding[] = [];
    const security = off ? `${off.key}: ${doc.text.slice(off.node.range[0], off.node.range[1])}` : '';
    const hostText = host ? `${host.key}: ${doc.text.slice(host.node.range[0], host.node.range[1])}` : '';
    const to = off ? flipped(doc.text.slice(off.node.range[0], off.node.range[1]), off === xpack) : undefined;
    const fixes = off && to ? [replaceFix('fix.enableSecurity', off.node.range, to, false)] : undefined;
    if (off && wide) {
      out.push({
        range: off.range,
        messageId: 'open',
        data: { host: hostText, security },
        severity: 'error',
        excerpt: excerpt(doc, off.range),
        ...(fixes ? { fixes } : {}),
      });
      // The wide bind is the other line of the same exposure.
      if (host) out.push({ range: host.range, messageId: 'listenAll', data: { host: hostText }, severity: 'error', excerpt: excerpt(doc, host.range) });
    } else if (off && !local) {
      out.push({ range: off.range, messageId: 'securityOff', data: { security }, excerpt: excerpt(doc, off.range), ...(fixes ? { fixes } : {}) });
    } else if (wide && host && flag(xpack?.node) !== true) {
      // With xpack security on, listening wide still asks every client for credentials.
      out.push({ range: host.range, messageId: 'listenAll', data: { host: hostText }, excerpt: excerpt(doc, host.range) });
    }
    return out;
  },
};
