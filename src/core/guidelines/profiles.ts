import type { Localized } from './catalog';

/**
 * Password-policy profiles: the numbers each guideline asks for, so one policy can be judged
 * against the Japanese baseline, the MHLW medical guideline, PCI DSS or NIST. Every number here
 * comes from a verified entry of the project's guideline reference; where a guideline gives no
 * number (PPC Q&A 10-19 asks for a minimum length, reuse limits and lockout, without values),
 * the profile asks only that the control exists.
 */

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
}

export interface LengthRequirement extends Basis {
  min: number;
  /** Enough when the same policy also requires multi-factor authentication. */
  withMfa?: number;
  /** Enough when passwords must also be changed at least every `maxAgeDays` days. */
  withExpiry?: { min: number; maxAgeDays: number };
  /** A minimum below this is an error rather than a warning. */
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
  guidelines: ['nisc-handbook', 'mic-kokumin-pw', 'ppc-faq-10-19'],
};

const MHLW: Basis = {
  source: { en: 'MHLW medical information security guideline 6.0', ja: '厚生労働省「医療情報システムの安全管理に関するガイドライン」第6.0版' },
  guidelines: ['mhlw-6.0-sys-14', 'ppc-faq-10-19'],
};

// PCI DSS and NIST have no official Japanese URL in the catalog: the PPC Q&A leads.
const PCI: Basis = {
  source: { en: 'PCI DSS v4.0 8.3', ja: 'PCI DSS v4.0 要件 8.3' },
  guidelines: ['ppc-faq-10-19', 'pci-dss-4'],
};

const NIST: Basis = {
  source: { en: 'NIST SP 800-63B-4', ja: 'NIST SP 800-63B-4' },
  guidelines: ['ppc-faq-10-19', 'nist-800-63b-4'],
};

const ALL_FOUR: CharClass[][] = [['upper'], ['lower'], ['digit'], ['symbol']];

/** The built-in profiles. */
export const PROFILES: Readonly<Record<ProfileId, PasswordProfile>> = {
  'jp-baseline': {
    id: 'jp-baseline',
    label: 'jp-baseline',
    title: { en: 'Japanese baseline (NISC, MIC, PPC)', ja: '日本の基本水準（NISC・総務省・個人情報保護委員会）' },
    // NISC handbook: 10 or more characters mixing upper and lower case, digits and symbols.
    length: { ...NISC_HANDBOOK, min: 10, errorBelow: 8 },
    composition: { ...NISC_HANDBOOK, mode: 'require', groups: ALL_FOUR },
    // PPC Q&A 10-19 asks for reuse limits and lockout without numbers.
    reuse: { ...PPC_10_19, minHistory: 1 },
    lockout: { ...PPC_10_19 },
    expiry: {
      source: { en: 'MIC / NISC handbook', ja: '総務省・NISC ハンドブック' },
      guidelines: ['mic-kokumin-pw', 'nisc-handbook'],
      mode: 'discouraged',
    },
  },
  'mhlw-medical': {
    id: 'mhlw-medical',
    label: 'mhlw-medical',
    title: { en: 'MHLW medical information systems 6.0', ja: '厚生労働省 医療情報システム安全管理ガイドライン 6.0' },
    // MHLW 6.0 Q&A: 13+ mixed; or 8+ mixed and changed at least every two months; or 8+ with
    // two or more factors.
    length: { ...MHLW, min: 13, withMfa: 8, withExpiry: { min: 8, maxAgeDays: 60 }, errorBelow: 8 },
    composition: { ...MHLW, mode: 'require', groups: [['upper', 'lower'], ['digit'], ['symbol']] },
    // Medical providers handle personal data too: the PPC's reuse and lockout asks apply.
    reuse: { ...PPC_10_19, minHistory: 1 },
    lockout: { ...PPC_10_19 },
    expiry: { ...MHLW, mode: 'tolerated' },
  },
  'pci-dss-4': {
    id: 'pci-dss-4',
    label: 'pci-dss-4',
    title: { en: 'PCI DSS v4.0', ja: 'PCI DSS v4.0' },
    // 8.3.6: 12 characters with letters and digits; 8.3.7: not the last 4; 8.3.4: at most 10
    // attempts, locked for at least 30 minutes.
    length: { ...PCI, min: 12, errorBelow: 8 },
    composition: { ...PCI, mode: 'require', groups: [['upper', 'lower'], ['digit']] },
    reuse: { ...PCI, minHistory: 4 },
    lockout: { ...PCI, maxAttempts: 10, minMinutes: 30 },
    expiry: { ...PCI, mode: 'tolerated' },
  },
  'nist-800-63b-4': {
    id: 'nist-800-63b-4',
    label: 'nist-800-63b-4',
    title: { en: 'NIST SP 800-63B-4', ja: 'NIST SP 800-63B-4' },
    // 15 as the only factor, 8 within MFA; no composition rules; no periodic change; rate
    // limiting at 100 consecutive failures at most.
    length: { ...NIST, min: 15, withMfa: 8, errorBelow: 8 },
    composition: { ...NIST, mode: 'discouraged', groups: [] },
    lockout: { ...NIST, maxAttempts: 100 },
    expiry: { source: NIST.source, guidelines: ['mic-kokumin-pw', 'nist-800-63b-4'], mode: 'discouraged' },
  },
};

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
    composition: classes !== undefined ? { ...base.composition, mode: 'require', groups: classes.map((c) => [c]) } : base.composition,
  };
  // A custom minimum replaces the guideline's alternatives, which were tied to its own number.
  if (minLength !== undefined) delete profile.length.withExpiry;
  if (history !== undefined) {
    if (history === 0) delete profile.reuse;
    else profile.reuse = { ...(base.reuse ?? PPC_10_19), minHistory: history };
  }
  if (attempts !== undefined || minutes !== undefined) {
    if (attempts === 0) delete profile.lockout;
    else {
      profile.lockout = {
        ...(base.lockout ?? PPC_10_19),
        ...(attempts !== undefined ? { maxAttempts: attempts } : {}),
        ...(minutes !== undefined ? { minMinutes: minutes } : {}),
      };
    }
  }
  return profile;
}
