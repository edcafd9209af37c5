import { CWE, risk } from '../risk';
import { maskSecret } from '../../mask';
import { PASSPORT_GUIDELINES } from './analysis/common';
import { identifierRule } from './analysis/identifier-rule';

/** `pii-data/passport-number`: a Japanese passport number, in context (see analysis/identifier-rule.ts). */
export const passportNumberRule = identifierRule({
  id: 'pii-data/passport-number',
  risk: risk(8.2, 'medium', CWE.PII),
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
