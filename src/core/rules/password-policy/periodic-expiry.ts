import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { basisData, mayHoldPolicy, POLICY_GUIDELINES, profileOf } from './analysis/common';
import { policiesOf, POLICY_LITERALS } from './analysis/policies';

// Expiry this far out is how systems spell "never" (login.defs ships 99999).
const NEVER_DAYS = 3650;

/** Forced periodic password change where the profile says it is unnecessary. */
export const expiryRule: Rule = {
  id: 'password-policy/periodic-expiry',
  risk: risk(2.0, 'high', CWE.WEAK_POLICY),
  literals: POLICY_LITERALS,
  category: 'password-policy',
  severity: 'info',
  guidelines: ['mic-kokumin-pw', ...POLICY_GUIDELINES.filter((g) => g !== 'mic-kokumin-pw')],
  title: { en: 'Forced periodic password change', ja: 'パスワードの定期変更の強制' },
  description: {
    en: 'MIC and the NISC handbook say periodic password changes are unnecessary unless a password has leaked; NIST SP 800-63B-4 forbids forcing them. Forced expiry pushes users to predictable variants. Prefer long passwords, a blocklist and change on compromise.',
    ja: '総務省と NISC ハンドブックは、漏えいの事実がなければパスワードの定期変更は不要としています。NIST SP 800-63B-4 も定期変更の強制を禁じています。定期変更の強制は推測しやすい使い回しを招きます。十分な長さと漏えい時の変更で対策してください。',
  },
  messages: {
    periodic: {
      en: 'Passwords are forced to change every {actual} days; {profile} ({sourceEn}) does not ask for periodic change unless a password has leaked.',
      ja: 'パスワードを {actual} 日ごとに変更させる設定です。{profile}（{sourceJa}）は、漏えいした場合を除き定期変更を求めていません。',
    },
  },
  appliesTo: mayHoldPolicy,
  check(doc, ctx) {
    const profile = profileOf(ctx);
    const stance = profile.expiry;
    if (stance.mode !== 'discouraged') return [];
    const out: RawFinding[] = [];
    for (const policy of policiesOf(doc)) {
      const fact = policy.maxAgeDays;
      if (fact?.kind !== 'set' || fact.value <= 0 || fact.value >= NEVER_DAYS) continue;
      out.push({
        range: fact.range,
        messageId: 'periodic',
        data: { ...basisData(profile, stance), actual: String(fact.value), required: '0' },
        guidelines: stance.guidelines,
      });
    }
    return out;
  },
};
