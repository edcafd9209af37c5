import { GUIDELINES, type Guideline } from '../guidelines/catalog';
import { engineMessage, findingGuidelines, findingMessage, guidelineLabelWithLevel, provenanceText, skipMessage, type Lang } from '../messages';
import { assessFindings } from '../reporting/duty';
import { DUTY_LABELS, regimeLines } from '../reporting/render';
import { CATEGORIES, type Category, type Severity } from '../types';
import type { LocatedFinding, ScanReport } from './model';

/**
 * The review document behind the Markdown and HTML reports: findings grouped by the
 * guideline they fall under, counts per category, and — when anything exposes personal
 * data — the PPC breach-report reminder.
 */
export interface Review {
  lang: Lang;
  title: string;
  meta: [label: string, value: string][];
  counts: { category: Category; label: string; error: number; warning: number; info: number }[];
  reminder?: { heading: string; paragraphs: string[]; links: { label: string; url: string }[] };
  groups: {
    guideline: Guideline | undefined;
    heading: string;
    url?: string;
    summary?: string;
    rows: ReviewRow[];
    org: { label: string; url?: string; summary: string }[];
  }[];
  skipped: { path: string; reason: string }[];
  labels: Record<'summary' | 'byGuideline' | 'skipped' | 'location' | 'severity' | 'rule' | 'message' | 'category' | 'none' | Severity, string>;
}

export interface ReviewRow {
  location: string;
  severity: Severity;
  ruleId: string;
  /** The finding's message, marked when the baseline knows it. */
  message: string;
  /** The organisation's own guidance page (from `.mamori.json`). */
  guidance?: { label: string; url: string };
}

const CATEGORY_LABEL: Record<Category, Record<Lang, string>> = {
  secret: { en: 'Hardcoded secrets', ja: 'ハードコードされた認証情報' },
  'pii-exposure': { en: 'Exposed personal-data stores', ja: '公開された個人データの保存先' },
  'pii-data': { en: 'Personal data in files', ja: 'ファイル内の個人データ' },
  'password-policy': { en: 'Weak password policies', ja: '不十分なパスワードポリシー' },
};

const LABELS: Record<Lang, Review['labels']> = {
  en: {
    summary: 'Summary',
    byGuideline: 'Findings by guideline',
    skipped: 'Skipped files',
    location: 'Location',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Finding',
    category: 'Category',
    none: 'No findings.',
    error: 'error',
    warning: 'warning',
    info: 'info',
  },
  ja: {
    summary: '概要',
    byGuideline: 'ガイドライン別の検出結果',
    skipped: 'スキップしたファイル',
    location: '場所',
    severity: '重大度',
    rule: 'ルール',
    message: '検出内容',
    category: '分類',
    none: '検出はありません。',
    error: '重大',
    warning: '警告',
    info: '情報',
  },
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Builds the review document of a scan. `generatedAt` is an ISO date-time. */
export function buildReview(report: ScanReport, lang: Lang, generatedAt: string): Review {
  const counts = CATEGORIES.map((category) => {
    const of = report.findings.filter((f) => f.category === category);
    return {
      category,
      label: CATEGORY_LABEL[category][lang],
      error: of.filter((f) => f.severity === 'error').length,
      warning: of.filter((f) => f.severity === 'warning').length,
      info: of.filter((f) => f.severity === 'info').length,
    };
  });

  const byGuideline = new Map<string, LocatedFinding[]>();
  for (const f of report.findings) {
    const key = f.guidelines[0] ?? '';
    byGuideline.set(key, [...(byGuideline.get(key) ?? []), f]);
  }
  const groups = [...byGuideline.entries()]
    .map(([id, findings]) => {
      const g = GUIDELINES[id];
      return {
        guideline: g,
        heading: g ? `${g.issuer[lang]} — ${guidelineLabelWithLevel(g, lang)}` : id || '—',
        ...(g?.url ? { url: g.url } : {}),
        ...(g ? { summary: g.summary[lang] } : {}),
        // The organisation's own entries that apply to these findings, shown beside the official one.
        org: [...new Set(findings.flatMap((f) => findingGuidelines(f).filter((x) => x.origin === 'organisation')))].map((o) => ({
          label: `${o.issuer[lang]} — ${guidelineLabelWithLevel(o, lang)}`,
          ...(o.url ? { url: o.url } : {}),
          summary: o.summary[lang],
        })),
        rows: findings
          .slice()
          .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.path.localeCompare(b.path) || a.line - b.line)
          .map((f) => ({
            location: `${f.path}:${f.line}:${f.column}${f.commit ? ` — ${provenanceText(f.commit, lang)}` : ''}`,
            severity: f.severity,
            ruleId: f.ruleId,
            message: f.baseline === 'unchanged' ? `${findingMessage(f, lang)} ${engineMessage('report.known', lang)}` : findingMessage(f, lang),
            ...(f.guidance ? { guidance: { label: engineMessage('report.guidance', lang), url: f.guidance } } : {}),
          })),
      };
    })
    .sort((a, b) => b.rows.filter((r) => r.severity === 'error').length - a.rows.filter((r) => r.severity === 'error').length || b.rows.length - a.rows.length);

  const reminder = breachReminder(report, lang);

  return {
    lang,
    title: lang === 'ja' ? 'Mamori 検査レポート' : 'Mamori review report',
    meta: [
      [lang === 'ja' ? '作成日時' : 'Generated', localTime(generatedAt)],
      [lang === 'ja' ? '対象' : 'Scanned', (report.targets && report.targets.length > 0 ? report.targets : [report.root]).join(', ')],
      [lang === 'ja' ? 'スキャンしたファイル数' : 'Files scanned', String(report.filesScanned)],
      [lang === 'ja' ? '検出数' : 'Findings', String(report.findings.length)],
      ['Mamori', report.version],
      ...(report.baseline
        ? [
            [
              lang === 'ja' ? 'ベースライン' : 'Baseline',
              engineMessage('report.baseline', lang, {
                file: report.baseline.path,
                known: String(report.baseline.known),
                new: String(report.baseline.new),
                fixed: String(report.baseline.fixed),
              }).replace(/^[^:]*: /, ''),
            ] as [string, string],
          ]
        : []),
    ],
    counts,
    ...(reminder ? { reminder } : {}),
    groups,
    skipped: report.skipped.map((s) => ({ path: s.path, reason: skipMessage(s, lang) })),
    labels: LABELS[lang],
  };
}

/**
 * An ISO date-time in the user's time zone, with its offset and zone name:
 * "2026-11-21 09:00:00 +09:00 (Asia/Tokyo)". A value that is not a date is shown as it is.
 */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const stamp = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return `${stamp} ${sign}${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}${zone ? ` (${zone})` : ''}`;
}

/** The reporting duty of the scan's personal-data findings, worked out by core/reporting. */
function breachReminder(report: ScanReport, lang: Lang): Review['reminder'] {
  const duty = assessFindings(report.findings);
  if (!duty) return undefined;
  const L = DUTY_LABELS[lang];
  const ids = [...new Set(duty.regimes.flatMap((r) => r.guidelines))];
  const entries = ids.map((id) => GUIDELINES[id]).filter((g): g is Guideline => g !== undefined && g.url !== undefined);
  return {
    heading: L.heading,
    paragraphs: [
      ...duty.regimes.flatMap((r) => regimeLines(r, lang)),
      `${L.steps}${lang === 'ja' ? '：' : ': '}${duty.firstSteps.map((s, i) => `${i + 1}. ${s.text[lang]}`).join(' ')}`,
      L.caveat,
    ],
    links: [
      { label: lang === 'ja' ? '個人情報保護委員会「漏えい等の対応とお役立ち資料」' : 'PPC: responding to leaks and the report form', url: duty.url },
      ...entries.map((g) => ({ label: guidelineLabelWithLevel(g, lang), url: g.url as string })),
    ].filter((l, i, all) => all.findIndex((x) => x.url === l.url && x.label === l.label) === i),
  };
}
