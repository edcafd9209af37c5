import { CWE, risk } from '../risk';
import { MY_NUMBER_GUIDELINES } from './analysis/common';
import { identifierRule } from './analysis/identifier-rule';
import { maskDigits } from './analysis/identifiers';

/** `pii-data/my-number`: a My Number with a valid check digit, in context (see analysis/identifier-rule.ts). */
export const myNumberRule = identifierRule({
  id: 'pii-data/my-number',
  risk: risk(9.6, 'high', CWE.PII),
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
