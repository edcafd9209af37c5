/**
 * The Japanese guideline catalog. Facts (ids, issuers, titles, URLs, sections, numbers) come
 * only from the project's reference notes (jp-guidelines.md, kept outside the repository),
 * which tag each fact VERIFIED-official, VERIFIED-secondary or UNVERIFIED. The catalog keeps,
 * with every entry, each fact it shows and where the reference says it was read, so a test can
 * prove from the repository alone that no section number, figure or link ships without a
 * verified source (test/unit/core/catalog.test.ts), and every front end can tell a user which
 * facts were read only in a quotation (a law firm, a news site, a public repository).
 */

export interface Localized {
  en: string;
  ja: string;
}

/**
 * How a fact was verified, in the reference's own terms: `official` = VERIFIED-official (read
 * on the issuer's page or a verbatim mirror naming it); `secondary` = VERIFIED-secondary (read
 * in a quotation: likely right, not checked at the issuer); `unverified` = UNVERIFIED (the
 * reference says not to hard-code it: no shipped fact may carry this level).
 */
export type Level = 'official' | 'secondary' | 'unverified';

/** Where one fact comes from. */
export interface Provenance {
  level: Level;
  /** Where the reference says it was read, e.g. "PPC mirror (e-Gov text)". */
  source: string;
  /** The reference's place and words for it, e.g. "§1 ppc-rule-art7: 「…」". */
  ref: string;
}

export interface Guideline {
  id: string;
  issuer: Localized;
  title: Localized;
  /** Section or article; present only where `facts.section` is verified. */
  section?: string;
  /** Page of the issuer (or, where `kind` says so, of the standard's body); backed by `facts.url`. */
  url?: string;
  /** Version or date of the edition the facts were read from; backed by `facts.edition`. */
  edition?: string;
  summary: Localized;
  /** The lowest level among the facts shown: what the user is told about the whole entry. */
  level: Exclude<Level, 'unverified'>;
  /**
   * Every fact the entry shows: `section`, `url`, `edition`, and each figure of the title and
   * summary under the figure as written ("1,000", "3", "30" …).
   */
  facts: Readonly<Record<string, Provenance>>;
  /**
   * Who stands behind it. `official`: a Japanese law, regulator or public body; `industry`: an
   * industry body or standard (card industry, JIS/ISO, Japan CTO Association); `foreign`: a
   * non-Japanese standard given for contrast; `organisation`: the user's own organisation.
   */
  origin: 'official' | 'industry' | 'foreign' | 'organisation';
}

const off = (source: string, ref: string): Provenance => ({ level: 'official', source, ref });
const sec = (source: string, ref: string): Provenance => ({ level: 'secondary', source, ref });

const PPC: Localized = { en: 'Personal Information Protection Commission (PPC)', ja: '個人情報保護委員会' };
const NISC: Localized = { en: 'NISC / National Cybersecurity Office', ja: '内閣サイバーセキュリティセンター（現 国家サイバー統括室）' };
const IPA: Localized = { en: 'Information-technology Promotion Agency (IPA)', ja: '独立行政法人情報処理推進機構（IPA）' };
const MIC: Localized = { en: 'Ministry of Internal Affairs and Communications (MIC)', ja: '総務省' };
const MHLW: Localized = { en: 'Ministry of Health, Labour and Welfare (MHLW)', ja: '厚生労働省' };
const JPCERT: Localized = { en: 'JPCERT/CC', ja: 'JPCERT/CC（一般社団法人JPCERTコーディネーションセンター）' };
const JSA: Localized = { en: 'JIS Q 27002:2024 (ISO/IEC 27002:2022)', ja: 'JIS Q 27002:2024（ISO/IEC 27002:2022）' };
const PCI_SSC: Localized = { en: 'PCI Security Standards Council', ja: 'PCI SSC' };
const CARD_COUNCIL: Localized = {
  en: 'Credit Transaction Security Council (secretariat: Japan Consumer Credit Association)',
  ja: 'クレジット取引セキュリティ対策協議会（事務局：一般社団法人日本クレジット協会）',
};

const GL_URL = 'https://www.ppc.go.jp/personalinfo/legal/guidelines_tsusoku/';
const GL_TITLE: Localized = {
  en: 'Guidelines for the Act on the Protection of Personal Information (General Rules)',
  ja: '個人情報の保護に関する法律についてのガイドライン（通則編）',
};
const MN_GL_URL = 'https://www.ppc.go.jp/legal/policy/my_number_guideline_jigyosha/';
const MN_GL_TITLE: Localized = {
  en: 'Guidelines for the Proper Handling of Specific Personal Information (Businesses)',
  ja: '特定個人情報の適正な取扱いに関するガイドライン（事業者編）',
};
const APPI_URL = 'https://elaws.e-gov.go.jp/document?law_unique_id=415AC0000000057';
const MN_ACT_URL = 'https://elaws.e-gov.go.jp/document?lawid=425AC0000000027';
const LEAK_URL = 'https://www.ppc.go.jp/personalinfo/legal/leakAction/';

const MIRROR = 'PPC mirror (verbatim copies of 2025-09-24, kaz-under-the-bridge/appi-related-laws)';
const GL_URL_FACT = off(MIRROR, '§1 URL: https://www.ppc.go.jp/personalinfo/legal/guidelines_tsusoku/ (VERIFIED-official: the mirror below names it)');
const GL_EDITION = '2025-06 partial revision';
const GL_EDITION_FACT = off(MIRROR, '§1 Version: 「平成28年11月（令和７年６月一部改正）」 (VERIFIED-official, PPC mirror)');
const APPI_URL_FACT = off(MIRROR, '§1 PPC mirror: sources/appi-law/ (e-Gov XML, https://elaws.e-gov.go.jp/document?law_unique_id=415AC0000000057)');
const MN_ACT_URL_FACT = off(MIRROR, '§1 PPC mirror: sources/mynumber-law/ (e-Gov XML, https://elaws.e-gov.go.jp/document?lawid=425AC0000000027)');
const MN_GL_URL_FACT = off(
  MIRROR,
  '§1A Guideline URL: https://www.ppc.go.jp/legal/policy/my_number_guideline_jigyosha/ (VERIFIED-official: named by the mirror)',
);
const MN_GL_EDITION = '2025-06 partial revision';
const MN_GL_EDITION_FACT = off(MIRROR, '§1A Guideline: 平成26年12月11日 (令和7年6月一部改正) (VERIFIED-official, PPC mirror)');
const LEAK_URL_FACT = off('ppc.go.jp', '§1 ppc-rule-art7: VERIFIED-official: https://www.ppc.go.jp/personalinfo/legal/leakAction/');

/** Every entry as written; frozen and keyed by id below. */
const ENTRIES: Guideline[] = [
  // ---- APPI: the Act, the Enforcement Rules and the General Rules guideline (reference §1) ----
  {
    id: 'ppc-appi-art23',
    issuer: PPC,
    title: { en: 'APPI Article 23: security control measures', ja: '個人情報保護法 第23条（安全管理措置）' },
    section: 'Art. 23',
    url: APPI_URL,
    summary: {
      en: 'A business must take necessary and appropriate measures to prevent leakage, loss or damage of the personal data it handles.',
      ja: '個人情報取扱事業者は、その取り扱う個人データの漏えい、滅失又は毀損の防止その他の個人データの安全管理のために必要かつ適切な措置を講じなければならない。',
    },
    level: 'official',
    facts: {
      section: off(
        'e-Gov text, PPC mirror sources/appi-law/',
        '§1 ppc-appi-art23: 「個人情報取扱事業者は、その取り扱う個人データの漏えい、滅失又は毀損の防止…」',
      ),
      url: APPI_URL_FACT,
    },
    origin: 'official',
  },
  {
    id: 'ppc-appi-art26',
    issuer: PPC,
    title: { en: 'APPI Article 26: reporting leaks and notifying individuals', ja: '個人情報保護法 第26条（漏えい等の報告等）' },
    section: 'Art. 26',
    url: APPI_URL,
    summary: {
      en: 'A reportable leak, loss or damage must be reported to the PPC (para. 1), and the individuals must be notified (para. 2, 本人通知) unless notice is difficult and an alternative measure is taken. An amendment promulgated 2026-07-17 and not yet in force would relax para. 2 where the risk is small (secondary source only).',
      ja: '個人の権利利益を害するおそれが大きい漏えい等は委員会に報告し（第1項）、本人に通知しなければならない（第2項、本人通知）。本人への通知が困難で代替措置をとる場合を除く。2026年7月17日公布の改正法（未施行）は、本人へのリスクが小さい場合の本人通知を緩和する予定（二次情報のみ）。',
    },
    level: 'official',
    facts: {
      section: off(
        'e-Gov text, PPC mirror sources/appi-law/',
        '§1 ppc-appi-art26: (1) Report to the PPC … (2) 本人通知: 「本人に対し、…当該事態が生じた旨を通知しなければならない。ただし、本人への通知が困難な場合…」',
      ),
      url: APPI_URL_FACT,
      '1': off('e-Gov text', '§1 ppc-appi-art26 (1)'),
      '2': off('e-Gov text', '§1 ppc-appi-art26 (2) 本人通知'),
      '2026': sec(
        'a public repository citing https://www.ppc.go.jp/personalinfo/legal/r8kaiseihogohou/',
        '§1 Pending change: an APPI amendment promulgated 2026-07-17, not yet in force when noted, would relax 本人通知 (Art. 26(2))',
      ),
      '07': sec('as above', '§1 Pending change: promulgated 2026-07-17'),
      '7': sec('as above', '§1 Pending change: promulgated 2026-07-17'),
      '17': sec('as above', '§1 Pending change: promulgated 2026-07-17'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-gl-2-2',
    issuer: PPC,
    title: { en: `${GL_TITLE.en}, 2-2 Individual identification codes`, ja: `${GL_TITLE.ja} 2-2 個人識別符号` },
    section: '2-2',
    url: GL_URL,
    edition: GL_EDITION,
    summary: {
      en: 'An individual identification code makes data personal information on its own: the list includes Japanese passport numbers, My Numbers (individual numbers), basic pension numbers, driving-licence numbers, resident-register codes, health-insurance numbers, foreign passport numbers and residence-card numbers. Card numbers are not on the list; they are personal information only together with other data.',
      ja: '個人識別符号は、それ単体で個人情報となる。旅券の番号、個人番号（マイナンバー）、基礎年金番号、運転免許証の番号、住民票コード、各種保険証の番号、外国の旅券の番号、在留カードの番号等が該当する。クレジットカード番号は個人識別符号ではなく、他の情報と組み合わさって個人情報となる。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1 ppc-gl-2-2: APPI Art. 2(2), 施行令 Art. 1, Rules Art. 4; GL 2-2 個人識別符号 … Credit-card numbers are **not** on the list'),
      url: GL_URL_FACT,
      edition: GL_EDITION_FACT,
    },
    origin: 'official',
  },
  {
    id: 'ppc-gl-3-5-1-2',
    issuer: PPC,
    title: { en: `${GL_TITLE.en}, 3-5-1-2 What counts as a leak`, ja: `${GL_TITLE.ja} 3-5-1-2「漏えい」の考え方` },
    section: '3-5-1-2',
    url: GL_URL,
    edition: GL_EDITION,
    summary: {
      en: 'Personal data left viewable on the internet because of a system misconfiguration counts as a leak (example 3). Data recovered in full before any third party viewed it is not a leak; FAQ Q6-1 gives as such a case an exposure where access logs confirm no third party viewed the data (Q6-1: secondary source only). Numbered 3-5-1-1 before the 2024-04 revision.',
      ja: '「システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態となっていた場合」は漏えいに該当する（事例3）。「個人データを第三者に閲覧されないうちに全てを回収した場合は、漏えいに該当しない」。Q&A 6-1 は、第三者が閲覧していないことがアクセスログ等で確認できた場合をその例としている（Q6-1 は二次情報のみ）。2024年4月の改正前は 3-5-1-1。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1 Version: that revision also renumbered 3-5-1: … 「漏えい」の考え方 moved to **3-5-1-2** (VERIFIED-official, mirror)'),
      url: GL_URL_FACT,
      edition: GL_EDITION_FACT,
      '3': off(MIRROR, '§1 ppc-gl-3-5-1-2: Example 3: 「システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態となっていた場合」'),
      '6': sec('vyangas.hatenablog.com', '§1 ppc-gl-3-5-1-2: FAQ Q6-1 … Q6-1 VERIFIED-secondary'),
      '1': sec('vyangas.hatenablog.com', '§1 ppc-gl-3-5-1-2: FAQ Q6-1'),
      '3-5-1-1': off(MIRROR, '§1 ppc-gl-3-5-1-2 (was ppc-gl-3-5-1-1): numbered 3-5-1-1 before the 2024-04 revision'),
      '2024': off(MIRROR, '§1 Version: Rules Art. 7(3) … took effect 2024-04-01'),
      '04': off(MIRROR, '§1 Version: took effect 2024-04-01'),
      '4': off(MIRROR, '§1 Version: took effect 2024-04-01'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-gl-3-5-2',
    issuer: PPC,
    title: { en: `${GL_TITLE.en}, 3-5-2 Measures when a leak comes to light`, ja: `${GL_TITLE.ja} 3-5-2 漏えい等事案が発覚した場合に講ずべき措置` },
    section: '3-5-2',
    url: 'https://www.ppc.go.jp/all_faq_index/faq1-q6-5',
    summary: {
      en: 'The measures to take when a leak comes to light include determining the scope of impact (影響範囲の特定).',
      ja: '漏えい等事案が発覚した場合に講ずべき措置には、影響範囲の特定が含まれる。',
    },
    level: 'official',
    facts: {
      section: off(
        'ppc.go.jp FAQ Q6-5',
        '§1 ppc-gl-3-5-2: GL 3-5-2 漏えい等事案が発覚した場合に講ずべき措置 … VERIFIED-official (FAQ Q6-5, https://www.ppc.go.jp/all_faq_index/faq1-q6-5)',
      ),
      url: off('ppc.go.jp', '§1 ppc-gl-3-5-2: https://www.ppc.go.jp/all_faq_index/faq1-q6-5'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-gl-3-5-3',
    issuer: PPC,
    title: { en: `${GL_TITLE.en}, 3-5-3 Reports to the PPC`, ja: `${GL_TITLE.ja} 3-5-3 個人情報保護委員会への報告` },
    section: '3-5-3',
    url: GL_URL,
    edition: GL_EDITION,
    summary: {
      en: "The clock starts when any department of the business learns of the event. Preliminary report: promptly, roughly 3–5 days from that moment. Final report: within 30 days, or 60 days for a suspected unlawful purpose (Rules Art. 7 item 3), counting the day of learning as day 1. No report is needed where advanced encryption or another measure protecting the individuals' rights and interests was taken.",
      ja: '報告期限の起算点は、法人の場合、いずれかの部署が当該事態を知った時点。速報は知った時点から概ね3～5日以内、確報は知った日を1日目として30日以内（規則第7条第3号の「不正の目的をもって行われたおそれ」がある場合は60日以内）。「高度な暗号化その他の個人の権利利益を保護するために必要な措置」が講じられている場合は報告を要しない。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1 ppc-gl-3-5-3: GL 3-5-3-3 速報 / 3-5-3-4 確報 … exemption (end of 3-5-3-1)'),
      url: GL_URL_FACT,
      edition: GL_EDITION_FACT,
      '3': off(MIRROR, '§1 ppc-gl-3-5-3: 「「速やか」の日数の目安については、…概ね3～5日以内である。」'),
      '5': off(MIRROR, '§1 ppc-gl-3-5-3: 概ね3～5日以内'),
      '30': off(MIRROR, '§1 ppc-rule-art8: 「当該事態を知った日から30日以内（当該事態が前条第3号に定めるものである場合にあっては、60日以内）」'),
      '60': off(MIRROR, '§1 ppc-rule-art8: 60日以内 for 前条第3号'),
      '7': off(MIRROR, '§1 ppc-rule-art8: 前条 = Rules Art. 7'),
      '1': off(MIRROR, '§1 ppc-gl-3-5-3: counting the day of learning as day 1'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-gl-3-5-4',
    issuer: PPC,
    title: { en: `${GL_TITLE.en}, 3-5-4 Notifying the individuals`, ja: `${GL_TITLE.ja} 3-5-4 本人への通知` },
    section: '3-5-4',
    url: GL_URL,
    edition: GL_EDITION,
    summary: {
      en: 'Notify the individuals "promptly according to the situation" (Rules Art. 10) of the overview, the data items, the cause, possible secondary harm and other useful items; no fixed number of days. Where notice is impossible, take substitute measures such as publishing the event or opening an inquiry desk.',
      ja: '規則第10条により「当該事態の状況に応じて速やかに」、概要、個人データの項目、原因、二次被害又はそのおそれの有無等を本人に通知する（日数の定めはない）。通知が困難な場合は、事案の公表や問合せ窓口の設置等の代替措置をとる。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1 ppc-gl-3-5-4: APPI Art. 26(2), Rules Art. 10, GL 3-5-4 本人への通知 … GL 3-5-4-2 … GL 3-5-4-5'),
      url: GL_URL_FACT,
      edition: GL_EDITION_FACT,
      '10': off(MIRROR, '§1 ppc-gl-3-5-4: Rules Art. 10: notify 「第7条各号に定める事態を知った後、当該事態の状況に応じて速やかに…」'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-rule-art7',
    issuer: PPC,
    title: { en: 'APPI Enforcement Rules Article 7: reportable events', ja: '個人情報保護法施行規則 第7条（報告対象となる事態）' },
    section: 'Art. 7',
    url: LEAK_URL,
    summary: {
      en: 'Report when a leak involves (1) sensitive personal information, (2) data whose misuse could cause financial loss (e.g. card numbers), (3) a suspected unlawful purpose such as unauthorised access, or (4) more than 1,000 people. Items 1–3 apply even to one person; where the number cannot be fixed, item 4 counts the possible maximum.',
      ja: '（1）要配慮個人情報、（2）不正に利用されることにより財産的被害が生じるおそれがあるもの（クレジットカード番号等）、（3）不正の目的をもって行われたおそれがあるもの（不正アクセス等）、（4）本人の数が1,000人を超えるもの、の漏えい等は報告対象。（1）～（3）は1人分でも該当し、人数が確定できない場合は最大数で判断する。',
    },
    level: 'official',
    facts: {
      section: off('ppc.go.jp leakAction; GL 3-5-3-1 (PPC mirror)', '§1 ppc-rule-art7: Four reportable categories … VERIFIED-official'),
      url: LEAK_URL_FACT,
      '1': off(MIRROR, '§1 ppc-rule-art7: (1) 要配慮個人情報'),
      '2': off(MIRROR, '§1 ppc-rule-art7: (2) … 「ECサイトからクレジットカード番号を含む個人データが漏えいした場合」'),
      '3': off(MIRROR, '§1 ppc-rule-art7: (3) suspected unlawful purpose'),
      '4': off(MIRROR, '§1 ppc-rule-art7: (4) more than 1,000 people'),
      '1,000': off(MIRROR, '§1 ppc-rule-art7: (4) more than 1,000 people … If the number cannot be fixed, it counts when the possible maximum exceeds 1,000.'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-rule-art8',
    issuer: PPC,
    title: { en: 'APPI Enforcement Rules Article 8: preliminary and final reports', ja: '個人情報保護法施行規則 第8条（速報・確報）' },
    section: 'Art. 8',
    url: LEAK_URL,
    summary: {
      en: 'Para. 1: a preliminary report "promptly after learning of" the event, with what is known of 9 items. Para. 2: a final report within 30 days of the day of learning (60 days for an item-3 event, also when it is item 1, 2 or 4 as well). Reports go, in principle, through the report form on the PPC website.',
      ja: '第1項：事態を「知った後、速やかに」、その時点で把握している9項目について速報。第2項：「当該事態を知った日から30日以内（当該事態が前条第3号に定めるものである場合にあっては、60日以内）」に確報。報告は「原則として、個人情報保護委員会のホームページの報告フォームに入力する方法により」行う。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1 ppc-rule-art8: rule text quoted in GL 3-5-3-3 / 3-5-3-4'),
      url: LEAK_URL_FACT,
      '1': off(MIRROR, '§1 ppc-rule-art8: Art. 8(1)'),
      '2': off(MIRROR, '§1 ppc-rule-art8: Art. 8(2)'),
      '9': off(MIRROR, '§1 ppc-rule-art8: with 9 items'),
      '30': off(MIRROR, '§1 ppc-rule-art8: 30日以内'),
      '60': off(MIRROR, '§1 ppc-rule-art8: 60日以内; 60 days also applies when a (3) event is also (1), (2) or (4)'),
      '3': off(MIRROR, '§1 ppc-rule-art8: 前条第3号'),
      '4': off(MIRROR, '§1 ppc-rule-art8: (1), (2) or (4)'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-gl-10-6',
    issuer: PPC,
    title: { en: `${GL_TITLE.en}, 10-6 Technical security measures`, ja: `${GL_TITLE.ja} 10-6 技術的安全管理措置` },
    section: '10-6',
    url: GL_URL,
    edition: GL_EDITION,
    summary: {
      en: 'Technical measures: (1) access control, (2) identification and authentication of users, (3) protection from outside unauthorised access, (4) leak prevention in system use.',
      ja: '技術的安全管理措置として、（1）アクセス制御、（2）アクセス者の識別と認証、（3）外部からの不正アクセス等の防止、（4）情報システムの使用に伴う漏えい等の防止を講じる。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1 ppc-gl-10-6: GL 10 (別添) 講ずべき安全管理措置の内容 → 10-6 技術的安全管理措置'),
      url: GL_URL_FACT,
      edition: GL_EDITION_FACT,
      '1': off(MIRROR, '§1 ppc-gl-10-6: (1) アクセス制御'),
      '2': off(MIRROR, '§1 ppc-gl-10-6: (2) アクセス者の識別と認証'),
      '3': off(MIRROR, '§1 ppc-gl-10-6: (3) 外部からの不正アクセス等の防止'),
      '4': off(MIRROR, '§1 ppc-gl-10-6: (4) 情報システムの使用に伴う漏えい等の防止'),
    },
    origin: 'official',
  },
  faq('ppc-faq-10-18', '10-18', 'access control', 'アクセス制御', 'https://www.ppc.go.jp/all_faq_index/faq1-q10-18/', {
    en: 'Protect systems holding personal data from unauthorised access, for example through firewall and router settings; grant the least privilege needed.',
    ja: '「個人データを格納した情報システムへの無権限アクセスからの保護（例えば、ファイアウォール、ルータ等の設定）」を行い、アクセス権限は必要最小限とする。',
  }),
  faq('ppc-faq-10-19', '10-19', 'identification and authentication', 'アクセス者の識別と認証', 'https://www.ppc.go.jp/all_faq_index/faq1-q10-19/', {
    en: 'With IDs and passwords: restrict reuse of the same or similar passwords, set a minimum length, and suspend IDs after repeated failed logins. No numbers are given.',
    ja: 'ID・パスワードによる認証では、「同一又は類似パスワードの再利用の制限、最低パスワード文字数の設定、一定回数以上ログインに失敗したIDを停止する等」を行う（具体的な数値は示されていない）。',
  }),
  faq(
    'ppc-faq-10-20',
    '10-20',
    'preventing unauthorised access from outside',
    '外部からの不正アクセス等の防止',
    'https://www.ppc.go.jp/all_faq_index/faq1-q10-20',
    {
      en: 'Monitor access, apply patches and block unauthorised software to protect personal data from outside attacks.',
      ja: 'アクセスの監視、ソフトウェアの更新、不正ソフトウェアの遮断等により、外部からの不正アクセス等から個人データを守る。',
    },
  ),
  faq('ppc-faq-10-21', '10-21', 'preventing leaks in system use', '情報システムの使用に伴う漏えい等の防止', 'https://www.ppc.go.jp/all_faq_index/faq1-q10-21', {
    en: 'Encrypt personal data sent over the internet or wireless LAN, limit personal data used as test data, and check security when systems change.',
    ja: 'インターネットや無線LANで送信する個人データの暗号化、テストデータとしての個人データ利用の制限、システム変更時の安全性確認等を行う。',
  }),

  // ---- My Number (特定個人情報): the Act, the PPC rule, the 事業者編 guideline (reference §1A) ----
  {
    id: 'ppc-mn-act-29-4',
    issuer: PPC,
    title: {
      en: 'My Number Act Article 29-4: reporting leaks of specific personal information',
      ja: '番号法 第29条の4（特定個人情報の漏えい等に関する報告等）',
    },
    section: 'Art. 29-4',
    url: MN_ACT_URL,
    summary: {
      en: 'When an event defined in the PPC rule (番号法規則 Art. 2) occurs, report it to the PPC (para. 1) and notify the individuals (para. 2, with the same exception as APPI Art. 26(2)). A contractor that notifies the principal is exempt.',
      ja: '番号法規則第2条に定める事態が生じたときは、委員会に報告し（第1項）、本人に通知しなければならない（第2項。本人への通知が困難な場合の例外は個人情報保護法第26条第2項と同じ）。委託先が委託元に通知した場合は報告義務を免れる。',
    },
    level: 'official',
    facts: {
      section: off(
        'e-Gov text, PPC mirror sources/mynumber-law/',
        '§1A Act: The breach-report article is **Art. 29-4** (第二十九条の四 「特定個人情報の漏えい等に関する報告等」)',
      ),
      url: MN_ACT_URL_FACT,
      '29': off('e-Gov text', '§1A Art. 29-4'),
      '4': off('e-Gov text', '§1A Art. 29-4'),
      '2': off(MIRROR, '§1A ppc-mn-rule-art2: 番号法規則 Art. 2 (reportable events); 29-4(2): 本人通知'),
      '1': off('e-Gov text', '§1A 29-4(1)'),
      '26': off('e-Gov text', '§1A 29-4(2): 本人通知, same wording and same 「本人への通知が困難な場合」 exception as APPI Art. 26(2)'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-act-20',
    issuer: PPC,
    title: { en: 'My Number Act Article 20: restriction on collection and storage', ja: '番号法 第20条（収集等の制限）' },
    section: 'Art. 20',
    url: MN_ACT_URL,
    summary: {
      en: "No one may collect or store specific personal information (including another person's My Number) except in the cases the Act lists: My Numbers in a repository, test data or logs fall outside them.",
      ja: '「何人も、前条各号のいずれかに該当する場合を除き、特定個人情報（他人の個人番号を含むものに限る。）を収集し、又は保管してはならない。」リポジトリ・テストデータ・ログ内のマイナンバーはこれに当たる。',
    },
    level: 'official',
    facts: {
      section: off(
        'e-Gov text, PPC mirror sources/mynumber-law/',
        '§1A Related duties: Art. 20 「何人も、前条各号のいずれかに該当する場合を除き、…保管してはならない。」 (relevant to My Numbers found in repositories, test data or logs)',
      ),
      url: MN_ACT_URL_FACT,
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-rule-art2',
    issuer: PPC,
    title: {
      en: 'My Number leak-report rule (番号法規則) Article 2: reportable events',
      ja: '番号法第29条の4に基づく報告等に関する規則（番号法規則）第2条（報告対象となる事態）',
    },
    section: 'Art. 2',
    url: MN_GL_URL,
    edition: MN_GL_EDITION,
    summary: {
      en: 'Reportable: (1) leaks in the listed My Number systems; (2) events that may have been done for an unlawful purpose (「不正の目的をもって行われたおそれ」); (3) specific personal information viewed, or at risk of being viewed, by an unspecified number of people by electronic means; (4) more than 100 people. Items 1–3 have no head count. Data protected by advanced encryption or other necessary measures is excluded.',
      ja: '報告対象：（1）情報提供ネットワークシステム等での漏えい等、（2）「不正の目的をもって行われたおそれがある特定個人情報の漏えい等が発生し、又は発生したおそれがある事態」等、（3）「特定個人情報が電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある事態」、（4）本人の数が100人を超える事態。（1）～（3）に人数の要件はない。「高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたもの」は除く。',
    },
    level: 'official',
    facts: {
      section: off(
        '事業者編 別添2 3A, PPC mirror sources/ppc-mynumber-biz/',
        '§1A ppc-mn-rule-art2: 番号法規則 Art. 2 (reportable events) … VERIFIED-official (guideline 別添2 3A, PPC mirror)',
      ),
      url: MN_GL_URL_FACT,
      edition: MN_GL_EDITION_FACT,
      '1': off(MIRROR, '§1A ppc-mn-rule-art2: (1) leak … in the 情報提供ネットワークシステム …'),
      '2': off(MIRROR, '§1A ppc-mn-rule-art2: (2) 「イ 不正の目的をもって行われたおそれがある…」'),
      '3': off(MIRROR, '§1A ppc-mn-rule-art2: (3) 「…電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある事態」'),
      '4': off(MIRROR, '§1A ppc-mn-rule-art2: (4) 「次に掲げる特定個人情報に係る本人の数が100人を超える事態」'),
      '100': off(MIRROR, '§1A ppc-mn-rule-art2: 本人の数が100人を超える事態 … Items 1–3 have no head-count threshold.'),
      '29': off(MIRROR, '§1A Rule title: 番号法第二十九条の四第一項及び第二項に基づく…規則'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-gl-3a3',
    issuer: PPC,
    title: { en: `${MN_GL_TITLE.en}, Annex 2 3A(3)`, ja: `${MN_GL_TITLE.ja} 別添2 3A(3)（規則第2条第3号関係）` },
    section: '別添2 3A(3)',
    url: MN_GL_URL,
    edition: MN_GL_EDITION,
    summary: {
      en: 'Example of an event that must be reported: specific personal information viewable on the internet because of a system misconfiguration.',
      ja: '【報告を要する事例】「システムの設定ミス等によりインターネット上で特定個人情報の閲覧が可能な状態となっている場合」',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1A ppc-mn-gl-3a3: 事業者編 別添2 3A(3) (規則第2条第3号関係) 【報告を要する事例】'),
      url: MN_GL_URL_FACT,
      edition: MN_GL_EDITION_FACT,
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-faq-17-10',
    issuer: PPC,
    title: {
      en: 'My Number guideline Q&A Q17-10: "viewed by an unspecified number of people"',
      ja: '特定個人情報の適正な取扱いに関するガイドライン Q&A Q17-10（不特定多数の者に閲覧されるおそれ）',
    },
    section: 'Q17-10',
    url: 'https://www.ppc.go.jp/all_faq_index/faq5-q17-10',
    summary: {
      en: 'Rule Art. 2 item 3 covers, for example, specific personal information posted on the internet by mistake, or stored in a system that people outside the business can easily reach. Such an exposure is reportable whether or not anyone viewed the data, with no head count.',
      ja: '「誤ってインターネット上に特定個人情報を掲載した場合や情報システムに保存した特定個人情報が事業者の外部から容易にアクセス可能な状態になっていた場合を想定しています。」閲覧の有無や人数にかかわらず規則第2条第3号の報告対象となる。',
    },
    level: 'official',
    facts: {
      section: off('ppc.go.jp', '§1A ppc-mn-faq-17-10: VERIFIED-official: https://www.ppc.go.jp/all_faq_index/faq5-q17-10'),
      url: off('ppc.go.jp', '§1A ppc-mn-faq-17-10: https://www.ppc.go.jp/all_faq_index/faq5-q17-10'),
      '2': off('ppc.go.jp', '§1A ppc-mn-faq-17-10: 規則第2条第3号'),
      '3': off('ppc.go.jp', '§1A ppc-mn-faq-17-10: 規則第2条第3号'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-faq-17-1',
    issuer: PPC,
    title: {
      en: 'My Number guideline Q&A Q17-1: when an exposure is not a leak',
      ja: '特定個人情報の適正な取扱いに関するガイドライン Q&A Q17-1（漏えいに該当しない場合）',
    },
    section: 'Q17-1',
    url: 'https://www.ppc.go.jp/all_faq_index/faq5-q17-1/',
    summary: {
      en: 'An exposure is not a leak if access logs confirm that no third party viewed the data before it was closed; if logs cannot confirm it, it can be a leak or suspected leak. Even when it is not a leak, a report is still due if a rule Art. 2 item applies.',
      ja: '閲覧不可能な状態とするまでに第三者が閲覧していないことがアクセスログ等から確認された場合は漏えいに該当しない。確認できなければ漏えい（又はそのおそれ）となり得る。漏えいに該当しない場合でも、規則第2条各号のいずれかに該当すれば委員会への報告が必要。',
    },
    level: 'official',
    facts: {
      section: off('ppc.go.jp', '§1A ppc-mn-faq-17-1: VERIFIED-official: https://www.ppc.go.jp/all_faq_index/faq5-q17-1/'),
      url: off('ppc.go.jp', '§1A ppc-mn-faq-17-1'),
      '2': off('ppc.go.jp', '§1A ppc-mn-faq-17-1: 「…規則第2条各号のいずれかに該当する場合には、委員会への報告が必要です。」'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-faq-17-14',
    issuer: PPC,
    title: { en: 'My Number guideline Q&A Q17-14: advanced encryption', ja: '特定個人情報の適正な取扱いに関するガイドライン Q&A Q17-14（高度な暗号化）' },
    section: 'Q17-14',
    url: 'https://www.ppc.go.jp/all_faq_index/faq5-q17-14/',
    summary: {
      en: 'The encryption exclusion needs encryption that third parties cannot read at the state of the art when the incident occurs, properly implemented, and properly managed means of decryption: the key kept apart from the data and itself protected. A key stored next to the data does not qualify.',
      ja: '事案発生時点の技術水準で第三者が見読できない暗号化（電子政府推奨暗号リスト等のアルゴリズムを適切に実装）に加え、「暗号化した情報と復号鍵を分離するとともに復号鍵自体の漏えいを防止する適切な措置を講じていること」が必要。データと同じ場所にある鍵では該当しない。',
    },
    level: 'official',
    facts: {
      section: off('ppc.go.jp', '§1A ppc-mn-faq-17-14: VERIFIED-official: https://www.ppc.go.jp/all_faq_index/faq5-q17-14/'),
      url: off('ppc.go.jp', '§1A ppc-mn-faq-17-14'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-rule-art3',
    issuer: PPC,
    title: { en: 'My Number leak-report rule Article 3: preliminary and final reports', ja: '番号法規則 第3条（速報・確報）' },
    section: 'Art. 3',
    url: MN_GL_URL,
    edition: MN_GL_EDITION,
    summary: {
      en: 'Preliminary report promptly, roughly 3–5 days from when the event became known (to any department of a corporation). Final report within 30 days of the day of learning, or 60 days for an item-2 event (unlawful purpose), also when it is item 1, 3 or 4 as well. Day 1 is the day of learning.',
      ja: '速報は、事態の発生を知った時点（法人ではいずれかの部署が知った時点）から概ね3日～5日以内。確報は「当該事態を知った日から30日以内（当該事態が前条第２号に定めるものである場合にあっては、60日以内）」。知った日を1日目として数える。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1A ppc-mn-rule-art3: 番号法規則 Art. 3 (速報 / 確報), 別添2 3D–3E'),
      url: MN_GL_URL_FACT,
      edition: MN_GL_EDITION_FACT,
      '3': off(MIRROR, '§1A ppc-mn-rule-art3: 「…概ね３日～５日以内である。」'),
      '5': off(MIRROR, '§1A ppc-mn-rule-art3: 概ね３日～５日以内'),
      '30': off(MIRROR, '§1A ppc-mn-rule-art3: 「当該事態を知った日から30日以内…」'),
      '60': off(
        MIRROR,
        '§1A ppc-mn-rule-art3: 「（当該事態が前条第２号に定めるものである場合にあっては、60日以内）」; 60 days also when an item-2 event is also item 1, 3 or 4',
      ),
      '2': off(MIRROR, '§1A ppc-mn-rule-art3: 前条第２号'),
      '1': off(MIRROR, '§1A ppc-mn-rule-art3: item 1, 3 or 4; day 1 = day of learning'),
      '4': off(MIRROR, '§1A ppc-mn-rule-art3: item 1, 3 or 4'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-rule-art5',
    issuer: PPC,
    title: { en: 'My Number leak-report rule Article 5: notifying the individuals', ja: '番号法規則 第5条（本人への通知）' },
    section: 'Art. 5',
    url: MN_GL_URL,
    edition: MN_GL_EDITION,
    summary: {
      en: 'After learning of an Art. 2 event, notify the individuals "promptly according to the situation", to the extent needed to protect them: overview, data items, cause, secondary harm and other useful items; substitute measures (e.g. publication) where notice is impossible.',
      ja: '「第２条各号に定める事態を知った後、当該事態の状況に応じて速やかに、当該本人の権利利益を保護するために必要な範囲において」、概要、特定個人情報の項目、原因、二次被害又はそのおそれの有無等を本人に通知する。通知が困難な場合は公表等の代替措置をとる。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1A ppc-mn-rule-art5: 番号法規則 Art. 5, 別添2 4 (本人への通知)'),
      url: MN_GL_URL_FACT,
      edition: MN_GL_EDITION_FACT,
      '2': off(MIRROR, '§1A ppc-mn-rule-art5: 「第２条各号に定める事態を知った後、…」'),
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-gl-3b',
    issuer: PPC,
    title: { en: `${MN_GL_TITLE.en}, Annex 2 3B: reports under the guideline`, ja: `${MN_GL_TITLE.ja} 別添2 3B（ガイドラインに基づく報告）` },
    section: '別添2 3B',
    url: MN_GL_URL,
    edition: MN_GL_EDITION,
    summary: {
      en: 'For a leak of specific personal information that is not a reportable event, the business should make an effort to report it to the PPC, unless advanced encryption or similar applies.',
      ja: '報告対象の事態に当たらない特定個人情報の漏えい等でも、「特定個人情報を取り扱う事業者は委員会に報告するよう努める」（高度な暗号化等の場合を除く）。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1A ppc-mn-gl-3b: 事業者編 別添2 3B (ガイドラインに基づく報告)'),
      url: MN_GL_URL_FACT,
      edition: MN_GL_EDITION_FACT,
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-gl-annex1-f',
    issuer: PPC,
    title: { en: `${MN_GL_TITLE.en}, Annex 1 2F Technical security measures`, ja: `${MN_GL_TITLE.ja}（別添１）2 F 技術的安全管理措置` },
    section: '別添1 2F',
    url: MN_GL_URL,
    edition: MN_GL_EDITION,
    summary: {
      en: 'a access control limited to the staff in charge; b identification and authentication; c protection from outside unauthorised access, e.g. a firewall where the system meets external networks; d leak prevention, e.g. encrypting the communication path and encrypting or password-protecting stored data.',
      ja: 'a アクセス制御（事務取扱担当者と扱う特定個人情報ファイルの範囲を限定）、b アクセス者の識別と認証、c 外部からの不正アクセス等の防止（外部ネットワークとの接続箇所へのファイアウォール等の設置）、d 漏えい等の防止（通信経路の暗号化、保存データの暗号化又はパスワードによる保護等）。',
    },
    level: 'official',
    facts: {
      section: off(MIRROR, '§1A ppc-mn-gl-annex1: （別添１）… → 2 講ずべき安全管理措置の内容 → **F 技術的安全管理措置**'),
      url: MN_GL_URL_FACT,
      edition: MN_GL_EDITION_FACT,
    },
    origin: 'official',
  },
  {
    id: 'ppc-mn-form',
    issuer: PPC,
    title: { en: 'PPC leak-report form: My Number first', ja: '個人情報保護委員会 漏えい等報告フォーム（マイナンバーの有無）' },
    url: LEAK_URL,
    summary: {
      en: 'The PPC\'s report form first asks whether the leaked information includes My Numbers ("if unsure, answer yes"), before the APPI questions: My Number leaks are reported on their own route.',
      ja: '報告フォームは最初に「①漏えい等した情報にマイナンバーは含まれていますか。（不明な場合には、「はい」から報告をお願いします。）」と尋ね、マイナンバーを含む漏えい等は個人情報保護法の報告とは別の経路で報告する。',
    },
    level: 'official',
    facts: { url: off('ppc.go.jp', '§1A ppc-mn-form: VERIFIED-official: https://www.ppc.go.jp/personalinfo/legal/leakAction/') },
    origin: 'official',
  },

  // ---- Card data (reference §1B) ----
  {
    id: 'cc-kappu-35-16',
    issuer: { en: 'Installment Sales Act (METI)', ja: '割賦販売法（経済産業省）' },
    title: {
      en: 'Installment Sales Act Article 35-16: appropriate management of card numbers',
      ja: '割賦販売法 第35条の16（クレジットカード番号等の適切な管理）',
    },
    section: 'Art. 35-16',
    url: 'https://www.meti.go.jp/english/policy/economy/installment_sales/index.html',
    summary: {
      en: "Businesses handling card numbers (merchants, acquirers, payment service providers and others) must take the measures needed to manage them appropriately, including leak prevention (secondary source; the article's own wording is unverified). METI: merchants must manage card information appropriately, e.g. by not storing it or by meeting PCI DSS.",
      ja: 'クレジットカード番号等取扱業者（加盟店・アクワイアラー・決済代行業者等）は、漏えいの防止を含め、クレジットカード番号等の適切な管理のために必要な措置を講じなければならない（二次情報。条文の文言は未確認）。経済産業省は、加盟店に対しカード情報を保持しないこと、又は PCI DSS に準拠することを例示している。',
    },
    level: 'secondary',
    facts: {
      section: off(
        'shugiin.go.jp, text of the 2016 amending Act (法律第九十九号)',
        '§1B cc-kappu-35-16: The article sits in 第三章の四 第一節 「クレジットカード番号等の適切な管理（第三十五条の十六・第三十五条の十七）」 (VERIFIED-official)',
      ),
      url: off(
        'meti.go.jp',
        "§1B cc-kappu-35-16: METI's English summary … 「ex.) Not storing credit card information, satisfying the PCIDSS requirements」 (VERIFIED-official: https://www.meti.go.jp/english/policy/economy/installment_sales/index.html)",
      ),
      duty: sec(
        'mondaq.com article on guideline 5.0; a public repository',
        '§1B cc-kappu-35-16: Duty … (35-16(1)) (VERIFIED-secondary). **The verbatim article text is UNVERIFIED**',
      ),
      '35': off('shugiin.go.jp', '§1B 第三十五条の十六'),
      '16': off('shugiin.go.jp', '§1B 第三十五条の十六'),
    },
    origin: 'official',
  },
  {
    id: 'cc-sec-gl',
    issuer: CARD_COUNCIL,
    title: { en: 'Credit Card Security Guidelines: non-retention or PCI DSS', ja: 'クレジットカード・セキュリティガイドライン（非保持化又は PCI DSS 準拠）' },
    url: 'https://www.j-credit.or.jp/security/document/index.html',
    edition: '6.0 (2025-03)',
    summary: {
      en: "The practical guide to the Installment Sales Act's security duty. Merchants either do not retain card data (no storing, processing or passing of card information on their own equipment and networks) or comply with PCI DSS; card companies and payment service providers must comply with PCI DSS. Whether a version newer than 6.0 is current is unverified.",
      ja: '割賦販売法のセキュリティ義務の「実務上の指針」。加盟店は、カード情報を保持しない（「自社で保有する機器・ネットワークにおいて『カード情報』を『保存』、『処理』、『通過』しないこと」）か、PCI DSS に準拠する。カード会社・決済代行業者等は PCI DSS への準拠が必要。6.0版より新しい版が最新かどうかは未確認。',
    },
    level: 'secondary',
    facts: {
      url: sec(
        'several public repositories',
        '§1B cc-sec-gl: Document index URL: https://www.j-credit.or.jp/security/document/index.html (VERIFIED-secondary)',
      ),
      edition: sec(
        'proactivedefense.jp, 1goodpr.com, KOMOJU',
        "§1B cc-sec-gl: **6.0版 2025-03**, adopted at the council's 第12回本会議 on 2025-03-04 (VERIFIED-secondary) … Treat the newest version as UNVERIFIED",
      ),
      '6': sec('as above', '§1B 6.0版'),
      '0': sec('as above', '§1B 6.0版'),
      '6.0': sec('as above', '§1B 6.0版'),
    },
    origin: 'industry',
  },
  {
    id: 'pci-dss-v4-req3',
    issuer: PCI_SSC,
    title: { en: 'PCI DSS v4.0.1 Requirement 3: Protect Stored Account Data', ja: 'PCI DSS v4.0.1 要件3（保存されたアカウントデータの保護）' },
    section: '3.2.1 / 3.3.1 / 3.4.1 / 3.5.1',
    url: 'https://www.pcisecuritystandards.org/standards/pci-dss/',
    edition: 'v4.0.1 (2024-06)',
    summary: {
      en: 'Keep stored account data to a minimum (3.2.1); do not keep sensitive authentication data after authorisation (3.3.1); mask the PAN when displayed (3.4.1); render the PAN unreadable anywhere it is stored (3.5.1).',
      ja: '保存するアカウントデータを最小限にし（3.2.1）、機密認証データは承認後に保持せず（3.3.1）、表示するカード番号（PAN）はマスクし（3.4.1）、保存する PAN はどこであっても読み取れない形にする（3.5.1）。',
    },
    level: 'secondary',
    facts: {
      section: sec(
        'a public repository reproducing the v4.0 requirement text, several control catalogues',
        '§1B pci-dss: Requirement 3 「Protect Stored Account Data」 … 3.2.1, 3.3.1, 3.4.1, **3.5.1** … Use 3.5.1 for v4.0/4.0.1',
      ),
      url: sec('public repositories', '§1B pci-dss: URL: https://www.pcisecuritystandards.org/standards/pci-dss/ (VERIFIED-secondary)'),
      edition: sec(
        'endoflife.date, a public repository citing PCI SSC',
        '§1B pci-dss: PCI DSS **v4.0.1**, published 2024-06 (2024-06-11), is the current version',
      ),
      '3': sec('as above', '§1B Requirement 3'),
      '4.0.1': sec('as above', '§1B v4.0.1'),
    },
    origin: 'foreign',
  },
  {
    id: 'pci-dss-v4-8.3',
    issuer: PCI_SSC,
    title: { en: 'PCI DSS v4.0.1 Requirement 8.3', ja: 'PCI DSS v4.0.1 要件 8.3' },
    section: '8.3.4 / 8.3.6 / 8.3.7 / 8.3.9',
    url: 'https://www.pcisecuritystandards.org/standards/pci-dss/',
    edition: 'v4.0.1 (2024-06)',
    summary: {
      en: 'Lock out after at most 10 attempts for at least 30 minutes (8.3.4); passwords of at least 12 characters with letters and digits, 8 if the system cannot support 12 (8.3.6); no reuse of the last 4 (8.3.7); change every 90 days if the password is the only factor (8.3.9).',
      ja: '10回以下の失敗で30分以上ロック（8.3.4）、12文字以上で英字と数字を含む（システムが対応できない場合は8文字、8.3.6）、直近4世代の再利用禁止（8.3.7）、パスワードが唯一の要素なら90日ごとに変更（8.3.9）。',
    },
    level: 'secondary',
    facts: {
      section: sec('ComplianceAsCode controls/pcidss_4.yml, aligent README', '§14 PCI DSS v4.0.1: 8.3.4 … 8.3.6 … 8.3.7 … 8.3.9'),
      url: sec('public repositories', '§1B pci-dss URL (VERIFIED-secondary)'),
      edition: sec('endoflife.date', '§14 PCI DSS v4.0.1 (current since 2024-06; requirement numbers unchanged from v4.0)'),
      '10': sec('ComplianceAsCode', '§14 8.3.4: lockout after **at most 10** attempts'),
      '30': sec('ComplianceAsCode', '§14 8.3.4: for **at least 30 minutes**'),
      '12': sec('ComplianceAsCode', '§14 8.3.6: **12 characters**'),
      '8': sec('ComplianceAsCode', '§14 8.3.6: (8 if the system cannot support 12)'),
      '4': sec('ComplianceAsCode', '§14 8.3.7: no reuse of the last **4** passwords'),
      '90': sec('ComplianceAsCode', '§14 8.3.9: change every **90 days** if the password is the only factor'),
    },
    origin: 'foreign',
  },

  // ---- Other Japanese sources (reference §2–§13) ----
  {
    id: 'nisc-tkb-auth',
    issuer: NISC,
    title: {
      en: 'Common Standards for Cybersecurity Measures of Government Agencies: identification and authentication function (主体認証機能)',
      ja: '政府機関等のサイバーセキュリティ対策のための統一基準群：主体認証機能',
    },
    url: 'https://www.nisc.go.jp/policy/group/general/policy.html',
    summary: {
      en: 'Take measures against misuse through leaked authentication information and against unauthorised authentication attempts; issue, manage and promptly disable identification codes and authentication information for every subject. Read in an older (H28/H30) edition through a secondary copy; the section number in the current edition is unverified, so none is given.',
      ja: '「主体認証情報の漏えい等による不正行為を防止するための措置及び不正な主体認証の試行に対抗するための措置を講ずること」。識別コード及び主体認証情報を主体ごとに付与・管理し、不要になれば速やかに無効化する。旧版（平成28年度版・平成30年度版）の二次情報による。現行版での項番は未確認のため示さない。',
    },
    level: 'secondary',
    facts: {
      url: off(
        'stored copy of the NISC page',
        '§2 URL: https://www.nisc.go.jp/policy/group/general/policy.html (VERIFIED-official as a stored copy of the NISC page)',
      ),
      content: sec(
        '123deta mirror of an older edition',
        '§2 nisc-tkb-6.1.1 主体認証機能: In the H28/H30 editions the 遵守事項 are … (VERIFIED-secondary) … **Section number in R5/R7: UNVERIFIED** … Do not ship "6.1.1" as the current number',
      ),
      '28': sec('123deta mirror', '§2 In the H28/H30 editions'),
      '30': sec('123deta mirror', '§2 In the H28/H30 editions'),
    },
    origin: 'official',
  },
  {
    id: 'nisc-handbook',
    issuer: NISC,
    title: { en: 'Internet Safety and Security Handbook', ja: 'インターネットの安全・安心ハンドブック' },
    url: 'https://security-portal.nisc.go.jp/guidance/handbook.html',
    edition: 'Ver 5.00 (2023-01)',
    summary: {
      en: "Login passwords: 10 or more characters drawn at random from upper and lower case letters, digits and symbols (NISC's own column, 2022-07-05). No periodic change, but change when leaked; prefer authenticator apps or hardware tokens to SMS for MFA (secondary sources).",
      ja: 'ログイン用パスワードは「英大文字(26種類)小文字(26種類)+数字(10種類)+記号(26種類)の計88種類の文字をランダムに使って、10桁以上を安全圏として推奨」（NISC コラム、2022年7月5日）。定期変更は不要で漏えい時に変更、多要素認証は SMS よりアプリやハードウェアトークンを推奨（二次情報）。',
    },
    level: 'secondary',
    facts: {
      url: off(
        'NISC column of 2023-03-07',
        '§3 URL: https://security-portal.nisc.go.jp/guidance/handbook.html (VERIFIED-official link from the 2023 NISC column)',
      ),
      edition: off('nisc.go.jp', '§3 Versions: Ver 5.00, 2023-01 (VERIFIED-official: https://www.nisc.go.jp/pr/column/20230307.html)'),
      '10': off(
        'nisc.go.jp column 2022-07-05',
        '§3 Login passwords, **10 characters**: 「…計88種類の文字をランダムに使って、10桁以上を安全圏として推奨しています。(NISCのハンドブックP.34参照)」 (VERIFIED-official: https://www.nisc.go.jp/pr/column/20220705.html)',
      ),
      '26': off('nisc.go.jp column 2022-07-05', '§3 英大文字(26種類)小文字(26種類)'),
      '88': off('nisc.go.jp column 2022-07-05', '§3 計88種類'),
      '2022': off('nisc.go.jp column 2022-07-05', "§3 NISC's own column of 2022-07-05"),
      '07': off('nisc.go.jp', '§3 column of 2022-07-05'),
      '7': off('nisc.go.jp', '§3 column of 2022-07-05'),
      '05': off('nisc.go.jp', '§3 column of 2022-07-05'),
      '5': off('nisc.go.jp', '§3 column of 2022-07-05'),
      change: sec(
        'secondary sources',
        '§3 No periodic change; change when leaked (VERIFIED-secondary). MFA: prefer authenticator apps or hardware tokens over SMS/email (VERIFIED-secondary)',
      ),
    },
    origin: 'official',
  },
  {
    id: 'ipa-websec',
    issuer: IPA,
    title: { en: 'How to Secure Your Web Site', ja: '安全なウェブサイトの作り方' },
    url: 'https://www.ipa.go.jp/security/vuln/websecurity/about.html',
    edition: '改訂第7版 (2015-03)',
    summary: {
      en: 'Stop or delete unneeded services and accounts, keep files not meant for publication out of the web root, and consider other than password authentication for remote server administration.',
      ja: '「不要なサービスやアカウントを停止または削除する」「公開を想定していないファイルを、ウェブ公開用のディレクトリ以下に置かない」、ウェブサーバのリモート操作にはパスワード認証以外の方法を検討する。',
    },
    level: 'secondary',
    facts: {
      url: sec('voitex.site', '§4 URL: https://www.ipa.go.jp/security/vuln/websecurity/about.html (VERIFIED-secondary)'),
      edition: sec('jibunmemo, Web担当者Forum', '§4 Version: 改訂第7版, 2015-03'),
      content: sec('sakura mirror', '§4 Chapter 2 … Source: VERIFIED-secondary (sakura mirror). **Section number UNVERIFIED**'),
    },
    origin: 'official',
  },
  {
    id: 'ipa-sme',
    issuer: IPA,
    title: { en: 'Information Security Guidelines for SMEs', ja: '中小企業の情報セキュリティ対策ガイドライン' },
    url: 'https://www.ipa.go.jp/security/guide/sme/about.html',
    edition: '第3.1版 (2023-04-26)',
    summary: {
      en: 'The five basic rules include strengthening passwords and reviewing the sharing settings of web services, network devices and NAS (secondary source).',
      ja: '「情報セキュリティ5か条」として、パスワードの強化と、ウェブサービス・ネットワーク機器・NAS 等の共有設定の見直しを求める（二次情報）。',
    },
    level: 'secondary',
    facts: {
      url: off('ipa.go.jp', '§5 Version: 第3.1版 (VERIFIED-official: https://www.ipa.go.jp/security/guide/sme/about.html)'),
      edition: off('ipa.go.jp; date by netsecurity', '§5 第3.1版, **2023-04-26**'),
      '5': sec('secondary', '§5 付録1 「情報セキュリティ5か条」 … (VERIFIED-secondary)'),
    },
    origin: 'official',
  },
  {
    id: 'mic-kokumin-pw',
    issuer: MIC,
    title: {
      en: 'Cybersecurity site for citizens: safe password setting and management (for staff)',
      ja: '国民のためのサイバーセキュリティサイト「安全なパスワードの設定・管理」（従業員向け）',
    },
    url: 'https://www.soumu.go.jp/main_sosiki/cybersecurity/kokumin/security/business/staff/06/',
    summary: {
      en: 'Since 2017-11 the site says periodic password changes are unnecessary unless a leak has happened; do not reuse passwords across services (secondary sources; the page itself was not read).',
      ja: '2017年11月以降、漏えいの事実がなければパスワードの定期的な変更は不要とし、サービス間でのパスワードの使い回しをしないよう求めている（二次情報。ページ自体は未読）。',
    },
    level: 'secondary',
    facts: {
      url: sec(
        'several public repositories citing it with its title',
        '§6 For staff: 「安全なパスワードの設定・管理」 https://www.soumu.go.jp/main_sosiki/cybersecurity/kokumin/security/business/staff/06/ (VERIFIED-secondary)',
      ),
      '2017': sec(
        'shimakawa.org, shizuoka.cocolog; date from news reports',
        '§6 since **2017-11** the page says periodic change is unnecessary unless a leak has happened',
      ),
      '11': sec('as above', '§6 since 2017-11'),
    },
    origin: 'official',
  },
  {
    id: 'mhlw-6.0-sys-14',
    issuer: MHLW,
    title: {
      en: 'Guidelines for the Security of Medical Information Systems 6.0, System Operation 14: authentication and authorisation',
      ja: '医療情報システムの安全管理に関するガイドライン 第6.0版 システム運用編 14「認証・認可に関する安全管理措置」',
    },
    section: 'システム運用編 14',
    url: 'https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html',
    edition: '第6.0版 (2023-05)',
    summary: {
      en: 'Identify and authenticate users (①); keep IDs and passwords known only to their owner (②); restrict settable passwords so easily guessed ones cannot be used (⑥); and when a system expected to be running in FY2027 (令和9年度) is newly introduced or renewed, adopt two-factor authentication.',
      ja: '利用者を識別・認証し（①）、ID・パスワードは本人しか知り得ない状態に保ち（②）、「類推されやすいパスワードを使用させないよう、設定可能なパスワードに制限を設けること」（⑥）。令和9年度時点で稼働していることが想定される医療情報システムを新規導入・更新する際は二要素認証を採用する。',
    },
    level: 'official',
    facts: {
      section: off(
        'wic-net verbatim mirror',
        '§9 mhlw-6.0-sys-14: システム運用編 14 「認証・認可に関する安全管理措置」 … ①–④ VERIFIED-official mirror; ⑥ VERIFIED through the Q&A シQ-50 heading',
      ),
      url: off(
        'wic-net verbatim mirror',
        '§9 Source page https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html (VERIFIED-official via wic-net verbatim mirror)',
      ),
      edition: off('wic-net verbatim mirror', '§9 Version: 第6.0版, 2023-05'),
      '6.0': off('wic-net', '§9 第6.0版'),
      '14': off('wic-net', '§9 システム運用編 14'),
      '2027': off('wic-net', '§9 令和9年度時点で稼働していることが想定される医療情報システムを新規導入・更新する際は二要素認証を採用 (FY2027)'),
      '9': off('wic-net', '§9 令和9年度'),
    },
    origin: 'official',
  },
  {
    id: 'mhlw-6.0-qa-54',
    issuer: MHLW,
    title: {
      en: 'Guidelines for the Security of Medical Information Systems 6.0, Q&A シQ-54: acceptable passwords',
      ja: '医療情報システムの安全管理に関するガイドライン 第6.0版 Q&A シQ-54（パスワードの例）',
    },
    section: 'Q&A シQ-54',
    url: 'https://www.mhlw.go.jp/stf/shingi/0000516275_00006.html',
    edition: '第6.0版 (2023-05)',
    summary: {
      en: 'Examples of acceptable passwords in the Q&A (not the guideline body): a. 13 or more characters mixing letters, digits and symbols; b. 8 or more, mixed, changed at least every 2 months; c. with two or more factors, 8 or more, mixed.',
      ja: 'Q&A（ガイドライン本文ではない）が示す例：a. 英数字・記号を混在させた13文字以上、b. 英数字・記号を混在させた8文字以上で2か月以内ごとに変更、c. 二要素以上の認証と組み合わせる場合は英数字・記号を混在させた8文字以上。',
    },
    level: 'official',
    facts: {
      section: off('wic-net verbatim mirror', '§9 **Q&A シQ-54** (examples of acceptable passwords) (VERIFIED-official mirror)'),
      url: off('wic-net verbatim mirror', '§9 Source page (VERIFIED-official via wic-net verbatim mirror)'),
      edition: off('wic-net', '§9 第6.0版, 2023-05'),
      '6.0': off('wic-net', '§9 第6.0版'),
      '54': off('wic-net', '§9 シQ-54'),
      '13': off('wic-net', '§9 a. **13 or more characters**'),
      '8': off('wic-net', '§9 b. **8 or more characters** … c. … **8 or more characters**'),
      '2': off('wic-net', '§9 b. changed at least every **2 months**'),
    },
    origin: 'official',
  },
  {
    id: 'jpcert-java-msc03j',
    issuer: JPCERT,
    title: {
      en: 'Java Secure Coding Standard: MSC03-J Never hard code sensitive information',
      ja: 'Java セキュアコーディングスタンダード MSC03-J（英語題名 "Never hard code sensitive information"）',
    },
    section: 'MSC03-J',
    url: 'https://www.jpcert.or.jp/java-rules/',
    summary: {
      en: 'Sensitive information such as passwords and keys must never be hard-coded in source code (English rule title; the Japanese title is unverified).',
      ja: 'パスワードや鍵などの機密情報をソースコードにハードコードしてはならない（英語の題名による。日本語版の題名は未確認）。',
    },
    level: 'secondary',
    facts: {
      url: off('jpcert.or.jp', '§13 jpcert-java-msc03j: https://www.jpcert.or.jp/java-rules/ (VERIFIED-official page exists)'),
      section: sec('secondary', '§13 Rule MSC03-J "Never hard code sensitive information" (English title VERIFIED-secondary; **Japanese title UNVERIFIED**)'),
      '03': sec('secondary', '§13 MSC03-J'),
    },
    origin: 'official',
  },
  {
    id: 'jpcert-stop-pw',
    issuer: JPCERT,
    title: { en: 'STOP!! Password reuse!! campaign (2019 campaign)', ja: '「STOP!! パスワード使い回し!!」キャンペーン（2019年版）' },
    url: 'https://www.jpcert.or.jp/pr/stop-password.html',
    edition: '2019',
    summary: {
      en: 'A public-awareness campaign, not a guideline: do not reuse passwords; 12 or more characters recommended (secondary sources on the 2019 campaign; later campaigns and the live wording are unverified).',
      ja: 'ガイドラインではなく啓発キャンペーン。パスワードを使い回さず、「12文字以上を推奨」（2019年版キャンペーンの二次情報。以降のキャンペーンと現在の文言は未確認）。',
    },
    level: 'secondary',
    facts: {
      url: sec(
        'technotes.fml.org',
        '§13 Campaign page: https://www.jpcert.or.jp/pr/stop-password.html (VERIFIED-secondary: technotes.fml.org, "キャンペーン2019")',
      ),
      edition: sec('technotes.fml.org', '§13 TIPS 1 of the 2019 campaign'),
      '12': sec('Nikkei 2018 quoted on 5ch; segunabe 2019; technotes.fml.org', '§13 It recommends **12 or more characters** (「12文字以上を推奨」)'),
    },
    origin: 'official',
  },
  {
    id: 'cto-a-dxcriteria-system-8-7',
    issuer: { en: 'Japan CTO Association (industry body)', ja: '日本CTO協会（業界団体）' },
    title: { en: 'DX Criteria SYSTEM-8-7', ja: 'DX Criteria SYSTEM-8-7' },
    section: 'SYSTEM-8-7',
    url: 'https://dxcriteria.cto-a.org/588b60f754354b82955dc5a524ce4d54',
    summary: {
      en: "An industry body's criteria, not government guidance: hard-coding credentials in source code is listed as an anti-pattern.",
      ja: '行政のガイドラインではなく業界団体の基準。認証情報をソースコードにハードコードすることをアンチパターンとしている。',
    },
    level: 'official',
    facts: {
      section: off(
        'dxcriteria.cto-a.org',
        '§13 cto-a-dxcriteria-system-8-7: DX Criteria SYSTEM-8-7 … (VERIFIED-official …). This is an industry body, not government.',
      ),
      url: off('dxcriteria.cto-a.org', '§13 https://dxcriteria.cto-a.org/588b60f754354b82955dc5a524ce4d54'),
    },
    origin: 'industry',
  },
  {
    id: 'npa-atpolice-nosql',
    issuer: { en: 'National Police Agency (@police)', ja: '警察庁（@police）' },
    title: {
      en: '@police warnings on internet-reachable databases without authentication (2015, 2017)',
      ja: '@police 認証なしでインターネットから到達可能なデータベースへの注意喚起（2015年・2017年）',
    },
    summary: {
      en: 'MongoDB, Elasticsearch, CouchDB and Hadoop reachable from the internet without authentication were probed, wiped and held for ransom: restrict external access and require authentication.',
      ja: 'インターネットから認証なしで到達可能な MongoDB・Elasticsearch・CouchDB・Hadoop が探索され、データ消去や身代金要求の被害が発生。外部からのアクセスを制限し、認証を設定すること。',
    },
    level: 'secondary',
    facts: {
      '2015': sec('mirror of npa.go.jp PDF', '§13 npa-atpolice-nosql: 2015-02-20: MongoDB instances reachable without authentication (VERIFIED-secondary)'),
      '2017': sec('ScanNetSecurity', '§13 2017-02-17: probing of MongoDB, CouchDB, Elasticsearch and Hadoop (VERIFIED-secondary)'),
    },
    origin: 'official',
  },
  {
    id: 'npa-ua-law-art8',
    issuer: { en: 'Act on Prohibition of Unauthorized Computer Access', ja: '不正アクセス行為の禁止等に関する法律' },
    title: { en: 'Article 8: defensive measures by access administrators', ja: '第8条（アクセス管理者による防御措置）' },
    section: 'Art. 8',
    summary: {
      en: 'Access administrators must strive to manage identification codes (credentials) properly and to verify and strengthen access-control functions.',
      ja: 'アクセス管理者は、識別符号の適正な管理に努め、アクセス制御機能の有効性を検証し、必要に応じて高度化するよう努める。',
    },
    level: 'secondary',
    facts: {
      section: sec(
        'iuris.jp statute mirror',
        '§13 npa-ua-law-art8: 不正アクセス禁止法 Art. 8 アクセス管理者による防御措置 (VERIFIED-secondary: iuris.jp statute mirror)',
      ),
    },
    origin: 'official',
  },
  {
    id: 'mlit-jta-2016',
    issuer: { en: 'Japan Tourism Agency', ja: '観光庁' },
    title: { en: 'Travel-industry information leak review: interim summary (2016-07-28)', ja: '旅行業界情報流出事案検討会「中間とりまとめ」（2016年7月28日）' },
    summary: {
      en: 'Written after the 2016 JTB incident, which began with a targeted e-mail: it asks for a CISO and a CSIRT and for servers holding personal data to be separated from systems that use the internet.',
      ja: '標的型メールに始まった2016年の JTB の事案を受けた検討会のとりまとめ。CISO・CSIRT の設置と、「個人情報サーバーとインターネットを使用するシステムの物理的な分離」を求めた。',
    },
    level: 'secondary',
    facts: {
      '2016': sec('kankokeizai.com', '§13 mlit-jta-2016: 「中間とりまとめ」, 2016-07-28 … JTB breach facts: targeted email in 2016-03'),
      '07': sec('kankokeizai.com', '§13 2016-07-28'),
      '7': sec('kankokeizai.com', '§13 2016-07-28'),
      '28': sec('kankokeizai.com', '§13 2016-07-28'),
    },
    origin: 'official',
  },
  {
    id: 'mic-cloud-config-gl',
    issuer: MIC,
    title: {
      en: 'Guidelines for proper configuration in cloud use and provision (2022-10)',
      ja: 'クラウドサービス利用・提供における適切な設定のためのガイドライン（2022年10月）',
    },
    summary: {
      en: 'Addresses cloud misconfiguration that exposes personal data, the shared-responsibility split, and countermeasures.',
      ja: '個人データが公開状態になるクラウドの設定ミス、責任共有の考え方、その対策を扱う。',
    },
    level: 'secondary',
    facts: {
      '2022': sec(
        'newton-consulting, shojihomu',
        '§7 mic-cloud-config-gl: … **2022-10** (draft 2022-07-25) (VERIFIED-secondary). Official soumu.go.jp URLs: not found (UNVERIFIED)',
      ),
      '10': sec('newton-consulting, shojihomu', '§7 2022-10'),
    },
    origin: 'official',
  },
  {
    id: 'nist-800-63b-4',
    issuer: { en: 'NIST (United States)', ja: '米国国立標準技術研究所（NIST）' },
    title: { en: 'SP 800-63B-4 Digital Identity Guidelines: Authentication', ja: 'SP 800-63B-4 デジタルアイデンティティガイドライン（認証）' },
    section: '3.1.1.2',
    summary: {
      en: 'At least 15 characters for a single-factor password, 8 within MFA; no composition rules; no forced periodic change; blocklist check; at most 100 consecutive failed attempts.',
      ja: '単一要素のパスワードは15文字以上、多要素認証の一部なら8文字以上。文字種の組合せ規則や定期変更は課さず、漏えい済みパスワード一覧との照合を行う。連続失敗は100回まで。',
    },
    level: 'secondary',
    facts: {
      section: sec('OWASP ASVS issue #3242 quoting the final text', '§14 NIST SP 800-63B-4 (final 2025-07/08), §3.1.1.2'),
      '800': sec('as above', '§14 NIST SP 800-63B-4'),
      '63': sec('as above', '§14 NIST SP 800-63B-4'),
      '4': sec('as above', '§14 NIST SP 800-63B-4'),
      '15': sec('as above', '§14 minimum **15** characters when the password is the single factor'),
      '8': sec('as above', '§14 **8** when used within MFA'),
      '100': sec('usnistgov/800-63-4 repository (2nd public draft)', '§14 rate limiting: at most **100** consecutive failed attempts (§3.2.2)'),
    },
    origin: 'foreign',
  },
  iso('iso-8.9', '8.9', { en: 'Control 8.9 Configuration management', ja: '管理策 8.9 Configuration management（構成管理）' }),
  iso('iso-8.20', '8.20', { en: 'Control 8.20 Networks security', ja: '管理策 8.20 Networks security（ネットワークのセキュリティ）' }),
  iso('iso-5.23', '5.23', { en: 'Control 5.23 Cloud services', ja: '管理策 5.23 Cloud services（クラウドサービス）' }),
  iso('iso-5.17', '5.17', { en: 'Control 5.17 Authentication information', ja: '管理策 5.17 認証情報' }),
  iso('iso-8.24', '8.24', { en: 'Control 8.24 Use of cryptography', ja: '管理策 8.24 Use of cryptography（暗号の利用）' }),
];

/** A PPC Q&A entry of the APPI guideline (Q10-18 … Q10-21), all read on ppc.go.jp. */
function faq(id: string, q: string, en: string, ja: string, url: string, summary: Localized): Guideline {
  const [a, b] = q.split('-');
  return {
    id,
    issuer: PPC,
    title: { en: `APPI guideline Q&A ${q}: ${en}`, ja: `「個人情報の保護に関する法律についてのガイドライン」に関するQ&A ${q}（${ja}）` },
    section: `Q${q}`,
    url,
    summary,
    level: 'official',
    facts: {
      section: off('ppc.go.jp', `§1 ppc-faq-${q}: VERIFIED-official ${url}`),
      url: off('ppc.go.jp', `§1 ppc-faq-${q}: ${url}`),
      [a]: off('ppc.go.jp', `§1 Q&A Q${q}`),
      [b]: off('ppc.go.jp', `§1 Q&A Q${q}`),
    },
    origin: 'official',
  };
}

/**
 * A JIS Q 27002:2024 control. The reference gives each control's number and English name only
 * (read in public repositories), so the summary says where to cite it and no more.
 */
function iso(id: string, control: string, title: Localized): Guideline {
  return {
    id,
    issuer: JSA,
    title,
    section: control,
    summary: {
      en: `One of the standard's 93 controls; JIS Q 27001:2023 Annex A uses the same number, so cite "JIS Q 27001:2023 Annex A ${control} / JIS Q 27002:2024 ${control}". The standard sets no numeric password length.`,
      ja: `93の管理策の一つ。JIS Q 27001:2023 附属書A も同じ番号のため、「JIS Q 27001:2023 附属書A ${control} / JIS Q 27002:2024 ${control}」として引用する。パスワードの文字数の数値は定めていない。`,
    },
    level: 'secondary',
    facts: {
      section: sec(
        'multiple public repositories',
        `§12 Controls relevant here, with names (VERIFIED-secondary): ${control}. JIS titles verified only for 5.17 「認証情報」 and 8.5`,
      ),
      '27002': sec('technofer, news-pic', '§12 JIS Q 27002:2024 (= ISO/IEC 27002:2022) was issued **2024-06-20**'),
      '27001': sec('jate.or.jp ISMS notice, tdb-net', '§12 JIS Q 27001:2023 (= ISO/IEC 27001:2022) … 附属書A uses the same numbers'),
      '2023': sec('jate.or.jp ISMS notice, tdb-net', '§12 JIS Q 27001:2023 was issued **2023-09-20**'),
      '93': sec('technofer, news-pic', '§12 93 controls in 4 themes (組織・人・物理・技術)'),
      '2024': sec('technofer, news-pic', '§12 JIS Q 27002:2024'),
      '2022': sec('technofer, news-pic', '§12 ISO/IEC 27002:2022'),
    },
    origin: 'industry',
  };
}

/** The built-in entries, keyed by id. */
export const GUIDELINES: Readonly<Record<string, Guideline>> = Object.freeze(Object.fromEntries(ENTRIES.map((g) => [g.id, Object.freeze(g)])));

/** Hosts of public bodies' own sites: a rule's primary link must point at one of these. */
export const OFFICIAL_HOSTS: readonly string[] = [
  'www.ppc.go.jp',
  'elaws.e-gov.go.jp',
  'www.nisc.go.jp',
  'security-portal.nisc.go.jp',
  'www.ipa.go.jp',
  'www.soumu.go.jp',
  'www.mhlw.go.jp',
  'www.meti.go.jp',
];

/**
 * The organisation's own entries (an internal standard, an ISMS control), added by the
 * project configuration; see `registerOrgGuidelines`. Kept apart from the built-in ones so
 * they can never replace an official entry.
 */
const ORG = new Map<string, Guideline>();

/** A built-in or organisation entry by id, or undefined. */
export function findGuideline(id: string): Guideline | undefined {
  return GUIDELINES[id] ?? ORG.get(id);
}

/** Looks up a catalog entry; throws on an unknown id so a typo never ships silently. */
export function guideline(id: string): Guideline {
  const g = findGuideline(id);
  if (!g) throw new Error(`unknown guideline id: ${id}`);
  return g;
}

/** The first guideline of a list that has an official URL. */
export function primaryUrl(ids: readonly string[]): string | undefined {
  for (const id of ids) {
    const url = GUIDELINES[id]?.url;
    if (url) return url;
  }
  return undefined;
}

/** What an organisation writes for one entry of its own (the `.mamori.json` `guidelines` list). */
export interface OrgGuidelineInput {
  /** Its own id; stored as `org:<id>` so it can never collide with or replace a built-in id. */
  id: string;
  /** e.g. "ISMS A.8.5" or "社内セキュリティ基準 4.2". */
  title: string | Partial<Localized>;
  summary?: string | Partial<Localized>;
  /** An internal page (intranet URLs are fine: Mamori never fetches it). */
  url?: string;
  /** Who issues it, e.g. the organisation's name; default "Organisation" / 「組織」. */
  issuer?: string | Partial<Localized>;
  /** Built-in rule ids or categories (`secret`, `pii-exposure` …) the entry is shown beside. */
  appliesTo?: string[];
}

/** An organisation entry as registered, with where it applies. */
export interface OrgGuideline extends Guideline {
  appliesTo: string[];
}

const ORG_APPLIES = new Map<string, string[]>();

function localized(v: string | Partial<Localized> | undefined, fallback: Localized): Localized {
  if (typeof v === 'string') return { en: v, ja: v };
  if (v && typeof v === 'object') {
    const en = typeof v.en === 'string' ? v.en : undefined;
    const ja = typeof v.ja === 'string' ? v.ja : undefined;
    if (en || ja) return { en: en ?? ja ?? '', ja: ja ?? en ?? '' };
  }
  return fallback;
}

/**
 * Adds an organisation's own guideline entries (replacing any registered before), to be shown
 * beside the official ones and labelled as the organisation's. Invalid entries are skipped and
 * returned as messages, never thrown: a bad configuration must not stop a scan. Called by the
 * project-configuration loader; `[]` clears them.
 */
export function registerOrgGuidelines(entries: readonly unknown[]): { added: string[]; errors: string[] } {
  ORG.clear();
  ORG_APPLIES.clear();
  const added: string[] = [];
  const errors: string[] = [];
  for (const [i, raw] of (Array.isArray(entries) ? entries : []).entries()) {
    const e = raw as Partial<OrgGuidelineInput> | null;
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !/^[A-Za-z0-9][\w.:-]{0,63}$/.test(e.id)) {
      errors.push(`guidelines[${i}]: an id of letters, digits, '.', ':', '_' or '-' is required`);
      continue;
    }
    if (typeof e.title !== 'string' && (typeof e.title !== 'object' || e.title === null)) {
      errors.push(`guidelines[${i}] (${e.id}): a title is required`);
      continue;
    }
    const id = `org:${e.id}`;
    if (ORG.has(id)) {
      errors.push(`guidelines[${i}] (${e.id}): duplicate id`);
      continue;
    }
    let url: string | undefined;
    if (typeof e.url === 'string') {
      try {
        const u = new URL(e.url);
        if (u.protocol === 'https:' || u.protocol === 'http:') url = u.href;
      } catch {
        // Not a URL: shown without a link.
      }
      if (!url) errors.push(`guidelines[${i}] (${e.id}): url ignored (not an http(s) URL)`);
    }
    const title = localized(e.title, { en: e.id, ja: e.id });
    const entry: Guideline = {
      id,
      issuer: localized(e.issuer, { en: 'Organisation', ja: '組織' }),
      title,
      ...(url ? { url } : {}),
      summary: localized(e.summary, { en: '', ja: '' }),
      // The organisation vouches for its own entries; Mamori checks none of their facts.
      level: 'official',
      facts: {},
      origin: 'organisation',
    };
    ORG.set(id, Object.freeze(entry));
    ORG_APPLIES.set(id, Array.isArray(e.appliesTo) ? e.appliesTo.filter((x): x is string => typeof x === 'string') : []);
    added.push(id);
  }
  return { added, errors };
}

/** The organisation's entries, in the order registered. */
export function orgGuidelines(): OrgGuideline[] {
  return [...ORG.values()].map((g) => ({ ...g, appliesTo: ORG_APPLIES.get(g.id) ?? [] }));
}

/**
 * The organisation entries to show beside a finding of this rule and category: those that name
 * the rule id, its category, or nothing (all findings).
 */
export function orgGuidelinesFor(ruleId: string, category: string): Guideline[] {
  const out: Guideline[] = [];
  for (const [id, g] of ORG) {
    const applies = ORG_APPLIES.get(id) ?? [];
    if (applies.length === 0 || applies.includes(ruleId) || applies.includes(category)) out.push(g);
  }
  return out;
}

/** How the entry is labelled beside its title: whose it is, and whether a fact is only secondary. */
export function levelNote(g: Guideline, lang: 'en' | 'ja'): string | undefined {
  if (g.origin === 'organisation') return lang === 'ja' ? '組織独自の基準' : "organisation's own standard";
  const notes: string[] = [];
  if (g.level === 'secondary') notes.push(lang === 'ja' ? '二次情報のみで確認' : 'verified from a secondary source only');
  if (g.origin === 'industry') notes.push(lang === 'ja' ? '業界団体・規格' : 'industry body or standard');
  if (g.origin === 'foreign') notes.push(lang === 'ja' ? '海外の基準' : 'non-Japanese standard');
  return notes.length > 0 ? notes.join(lang === 'ja' ? '・' : '; ') : undefined;
}
