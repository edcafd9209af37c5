import type { Localized } from '../../../guidelines/catalog';
import { FIELD_KINDS, KIND_LABEL, type FieldKind } from './fields';

/**
 * Guidelines of personal data in files, primary first: APPI Art. 23, GL 10-6, Q&A 10-21 (test
 * data), then the reporting duty should the copies reach outsiders.
 */
export const PII_DATA_GUIDELINES: string[] = ['ppc-appi-art23', 'ppc-gl-10-6', 'ppc-faq-10-21', 'ppc-rule-art7', 'ppc-gl-3-5-3'];

/**
 * My Numbers: the My Number Act and the 事業者編 guideline lead (the reporting duty of Art. 29-4,
 * the safeguards of Annex 1, the rule's Art. 2 items and Q&A Q17-10 for copies outsiders can
 * reach, Art. 20 on keeping them at all), then the identification-code and APPI entries.
 */
export const MY_NUMBER_GUIDELINES: string[] = [
  'ppc-mn-act-29-4',
  'ppc-mn-gl-annex1-f',
  'ppc-mn-rule-art2',
  'ppc-mn-faq-17-10',
  'ppc-mn-act-20',
  'ppc-mn-rule-art3',
  'ppc-mn-faq-17-14',
  'ppc-gl-2-2',
  'ppc-appi-art23',
];

/** Passport numbers: an individual identification code (GL 2-2), then the APPI entries. */
export const PASSPORT_GUIDELINES: string[] = ['ppc-gl-2-2', ...PII_DATA_GUIDELINES];

/**
 * Card numbers: the card regime leads (Installment Sales Act Art. 35-16, the Credit Card
 * Security Guidelines' non-retention or PCI DSS, PCI DSS requirement 3), then APPI, under which
 * a leak of card numbers is reportable even for one person (Rules Art. 7 item 2). Card numbers
 * are not individual identification codes, so GL 2-2 is not cited.
 */
export const CARD_GUIDELINES: string[] = ['cc-kappu-35-16', 'cc-sec-gl', 'pci-dss-v4-req3', 'ppc-rule-art7', 'ppc-appi-art23', 'ppc-gl-10-6', 'ppc-gl-3-5-3'];

/** The guidelines of a store of records, by the strongest identifier it holds. */
export function storeGuidelines(kinds: readonly string[]): string[] | undefined {
  const lists: string[][] = [];
  if (kinds.includes('myNumber')) lists.push(MY_NUMBER_GUIDELINES);
  if (kinds.includes('card')) lists.push(CARD_GUIDELINES);
  if (kinds.includes('passport')) lists.push(PASSPORT_GUIDELINES);
  if (lists.length === 0) return undefined;
  return [...new Set([...lists.flat(), ...PII_DATA_GUIDELINES])];
}

/** Hover text shared by the pii-data rules, with a rule-specific opening sentence. */
export function piiDescription(what: Localized): Localized {
  return {
    en: `${what.en} Data committed to a repository is copied to every clone, fork, CI runner and developer laptop, and stays in the history after the file is deleted; none of those copies is under the access control the production database has. APPI Article 23 requires measures against leaks, and the PPC Q&A 10-21 asks to limit personal data used as test data. If the repository is public, or its copies reached people outside the business, treat it as a possible leak: the reporting duty below applies. Replace real records with synthetic or masked ones (example.com / example.jp addresses, made-up names), and purge the real ones from the history.`,
    ja: `${what.ja}リポジトリにコミットされたデータは、すべてのクローン・フォーク・CI 環境・開発者の端末に複製され、ファイルを削除しても履歴に残ります。これらの複製には本番データベースのようなアクセス制御が及びません。個人情報保護法第23条は漏えい等の防止措置を求め、個人情報保護委員会の Q&A 10-21 はテストデータとしての個人データの利用を制限するよう求めています。リポジトリが公開されている、又は複製が事業者の外部に渡った場合は、漏えい等のおそれとして扱い、下記の報告義務を確認してください。実データは架空又はマスキングしたデータ（example.com / example.jp のアドレス、架空の氏名）に置き換え、履歴からも削除してください。`,
  };
}

/** "My Number, name and phone number" / 「マイナンバー・氏名・電話番号」 in the catalogue order. */
export function kindList(kinds: Iterable<FieldKind>): { en: string; ja: string } {
  const set = new Set(kinds);
  const ordered = FIELD_KINDS.filter((k) => set.has(k));
  const en = ordered.map((k) => KIND_LABEL[k].en);
  return {
    en: en.length <= 1 ? (en[0] ?? '') : `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}`,
    ja: ordered.length === 2 ? `${KIND_LABEL[ordered[0]].ja}と${KIND_LABEL[ordered[1]].ja}` : ordered.map((k) => KIND_LABEL[k].ja).join('・'),
  };
}

/** 3214 → "3,214". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
