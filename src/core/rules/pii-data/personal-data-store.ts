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
  examples: {
    bad: [
      {
        path: 'db/seeds/customers.csv',
        text: '氏名,フリガナ,電話番号,メールアドレス\n佐藤 一郎,サトウ イチロウ,090-3841-2270,ichiro.sato@gmail.com\n鈴木 花,スズキ ハナ,080-5512-9043,hana.suzuki@yahoo.co.jp\n高橋 健,タカハシ ケン,070-2298-4416,ken.t@icloud.com\n田中 陽菜,タナカ ヒナ,090-6137-4825,hina.tanaka@outlook.jp\n伊藤 蓮,イトウ レン,080-7294-3361,ren.ito@docomo.ne.jp\n',
      },
      {
        path: 'db/dump.sql',
        text: "INSERT INTO `customers` (`id`, `name`, `email`, `tel`) VALUES (1,'佐藤 一郎','ichiro.sato@gmail.com','090-3841-2270'),(2,'鈴木 花','hana.suzuki@yahoo.co.jp','080-5512-9043'),(3,'高橋 健','ken.t@icloud.com','070-2298-4416'),(4,'田中 陽菜','hina.tanaka@outlook.jp','090-6137-4825'),(5,'伊藤 蓮','ren.ito@docomo.ne.jp','080-7294-3361');\n",
      },
      {
        // No header: the columns are known by their values (〒 codes, addresses, names, phones).
        path: 'print/labels.csv',
        text: '〒064-0808,北海道札幌市中央区南八条西4-12-3,石井 陽介,011-531-7284\n〒980-0014,宮城県仙台市青葉区本町2-6-11,村上 彩,022-264-8391\n〒371-0023,群馬県前橋市本町1-9-4,岡田 拓海,027-235-1946\n〒420-0852,静岡県静岡市葵区紺屋町7-3,松本 由佳,054-253-6072\n〒700-0901,岡山県岡山市北区本町5-18,前田 翼,086-232-4819\n〒862-0950,熊本県熊本市中央区水前寺3-2-27,藤井 美桜,096-384-5163\n',
      },
      {
        // Oracle style: no column list, one value per line; the first and last name come before the phone.
        path: 'scripts/staff_populate.sql',
        text: "INSERT INTO staff VALUES\n  ( 201\n  , 'Nadia'\n  , 'Kowalski'\n  , '1.612.409.3381'\n  );\nINSERT INTO staff VALUES\n  ( 202\n  , 'Owen'\n  , 'Hartley'\n  , '1.612.409.5529'\n  );\nINSERT INTO staff VALUES\n  ( 203\n  , 'Greta'\n  , 'Lindqvist'\n  , '44.20.7946.3318'\n  );\nINSERT INTO staff VALUES\n  ( 204\n  , 'Samuel'\n  , 'Okafor'\n  , '1.612.409.7740'\n  );\nINSERT INTO staff VALUES\n  ( 205\n  , 'Ingrid'\n  , 'Baptiste'\n  , '1.612.409.2267'\n  );\nINSERT INTO staff VALUES\n  ( 206\n  , 'Victor'\n  , 'Almeida'\n  , '44.20.7946.8153'\n  );\n",
      },
      {
        path: 'docs/members.md',
        text: '| 氏名 | 住所 | 電話番号 |\n|---|---|---|\n| 西村 直樹 | 埼玉県川越市脇田町18-5 | 049-226-3817 |\n| 森田 千尋 | 千葉県船橋市本町4-31-2 | 047-433-9162 |\n| 原田 啓介 | 神奈川県藤沢市鵠沼石上1-7-9 | 0466-27-4038 |\n| 小松 里奈 | 東京都町田市原町田6-14-1 | 042-728-5196 |\n| 今井 大地 | 東京都八王子市明神町2-26-9 | 042-646-3071 |\n',
      },
    ],
    good: [
      {
        path: 'db/seeds/customers.csv',
        text: '氏名,フリガナ,電話番号,メールアドレス\n佐藤 一郎,サトウ イチロウ,090-0000-0001,user1@example.com\n鈴木 花,スズキ ハナ,090-0000-0002,user2@example.com\n高橋 健,タカハシ ケン,090-0000-0003,user3@example.jp\n',
      },
      { path: 'src/users.ts', text: 'export const users = [{ name: "佐藤 一郎", email: "ichiro.sato@gmail.com", tel: "090-3841-2270" }];\n' },
      {
        // Agencies, not people: the file names what its rows are, and the mailboxes are the agencies'.
        path: 'db/data/TravelAgency.csv',
        text: 'AgencyID;Name;Street;PostalCode;City;PhoneNumber;EMailAddress\nA01;Bluewave Tours;88 Harbour Street;2000;Sydney;+61 2 9251 4470;info@bluewave-tours.com.au\nA02;Alpine Escapes;Bahnhofstr. 21;8001;Zurich;+41 44 211 3380;booking@alpine-escapes.ch\nA03;Sunrise Holidays;12 Beach Road;6000;Perth;+61 8 9322 1190;sales@sunrise-holidays.com.au\n',
      },
      {
        // A handful of records is not a store of customer data (here three, known only by their values).
        path: 'print/labels.csv',
        text: '〒064-0808,北海道札幌市中央区南八条西4-12-3,石井 陽介,011-531-7284\n〒980-0014,宮城県仙台市青葉区本町2-6-11,村上 彩,022-264-8391\n〒371-0023,群馬県前橋市本町1-9-4,岡田 拓海,027-235-1946\n',
      },
    ],
  },
};
