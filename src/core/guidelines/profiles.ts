import type { Localized, Provenance } from './catalog';

/**
 * Password-policy profiles: the numbers each guideline asks for, so one policy can be judged
 * against the Japanese baseline, the MHLW medical guideline, PCI DSS or NIST. Each number
 * carries in `trace` either the reference line it comes from (with its verification level) or
 * `MAMORI_DEFAULT`, which says plainly that it is Mamori's own choice; a test holds every
 * number to that. Where a guideline gives no number (PPC Q&A 10-19 asks for a minimum length,
 * reuse limits and lockout, without values), the profile asks only that the control exists.
 */

/** A number no guideline gives: Mamori's own default, documented where it is used. */
export const MAMORI_DEFAULT = 'mamori-default' as const;

/** Where one number of a profile comes from. */
export type Trace = Provenance | typeof MAMORI_DEFAULT;

export type ProfileId = 'jp-baseline' | 'mhlw-medical' | 'pci-dss-4' | 'nist-800-63b-4';

/** Profile ids in the order the settings UI lists them; the first is the default. */
export const PROFILE_IDS: readonly ProfileId[] = ['jp-baseline', 'mhlw-medical', 'pci-dss-4', 'nist-800-63b-4'];

/** The four character classes a policy can require. */
export type CharClass = 'upper' | 'lower' | 'digit' | 'symbol';

export const CHAR_CLASSES: readonly CharClass[] = ['upper', 'lower', 'digit', 'symbol'];

/** Where a requirement comes from: a short name for messages and the catalog ids to cite. */
export interface Basis {
  /** Short name of the guideline, e.g. "NISC handbook". */
  source: Localized;
  /** Catalog ids; the first has an official URL and is the primary link. */
  guidelines: string[];
  /** The source of each number of the requirement, by field name (`min`, `withMfa` …). */
  trace?: Readonly<Record<string, Trace>>;
}

export interface LengthRequirement extends Basis {
  min: number;
  /** Enough when the same policy also requires multi-factor authentication. */
  withMfa?: number;
  /**
   * Enough when passwords must also be changed at least every `maxAgeMonths` months. A policy
   * counts its age in days; it meets this when every such span fits in that many calendar
   * months (see `withinMonths`).
   */
  withExpiry?: { min: number; maxAgeMonths: number };
  /**
   * A minimum below this is an error rather than a warning. No guideline draws that line:
   * it is Mamori's own default (8, the lowest minimum any profile accepts in any form).
   */
  errorBelow: number;
}

export interface CompositionRequirement extends Basis {
  /**
   * `require`: every group needs at least one of its classes required (`[['upper', 'lower']]`
   * means "letters"). `discouraged`: the guideline says not to impose composition rules.
   */
  mode: 'require' | 'discouraged';
  groups: CharClass[][];
}

export interface ReuseRequirement extends Basis {
  /** Number of earlier passwords that must be refused (1 = any restriction). */
  minHistory: number;
}

export interface LockoutRequirement extends Basis {
  /** Most failed attempts allowed before lockout; undefined = any threshold. */
  maxAttempts?: number;
  /** Shortest acceptable lockout, in minutes; undefined = any duration. */
  minMinutes?: number;
}

export interface ExpiryStance extends Basis {
  /** `discouraged`: forced periodic change is unnecessary unless a password leaked. */
  mode: 'discouraged' | 'tolerated';
}

/** One profile, fully resolved (after custom overrides). */
export interface PasswordProfile {
  id: ProfileId;
  /** Shown in messages: the id, marked when custom numbers were applied. */
  label: string;
  title: Localized;
  length: LengthRequirement;
  composition: CompositionRequirement;
  /** Undefined when the profile asks nothing about reuse. */
  reuse?: ReuseRequirement;
  /** Undefined when the profile asks nothing about lockout. */
  lockout?: LockoutRequirement;
  expiry: ExpiryStance;
}

/** Custom numbers on top of a profile (`mamori.json` / ScanConfig). */
export interface PasswordPolicyOverrides {
  minLength?: number;
  minLengthWithMfa?: number;
  /** A minimum below this is an error. */
  errorBelow?: number;
  /** Classes that must each be required; `[]` asks for none. */
  requiredClasses?: CharClass[];
  /** Earlier passwords that must be refused; 0 turns the reuse check off. */
  passwordHistory?: number;
  /** Most failed attempts before lockout; 0 turns the lockout check off. */
  lockoutAttempts?: number;
  /** Shortest lockout in minutes. */
  lockoutMinutes?: number;
}

/** What a caller may set: `{ profile: 'pci-dss-4', overrides: { minLength: 14 } }`. */
export interface PasswordPolicyConfig {
  profile?: ProfileId;
  overrides?: PasswordPolicyOverrides;
}

const PPC_10_19: Basis = {
  source: { en: 'PPC Q&A 10-19', ja: '個人情報保護委員会 Q&A 10-19' },
  guidelines: ['ppc-faq-10-19'],
};

const NISC_HANDBOOK: Basis = {
  source: { en: 'NISC handbook', ja: 'NISC「インターネットの安全・安心ハンドブック」' },
  guidelines: ['nisc-handbook', 'ppc-faq-10-19'],
};

const MHLW: Basis = {
  source: {
    en: 'MHLW medical information security guideline 6.0, Q&A シQ-54',
    ja: '厚生労働省「医療情報システムの安全管理に関するガイドライン」第6.0版 Q&A シQ-54',
  },
  guidelines: ['mhlw-6.0-qa-54', 'mhlw-6.0-sys-14', 'ppc-faq-10-19'],
};

// PCI DSS and NIST have no official Japanese URL in the catalog: the PPC Q&A leads.
const PCI: Basis = {
  source: { en: 'PCI DSS v4.0.1 8.3', ja: 'PCI DSS v4.0.1 要件 8.3' },
  guidelines: ['ppc-faq-10-19', 'pci-dss-v4-8.3'],
};

const NIST: Basis = {
  source: { en: 'NIST SP 800-63B-4', ja: 'NIST SP 800-63B-4' },
  guidelines: ['ppc-faq-10-19', 'nist-800-63b-4'],
};

const ALL_FOUR: CharClass[][] = [['upper'], ['lower'], ['digit'], ['symbol']];

// The reference lines behind each number (jp-guidelines.md, outside the repository).
const NISC_10: Provenance = {
  level: 'official',
  source: 'nisc.go.jp column 2022-07-05',
  ref: '§3 「英大文字(26種類)小文字(26種類)+数字(10種類)+記号(26種類)の計88種類の文字をランダムに使って、10桁以上を安全圏として推奨しています。」 (VERIFIED-official: https://www.nisc.go.jp/pr/column/20220705.html)',
};
const MHLW_QA: (what: string) => Provenance = (what) => ({
  level: 'official',
  source: 'MHLW 6.0 Q&A シQ-54 (wic-net verbatim mirror)',
  ref: `§9 Q&A シQ-54 (VERIFIED-official mirror): ${what}`,
});
const PCI_SEC: (what: string) => Provenance = (what) => ({
  level: 'secondary',
  source: 'ComplianceAsCode controls/pcidss_4.yml, aligent README',
  ref: `§14 PCI DSS v4.0.1 (VERIFIED-secondary): ${what}`,
});
const NIST_SEC: (what: string) => Provenance = (what) => ({
  level: 'secondary',
  source: 'OWASP ASVS issue #3242; usnistgov/800-63-4',
  ref: `§14 NIST SP 800-63B-4 (VERIFIED-secondary): ${what}`,
});

/** The built-in profiles. */
export const PROFILES: Readonly<Record<ProfileId, PasswordProfile>> = {
  'jp-baseline': {
    id: 'jp-baseline',
    label: 'jp-baseline',
    title: { en: 'Japanese baseline (NISC, MIC, PPC)', ja: '日本の基本水準（NISC・総務省・個人情報保護委員会）' },
    // NISC handbook: 10 or more characters drawn from upper and lower case, digits and symbols.
    // Below 8 is an error: Mamori's own line, not the handbook's.
    length: { ...NISC_HANDBOOK, min: 10, errorBelow: 8, trace: { min: NISC_10, errorBelow: MAMORI_DEFAULT } },
    composition: { ...NISC_HANDBOOK, mode: 'require', groups: ALL_FOUR, trace: { groups: NISC_10 } },
    // PPC Q&A 10-19 asks for reuse limits and lockout without numbers: any restriction will do.
    reuse: { ...PPC_10_19, minHistory: 1, trace: { minHistory: MAMORI_DEFAULT } },
    lockout: { ...PPC_10_19 },
    expiry: {
      source: { en: 'MIC / NISC handbook', ja: '総務省・NISC ハンドブック' },
      guidelines: ['nisc-handbook', 'mic-kokumin-pw'],
      mode: 'discouraged',
    },
  },
  'mhlw-medical': {
    id: 'mhlw-medical',
    label: 'mhlw-medical',
    title: { en: 'MHLW medical information systems 6.0', ja: '厚生労働省 医療情報システム安全管理ガイドライン 6.0' },
    // MHLW 6.0 Q&A シQ-54: a. 13+ mixed; b. 8+ mixed and changed at least every 2 months;
    // c. 8+ with two or more factors.
    length: {
      ...MHLW,
      min: 13,
      withMfa: 8,
      withExpiry: { min: 8, maxAgeMonths: 2 },
      errorBelow: 8,
      trace: {
        min: MHLW_QA('a. **13 or more characters**'),
        withMfa: MHLW_QA('c. with two or more factors: **8 or more characters**'),
        'withExpiry.min': MHLW_QA('b. **8 or more characters**, mixed'),
        'withExpiry.maxAgeMonths': MHLW_QA('b. changed at least every **2 months**'),
        errorBelow: MAMORI_DEFAULT,
      },
    },
    composition: {
      ...MHLW,
      mode: 'require',
      groups: [['upper', 'lower'], ['digit'], ['symbol']],
      trace: { groups: MHLW_QA('mixed letters, digits and symbols') },
    },
    // Medical providers handle personal data too: the PPC's reuse and lockout asks apply.
    reuse: { ...PPC_10_19, minHistory: 1, trace: { minHistory: MAMORI_DEFAULT } },
    lockout: { ...PPC_10_19 },
    expiry: { ...MHLW, mode: 'tolerated' },
  },
  'pci-dss-4': {
    id: 'pci-dss-4',
    label: 'pci-dss-4',
    title: { en: 'PCI DSS v4.0.1', ja: 'PCI DSS v4.0.1' },
    // 8.3.6: 12 characters with letters and digits; 8.3.7: not the last 4; 8.3.4: at most 10
    // attempts, locked for at least 30 minutes.
    length: {
      ...PCI,
      min: 12,
      errorBelow: 8,
      trace: { min: PCI_SEC('8.3.6: **12 characters**'), errorBelow: PCI_SEC('8.3.6: (8 if the system cannot support 12)') },
    },
    composition: { ...PCI, mode: 'require', groups: [['upper', 'lower'], ['digit']], trace: { groups: PCI_SEC('8.3.6: both letters and digits') } },
    reuse: { ...PCI, minHistory: 4, trace: { minHistory: PCI_SEC('8.3.7: no reuse of the last **4** passwords') } },
    lockout: {
      ...PCI,
      maxAttempts: 10,
      minMinutes: 30,
      trace: { maxAttempts: PCI_SEC('8.3.4: lockout after **at most 10** attempts'), minMinutes: PCI_SEC('8.3.4: for **at least 30 minutes**') },
    },
    expiry: { ...PCI, mode: 'tolerated' },
  },
  'nist-800-63b-4': {
    id: 'nist-800-63b-4',
    label: 'nist-800-63b-4',
    title: { en: 'NIST SP 800-63B-4', ja: 'NIST SP 800-63B-4' },
    // 15 as the only factor, 8 within MFA; no composition rules; no periodic change; rate
    // limiting at 100 consecutive failures at most.
    length: {
      ...NIST,
      min: 15,
      withMfa: 8,
      errorBelow: 8,
      trace: {
        min: NIST_SEC('minimum **15** characters when the password is the single factor'),
        withMfa: NIST_SEC('**8** when used within MFA'),
        errorBelow: MAMORI_DEFAULT,
      },
    },
    composition: { ...NIST, mode: 'discouraged', groups: [] },
    lockout: { ...NIST, maxAttempts: 100, trace: { maxAttempts: NIST_SEC('rate limiting: at most **100** consecutive failed attempts (§3.2.2)') } },
    expiry: { source: NIST.source, guidelines: ['ppc-faq-10-19', 'nist-800-63b-4', 'mic-kokumin-pw'], mode: 'discouraged' },
  },
};

/**
 * Whether a password age of `days` always fits in `months` calendar months: the shortest run
 * of that many months (February first, in a common year) decides, so 59 days meet "2 months"
 * and 60 do not (60 days from 1 January end on 1 March).
 */
export function withinMonths(days: number, months: number): boolean {
  // Shortest spans of 1…12 consecutive months, starting with February of a common year.
  const shortest = [28, 59, 89, 120, 150, 181, 212, 242, 273, 303, 334, 365];
  const m = Math.floor(months);
  if (m < 1) return false;
  return days <= (m <= 12 ? shortest[m - 1] : Math.floor(m / 12) * 365 + shortest[Math.max(0, (m % 12) - 1)]);
}

/** Whether a string names a built-in profile. */
export function isProfileId(id: unknown): id is ProfileId {
  return typeof id === 'string' && (PROFILE_IDS as readonly string[]).includes(id);
}

function count(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/**
 * A profile with custom numbers applied. Invalid override values (negative, not numbers) are
 * ignored rather than thrown on: a bad setting must not stop a scan.
 */
export function resolveProfile(id: ProfileId, overrides: PasswordPolicyOverrides = {}): PasswordProfile {
  const base = PROFILES[id];
  const o = overrides;
  const minLength = count(o.minLength);
  const withMfa = count(o.minLengthWithMfa);
  const errorBelow = count(o.errorBelow);
  const history = count(o.passwordHistory);
  const attempts = count(o.lockoutAttempts);
  const minutes = count(o.lockoutMinutes);
  const classes = Array.isArray(o.requiredClasses) ? o.requiredClasses.filter((c) => CHAR_CLASSES.includes(c)) : undefined;
  const custom = [minLength, withMfa, errorBelow, history, attempts, minutes, classes].some((v) => v !== undefined);
  if (!custom) return base;

  const profile: PasswordProfile = {
    ...base,
    label: `${base.id}+custom`,
    length: {
      ...base.length,
      ...(minLength !== undefined ? { min: minLength } : {}),
      ...(withMfa !== undefined ? { withMfa } : {}),
      ...(errorBelow !== undefined ? { errorBelow } : {}),
    },
    composition: classes !== undefined ? { ...base.composition, mode: 'require', groups: classes.map((c) => [c]), trace: {} } : base.composition,
  };
  // Custom numbers are the organisation's own; they drop the guideline's trace for that field.
  const withoutTrace = (basis: Basis, fields: string[]): Basis['trace'] => {
    const t = { ...(basis.trace ?? {}) };
    for (const f of fields) delete t[f];
    return t;
  };
  profile.length.trace = withoutTrace(base.length, [
    ...(minLength !== undefined ? ['min', 'withExpiry.min', 'withExpiry.maxAgeMonths'] : []),
    ...(withMfa !== undefined ? ['withMfa'] : []),
    ...(errorBelow !== undefined ? ['errorBelow'] : []),
  ]);
  // A custom minimum replaces the guideline's alternatives, which were tied to its own number.
  if (minLength !== undefined) delete profile.length.withExpiry;
  if (history !== undefined) {
    if (history === 0) delete profile.reuse;
    else profile.reuse = { ...(base.reuse ?? PPC_10_19), minHistory: history, trace: withoutTrace(base.reuse ?? PPC_10_19, ['minHistory']) };
  }
  if (attempts !== undefined || minutes !== undefined) {
    if (attempts === 0) delete profile.lockout;
    else {
      profile.lockout = {
        ...(base.lockout ?? PPC_10_19),
        ...(attempts !== undefined ? { maxAttempts: attempts } : {}),
        ...(minutes !== undefined ? { minMinutes: minutes } : {}),
        trace: withoutTrace(base.lockout ?? PPC_10_19, [...(attempts !== undefined ? ['maxAttempts'] : []), ...(minutes !== undefined ? ['minMinutes'] : [])]),
      };
    }
  }
  return profile;
}

/** One number of a profile with where it comes from, for the rule pages. */
export interface ProfileNumber {
  field: string;
  label: Localized;
  value: number;
  trace: Trace | undefined;
}

/** The numbers of a profile, each with its trace (undefined only for a custom number). */
export function profileNumbers(p: PasswordProfile): ProfileNumber[] {
  const out: ProfileNumber[] = [];
  const add = (basis: Basis | undefined, field: string, value: number | undefined, label: Localized) => {
    if (basis && value !== undefined) out.push({ field, label, value, trace: basis.trace?.[field] });
  };
  add(p.length, 'min', p.length.min, { en: 'minimum length', ja: '最低文字数' });
  add(p.length, 'withMfa', p.length.withMfa, { en: 'minimum length with MFA', ja: '多要素認証と組み合わせる場合の最低文字数' });
  add(p.length, 'withExpiry.min', p.length.withExpiry?.min, { en: 'minimum length with periodic change', ja: '定期変更と組み合わせる場合の最低文字数' });
  add(p.length, 'withExpiry.maxAgeMonths', p.length.withExpiry?.maxAgeMonths, { en: 'change at least every (months)', ja: '変更間隔の上限（か月）' });
  add(p.length, 'errorBelow', p.length.errorBelow, { en: 'reported as an error below', ja: 'これ未満は重大として報告' });
  add(p.reuse, 'minHistory', p.reuse?.minHistory, { en: 'earlier passwords refused', ja: '再利用を禁じる過去の世代数' });
  add(p.lockout, 'maxAttempts', p.lockout?.maxAttempts, { en: 'failed attempts before lockout (at most)', ja: 'ロックまでの失敗回数（上限）' });
  add(p.lockout, 'minMinutes', p.lockout?.minMinutes, { en: 'lockout duration (minutes, at least)', ja: 'ロック時間（分、下限）' });
  return out;
}
