import { CWE, risk } from '../risk';
import { PII_DATA_GUIDELINES } from './analysis/common';
import { identifierRule } from './analysis/identifier-rule';
import { maskDigits } from './analysis/identifiers';

/** `pii-data/ssn`: a US Social Security number of valid format, in context (see analysis/identifier-rule.ts). */
export const ssnRule = identifierRule({
  id: 'pii-data/ssn',
  risk: risk(8.5, 'medium', CWE.PII),
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
