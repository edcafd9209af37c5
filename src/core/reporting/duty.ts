/**
 * The reporting duty of a leak (漏えい等報告), worked out from what a scan found: which regime
 * applies (APPI, the My Number Act, the card regime), which reportable events the findings may
 * amount to, when the clock starts, the deadlines, notice to the individuals, the encryption
 * exemption, and the first steps. Every statement is the catalog's (and so the reference's):
 * the deadlines and thresholds are the PPC's own, the event items are quoted by number, and
 * nothing here decides for the user whether an event is a leak: a configuration file cannot
 * tell whether anyone viewed the data. Plain data in, plain data out; localised strings ride
 * along in both languages.
 */
import type { Localized } from '../guidelines/catalog';
import type { Finding } from '../types';

/** What the data holds, as far as the duty is concerned. */
export type DataKind = 'myNumber' | 'card' | 'passport' | 'personal';

/** One body of data and how it is exposed: the input of the assessment. */
export interface Incident {
  kinds: DataKind[];
  /** Records found (the most in one store); undefined when nothing counted them (an exposure). */
  records?: number;
  /** `internet`: reachable by outsiders (an exposure finding); `committed`: only in the repository. */
  exposure: 'internet' | 'committed';
  /**
   * Protected by advanced encryption with the key kept apart (the exemption). False when Mamori
   * read the values in clear; undefined when it cannot tell (a store it only sees configured).
   */
  encrypted?: boolean;
}

/**
 * How far an item applies: `yes` = its condition is met by what was found (if the event is a
 * leak where that matters); `possible` = it may be met, the user must check; `check` = Mamori
 * cannot tell at all; `no` = not met by what was found.
 */
export type Applies = 'yes' | 'possible' | 'check' | 'no';

export interface DutyItem {
  /** e.g. "Rules Art. 7 item 4". */
  ref: Localized;
  applies: Applies;
  why: Localized;
}

export interface RegimeDuty {
  regime: 'appi' | 'mynumber' | 'card';
  title: Localized;
  /** The strongest of the items: `yes` if any is, else `possible` … */
  reportable: Applies;
  /** Whether the finding is a leak at all, and what decides it. */
  leak: Localized;
  items: DutyItem[];
  clock?: Localized;
  preliminary?: Localized;
  final?: Localized;
  notice?: Localized;
  exemption?: Localized;
  /** Where and how the report goes. */
  route?: Localized;
  /** What applies even when no item does. */
  otherwise?: Localized;
  /** Catalog ids behind the statements, primary first. */
  guidelines: string[];
}

export interface FirstStep {
  text: Localized;
  guidelines: string[];
}

export interface DutyAssessment {
  incidents: Incident[];
  regimes: RegimeDuty[];
  firstSteps: FirstStep[];
  /** The page of the PPC on leaks and the report form. */
  url: string;
}

export const LEAK_ACTION_URL = 'https://www.ppc.go.jp/personalinfo/legal/leakAction/';

const RANK: Record<Applies, number> = { yes: 3, possible: 2, check: 1, no: 0 };

function strongest(items: readonly DutyItem[]): Applies {
  let best: Applies = 'no';
  for (const i of items) if (RANK[i.applies] > RANK[best]) best = i.applies;
  return best;
}

function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

const CLOCK_APPI: Localized = {
  en: 'when any department of the business learns of the event (judged case by case, GL 3-5-3): note when this finding was first seen.',
  ja: '法人の場合「いずれかの部署が当該事態を知った時点」（個別の事案ごとに判断、通則編 3-5-3）。この検出を最初に確認した日時を記録してください。',
};

const CLOCK_MN: Localized = {
  en: 'when any department of the business learns of the event (事業者編 別添2): note when this finding was first seen.',
  ja: '法人の場合、いずれかの部署が当該事態を知った時点（事業者編 別添2）。この検出を最初に確認した日時を記録してください。',
};

/** The APPI duty for personal data other than My Numbers. */
function appiDuty(incidents: readonly Incident[]): RegimeDuty | undefined {
  const mine = incidents.filter((i) => i.kinds.some((k) => k !== 'myNumber'));
  if (mine.length === 0) return undefined;
  const exposed = mine.some((i) => i.exposure === 'internet');
  const card = mine.some((i) => i.kinds.includes('card'));
  const counted = mine.map((i) => i.records).filter((n): n is number => n !== undefined);
  const most = counted.length > 0 ? Math.max(...counted) : undefined;
  const encrypted = mine.every((i) => i.encrypted === true);

  const items: DutyItem[] = [
    {
      ref: { en: 'Rules Art. 7 item 1 (sensitive personal information)', ja: '施行規則第7条第1号（要配慮個人情報）' },
      applies: 'check',
      why: {
        en: 'Mamori cannot tell whether the data includes sensitive personal information; check the data items.',
        ja: '要配慮個人情報が含まれるかは Mamori には判断できません。データの項目を確認してください。',
      },
    },
    card
      ? {
          ref: { en: 'Rules Art. 7 item 2 (possible financial loss)', ja: '施行規則第7条第2号（財産的被害のおそれ）' },
          applies: 'yes',
          why: {
            en: 'Card numbers: the guideline\'s own example is "card numbers leaked from an EC site"; this item applies even to one person.',
            ja: 'カード番号が含まれます。通則編の事例に「ECサイトからクレジットカード番号を含む個人データが漏えいした場合」があり、1人分でも該当します。',
          },
        }
      : {
          ref: { en: 'Rules Art. 7 item 2 (possible financial loss)', ja: '施行規則第7条第2号（財産的被害のおそれ）' },
          applies: 'check',
          why: {
            en: 'No card numbers were found; check for other data whose misuse could cause financial loss.',
            ja: 'カード番号は検出されていません。不正利用により財産的被害が生じるおそれのある他の情報がないか確認してください。',
          },
        },
    {
      ref: { en: 'Rules Art. 7 item 3 (may have been done for an unlawful purpose)', ja: '施行規則第7条第3号（不正の目的をもって行われたおそれ）' },
      applies: exposed ? 'possible' : 'check',
      why: exposed
        ? {
            en: 'Anyone who reached the exposed store, e.g. by unauthorised access, makes this item apply even for one person: check the access logs.',
            ja: '公開状態の保存先への不正アクセス等があれば、1人分でも該当します。アクセスログを確認してください。',
          }
        : {
            en: 'Applies if someone took the data with an unlawful purpose (e.g. from a leaked clone).',
            ja: '不正の目的をもってデータが持ち出された場合（外部に渡った複製からの取得等）に該当します。',
          },
    },
    most === undefined
      ? {
          ref: { en: 'Rules Art. 7 item 4 (more than 1,000 people)', ja: '施行規則第7条第4号（本人の数が1,000人を超える）' },
          applies: 'check',
          why: {
            en: 'The number of people is unknown; if it cannot be fixed, the possible maximum counts.',
            ja: '本人の数は不明です。確定できない場合は、最大となり得る数で判断します。',
          },
        }
      : {
          ref: { en: 'Rules Art. 7 item 4 (more than 1,000 people)', ja: '施行規則第7条第4号（本人の数が1,000人を超える）' },
          applies: most > 1000 ? 'yes' : 'no',
          why:
            most > 1000
              ? {
                  en: `Up to ${count(most)} records: the possible maximum exceeds 1,000.`,
                  ja: `最大 ${count(most)} 件のレコードがあり、最大となり得る本人の数が1,000人を超えます。`,
                }
              : {
                  en: `${count(most)} records found: not above 1,000 (check other copies).`,
                  ja: `検出したレコードは ${count(most)} 件で、1,000人以下です（他の複製も確認してください）。`,
                },
        },
  ];
  const leak: Localized = exposed
    ? {
        en: 'Personal data viewable on the internet through a misconfiguration is a leak (GL 3-5-1-2, example 3); it is not one if the data was recovered before any third party viewed it — access logs decide.',
        ja: 'システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態は漏えいに該当します（通則編 3-5-1-2 事例3）。第三者に閲覧されないうちに全てを回収した場合は該当せず、アクセスログ等で判断します。',
      }
    : {
        en: 'Data only committed to a private repository is a leak once its copies reach outsiders (a public repository, a shared fork or CI log): check where the copies went.',
        ja: '非公開リポジトリにコミットされただけなら、複製が外部（公開リポジトリ、共有されたフォーク、CI のログ等）に渡った時点で漏えい等に当たり得ます。複製の行き先を確認してください。',
      };
  const duty: RegimeDuty = {
    regime: 'appi',
    title: { en: 'APPI (personal data)', ja: '個人情報保護法（個人データ）' },
    reportable: encrypted ? 'no' : strongest(items),
    leak,
    items,
    clock: CLOCK_APPI,
    preliminary: {
      en: 'Preliminary report (速報): promptly, roughly 3–5 days from learning of it, with what is known then (Rules Art. 8(1), GL 3-5-3-3).',
      ja: '速報：知った時点から概ね3～5日以内に、その時点で把握している内容を報告（施行規則第8条第1項、通則編 3-5-3-3）。',
    },
    final: {
      en: 'Final report (確報): within 30 days of the day of learning, or 60 days for an item-3 event (may have been done for an unlawful purpose), counting that day as day 1 (Rules Art. 8(2), GL 3-5-3-4).',
      ja: '確報：知った日を1日目として30日以内（第3号の「不正の目的をもって行われたおそれ」がある事態は60日以内）（施行規則第8条第2項、通則編 3-5-3-4）。',
    },
    notice: {
      en: 'Notice to the individuals (本人通知, APPI Art. 26(2)): promptly according to the situation, with no fixed number of days; substitute measures such as publication where notice is impossible (GL 3-5-4).',
      ja: '本人通知（法第26条第2項）：当該事態の状況に応じて速やかに（日数の定めはない）。通知が困難な場合は公表等の代替措置（通則編 3-5-4）。',
    },
    exemption: encrypted
      ? {
          en: 'The data is protected by advanced encryption: no report is needed (end of GL 3-5-3-1).',
          ja: '高度な暗号化等の措置が講じられているため、報告を要しません（通則編 3-5-3-1）。',
        }
      : {
          en: 'Exemption: no report where advanced encryption or another necessary measure protects the data (end of GL 3-5-3-1). Data Mamori could read in clear does not qualify.',
          ja: '例外：高度な暗号化その他の必要な措置が講じられていれば報告を要しない（通則編 3-5-3-1）。Mamori が平文で読み取れたデータは該当しません。',
        },
    route: {
      en: 'Reports go, in principle, through the report form on the PPC website (Rules Art. 8).',
      ja: '報告は原則として個人情報保護委員会のホームページの報告フォームから行います（施行規則第8条）。',
    },
    guidelines: ['ppc-rule-art7', 'ppc-rule-art8', 'ppc-gl-3-5-3', 'ppc-gl-3-5-4', 'ppc-appi-art26', 'ppc-gl-3-5-1-2'],
  };
  return duty;
}

/** The My Number Act duty (番号法 Art. 29-4 and the PPC rule), for data holding My Numbers. */
function myNumberDuty(incidents: readonly Incident[]): RegimeDuty | undefined {
  const mine = incidents.filter((i) => i.kinds.includes('myNumber'));
  if (mine.length === 0) return undefined;
  const exposed = mine.some((i) => i.exposure === 'internet');
  const counted = mine.map((i) => i.records).filter((n): n is number => n !== undefined);
  const most = counted.length > 0 ? Math.max(...counted) : undefined;
  const encrypted = mine.every((i) => i.encrypted === true);
  const items: DutyItem[] = [
    {
      ref: { en: 'Rule Art. 2 item 1 (the listed My Number systems)', ja: '番号法規則第2条第1号（情報提供ネットワークシステム等）' },
      applies: 'check',
      why: {
        en: "Applies to leaks in the information-provision network or in systems for My Number use (or a government body's); check whether this is one.",
        ja: '情報提供ネットワークシステムや個人番号利用事務の情報システム等での漏えい等が対象です。該当するか確認してください。',
      },
    },
    {
      ref: { en: 'Rule Art. 2 item 2 (may have been done for an unlawful purpose)', ja: '番号法規則第2条第2号（不正の目的をもって行われたおそれ）' },
      applies: exposed ? 'possible' : 'check',
      why: {
        en: 'Applies if the leak may have been done for an unlawful purpose, e.g. unauthorised access: check the access logs.',
        ja: '不正アクセス等、不正の目的をもって行われたおそれがある漏えい等が対象です。アクセスログを確認してください。',
      },
    },
    {
      ref: { en: 'Rule Art. 2 item 3 (viewable by an unspecified number of people)', ja: '番号法規則第2条第3号（不特定多数の者に閲覧されるおそれ）' },
      applies: exposed ? 'yes' : 'possible',
      why: exposed
        ? {
            en: 'Specific personal information in a system easily reachable from outside the business is this event itself, whether or not anyone viewed it and with no head count (Q&A Q17-10; 別添2 3A(3)). Clean logs make it "not a leak" but the report is still due (Q&A Q17-1).',
            ja: '事業者の外部から容易にアクセス可能な状態の特定個人情報は、閲覧の有無や人数にかかわらずこの事態に当たります（Q&A Q17-10、別添2 3A(3)）。アクセスログで閲覧がないと確認できても、報告は必要です（Q&A Q17-1）。',
          }
        : {
            en: 'If the repository is public or otherwise easily reachable from outside the business, its My Numbers are viewable by an unspecified number of people: reportable with no head count (Q&A Q17-10).',
            ja: 'リポジトリが公開されている等、事業者の外部から容易にアクセス可能であれば、不特定多数の者に閲覧されるおそれがあり、人数にかかわらず報告対象です（Q&A Q17-10）。',
          },
    },
    most === undefined
      ? {
          ref: { en: 'Rule Art. 2 item 4 (more than 100 people)', ja: '番号法規則第2条第4号（本人の数が100人を超える）' },
          applies: 'check',
          why: { en: 'The number of people is unknown.', ja: '本人の数は不明です。' },
        }
      : {
          ref: { en: 'Rule Art. 2 item 4 (more than 100 people)', ja: '番号法規則第2条第4号（本人の数が100人を超える）' },
          applies: most > 100 ? 'possible' : 'no',
          why:
            most > 100
              ? {
                  en: `Up to ${count(most)} records: more than 100 people if they leaked.`,
                  ja: `最大 ${count(most)} 件のレコードがあり、漏えい等があれば100人を超えます。`,
                }
              : { en: `${count(most)} records found: not above 100.`, ja: `検出したレコードは ${count(most)} 件で、100人以下です。` },
        },
  ];
  return {
    regime: 'mynumber',
    title: { en: 'My Number Act (specific personal information)', ja: '番号法（特定個人情報）' },
    reportable: encrypted ? 'no' : strongest(items),
    leak: exposed
      ? {
          en: 'For My Numbers the exposure itself is the reportable event (rule Art. 2 item 3); whether anyone viewed the data decides only whether it is also a leak.',
          ja: 'マイナンバーでは、外部から容易にアクセス可能な状態そのものが報告対象の事態です（番号法規則第2条第3号）。閲覧の有無は、漏えいに当たるかどうかを左右するだけです。',
        }
      : {
          en: 'Keeping My Numbers outside the cases the Act lists is itself prohibited (番号法 Art. 20); a leak of them is reported under the My Number Act.',
          ja: '法の定める場合以外でのマイナンバーの保管自体が禁止されています（番号法第20条）。漏えい等は番号法に基づき報告します。',
        },
    items,
    clock: CLOCK_MN,
    preliminary: {
      en: 'Preliminary report: promptly, roughly 3–5 days from learning of it (rule Art. 3, 別添2).',
      ja: '速報：事態の発生を知った時点から概ね3日～5日以内（番号法規則第3条、別添2）。',
    },
    final: {
      en: 'Final report: within 30 days of the day of learning, or 60 days for an item-2 event (may have been done for an unlawful purpose), also when it is item 1, 3 or 4 as well (rule Art. 3).',
      ja: '確報：知った日から30日以内（第2号の「不正の目的をもって行われたおそれ」がある事態は、第1号・第3号・第4号にも当たる場合を含め60日以内）（番号法規則第3条）。',
    },
    notice: {
      en: 'Notice to the individuals (番号法 Art. 29-4(2), rule Art. 5): promptly according to the situation; publication or similar where notice is impossible.',
      ja: '本人通知（番号法第29条の4第2項、番号法規則第5条）：当該事態の状況に応じて速やかに。通知が困難な場合は公表等の代替措置。',
    },
    exemption: encrypted
      ? {
          en: 'The data is protected by advanced encryption with the key kept apart: excluded from the reportable events (rule Art. 2, Q&A Q17-14).',
          ja: '復号鍵を分離した高度な暗号化が講じられているため、報告対象から除かれます（番号法規則第2条、Q&A Q17-14）。',
        }
      : {
          en: 'Exclusion: only data under advanced encryption, with the key kept apart from the data and itself protected (Q&A Q17-14). A key stored beside the data, or numbers Mamori read in clear, do not qualify.',
          ja: '除外：復号鍵をデータと分離し、鍵自体の漏えいを防止した高度な暗号化に限られます（Q&A Q17-14）。データと同じ場所にある鍵や、Mamori が平文で読み取れた番号は該当しません。',
        },
    route: {
      en: 'The PPC report form asks first whether My Numbers are included ("if unsure, answer yes"): report on the My Number route.',
      ja: '委員会の報告フォームは最初に「マイナンバーは含まれていますか」と尋ねます（不明な場合は「はい」）。番号法の報告として行ってください。',
    },
    otherwise: {
      en: 'Even where no item applies, a leak of specific personal information should be reported to the PPC as an effort (別添2 3B).',
      ja: '報告対象の事態に当たらなくても、特定個人情報の漏えい等は委員会に報告するよう努めます（別添2 3B）。',
    },
    guidelines: [
      'ppc-mn-act-29-4',
      'ppc-mn-rule-art2',
      'ppc-mn-faq-17-10',
      'ppc-mn-rule-art3',
      'ppc-mn-rule-art5',
      'ppc-mn-faq-17-1',
      'ppc-mn-faq-17-14',
      'ppc-mn-gl-3b',
      'ppc-mn-form',
    ],
  };
}

/** The card regime: what it asks of card numbers; the report itself goes under APPI item 2. */
function cardDuty(incidents: readonly Incident[]): RegimeDuty | undefined {
  if (!incidents.some((i) => i.kinds.includes('card'))) return undefined;
  return {
    regime: 'card',
    title: {
      en: 'Card regime (Installment Sales Act, Credit Card Security Guidelines, PCI DSS)',
      ja: 'クレジットカードの規律（割賦販売法・クレジットカード・セキュリティガイドライン・PCI DSS）',
    },
    reportable: 'check',
    leak: {
      en: 'Businesses handling card numbers must manage them appropriately, including leak prevention (Installment Sales Act Art. 35-16); merchants should not retain card data at all, or comply with PCI DSS, which requires stored card numbers to be unreadable (3.5.1). A card number is not an individual identification code.',
      ja: 'カード番号を取り扱う事業者は、漏えいの防止を含む適切な管理が求められます（割賦販売法第35条の16）。加盟店はカード情報を保持しない（非保持化）か、保存するカード番号を読み取れない形にすること（3.5.1）等を求める PCI DSS に準拠します。カード番号は個人識別符号ではありません。',
    },
    items: [],
    route: {
      en: 'The reference records no separate deadline under the card regime: a leak of personal data holding card numbers is reported to the PPC under APPI Rules Art. 7 item 2.',
      ja: '参照資料にはクレジットカードの規律独自の報告期限の記載はありません。カード番号を含む個人データの漏えい等は、施行規則第7条第2号により委員会へ報告します。',
    },
    guidelines: ['cc-kappu-35-16', 'cc-sec-gl', 'pci-dss-v4-req3', 'ppc-rule-art7'],
  };
}

/** The first steps, exposures before committed data. */
function firstSteps(incidents: readonly Incident[]): FirstStep[] {
  const exposed = incidents.some((i) => i.exposure === 'internet');
  const committed = incidents.some((i) => i.exposure === 'committed');
  const myNumber = incidents.some((i) => i.kinds.includes('myNumber'));
  const card = incidents.some((i) => i.kinds.includes('card'));
  const steps: FirstStep[] = [];
  if (exposed) {
    steps.push({
      text: {
        en: 'Preserve the access logs of the exposed store before anything rotates or deletes them: whether this was a leak depends on whether anyone viewed the data.',
        ja: '公開状態だった保存先のアクセスログを、上書きや削除の前に保全してください。漏えいに当たるかどうかは、データが閲覧されたかどうかで決まります。',
      },
      guidelines: ['ppc-gl-3-5-1-2', ...(myNumber ? ['ppc-mn-faq-17-1'] : [])],
    });
    steps.push({
      text: {
        en: 'Close the access (fix the configuration) and record when it was open.',
        ja: '外部からのアクセスを遮断し（設定を修正）、公開状態だった期間を記録してください。',
      },
      guidelines: ['ppc-gl-10-6'],
    });
  }
  steps.push({
    text: exposed
      ? {
          en: 'Determine the scope: which data, how many people, since when, and who accessed it.',
          ja: '影響範囲を特定してください：どのデータか、本人の数、いつからか、誰がアクセスしたか。',
        }
      : {
          en: 'Determine the scope: since which commit, whether the repository is or was public, and which clones, forks and CI logs hold the data.',
          ja: '影響範囲を特定してください：どのコミットからか、リポジトリが公開されている（いた）か、データを持つクローン・フォーク・CI のログはどこか。',
        },
    guidelines: ['ppc-gl-3-5-2'],
  });
  if (committed) {
    steps.push({
      text: card
        ? {
            en: 'Remove the card numbers and purge them from the history; keep no card data (non-retention) or meet PCI DSS.',
            ja: 'カード番号を削除して履歴からも消去し、カード情報を保持しない（非保持化）か PCI DSS に準拠してください。',
          }
        : {
            en: 'Remove the data, purge it from the history, and replace it with synthetic data.',
            ja: 'データを削除して履歴からも消去し、架空のデータに置き換えてください。',
          },
      guidelines: card ? ['cc-sec-gl', 'pci-dss-v4-req3'] : ['ppc-faq-10-21'],
    });
  }
  return steps;
}

/** The assessment of a set of incidents. */
export function assessIncidents(incidents: readonly Incident[]): DutyAssessment {
  const regimes = [myNumberDuty(incidents), appiDuty(incidents), cardDuty(incidents)].filter((r): r is RegimeDuty => r !== undefined);
  return { incidents: [...incidents], regimes, firstSteps: firstSteps(incidents), url: LEAK_ACTION_URL };
}

/** The kinds of data a finding is about, or undefined for a finding that holds none (a secret). */
export function findingKinds(f: Pick<Finding, 'ruleId' | 'category' | 'data'>): DataKind[] | undefined {
  if (f.category === 'pii-exposure') return [f.data.dataKind === 'myNumber' ? 'myNumber' : 'personal'];
  if (f.category !== 'pii-data') return undefined;
  switch (f.ruleId) {
    case 'pii-data/my-number':
      return ['myNumber'];
    case 'pii-data/card-number':
      return ['card'];
    case 'pii-data/passport-number':
      return ['passport'];
  }
  const listed = (f.data.kinds ?? '').split(',');
  const kinds: DataKind[] = [];
  if (listed.includes('myNumber')) kinds.push('myNumber');
  if (listed.includes('card')) kinds.push('card');
  if (listed.includes('passport')) kinds.push('passport');
  if (kinds.length === 0 || listed.some((k) => k && k !== 'myNumber' && k !== 'card' && k !== 'passport')) kinds.push('personal');
  return kinds;
}

/** The incident of one finding, for its hover; undefined for findings that hold no personal data. */
export function findingIncident(f: Pick<Finding, 'ruleId' | 'category' | 'data'>): Incident | undefined {
  const kinds = findingKinds(f);
  if (!kinds) return undefined;
  if (f.category === 'pii-exposure') return { kinds, exposure: 'internet' };
  const rows = Number(f.data.records);
  const more = Number(f.data.more);
  const records = Number.isFinite(rows) && rows > 0 ? rows : Number.isFinite(more) && more > 0 ? more + 1 : 1;
  // pii-data findings are values Mamori read in clear: not encrypted.
  return { kinds, records, exposure: 'committed', encrypted: false };
}

/**
 * The incidents of a scan: one per kind of data and exposure, with the most records any one
 * finding counted. Undefined when no finding is about personal data.
 */
export function scanIncidents(findings: readonly Pick<Finding, 'ruleId' | 'category' | 'data'>[]): Incident[] {
  const byKey = new Map<string, Incident>();
  for (const f of findings) {
    const one = findingIncident(f);
    if (!one) continue;
    for (const kind of one.kinds) {
      const key = `${kind}\u0000${one.exposure}`;
      const known = byKey.get(key);
      if (!known) byKey.set(key, { ...one, kinds: [kind] });
      else if (one.records !== undefined) known.records = Math.max(known.records ?? 0, one.records);
    }
  }
  return [...byKey.values()];
}

/** The assessment of a scan's findings, or undefined when none is about personal data. */
export function assessFindings(findings: readonly Pick<Finding, 'ruleId' | 'category' | 'data'>[]): DutyAssessment | undefined {
  const incidents = scanIncidents(findings);
  return incidents.length > 0 ? assessIncidents(incidents) : undefined;
}
