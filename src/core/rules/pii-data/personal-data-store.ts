import { CWE, risk } from '../risk';
/**
 * One finding per store of personal records: a CSV/TSV export, a JSON or YAML fixture, an SQL
 * seed or dump table, a log. It names what the records hold and how many there are, at the
 * header (or the first record), instead of one finding per row.
 */
import type { Localized } from '../../guidelines/catalog';
import type { RawFinding, Rule } from '../rule';
import { piiApplies, piiView } from './analysis/analyze';
import { formatCount, kindList, PII_DATA_GUIDELINES, piiDescription, storeGuidelines } from './analysis/common';
import { STRONG_KINDS } from './analysis/fields';
import type { StoreSummary } from './analysis/tally';

function where(s: StoreSummary): Localized {
  switch (s.kind) {
    case 'csv':
      return { en: 'This delimited (CSV/TSV) file', ja: 'この区切り形式（CSV/TSV）のファイル' };
    case 'json':
      return { en: 'This JSON file', ja: 'この JSON ファイル' };
    case 'yaml':
      return { en: 'This YAML file', ja: 'この YAML ファイル' };
    case 'sql':
      return { en: `Table "${s.table ?? ''}" in this SQL`, ja: `この SQL のテーブル「${s.table ?? ''}」` };
    case 'log':
      return { en: 'This log or text file', ja: 'このログ・テキストファイル' };
  }
}

export const personalDataStoreRule: Rule = {
  id: 'pii-data/personal-data-store',
  risk: risk(7.5, 'medium', CWE.PII),
  category: 'pii-data',
  severity: 'warning',
  guidelines: PII_DATA_GUIDELINES,
  title: { en: 'Personal records committed to the repository', ja: 'リポジトリにコミットされた個人データ' },
  description: piiDescription({
    en: 'This file holds records about people — names with contact details, addresses or dates of birth, or identifiers such as My Number, passport or card numbers — as seed data, a fixture, an export, a dump or a log. A store holding My Numbers falls under the My Number Act, one holding card numbers under the card regime; both lead the citations when found.',
    ja: 'このファイルには、氏名と連絡先・住所・生年月日、あるいはマイナンバー・旅券番号・カード番号などの個人に関するレコードが、シードデータ・フィクスチャ・エクスポート・ダンプ・ログとして含まれています。マイナンバーを含む場合は番号法、カード番号を含む場合はクレジットカードの規律が適用され、その場合は引用の先頭に示します。',
  }),
  messages: {
    bulk: {
      en: '{whereEn} holds {count} {unitEn} with {fieldsEn}. Replace them with synthetic or masked data and purge the real ones from the history.',
      ja: '{whereJa}に、{fieldsJa}を含む {count} {unitJa}があります。架空またはマスキングしたデータに置き換え、実データは履歴からも削除してください。',
    },
  },
  appliesTo: piiApplies,
  check(doc) {
    return piiView(doc).stores.map((s): RawFinding => {
      const fields = kindList(s.kinds);
      const w = where(s);
      const nested = s.kind === 'json' || s.kind === 'yaml';
      return {
        range: s.range,
        messageId: 'bulk',
        data: {
          count: formatCount(s.rows),
          records: String(s.rows),
          kinds: s.kinds.join(','),
          fieldsEn: fields.en,
          fieldsJa: fields.ja,
          whereEn: w.en,
          whereJa: w.ja,
          unitEn: nested ? 'records' : 'rows',
          unitJa: nested ? '件のレコード' : '行',
        },
        // Identifiers in bulk are as serious as one identifier: error, like their own rules.
        ...(s.kinds.some((k) => STRONG_KINDS.has(k)) ? { severity: 'error' as const } : {}),
        // My Numbers, card or passport numbers bring their own regimes: those lead the citation.
        ...(storeGuidelines(s.kinds) ? { guidelines: storeGuidelines(s.kinds) } : {}),
        // Only a header or statement is quoted; a record would put personal data in the report.
        ...(s.header ? { excerpt: doc.text.slice(s.range[0], Math.min(s.range[1], s.range[0] + 160)) } : {}),
      };
    });
  },
};
