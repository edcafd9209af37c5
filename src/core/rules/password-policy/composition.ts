import { CWE, risk } from '../risk';
import { CHAR_CLASSES, type CharClass } from '../../guidelines/profiles';
import type { Fix, Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { basisData, classList, mayHoldPolicy, POLICY_GUIDELINES, profileOf, setFix } from './analysis/common';
import { effective, type PolicyFacts } from './analysis/model';
import { policiesOf, POLICY_LITERALS } from './analysis/policies';

/** Whether a policy requires some class of the group: true, false, or undefined (cannot tell). */
function groupRequired(policy: PolicyFacts, group: readonly CharClass[], groups: number): boolean | undefined {
  const anyOf = effective(policy.minClasses) ?? 0;
  // "Any N of the four" guarantees a group only when too few classes remain outside it.
  if (anyOf > CHAR_CLASSES.length - group.length) return true;
  // Where the profile asks for each of the four classes (the NISC handbook's mix), no "any N
  // of four" rule short of all four can guarantee them; one requiring three (Auth0
  // good/excellent, pwquality minclass=3) is the mix such products offer, and only a class it
  // explicitly switches off is missing. Profiles with fewer, wider groups are judged exactly.
  const off = group.every((c) => policy.classes?.[c]?.kind === 'set' && effective(policy.classes[c]) === false);
  if (groups >= CHAR_CLASSES.length && anyOf >= CHAR_CLASSES.length - 1 && policy.minClasses?.kind === 'set' && !off) return true;
  let unknown = false;
  for (const c of group) {
    const v = effective(policy.classes?.[c]);
    if (v === true) return true;
    if (v === undefined) unknown = true;
  }
  return unknown && policy.minClasses === undefined ? undefined : false;
}

/**
 * The span of the settings that explicitly switch off the missing classes, when there are
 * several written close together (`password_min_lowercase = 0` on one line, `…_uppercase = 0`
 * on the next): the finding then covers each of them.
 */
function switchedOffSpan(policy: PolicyFacts, missing: readonly (readonly CharClass[])[]): Range | undefined {
  const ranges: Range[] = [];
  for (const g of missing) {
    for (const c of g) {
      const f = policy.classes?.[c];
      if (f?.kind === 'set' && !f.value) ranges.push(f.range);
    }
  }
  if (ranges.length < 2) return undefined;
  const start = Math.min(...ranges.map((r) => r[0]));
  const end = Math.max(...ranges.map((r) => r[1]));
  // Settings far apart, or one setting shared by several classes, keep the first range.
  return end - start <= 400 && ranges.some((r) => r[0] !== start) ? [start, end] : undefined;
}

/** Character classes the profile asks for but the policy does not require. */
export const compositionRule: Rule = {
  id: 'password-policy/composition',
  risk: risk(4.3, 'high', CWE.WEAK_POLICY),
  literals: POLICY_LITERALS,
  category: 'password-policy',
  severity: 'warning',
  guidelines: POLICY_GUIDELINES,
  title: { en: 'Password character classes not required', ja: 'パスワードの文字種が必須になっていない' },
  description: {
    en: 'The NISC handbook treats 10 or more characters mixing upper and lower case, digits and symbols as safe; the MHLW medical guideline asks for letters, digits and symbols mixed, PCI DSS for letters and digits. NIST SP 800-63B-4, by contrast, says not to impose composition rules: under that profile such rules are reported for information.',
    ja: 'NISC ハンドブックは英大文字・小文字・数字・記号を混ぜた10文字以上を安全圏としています。厚生労働省の医療情報ガイドラインは英数字と記号の混在、PCI DSS は英字と数字を求めます。一方 NIST SP 800-63B-4 は文字種の組合せ規則を課さないよう求めており、このプロファイルでは組合せ規則を情報として報告します。',
  },
  messages: {
    none: {
      en: 'Password policy requires no character classes; {profile} ({sourceEn}) asks for {requiredEn}.',
      ja: 'パスワードポリシーが文字種を何も必須にしていません。{profile}（{sourceJa}）は{requiredJa}を求めています。',
    },
    missing: {
      en: 'Password policy does not require {missingEn}; {profile} ({sourceEn}) asks for {requiredEn}.',
      ja: 'パスワードポリシーが{missingJa}を必須にしていません。{profile}（{sourceJa}）は{requiredJa}を求めています。',
    },
    discouraged: {
      en: 'Password policy imposes composition rules ({actualEn}); {profile} ({sourceEn}) says not to, and to rely on length and a blocklist instead.',
      ja: 'パスワードポリシーが文字種の組合せ規則（{actualJa}）を課しています。{profile}（{sourceJa}）は組合せ規則を課さず、長さと漏えい済みパスワードの照合で対策するよう求めています。',
    },
    'fix.require': { en: 'Require {classEn}', ja: '{classJa}を必須にする' },
  },
  appliesTo: mayHoldPolicy,
  check(doc, ctx) {
    const profile = profileOf(ctx);
    const req = profile.composition;
    const out: RawFinding[] = [];
    for (const policy of policiesOf(doc)) {
      if (!policy.classes && !policy.minClasses) continue;
      if (req.mode === 'discouraged') {
        const imposed = CHAR_CLASSES.filter((c) => policy.classes?.[c]?.kind === 'set' && effective(policy.classes[c]) === true);
        const at =
          imposed.length > 0
            ? policy.classes?.[imposed[0]]
            : policy.minClasses?.kind === 'set' && (effective(policy.minClasses) ?? 0) > 1
              ? policy.minClasses
              : undefined;
        if (!at) continue;
        const groups = imposed.length > 0 ? imposed.map((c) => [c]) : [];
        out.push({
          range: at.range,
          messageId: 'discouraged',
          severity: 'info',
          data: {
            ...basisData(profile, req),
            actual: imposed.join(','),
            required: '',
            actualEn: groups.length ? classList(groups, 'en') : `any ${effective(policy.minClasses)} of 4 classes`,
            actualJa: groups.length ? classList(groups, 'ja') : `4種のうち${effective(policy.minClasses)}種`,
          },
          guidelines: req.guidelines,
        });
        continue;
      }
      const missing = req.groups.filter((g) => groupRequired(policy, g, req.groups.length) === false);
      if (missing.length === 0) continue;
      const required = CHAR_CLASSES.filter((c) => effective(policy.classes?.[c]) === true);
      // One setting may turn on several classes at once (Supabase): offer that edit once,
      // titled with every class it turns on.
      const byEdit = new Map<string, { fix: Fix; classes: CharClass[] }>();
      for (const g of missing) {
        const cls = g.find((c) => policy.classes?.[c]) ?? g[0];
        const fix = setFix(policy.classes?.[cls], true, 'fix.require', {});
        if (!fix) continue;
        const key = JSON.stringify(fix.edits);
        const seen = byEdit.get(key);
        if (seen) seen.classes.push(cls);
        else byEdit.set(key, { fix, classes: [cls] });
      }
      const fixes: Fix[] = [...byEdit.values()].map(({ fix, classes }) => ({
        ...fix,
        data: {
          classEn: classList(
            classes.map((c) => [c]),
            'en',
          ),
          classJa: classList(
            classes.map((c) => [c]),
            'ja',
          ),
        },
      }));
      const first = missing[0].map((c) => policy.classes?.[c]).find((f) => f !== undefined);
      out.push({
        range: switchedOffSpan(policy, missing) ?? (first ?? policy.minClasses)?.range ?? policy.anchor,
        // "Requires none" only where every class is known; otherwise name the missing ones.
        messageId:
          required.length === 0 && (effective(policy.minClasses) ?? 0) <= 1 && CHAR_CLASSES.every((c) => effective(policy.classes?.[c]) !== undefined)
            ? 'none'
            : 'missing',
        data: {
          ...basisData(profile, req),
          actual: required.join(','),
          required: req.groups.map((g) => g.join('|')).join(','),
          missingEn: classList(missing, 'en'),
          missingJa: classList(missing, 'ja'),
          requiredEn: classList(req.groups, 'en'),
          requiredJa: classList(req.groups, 'ja'),
        },
        guidelines: req.guidelines,
        ...(fixes.length ? { fixes } : {}),
      });
    }
    return out;
  },
};
