/**
 * The Japanese guideline catalog. Facts (ids, issuers, titles, URLs, sections, numbers) come
 * from the project's reference notes, which mark each one verified or not; only verified facts
 * are here, and a section appears only where its number was verified. `verified` records how:
 * "official" = read on the issuer's own site, "secondary" = read in a quotation of it.
 */

export interface Localized {
  en: string;
  ja: string;
}

export interface Guideline {
  id: string;
  issuer: Localized;
  title: Localized;
  /** Verified section or article, if any. */
  section?: string;
  /** Official page of the issuer; absent where no verified official URL exists. */
  url?: string;
  /** Version or date of the edition the facts were read from. */
  edition?: string;
  summary: Localized;
  verified: 'official' | 'secondary';
}

const PPC: Localized = { en: 'Personal Information Protection Commission (PPC)', ja: '個人情報保護委員会' };
const NISC: Localized = { en: 'NISC / National Cybersecurity Office', ja: '内閣サイバーセキュリティセンター（現 国家サイバー統括室）' };
const IPA: Localized = { en: 'Information-technology Promotion Agency (IPA)', ja: '独立行政法人情報処理推進機構（IPA）' };
const MIC: Localized = { en: 'Ministry of Internal Affairs and Communications (MIC)', ja: '総務省' };
const MHLW: Localized = { en: 'Ministry of Health, Labour and Welfare (MHLW)', ja: '厚生労働省' };
const JPCERT: Localized = { en: 'JPCERT/CC', ja: 'JPCERT/CC（一般社団法人JPCERTコーディネーションセンター）' };
const JSA: Localized = { en: 'JIS Q 27002:2024 (ISO/IEC 27002:2022)', ja: 'JIS Q 27002:2024（ISO/IEC 27002:2022）' };

const GL_URL = 'https://www.ppc.go.jp/personalinfo/legal/guidelines_tsusoku/';
const GL_TITLE: Localized = {
  en: 'Guidelines for the Act on the Protection of Personal Information (General Rules)',
  ja: '個人情報の保護に関する法律についてのガイドライン（通則編）',
};

/** Every catalog entry, keyed by id. */
export const GUIDELINES: Readonly<Record<string, Guideline>> = Object.freeze(
  Object.fromEntries(
    (
      [
        {
          id: 'ppc-appi-art23',
          issuer: PPC,
          title: { en: 'APPI Article 23: security control measures', ja: '個人情報保護法 第23条（安全管理措置）' },
          section: 'Art. 23',
          url: GL_URL,
          summary: {
            en: 'A business must take necessary and appropriate measures to prevent leakage, loss or damage of the personal data it handles.',
            ja: '取り扱う個人データの漏えい・滅失・毀損を防ぐため、必要かつ適切な安全管理措置を講じなければならない。',
          },
          verified: 'secondary',
        },
        {
          id: 'ppc-gl-10-6',
          issuer: PPC,
          title: { en: `${GL_TITLE.en}, 10-6 Technical security measures`, ja: `${GL_TITLE.ja} 10-6 技術的安全管理措置` },
          section: '10-6',
          url: GL_URL,
          summary: {
            en: 'Technical measures: access control, identification and authentication of users, protection from outside unauthorised access, and leak prevention in system use.',
            ja: '技術的安全管理措置として、アクセス制御、アクセス者の識別と認証、外部からの不正アクセス等の防止、情報システムの使用に伴う漏えい等の防止を講じる。',
          },
          verified: 'secondary',
        },
        {
          id: 'ppc-gl-3-5-1-1',
          issuer: PPC,
          title: { en: `${GL_TITLE.en}, 3-5-1-1 What counts as a leak`, ja: `${GL_TITLE.ja} 3-5-1-1「漏えい」の考え方` },
          section: '3-5-1-1',
          url: GL_URL,
          summary: {
            en: 'Personal data left viewable on the internet because of a system misconfiguration counts as a leak, unless logs confirm no third party viewed it.',
            ja: 'システムの設定ミス等によりインターネット上で個人データが閲覧可能な状態となっていた場合は「漏えい」に該当する（第三者の閲覧がないとログ等で確認できる場合を除く）。',
          },
          verified: 'secondary',
        },
        {
          id: 'ppc-gl-3-5-3',
          issuer: PPC,
          title: { en: `${GL_TITLE.en}, 3-5-3 Reports to the PPC`, ja: `${GL_TITLE.ja} 3-5-3 個人情報保護委員会への報告` },
          section: '3-5-3-3 / 3-5-3-4',
          url: GL_URL,
          summary: {
            en: 'A reportable leak needs a preliminary report in roughly 3–5 days and a final report within 30 days (60 days where unlawful access is suspected).',
            ja: '報告対象の漏えい等は、概ね3～5日以内に速報、30日以内（不正の目的によるおそれがある場合は60日以内）に確報を提出する。',
          },
          verified: 'secondary',
        },
        {
          id: 'ppc-rule-art7',
          issuer: PPC,
          title: { en: 'APPI Enforcement Rules Article 7: reportable leaks', ja: '個人情報保護法施行規則 第7条（報告対象となる事態）' },
          section: 'Art. 7',
          url: 'https://www.ppc.go.jp/personalinfo/legal/leakAction/',
          summary: {
            en: 'Leaks must be reported when they involve sensitive data, data whose misuse could cause financial loss, a suspected unlawful purpose, or more than 1,000 people.',
            ja: '要配慮個人情報、財産的被害のおそれがあるもの、不正の目的によるおそれがあるもの、1,000人を超えるものの漏えい等は報告が必要。',
          },
          verified: 'official',
        },
        {
          id: 'ppc-faq-10-18',
          issuer: PPC,
          title: { en: 'APPI guideline Q&A 10-18: access control', ja: '「個人情報の保護に関する法律についてのガイドライン」に関するQ&A 10-18（アクセス制御）' },
          section: 'Q10-18',
          url: 'https://www.ppc.go.jp/all_faq_index/faq1-q10-18/',
          summary: {
            en: 'Protect systems holding personal data from unauthorised access, for example through firewall and router settings, and grant the least privilege needed.',
            ja: '個人データを格納した情報システムを、ファイアウォールやルータ等の設定により無権限アクセスから保護し、アクセス権限は必要最小限とする。',
          },
          verified: 'official',
        },
        {
          id: 'ppc-faq-10-19',
          issuer: PPC,
          title: { en: 'APPI guideline Q&A 10-19: identification and authentication', ja: '「個人情報の保護に関する法律についてのガイドライン」に関するQ&A 10-19（アクセス者の識別と認証）' },
          section: 'Q10-19',
          url: 'https://www.ppc.go.jp/all_faq_index/faq1-q10-19/',
          summary: {
            en: 'With IDs and passwords: restrict reuse of the same or similar passwords, set a minimum length, and suspend IDs after repeated failed logins. No numbers are given.',
            ja: 'ID・パスワードによる認証では、同一又は類似パスワードの再利用の制限、最低パスワード文字数の設定、一定回数以上ログインに失敗したIDの停止等を行う（具体的な数値は示されていない）。',
          },
          verified: 'official',
        },
        {
          id: 'ppc-faq-10-20',
          issuer: PPC,
          title: { en: 'APPI guideline Q&A 10-20: preventing unauthorised access from outside', ja: '「個人情報の保護に関する法律についてのガイドライン」に関するQ&A 10-20（外部からの不正アクセス等の防止）' },
          section: 'Q10-20',
          url: 'https://www.ppc.go.jp/all_faq_index/faq1-q10-20',
          summary: {
            en: 'Monitor access, keep software patched and block unauthorised software to protect personal data from outside attacks.',
            ja: 'アクセスの監視、ソフトウェアの更新、不正ソフトウェアの遮断等により、外部からの不正アクセス等から個人データを守る。',
          },
          verified: 'official',
        },
        {
          id: 'ppc-faq-10-21',
          issuer: PPC,
          title: { en: 'APPI guideline Q&A 10-21: preventing leaks in system use', ja: '「個人情報の保護に関する法律についてのガイドライン」に関するQ&A 10-21（情報システムの使用に伴う漏えい等の防止）' },
          section: 'Q10-21',
          url: 'https://www.ppc.go.jp/all_faq_index/faq1-q10-21',
          summary: {
            en: 'Encrypt personal data sent over networks, limit personal data used as test data, and check security whenever systems change.',
            ja: 'ネットワークで送信する個人データの暗号化、テストデータとしての個人データ利用の制限、システム変更時の安全性確認等を行う。',
          },
          verified: 'official',
        },
        {
          id: 'nisc-tkb-6.1.1',
          issuer: NISC,
          title: {
            en: 'Common Standards for Cybersecurity Measures of Government Agencies: identification and authentication function',
            ja: '政府機関等のサイバーセキュリティ対策のための統一基準群：主体認証機能',
          },
          url: 'https://www.nisc.go.jp/policy/group/general/policy.html',
          edition: 'R5 (2023-07-04)',
          summary: {
            en: 'Take measures against misuse through leaked authentication information, and issue, manage and promptly disable credentials for every subject.',
            ja: '主体認証情報の漏えい等による不正行為を防止する措置を講じ、識別コード及び主体認証情報を適切に付与・管理し、不要になれば速やかに無効化する。',
          },
          verified: 'secondary',
        },
        {
          id: 'nisc-handbook',
          issuer: NISC,
          title: { en: 'Internet Safety and Security Handbook', ja: 'インターネットの安全・安心ハンドブック' },
          url: 'https://security-portal.nisc.go.jp/guidance/handbook.html',
          edition: 'Ver 5.00 (2023-01)',
          summary: {
            en: 'Login passwords of 10 or more characters mixing upper and lower case letters, digits and symbols; no periodic change, but change when leaked; prefer app or hardware MFA.',
            ja: 'ログインパスワードは英大文字小文字＋数字＋記号混じりで10桁以上。定期変更は不要で、漏えい時に変更する。多要素認証はアプリやハードウェアトークンを推奨。',
          },
          verified: 'secondary',
        },
        {
          id: 'ipa-websec',
          issuer: IPA,
          title: { en: 'How to Secure Your Web Site', ja: '安全なウェブサイトの作り方' },
          url: 'https://www.ipa.go.jp/security/vuln/websecurity/about.html',
          edition: '改訂第7版 (2015-03)',
          summary: {
            en: 'Stop unneeded services and accounts, keep files not meant for publication out of public directories, and use stronger than password authentication for remote administration.',
            ja: '不要なサービスやアカウントを停止・削除し、公開を想定していないファイルを公開ディレクトリに置かず、リモート管理にはパスワード以外の認証を検討する。',
          },
          verified: 'secondary',
        },
        {
          id: 'ipa-sme',
          issuer: IPA,
          title: { en: 'Information Security Guidelines for SMEs', ja: '中小企業の情報セキュリティ対策ガイドライン' },
          url: 'https://www.ipa.go.jp/security/guide/sme/about.html',
          edition: '第3.1版 (2023-04-26)',
          summary: {
            en: 'The five basic rules include strengthening passwords and reviewing sharing settings of web services, network devices and storage.',
            ja: '「情報セキュリティ5か条」として、パスワードの強化と、ウェブサービス・ネットワーク機器・NAS等の共有設定の見直しを求める。',
          },
          verified: 'official',
        },
        {
          id: 'mic-kokumin-pw',
          issuer: MIC,
          title: { en: 'Cybersecurity site for citizens: safe password management', ja: '国民のためのサイバーセキュリティサイト「安全なパスワード管理」' },
          url: 'https://www.soumu.go.jp/main_sosiki/cybersecurity/kokumin/index.html',
          summary: {
            en: 'Periodic password changes are unnecessary unless a leak happened; do not reuse passwords across services.',
            ja: '流出の事実がなければパスワードの定期的な変更は不要。サービス間でパスワードを使い回さない。',
          },
          verified: 'secondary',
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
            en: 'Identify and authenticate users, keep IDs and passwords known only to their owner, forbid easily guessed passwords, and adopt two-factor authentication for systems running in FY2027.',
            ja: '利用者を識別・認証し、ID・パスワードは本人しか知り得ない状態に保ち、類推されやすいパスワードを禁止し、令和9年度時点で稼働するシステムでは二要素認証を採用する。',
          },
          verified: 'official',
        },
        {
          id: 'jpcert-java-msc03j',
          issuer: JPCERT,
          title: { en: 'Java Secure Coding Standard: MSC03-J Never hard code sensitive information', ja: 'Java セキュアコーディングスタンダード MSC03-J' },
          section: 'MSC03-J',
          url: 'https://www.jpcert.or.jp/java-rules/',
          summary: {
            en: 'Sensitive information such as passwords and keys must never be hard-coded in source code.',
            ja: 'パスワードや鍵などの機密情報をソースコードにハードコードしてはならない。',
          },
          verified: 'secondary',
        },
        {
          id: 'jpcert-stop-pw',
          issuer: JPCERT,
          title: { en: 'STOP!! Password reuse!! campaign', ja: 'STOP!! パスワード使い回し!!' },
          url: 'https://www.jpcert.or.jp/pr/2017/pr170002.html',
          summary: {
            en: 'Do not reuse passwords; use passwords of 12 or more characters.',
            ja: 'パスワードを使い回さず、12文字以上のパスワードを使う。',
          },
          verified: 'secondary',
        },
        {
          id: 'cto-a-dxcriteria-system-8-7',
          issuer: { en: 'Japan CTO Association', ja: '日本CTO協会' },
          title: { en: 'DX Criteria SYSTEM-8-7', ja: 'DX Criteria SYSTEM-8-7' },
          section: 'SYSTEM-8-7',
          url: 'https://dxcriteria.cto-a.org/588b60f754354b82955dc5a524ce4d54',
          summary: {
            en: 'Credentials hard-coded in source code are an anti-pattern; keep them out of the repository.',
            ja: '認証情報をソースコードにハードコードすることはアンチパターンであり、リポジトリの外で管理する。',
          },
          verified: 'official',
        },
        {
          id: 'ppc-mynumber-faq-17-1',
          issuer: PPC,
          title: { en: 'My Number guideline FAQ Q17-1: leaks of specific personal information', ja: '特定個人情報の適正な取扱いに関するガイドライン Q&A Q17-1（漏えい等事案）' },
          section: 'Q17-1',
          url: 'https://www.ppc.go.jp/all_faq_index/faq5-q17-1/',
          summary: {
            en: 'My Number data left viewable from the internet because of a misconfiguration, or stored where outsiders can easily reach it, is a leak.',
            ja: '設定ミス等によりインターネット上で特定個人情報（マイナンバーを含む個人情報）が閲覧可能な状態や、外部から容易にアクセス可能な状態で保存されていた場合は漏えいに該当する。',
          },
          verified: 'official',
        },
        {
          id: 'npa-atpolice-nosql',
          issuer: { en: 'National Police Agency (@police)', ja: '警察庁（@police）' },
          title: { en: '@police warnings on internet-reachable databases without authentication (2015, 2017)', ja: '@police 認証なしでインターネットから到達可能なデータベースへの注意喚起（2015年・2017年）' },
          summary: {
            en: 'MongoDB, Elasticsearch, CouchDB and Hadoop reachable from the internet without authentication were probed, wiped and held for ransom: restrict external access and require authentication.',
            ja: 'インターネットから認証なしで到達可能な MongoDB・Elasticsearch・CouchDB・Hadoop が探索され、データ消去や身代金要求の被害が発生。外部からのアクセスを制限し、認証を設定すること。',
          },
          verified: 'secondary',
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
          verified: 'secondary',
        },
        {
          id: 'mlit-jta-2016',
          issuer: { en: 'Japan Tourism Agency', ja: '観光庁' },
          title: { en: 'Travel-industry information leak review: interim summary (2016-07-28)', ja: '旅行業界情報流出事案検討会「中間とりまとめ」（2016年7月28日）' },
          summary: {
            en: 'Written after the JTB breach: separate servers holding personal data from systems that use the internet, and appoint a CISO and a CSIRT.',
            ja: 'JTB の事案を受け、個人情報を保管するサーバーとインターネットを使用するシステムの分離、CISO・CSIRT の設置を求めた。',
          },
          verified: 'secondary',
        },
        {
          id: 'mic-cloud-config-gl',
          issuer: MIC,
          title: { en: 'Guidelines for proper configuration in cloud use and provision (2022-10)', ja: 'クラウドサービス利用・提供における適切な設定のためのガイドライン（2022年10月）' },
          summary: {
            en: 'Addresses cloud misconfiguration that exposes personal data, the shared-responsibility split, and countermeasures.',
            ja: '個人データの露出につながるクラウドの設定ミス、責任共有の考え方、その対策を扱う。',
          },
          verified: 'secondary',
        },
        {
          id: 'nist-800-63b-4',
          issuer: { en: 'NIST (United States)', ja: '米国国立標準技術研究所（NIST）' },
          title: { en: 'SP 800-63B-4 Digital Identity Guidelines: Authentication', ja: 'SP 800-63B-4 デジタルアイデンティティガイドライン（認証）' },
          section: '3.1.1.2',
          summary: {
            en: 'At least 15 characters for a single-factor password, 8 within MFA; no composition rules; no forced periodic change; blocklist check.',
            ja: '単一要素のパスワードは15文字以上、多要素認証の一部なら8文字以上。文字種の組合せ規則や定期変更は課さず、漏えい済みパスワード一覧との照合を行う。',
          },
          verified: 'secondary',
        },
        {
          id: 'pci-dss-4',
          issuer: { en: 'PCI Security Standards Council', ja: 'PCI SSC' },
          title: { en: 'PCI DSS v4.0 Requirement 8.3', ja: 'PCI DSS v4.0 要件 8.3' },
          section: '8.3.4 / 8.3.6 / 8.3.7 / 8.3.9',
          summary: {
            en: 'Lock out after at most 10 attempts for at least 30 minutes; passwords of at least 12 characters with letters and digits; no reuse of the last 4.',
            ja: '10回以下の失敗で30分以上ロック、12文字以上で英字と数字を含む、直近4世代の再利用禁止。',
          },
          verified: 'secondary',
        },
        {
          id: 'iso-8.9',
          issuer: JSA,
          title: { en: 'Control 8.9 Configuration management', ja: '管理策 8.9 構成管理' },
          section: '8.9',
          summary: {
            en: 'Security configurations of hardware, software, services and networks are established, documented, monitored and reviewed.',
            ja: 'ハードウェア・ソフトウェア・サービス・ネットワークのセキュリティ構成を確立・文書化・監視・レビューする。',
          },
          verified: 'secondary',
        },
        {
          id: 'iso-8.20',
          issuer: JSA,
          title: { en: 'Control 8.20 Networks security', ja: '管理策 8.20 ネットワークセキュリティ' },
          section: '8.20',
          summary: {
            en: 'Networks and network devices are secured, managed and controlled to protect information in systems and applications.',
            ja: 'システム及びアプリケーション内の情報を保護するため、ネットワーク及びネットワーク機器をセキュリティ保護し、管理・制御する。',
          },
          verified: 'secondary',
        },
        {
          id: 'iso-5.23',
          issuer: JSA,
          title: { en: 'Control 5.23 Information security for use of cloud services', ja: '管理策 5.23 クラウドサービスの利用における情報セキュリティ' },
          section: '5.23',
          summary: {
            en: 'Acquiring, using, managing and exiting cloud services follows the organisation\'s security requirements.',
            ja: 'クラウドサービスの取得・利用・管理・終了を、組織の情報セキュリティ要求事項に従って行う。',
          },
          verified: 'secondary',
        },
        {
          id: 'iso-5.17',
          issuer: JSA,
          title: { en: 'Control 5.17 Authentication information', ja: '管理策 5.17 認証情報' },
          section: '5.17',
          summary: {
            en: 'Allocation and management of authentication information is controlled, including keeping it confidential.',
            ja: '認証情報の割当て及び管理を管理し、秘密に保つ。',
          },
          verified: 'secondary',
        },
        {
          id: 'iso-8.24',
          issuer: JSA,
          title: { en: 'Control 8.24 Use of cryptography', ja: '管理策 8.24 暗号の利用' },
          section: '8.24',
          summary: {
            en: 'Rules for the effective use of cryptography, including the management of cryptographic keys, are defined and applied.',
            ja: '暗号鍵の管理を含め、暗号を効果的に利用するための規則を定めて実施する。',
          },
          verified: 'secondary',
        },
      ] satisfies Guideline[]
    ).map((g) => [g.id, Object.freeze(g)]),
  ),
);

/** Hosts of issuers' own sites: a primary link must point at one of these. */
export const OFFICIAL_HOSTS: readonly string[] = [
  'www.ppc.go.jp',
  'www.nisc.go.jp',
  'security-portal.nisc.go.jp',
  'www.ipa.go.jp',
  'www.soumu.go.jp',
  'www.mhlw.go.jp',
  'www.jpcert.or.jp',
  'dxcriteria.cto-a.org',
];

/** Looks up a catalog entry; throws on an unknown id so a typo never ships silently. */
export function guideline(id: string): Guideline {
  const g = GUIDELINES[id];
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
