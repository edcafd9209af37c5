import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, flag, flipped, NOAUTH_GUIDELINES, replaceFix, scalars, str } from './analysis/common';
import { isAnyAddress } from './analysis/directives';
import { yamlSettings } from './analysis/yaml-settings';

/**
 * mongod.conf listening on every interface (`net.bindIp: 0.0.0.0`, `net.bindIpAll: true`) and
 * without access control (`security.authorization` not `enabled`; MongoDB's default is off).
 * Both: an error, the 2015 and 2017 ransom-wiped MongoDB setup. Either alone: a warning.
 */
export const mongodOpen: Rule = {
  id: 'exposure/mongod-open',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'MongoDB listening everywhere or without access control', ja: '全インターフェースで待ち受ける・アクセス制御のない MongoDB' },
  description: describe(
    'MongoDB runs without access control unless security.authorization is enabled. Bound to every interface, that means anyone who reaches port 27017 can read, copy and delete every collection: tens of thousands of such servers were wiped and held to ransom in 2017, and the National Police Agency has warned about them. Enable authorization, create users, and bind to loopback or private addresses.',
    'MongoDB は security.authorization を有効にしない限りアクセス制御なしで動作します。全インターフェースにバインドされていれば、27017 番ポートに到達した誰もがすべてのコレクションを読み取り・複製・削除できます。2017年にはこのようなサーバーが数万台規模で消去され身代金を要求され、警察庁も注意喚起しています。authorization を有効にしてユーザーを作成し、ループバックかプライベートアドレスにバインドしてください。',
  ),
  messages: {
    open: {
      en: 'MongoDB listens on every interface ({setting}) without access control: anyone who reaches it can read and delete all data.',
      ja: 'MongoDB がアクセス制御なしで全インターフェース（{setting}）で待ち受けています。到達した誰もが全データを読み取り・削除できます。',
    },
    bindAll: { en: 'MongoDB listens on every interface ({setting}).', ja: 'MongoDB が全インターフェースで待ち受けています（{setting}）。' },
    noAuth: {
      en: 'MongoDB runs without access control (security.authorization is not enabled).',
      ja: 'MongoDB がアクセス制御なしで動作しています（security.authorization が有効ではありません）。',
    },
    'fix.enableAuthorization': { en: 'Set authorization: enabled', ja: 'authorization を enabled にする' },
  },
  files: /^mongo(d|db)?([-_.][\w.-]*)?\.(conf|ya?ml)$/,
  appliesTo: (doc) => /^\s*(net|security|storage)\s*:/m.test(doc.text),
  check(doc) {
    const s = yamlSettings(doc);
    const bindIp = s.get('net.bindip');
    const bindAllNode = s.get('net.bindipall');
    const bindValues = scalars(bindIp?.node).flatMap((n) => (str(n) ?? '').split(','));
    const bindAll = flag(bindAllNode?.node) === true ? bindAllNode : bindValues.some((v) => isAnyAddress(v.trim())) ? bindIp : undefined;
    const authz = s.get('security.authorization');
    // Internal authentication (a key file or x.509 cluster auth) also turns access control on.
    const authOn = str(authz?.node)?.toLowerCase() === 'enabled' || s.has('security.keyfile') || s.has('security.clusterauthmode');
    const out: RawFinding[] = [];
    const setting = bindAll ? `${bindAll.key}: ${doc.text.slice(bindAll.node.range[0], bindAll.node.range[1])}` : '';
    const authFix =
      authz && str(authz.node)?.toLowerCase() === 'disabled'
        ? [replaceFix('fix.enableAuthorization', authz.node.range, flipped(doc.text.slice(authz.node.range[0], authz.node.range[1]), true) ?? 'enabled', false)]
        : undefined;
    if (bindAll && !authOn) {
      out.push({
        range: bindAll.range,
        messageId: 'open',
        data: { setting },
        severity: 'error',
        excerpt: excerpt(doc, bindAll.range),
        ...(authFix ? { fixes: authFix } : {}),
      });
      // Authorization written as disabled is the other line of the same exposure.
      if (authz && authFix)
        out.push({ range: authz.range, messageId: 'noAuth', data: {}, severity: 'error', excerpt: excerpt(doc, authz.range), fixes: authFix });
    } else if (bindAll) {
      out.push({ range: bindAll.range, messageId: 'bindAll', data: { setting }, excerpt: excerpt(doc, bindAll.range) });
    } else if (!authOn) {
      const range = authz?.range ?? bindIp?.range ?? [0, Math.min(doc.text.length, doc.text.indexOf('\n') >>> 0)];
      out.push({ range, messageId: 'noAuth', data: {}, excerpt: excerpt(doc, range), ...(authFix ? { fixes: authFix } : {}) });
    }
    return out;
  },
};
