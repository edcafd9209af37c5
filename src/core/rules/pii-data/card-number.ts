import { CWE, risk } from '../risk';
import { CARD_GUIDELINES } from './analysis/common';
import { identifierRule } from './analysis/identifier-rule';
import { maskDigits } from './analysis/identifiers';

/** `pii-data/card-number`: a Luhn-valid payment card number, in context (see analysis/identifier-rule.ts). */
export const cardNumberRule = identifierRule({
  id: 'pii-data/card-number',
  risk: risk(9.6, 'high', CWE.PII),
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
