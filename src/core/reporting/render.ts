/**
 * The reporting assessment as text, for every front end: a structured section (reports, hover)
 * and a short summary (the end of the text output). The words are the assessment's own; this
 * file only orders them.
 */
import type { Lang } from '../lang';
import type { Applies, DutyAssessment, RegimeDuty } from './duty';

const STATUS: Record<Applies, Record<Lang, string>> = {
  yes: { en: 'reportable', ja: '報告対象' },
  possible: { en: 'may be reportable', ja: '報告対象の可能性あり' },
  check: { en: 'check', ja: '要確認' },
  no: { en: 'no reportable event found', ja: '報告対象の事由は検出されず' },
};

/** The status of a regime as shown: the card regime defers to APPI item 2. */
export function regimeStatus(r: RegimeDuty, lang: Lang): string {
  if (r.regime === 'card') return lang === 'ja' ? '報告は個人情報保護法による' : 'reported under APPI';
  return STATUS[r.reportable][lang];
}

/** Labels of the section, in both languages. */
export const DUTY_LABELS: Record<
  Lang,
  Record<'heading' | 'items' | 'leak' | 'clock' | 'deadlines' | 'notice' | 'exemption' | 'route' | 'otherwise' | 'steps' | 'caveat' | 'more', string>
> = {
  en: {
    heading: 'Breach-report check (漏えい等報告)',
    items: 'Reportable events',
    leak: 'Is it a leak?',
    clock: 'The clock starts',
    deadlines: 'Deadlines',
    notice: 'Notice to individuals',
    exemption: 'Encryption exemption',
    route: 'How to report',
    otherwise: 'Otherwise',
    steps: 'First steps',
    caveat: "Mamori sorts out what the findings may amount to; whether an event is reportable is the business's own judgement.",
    more: 'Mamori breach-report check, details:',
  },
  ja: {
    heading: '漏えい等報告の確認',
    items: '報告対象となる事態',
    leak: '漏えい等に当たるか',
    clock: '起算点',
    deadlines: '報告期限',
    notice: '本人通知',
    exemption: '高度な暗号化による例外',
    route: '報告の方法',
    otherwise: 'そのほか',
    steps: '最初の対応',
    caveat: 'Mamori は検出結果が該当し得る事由を整理したものです。報告対象かどうかは各事業者が判断してください。',
    more: 'Mamori 漏えい等報告の確認、詳細:',
  },
};

/** One regime as a list of lines (no markup): status, leak, items, clock, deadlines, notice … */
export function regimeLines(r: RegimeDuty, lang: Lang, short = false): string[] {
  const L = DUTY_LABELS[lang];
  const colon = lang === 'ja' ? '：' : ': ';
  const out: string[] = [];
  const shown = r.items.filter((i) => i.applies === 'yes' || i.applies === 'possible');
  if (short) {
    // The items that make the status, each with its own status where it differs.
    const refs = [...shown]
      .sort((a, b) => (a.applies === b.applies ? 0 : a.applies === 'yes' ? -1 : 1))
      .map((i) => (i.applies === r.reportable ? i.ref[lang] : `${i.ref[lang]} [${STATUS[i.applies][lang]}]`));
    const head = `${r.title[lang]}${colon}${regimeStatus(r, lang)}`;
    // Nothing met or possible: name what the user has to check instead.
    const toCheck = r.items.filter((i) => i.applies === 'check').map((i) => i.ref[lang]);
    const tail = refs.length > 0 ? refs : toCheck;
    out.push(tail.length === 0 ? head : `${head} — ${tail.join(lang === 'ja' ? '、' : '; ')}`);
    if (r.preliminary) out.push(`  ${r.preliminary[lang]}`);
    if (r.final) out.push(`  ${r.final[lang]}`);
    if (r.notice) out.push(`  ${r.notice[lang]}`);
    if (r.route) out.push(`  ${r.route[lang]}`);
    return out;
  }
  const items = r.items.map((i) => `${i.ref[lang]} — ${STATUS[i.applies][lang]}${colon}${i.why[lang]}`);
  out.push(`${r.title[lang]}${colon}${regimeStatus(r, lang)}`);
  out.push(`${L.leak}${colon}${r.leak[lang]}`);
  for (const i of items) out.push(`${L.items}${colon}${i}`);
  for (const [label, text] of [
    [L.clock, r.clock],
    [L.deadlines, r.preliminary],
    [L.deadlines, r.final],
    [L.notice, r.notice],
    [L.exemption, r.exemption],
    [L.route, r.route],
    [L.otherwise, r.otherwise],
  ] as const) {
    if (text) out.push(`${label}${colon}${text[lang]}`);
  }
  return out;
}

/** The short summary that ends the text output: a few lines per regime, the clock, the first steps, the link. */
export function dutySummary(a: DutyAssessment, lang: Lang): string[] {
  const L = DUTY_LABELS[lang];
  const out = [`── ${L.heading} ──`];
  for (const r of a.regimes) out.push(...regimeLines(r, lang, true));
  // One clock line: APPI's, noting that the My Number rule counts the same way when both apply.
  const appi = a.regimes.find((r) => r.regime === 'appi')?.clock;
  const mn = a.regimes.find((r) => r.regime === 'mynumber')?.clock;
  const clock = appi ?? mn;
  if (clock) {
    const same = appi && mn ? (lang === 'ja' ? '番号法でも同じです（事業者編 別添2）。' : ' The My Number rule counts the same way (事業者編 別添2).') : '';
    out.push(`${L.clock}${lang === 'ja' ? '：' : ': '}${clock[lang]}${same}`);
  }
  out.push(`${L.steps}${lang === 'ja' ? '：' : ':'}`);
  a.firstSteps.forEach((s, i) => out.push(`  ${i + 1}. ${s.text[lang]}`));
  out.push(L.caveat);
  out.push(`${L.more} ${a.url}`);
  return out;
}
