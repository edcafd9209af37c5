import { GUIDELINES, type Guideline } from '../guidelines/catalog';
import { engineMessage, findingMessage, guidelineLabel, skipMessage, type Lang } from '../messages';
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
  groups: { guideline: Guideline | undefined; heading: string; url?: string; summary?: string; rows: ReviewRow[] }[];
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
  'password-policy': { en: 'Weak password policies', ja: '弱いパスワードポリシー' },
};

const LABELS: Record<Lang, Review['labels']> = {
  en: { summary: 'Summary', byGuideline: 'Findings by guideline', skipped: 'Skipped files', location: 'Location', severity: 'Severity', rule: 'Rule', message: 'Finding', category: 'Category', none: 'No findings.', error: 'error', warning: 'warning', info: 'info' },
  ja: { summary: '概要', byGuideline: 'ガイドライン別の検出結果', skipped: 'スキップしたファイル', location: '場所', severity: '重大度', rule: 'ルール', message: '検出内容', category: '分類', none: '検出はありません。', error: 'エラー', warning: '警告', info: '情報' },
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
        heading: g ? `${g.issuer[lang]} — ${guidelineLabel(g, lang)}` : id || '—',
        ...(g?.url ? { url: g.url } : {}),
        ...(g ? { summary: g.summary[lang] } : {}),
        rows: findings
          .slice()
          .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.path.localeCompare(b.path) || a.line - b.line)
          .map((f) => ({
            location: `${f.path}:${f.line}:${f.column}`,
            severity: f.severity,
            ruleId: f.ruleId,
            message: f.baseline === 'unchanged' ? `${findingMessage(f, lang)} ${engineMessage('report.known', lang)}` : findingMessage(f, lang),
            ...(f.guidance ? { guidance: { label: engineMessage('report.guidance', lang), url: f.guidance } } : {}),
          })),
      };
    })
    .sort((a, b) => b.rows.filter((r) => r.severity === 'error').length - a.rows.filter((r) => r.severity === 'error').length || b.rows.length - a.rows.length);

  const exposure = report.findings.some((f) => f.category === 'pii-exposure' || f.category === 'pii-data');
  const reminder = exposure ? breachReminder(lang) : undefined;

  return {
    lang,
    title: lang === 'ja' ? 'Mamori 検査レポート' : 'Mamori review report',
    meta: [
      [lang === 'ja' ? '作成日時' : 'Generated', generatedAt],
      [lang === 'ja' ? '対象' : 'Scanned folder', report.root],
      [lang === 'ja' ? '走査ファイル数' : 'Files scanned', String(report.filesScanned)],
      [lang === 'ja' ? '検出数' : 'Findings', String(report.findings.length)],
      ['Mamori', report.version],
      ...(report.baseline
        ? [[lang === 'ja' ? 'ベースライン' : 'Baseline', engineMessage('report.baseline', lang, { file: report.baseline.path, known: String(report.baseline.known), new: String(report.baseline.new), fixed: String(report.baseline.fixed) }).replace(/^[^:]*: /, '')] as [string, string]]
        : []),
    ],
    counts,
    ...(reminder ? { reminder } : {}),
    groups,
    skipped: report.skipped.map((s) => ({ path: s.path, reason: skipMessage(s, lang) })),
    labels: LABELS[lang],
  };
}

/** The reporting duties, in the catalog's own (verified) words. */
function breachReminder(lang: Lang): Review['reminder'] {
  const ids = ['ppc-gl-3-5-1-1', 'ppc-rule-art7', 'ppc-gl-3-5-3'];
  const entries = ids.map((id) => GUIDELINES[id]).filter((g): g is Guideline => g !== undefined);
  return {
    heading: lang === 'ja' ? '漏えい等報告の確認（個人情報保護委員会）' : 'Breach-report check (PPC)',
    paragraphs: [
      lang === 'ja'
        ? '個人データを保存する場所がインターネットから閲覧可能になっていた、または個人データがリポジトリに含まれていた場合、漏えい等に該当しないか、報告対象かどうかを確認してください。'
        : 'Where a store of personal data was viewable from the internet, or personal data sits in the repository, check whether it is a leak and whether it must be reported.',
      ...entries.map((g) => `${guidelineLabel(g, lang)}: ${g.summary[lang]}`),
    ],
    links: entries.filter((g) => g.url).map((g) => ({ label: guidelineLabel(g, lang), url: g.url as string })),
  };
}
