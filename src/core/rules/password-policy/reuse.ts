import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { basisData, mayHoldPolicy, POLICY_GUIDELINES, profileOf, setFix } from './analysis/common';
import { effective } from './analysis/model';
import { policiesOf, POLICY_LITERALS } from './analysis/policies';

/** Reuse of earlier passwords not restricted, or restricted to fewer than the profile asks. */
export const reuseRule: Rule = {
  id: 'password-policy/reuse',
  risk: risk(4.3, 'high', CWE.WEAK_POLICY),
  literals: POLICY_LITERALS,
  category: 'password-policy',
  severity: 'warning',
  guidelines: POLICY_GUIDELINES,
  title: { en: 'Password reuse not restricted', ja: 'パスワードの再利用が制限されていない' },
  description: {
    en: 'The PPC Q&A 10-19 asks for restrictions on reusing the same or similar passwords; PCI DSS 8.3.7 refuses the last 4. Set a password history.',
    ja: '個人情報保護委員会 Q&A 10-19 は、同一又は類似パスワードの再利用の制限を求めています。PCI DSS 8.3.7 は直近4世代の再利用を禁止しています。パスワード履歴を設定してください。',
  },
  messages: {
    off: {
      en: 'Password reuse is not restricted; {profile} ({sourceEn}) requires refusing earlier passwords (at least {required}).',
      ja: 'パスワードの再利用が制限されていません。{profile}（{sourceJa}）は過去のパスワード（{required} 世代以上）の再利用禁止を求めています。',
    },
    tooFew: {
      en: 'Password history of {actual} is below {required} required by {profile} ({sourceEn}).',
      ja: 'パスワード履歴 {actual} 世代は、{profile}（{sourceJa}）が求める {required} 世代を下回っています。',
    },
    'fix.history': { en: 'Refuse the last {required} passwords', ja: '直近 {required} 世代のパスワードを再利用禁止にする' },
  },
  appliesTo: mayHoldPolicy,
  check(doc, ctx) {
    const profile = profileOf(ctx);
    const req = profile.reuse;
    if (!req) return [];
    const out: RawFinding[] = [];
    for (const policy of policiesOf(doc)) {
      const fact = policy.history;
      if (!fact) continue;
      const actual = effective(fact) ?? 0;
      if (actual >= req.minHistory) continue;
      const fix = setFix(fact, req.minHistory, 'fix.history', { required: String(req.minHistory) });
      out.push({
        range: fact.range,
        messageId: actual <= 0 ? 'off' : 'tooFew',
        data: { ...basisData(profile, req), actual: String(actual), required: String(req.minHistory), product: policy.product },
        guidelines: req.guidelines,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return out;
  },
};
