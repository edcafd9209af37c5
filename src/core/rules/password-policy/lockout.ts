import { risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { basisData, mayHoldPolicy, POLICY_GUIDELINES, profileOf, setFix } from './analysis/common';
import { effective } from './analysis/model';
import { policiesOf, POLICY_LITERALS } from './analysis/policies';

function minutes(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '∞';
}

/** No lockout after repeated failed logins, or a looser one than the profile allows. */
export const lockoutRule: Rule = {
  id: 'password-policy/lockout',
  risk: risk(5.3, 'high', [307, 521]),
  literals: POLICY_LITERALS,
  category: 'password-policy',
  severity: 'warning',
  guidelines: POLICY_GUIDELINES,
  title: { en: 'No lockout after failed logins', ja: 'ログイン失敗時のロックアウトがない' },
  description: {
    en: 'The PPC Q&A 10-19 asks that IDs be suspended after a certain number of failed logins; PCI DSS 8.3.4 sets at most 10 attempts and at least 30 minutes. Turn brute-force protection on.',
    ja: '個人情報保護委員会 Q&A 10-19 は、一定回数以上ログインに失敗した ID の停止を求めています。PCI DSS 8.3.4 は10回以下の失敗で30分以上のロックを求めます。総当たり対策（ロックアウト）を有効にしてください。',
  },
  messages: {
    off: {
      en: 'Accounts are not locked after repeated failed logins; {profile} ({sourceEn}) requires lockout.',
      ja: 'ログインに繰り返し失敗してもアカウントがロックされません。{profile}（{sourceJa}）はロックアウトを求めています。',
    },
    tooManyAttempts: {
      en: 'Lockout after {actual} failed attempts exceeds the {required} allowed by {profile} ({sourceEn}).',
      ja: '{actual} 回の失敗でロックする設定は、{profile}（{sourceJa}）が許す {required} 回を超えています。',
    },
    tooShort: {
      en: 'Lockout lasts {actual} minutes, shorter than the {required} minutes required by {profile} ({sourceEn}).',
      ja: 'ロック時間 {actual} 分は、{profile}（{sourceJa}）が求める {required} 分より短くなっています。',
    },
    'fix.enable': { en: 'Turn lockout on', ja: 'ロックアウトを有効にする' },
    'fix.attempts': { en: 'Lock after {required} failed attempts', ja: '{required} 回の失敗でロックする' },
  },
  appliesTo: mayHoldPolicy,
  check(doc, ctx) {
    const profile = profileOf(ctx);
    const req = profile.lockout;
    if (!req) return [];
    const out: RawFinding[] = [];
    for (const policy of policiesOf(doc)) {
      const l = policy.lockout;
      if (!l) continue;
      const base = { ...basisData(profile, req), product: policy.product };
      const enabled = effective(l.enabled);
      const attempts = effective(l.attempts);
      if (enabled === false || attempts === 0) {
        const fact = enabled === false ? l.enabled : l.attempts;
        const fix = enabled === false ? setFix(l.enabled, true, 'fix.enable', {}) : undefined;
        out.push({
          range: (fact ?? l.attempts ?? l.enabled)?.range ?? policy.anchor,
          messageId: 'off',
          data: { ...base, actual: 'off', required: req.maxAttempts !== undefined ? String(req.maxAttempts) : 'on' },
          guidelines: req.guidelines,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      if (req.maxAttempts !== undefined && attempts !== undefined && attempts > req.maxAttempts && l.attempts) {
        const fix = setFix(l.attempts, req.maxAttempts, 'fix.attempts', { required: String(req.maxAttempts) });
        out.push({
          range: l.attempts.range,
          messageId: 'tooManyAttempts',
          data: { ...base, actual: String(attempts), required: String(req.maxAttempts) },
          guidelines: req.guidelines,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
      const mins = effective(l.minutes);
      if (req.minMinutes !== undefined && mins !== undefined && mins < req.minMinutes && l.minutes) {
        out.push({
          range: l.minutes.range,
          messageId: 'tooShort',
          data: { ...base, actual: minutes(mins), required: String(req.minMinutes) },
          guidelines: req.guidelines,
        });
      }
    }
    return out;
  },
};
