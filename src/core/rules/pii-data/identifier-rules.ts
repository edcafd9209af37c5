/**
 * The strong identifiers, reported value by value: My Number, Japanese passport numbers and
 * payment card numbers. Each needs a validated value and context (a column header, a key or a
 * word on the same line); each file reports at most the first five per kind.
 */
import type { Localized } from '../../guidelines/catalog';
import { maskSecret } from '../../mask';
import type { RawFinding, Rule } from '../rule';
import { CARD_GUIDELINES, MY_NUMBER_GUIDELINES, PASSPORT_GUIDELINES, PII_DATA_GUIDELINES, piiDescription } from './common';
import type { FieldKind } from './fields';
import { maskDigits } from './identifiers';
import { piiApplies, piiView } from './analyze';
import { IdHits } from './tally';

function identifierRule(spec: {
  id: string;
  kind: FieldKind;
  guidelines: string[];
  title: Localized;
  what: Localized;
  found: Localized;
  mask: (value: string) => string;
}): Rule {
  return {
    id: spec.id,
    category: 'pii-data',
    severity: 'error',
    guidelines: spec.guidelines,
    title: spec.title,
    description: piiDescription(spec.what),
    messages: {
      found: spec.found,
      foundMore: {
        en: `${spec.found.en} This file holds {more} more; only the first ${IdHits.CAP} are marked.`,
        ja: `${spec.found.ja}このファイルには他に {more} 件あります（最初の ${IdHits.CAP} 件のみ表示）。`,
      },
    },
    appliesTo: piiApplies,
    check(doc) {
      const { ids } = piiView(doc);
      const mine = ids.hits.filter((h) => h.kind === spec.kind);
      const total = ids.totals.get(spec.kind) ?? 0;
      return mine.map((h, i): RawFinding => {
        const masked = spec.mask(h.value);
        const last = i === mine.length - 1 && total > mine.length;
        return {
          range: h.range,
          messageId: last ? 'foundMore' : 'found',
          data: { masked, ...(last ? { more: String(total - mine.length) } : {}) },
          excerpt: masked,
        };
      });
    },
  };
}

export const myNumberRule = identifierRule({
  id: 'pii-data/my-number',
  kind: 'myNumber',
  guidelines: MY_NUMBER_GUIDELINES,
  title: { en: 'My Number (individual number) in the repository', ja: 'リポジトリ内のマイナンバー（個人番号）' },
  what: {
    en: "A 12-digit number with a valid My Number check digit stands under a My Number column or next to the word マイナンバー / 個人番号. A My Number is an individual identification code, and data holding it is specific personal information under the My Number Act: no one may collect or store it outside the cases the Act lists (Art. 20), and the 事業者編 guideline's safeguards apply (Annex 1 2F). A copy that outsiders can easily reach — a public repository, say — is reportable by itself, whether or not anyone viewed it and with no head count (番号法 Art. 29-4, rule Art. 2 item 3, Q&A Q17-10).",
    ja: 'マイナンバーの列又はマイナンバー・個人番号という語の近くに、検査用数字が正しい 12 桁の番号があります。個人番号は個人識別符号であり、これを含む情報は番号法上の特定個人情報です。法の定める場合を除き収集・保管は禁止され（第20条）、事業者編ガイドラインの安全管理措置（別添1 2F）が適用されます。公開リポジトリ等、事業者の外部から容易にアクセス可能な複製は、閲覧の有無や人数にかかわらず報告対象です（番号法第29条の4、番号法規則第2条第3号、Q&A Q17-10）。',
  },
  found: {
    en: 'My Number with a valid check digit ({masked}) is committed in this file. Remove it, purge it from the history, and use made-up numbers that fail the check digit in tests.',
    ja: '検査用数字が正しいマイナンバー（{masked}）がこのファイルにコミットされています。削除して履歴からも消去し、テストには検査用数字が合わない架空の番号を使ってください。',
  },
  mask: maskDigits,
});

export const passportNumberRule = identifierRule({
  id: 'pii-data/passport-number',
  kind: 'passport',
  guidelines: PASSPORT_GUIDELINES,
  title: { en: 'Passport number in the repository', ja: 'リポジトリ内の旅券番号' },
  what: {
    en: 'A Japanese passport number (two letters and seven digits) stands under a passport column or key. A passport number is an individual identification code (PPC General Rules 2-2): it makes the record personal information on its own. In the 2016 JTB incident, which began with a targeted e-mail, data including about 4,300 valid passport numbers may have leaked.',
    ja: '旅券番号の列又はキーの下に、日本の旅券番号（英字 2 文字と数字 7 桁）があります。旅券の番号は個人識別符号であり（通則編 2-2）、それだけで個人情報となります。標的型メールに始まった 2016 年の JTB の事案では、有効な旅券番号約 4,300 件を含む情報が漏えいした可能性があると公表されました。',
  },
  found: {
    en: 'Passport number ({masked}) is committed in this file. Remove it and purge it from the history; use obviously fake values in tests.',
    ja: '旅券番号（{masked}）がこのファイルにコミットされています。削除して履歴からも消去し、テストには明らかに架空の値を使ってください。',
  },
  mask: maskSecret,
});

export const cardNumberRule = identifierRule({
  id: 'pii-data/card-number',
  kind: 'card',
  guidelines: CARD_GUIDELINES,
  title: { en: 'Payment card number in the repository', ja: 'リポジトリ内のクレジットカード番号' },
  what: {
    en: 'A Luhn-valid number with a real issuer prefix and length (Visa, Mastercard, American Express, JCB, Diners Club, Discover) stands in a card column, under a card key or next to the word "card". Test numbers the card brands and payment providers publish (4111 1111 1111 1111, 4242 4242 4242 4242, JCB 3530 1113 3330 0000, …) are not reported. Card numbers fall under the card regime: the Installment Sales Act (Art. 35-16) makes businesses that handle them manage them appropriately, and the Credit Card Security Guidelines ask merchants not to retain card data at all, or to comply with PCI DSS, whose requirement 3 makes any stored card number unreadable (3.5.1). A card number is not an individual identification code, but a leak of personal data holding one is reportable to the PPC even for one person (Enforcement Rules Art. 7 item 2).',
    ja: 'カード番号の列・キー、または「カード」という語の近くに、Luhn チェックを通り、実在の発行会社の番号体系と桁数（Visa・Mastercard・American Express・JCB・Diners Club・Discover）に合う番号があります。カードブランドや決済事業者が公開しているテスト用番号（4111 1111 1111 1111、4242 4242 4242 4242、JCB 3530 1113 3330 0000 など）は報告しません。カード番号にはクレジットカードの規律が適用されます。割賦販売法（第35条の16）は取扱事業者に適切な管理を求め、クレジットカード・セキュリティガイドラインは加盟店にカード情報を保持しない（非保持化）か PCI DSS に準拠することを求めます。PCI DSS 要件3は保存するカード番号を読み取れない形にするよう求めます（3.5.1）。カード番号は個人識別符号ではありませんが、これを含む個人データの漏えい等は1人分でも委員会への報告対象です（施行規則第7条第2号）。',
  },
  found: {
    en: "Card number ({masked}) is committed in this file. Remove it and purge it from the history; use your payment provider's published test numbers instead.",
    ja: 'カード番号（{masked}）がこのファイルにコミットされています。削除して履歴からも消去し、代わりに決済事業者が公開しているテスト用番号を使ってください。',
  },
  mask: maskDigits,
});

export const ssnRule = identifierRule({
  id: 'pii-data/ssn',
  kind: 'ssn',
  guidelines: PII_DATA_GUIDELINES,
  title: { en: 'US Social Security number in the repository', ja: 'リポジトリ内の米国社会保障番号（SSN）' },
  what: {
    en: 'A US Social Security number of valid format (area not 000, 666 or 900–999, group not 00, serial not 0000) stands under an SSN column or key, or next to the words SSN / social security. An SSN identifies a person for tax, credit and benefits, and a leaked one enables identity theft; personal data of people abroad handled by a Japanese business is still personal data under the APPI.',
    ja: 'SSN の列・キー、または SSN・social security という語の近くに、形式の正しい米国社会保障番号（エリア番号が 000・666・900〜999 でなく、グループ番号が 00 でなく、シリアル番号が 0000 でない）があります。SSN は税・与信・社会保障で本人を特定する番号で、漏えいするとなりすましに使われます。国内事業者が扱う海外居住者の情報も個人情報保護法上の個人情報です。',
  },
  found: {
    en: 'US Social Security number ({masked}) is committed in this file. Remove it and purge it from the history; in tests use numbers the SSA never issues (area 000, 666 or 9xx).',
    ja: '米国社会保障番号（{masked}）がこのファイルにコミットされています。削除して履歴からも消去し、テストには発行されない番号（エリア番号 000・666・9xx）を使ってください。',
  },
  mask: maskDigits,
});
