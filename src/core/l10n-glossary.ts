/**
 * The Japanese glossary: one term per concept, in the PPC's own wording where it has one
 * (漏えい等, 個人データ, 安全管理措置, 本人通知 …). A unit test applies it to every Japanese
 * string Mamori shows — rule texts, engine and CLI messages, the extension's l10n bundle and
 * manifest strings, the report templates, the catalog and the reporting assessment — and fails
 * on a banned variant, a doubled particle or an English severity word. docs/glossary.ja.md is
 * the same list for people.
 */

export interface GlossaryTerm {
  /** The concept, in English. */
  concept: string;
  /** The one Japanese term Mamori uses. */
  ja: string;
  /** Where the wording comes from, when it is an issuer's. */
  source?: string;
  /** Variants that must not appear, each with the reason. */
  banned: { text: string; why: string }[];
  /**
   * Fixed names that contain a banned variant and are quoted as they are (an official panel's
   * name): removed before checking.
   */
  properNames?: string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    concept: 'leak, loss or damage',
    ja: '漏えい等（漏えい・滅失・毀損）',
    source: '個人情報保護法第26条、通則編 3-5',
    banned: [
      { text: '漏洩', why: 'the PPC writes 漏えい' },
      { text: '流出', why: 'the PPC writes 漏えい (流出 is the news word)' },
    ],
    properNames: ['旅行業界情報流出事案検討会'],
  },
  { concept: 'personal data', ja: '個人データ', source: '個人情報保護法第23条の文言', banned: [{ text: 'パーソナルデータ', why: "not the Act's term" }] },
  {
    concept: 'security control measures',
    ja: '安全管理措置',
    source: '個人情報保護法第23条',
    banned: [{ text: 'セキュリティ管理措置', why: 'the Act writes 安全管理措置' }],
  },
  {
    concept: 'notice to the individuals',
    ja: '本人通知（本人への通知）',
    source: '個人情報保護法第26条第2項、通則編 3-5-4',
    banned: [{ text: '本人への連絡', why: 'the PPC writes 本人への通知' }],
  },
  {
    concept: 'preliminary report / final report',
    ja: '速報 / 確報',
    source: '施行規則第8条、通則編 3-5-3-3・3-5-3-4',
    banned: [
      { text: '一次報告', why: 'the PPC writes 速報' },
      { text: '最終報告', why: 'the PPC writes 確報' },
    ],
  },
  {
    concept: 'may have been done for an unlawful purpose',
    ja: '不正の目的をもって行われたおそれ',
    source: '施行規則第7条第3号、番号法規則第2条第2号',
    banned: [
      { text: '不正の目的による', why: 'the rule writes 不正の目的をもって行われたおそれ' },
      { text: '不正目的', why: 'the rule writes 不正の目的をもって行われたおそれ' },
      { text: '不正の目的のおそれ', why: 'the rule writes 不正の目的をもって行われたおそれ' },
    ],
  },
  {
    concept: 'individual identification code',
    ja: '個人識別符号',
    source: '個人情報保護法第2条第2項',
    banned: [{ text: '個人識別番号', why: 'the Act writes 個人識別符号' }],
  },
  { concept: 'specific personal information (data holding My Numbers)', ja: '特定個人情報', source: '番号法第20条・第29条の4の文言', banned: [] },
  {
    concept: 'advanced encryption (the exemption)',
    ja: '高度な暗号化',
    source: '通則編 3-5-3-1、Q&A Q17-14',
    banned: [{ text: '強力な暗号化', why: 'the PPC writes 高度な暗号化' }],
  },
  { concept: 'scan', ja: 'スキャン', banned: [{ text: '走査', why: 'one term: スキャン' }] },
  {
    concept: 'exposed (reachable from the internet)',
    ja: '公開（公開状態）',
    banned: [{ text: '露出', why: 'one term: 公開 / 公開状態' }],
  },
  {
    concept: 'weak password policy',
    ja: '不十分なパスワードポリシー',
    banned: [{ text: '弱いパスワードポリシー', why: 'reads as a translation; say what is lacking' }],
  },
  {
    concept: 'revoke a credential and issue a new one',
    ja: '失効させて再発行',
    banned: [
      { text: '失効・再発行', why: 'one term: 失効させて再発行' },
      { text: 'ローテーション', why: 'one term: 失効させて再発行' },
      { text: '交換し', why: 'one term: 失効させて再発行' },
      { text: '交換す', why: 'one term: 失効させて再発行' },
    ],
  },
  {
    concept: 'severity: error / warning / info',
    ja: '重大 / 警告 / 情報',
    banned: [{ text: 'エラー', why: 'the severity is 重大 (エラー is kept only for an I/O error)' }],
    properNames: ['入出力のエラー'],
  },
  {
    concept: 'the 2016 JTB incident',
    ja: 'JTB の事案（標的型メール）',
    banned: [
      { text: 'JTB 事案の教訓', why: 'JTB was a targeted e-mail attack, not a misconfiguration' },
      { text: '793万件の顧客情報が流出', why: 'only the possibility of a leak was reported' },
    ],
  },
];

/** One problem the glossary finds in a string. */
export interface GlossaryProblem {
  text: string;
  problem: string;
}

/** Particles that read wrong when doubled across a space ("URL の の"). */
const DOUBLED = /([のにをはがでとへもや])[ \u3000]+\1(?![ぁ-ん])/;

/**
 * English severity words in Japanese text. Option values of the command line (`--fail-on
 * error|warning|info`, `既定: error`) and code in backquotes are names, not words, and are
 * removed first.
 */
const ENGLISH_SEVERITY = /\b(?:errors?|warnings?|info)\b/i;

function withoutNames(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/(?:error|warning|info)(?:\s*\|\s*(?:error|warning|info))+/g, '')
    .replace(/既定: (?:error|warning|info)/g, '')
    .replace(/\{[^}]*\}/g, '');
}

/** What the glossary finds wrong with one Japanese string. */
export function checkJapanese(text: string): GlossaryProblem[] {
  const out: GlossaryProblem[] = [];
  for (const term of GLOSSARY) {
    let t = text;
    for (const name of term.properNames ?? []) t = t.split(name).join('');
    for (const b of term.banned) if (t.includes(b.text)) out.push({ text, problem: `「${b.text}」→「${term.ja}」 (${b.why})` });
  }
  const d = DOUBLED.exec(text);
  if (d) out.push({ text, problem: `doubled particle 「${d[0]}」` });
  const e = ENGLISH_SEVERITY.exec(withoutNames(text));
  if (e) out.push({ text, problem: `English severity word "${e[0]}" in Japanese text (use 重大 / 警告 / 情報)` });
  return out;
}

/** Severity words in Japanese, as the glossary chooses them. */
export const SEVERITY_JA: Readonly<Record<'error' | 'warning' | 'info', string>> = { error: '重大', warning: '警告', info: '情報' };
