import type { Localized } from '../../guidelines/catalog';
import { FIELD_KINDS, KIND_LABEL, type FieldKind } from './fields';

/** Guidelines every pii-data rule cites, primary first: APPI Art. 23, GL 10-6, Q&A 10-21 (test data). */
export const PII_DATA_GUIDELINES: string[] = ['ppc-appi-art23', 'ppc-gl-10-6', 'ppc-faq-10-21'];

/** For My Number: the same, plus the My Number guideline's leak FAQ. */
export const MY_NUMBER_GUIDELINES: string[] = [...PII_DATA_GUIDELINES, 'ppc-mynumber-faq-17-1'];

/** Hover text shared by the pii-data rules, with a rule-specific opening sentence. */
export function piiDescription(what: Localized): Localized {
  return {
    en: `${what.en} Data committed to a repository is copied to every clone, fork, CI runner and developer laptop, and stays in the history after the file is deleted; none of those copies is under the access control the production database has. APPI Article 23 requires measures against leaks, and the PPC Q&A 10-21 asks to limit personal data used as test data. Replace real records with synthetic or masked ones (example.com / example.jp addresses, made-up names), and purge the real ones from the history.`,
    ja: `${what.ja}リポジトリにコミットされたデータは、すべてのクローン・フォーク・CI 環境・開発者の端末に複製され、ファイルを削除しても履歴に残ります。これらの複製には本番データベースのようなアクセス制御が及びません。個人情報保護法第23条は漏えい等の防止措置を求め、個人情報保護委員会の Q&A 10-21 はテストデータとしての個人データの利用を制限するよう求めています。実データは架空またはマスキングしたデータ（example.com / example.jp のアドレス、架空の氏名）に置き換え、履歴からも削除してください。`,
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
