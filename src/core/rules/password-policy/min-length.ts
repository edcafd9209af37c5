import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { basisData, mayHoldPolicy, POLICY_GUIDELINES, profileOf, setFix } from './analysis/common';
import { withinMonths } from '../../guidelines/profiles';
import { effective } from './analysis/model';
import { policiesOf, POLICY_LITERALS } from './analysis/policies';

/** Minimum password length below the profile's, or not set at all. */
export const minLengthRule: Rule = {
  id: 'password-policy/min-length',
  risk: risk(5.3, 'high', CWE.WEAK_POLICY),
  literals: POLICY_LITERALS,
  category: 'password-policy',
  severity: 'warning',
  guidelines: POLICY_GUIDELINES,
  title: { en: 'Minimum password length too short', ja: 'パスワードの最低文字数が短い' },
  description: {
    en: "The PPC Q&A 10-19 asks every business handling personal data to set a minimum password length; the NISC handbook puts the safe zone at 10 or more characters, the MHLW medical guideline's Q&A at 13 (8 with two-factor authentication, or 8 changed within 2 months), PCI DSS at 12 and NIST at 15. Raise the minimum to the selected profile's value. A minimum below 8 is reported as an error: that line is Mamori's own default, not a guideline's.",
    ja: '個人情報保護委員会 Q&A 10-19 は、個人データを扱う事業者に最低パスワード文字数の設定を求めています。NISC ハンドブックは10文字以上、厚生労働省の医療情報ガイドラインの Q&A は13文字以上（二要素認証なら8文字以上、又は8文字以上で2か月以内ごとの変更）、PCI DSS は12文字、NIST は15文字を目安とします。選択したプロファイルの値まで引き上げてください。8文字未満を重大として報告するのは Mamori 独自の既定値で、ガイドラインの数値ではありません。',
  },
  messages: {
    tooShort: {
      en: 'Minimum password length {actual} is below {required} required by {profile} ({sourceEn}).',
      ja: 'パスワードの最低文字数 {actual} は、{profile}（{sourceJa}）が求める {required} 文字を下回っています。',
    },
    defaultTooShort: {
      en: 'Minimum password length is not set, so the {product} default of {actual} applies: below {required} required by {profile} ({sourceEn}).',
      ja: 'パスワードの最低文字数が設定されておらず、{product} の既定値 {actual} が適用されます。{profile}（{sourceJa}）が求める {required} 文字を下回っています。',
    },
    missing: {
      en: 'No minimum password length is set; {profile} ({sourceEn}) requires at least {required}.',
      ja: 'パスワードの最低文字数が設定されていません。{profile}（{sourceJa}）は {required} 文字以上を求めています。',
    },
    'fix.raise': { en: 'Set the minimum length to {required}', ja: '最低文字数を {required} にする' },
  },
  appliesTo: mayHoldPolicy,
  check(doc, ctx) {
    const profile = profileOf(ctx);
    const req = profile.length;
    const out: RawFinding[] = [];
    for (const policy of policiesOf(doc)) {
      const fact = policy.minLength;
      if (!fact) continue;
      const actual = effective(fact);
      const required = policy.mfa && req.withMfa !== undefined ? req.withMfa : req.min;
      if (actual !== undefined) {
        if (actual >= required) continue;
        // MHLW's alternative: a shorter password that must change often enough.
        const alt = req.withExpiry;
        const age = effective(policy.maxAgeDays);
        if (alt && actual >= alt.min && age !== undefined && age > 0 && withinMonths(age, alt.maxAgeMonths)) continue;
      }
      const data = { ...basisData(profile, req), actual: actual === undefined ? '-' : String(actual), required: String(required), product: policy.product };
      const fix = setFix(fact, required, 'fix.raise', { required: String(required) });
      out.push({
        range: fact.range,
        messageId: fact.kind === 'set' ? 'tooShort' : actual === undefined ? 'missing' : 'defaultTooShort',
        data,
        severity: actual === undefined || actual < req.errorBelow ? 'error' : 'warning',
        guidelines: req.guidelines,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return out;
  },
};
