import { CWE, risk } from '../risk';
import { blocks } from '../../documents/hcl';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, field, replaceFix, STORAGE_GUIDELINES, str } from './analysis/common';
import { IAC_FORMATS } from './analysis/formats';
import { label } from './analysis/iac-db';
import { ALLOW_STORAGE_REQUIRES, blobPublicAccessHits, mayAllowStorage, STORAGE_LITERALS } from './analysis/iac-storage';
import { resourcesOf } from './analysis/resources';

/**
 * Azure storage accounts that permit what a container needs to become public: blob public
 * access allowed, or network rules whose default action is Allow. Nothing is public yet, so a
 * warning: one container setting away from a leak.
 */
export const storageAccountPublicAccess: Rule = {
  id: 'exposure/storage-account-public-access',
  risk: risk(7.5, 'high', CWE.PUBLIC_DATA),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: STORAGE_GUIDELINES,
  title: { en: 'Storage account permits public access', ja: '公開アクセスを許すストレージアカウント' },
  description: describe(
    'A storage account that allows blob public access lets any container in it be made anonymous with one setting, and a network default action of Allow accepts requests from every network. Disallow blob public access at the account level and set the network default action to Deny with explicit virtual-network or IP rules.',
    'BLOB のパブリックアクセスを許可したストレージアカウントでは、コンテナの設定一つで匿名公開が可能になり、ネットワークの既定アクションが Allow だとあらゆるネットワークからの要求を受け付けます。アカウント単位で BLOB のパブリックアクセスを禁止し、ネットワークの既定アクションを Deny にして仮想ネットワーク・IP ルールを明示してください。',
  ),
  messages: {
    blobPublicAccess: {
      en: '{resource} allows blob public access ({key}): any container can be made readable by anyone.',
      ja: '{resource} が BLOB のパブリックアクセスを許可しています（{key}）。どのコンテナも誰でも読める状態にできます。',
    },
    defaultAllow: {
      en: '{resource} network rules default to Allow: requests from every network are accepted.',
      ja: '{resource} のネットワークルールの既定アクションが Allow で、あらゆるネットワークからの要求を受け付けます。',
    },
    'fix.disallowPublic': { en: 'Disallow blob public access', ja: 'BLOB のパブリックアクセスを禁止する' },
    'fix.deny': { en: 'Set the default action to Deny', ja: '既定アクションを Deny にする' },
  },
  formats: [...IAC_FORMATS],
  literals: STORAGE_LITERALS,
  requires: ALLOW_STORAGE_REQUIRES,
  check(doc) {
    if (!mayAllowStorage(doc)) return [];
    const out: RawFinding[] = [...blobPublicAccessHits(doc)];
    for (const r of resourcesOf(doc)) {
      if (!r.props || !/storage/i.test(r.type)) continue;
      const holders = [r.props, ...blocks(r.props, 'network_rules'), field(r.props, 'networkAcls', 'network_rules')?.value];
      for (const h of holders) {
        const e = field(h, 'default_action', 'defaultAction');
        const v = str(e?.value);
        if (!e || v?.toLowerCase() !== 'allow') continue;
        const q = /^["']/.test(doc.text[e.value.range[0]] ?? '') ? doc.text[e.value.range[0]] : '';
        out.push({
          range: [e.keyRange[0], e.value.range[1]],
          messageId: 'defaultAllow',
          data: { resource: label(r) },
          excerpt: excerpt(doc, e.keyRange),
          fixes: [replaceFix('fix.deny', e.value.range, `${q}Deny${q}`, false)],
        });
      }
    }
    return out.filter((f, i) => out.findIndex((g) => g.range[0] === f.range[0]) === i);
  },
};
