import { findGuideline, levelNote, orgGuidelinesFor, type Guideline, type Localized } from './guidelines/catalog';
import { redact } from './mask';
import { ruleById } from './rules/index';
import type { Lang } from './lang';
import type { Finding } from './types';

// In a module of their own so the extension can pick a language without loading every rule.
export { langFromLocale, type Lang } from './lang';

/** Fills `{name}` placeholders. Unknown names are left as they are. */
export function fill(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in data ? data[name] : m));
}

/** Strings of the engine itself (fix titles, report headings), in both languages. */
export const ENGINE_MESSAGES: Readonly<Record<string, Localized>> = {
  'fix.openGuideline': { en: 'Open guideline: {title}', ja: 'ガイドラインを開く: {title}' },
  'report.skipped': { en: 'skipped', ja: 'スキップ' },
  'report.known': { en: '(known from the baseline)', ja: '（ベースラインで既知）' },
  'report.guidance': { en: "Your organisation's guidance:", ja: '組織のガイダンス:' },
  'report.baseline': {
    en: 'Baseline {file}: {known} finding(s) known from the baseline (not counted for the exit code), {new} new, {fixed} fixed',
    ja: 'ベースライン {file}: 既知 {known} 件（終了コードには数えません）、新規 {new} 件、解消 {fixed} 件',
  },
  'skip.too-large': { en: 'file larger than {limit}', ja: '{limit} を超えるファイル' },
  'skip.binary': { en: 'binary file', ja: 'バイナリファイル' },
  'skip.not-regular': { en: 'not a regular file (FIFO, socket or device)', ja: '通常ファイルではありません（FIFO・ソケット・デバイス）' },
  'skip.outside-root': { en: 'symbolic link pointing outside the scanned folder', ja: 'スキャン対象フォルダの外を指すシンボリックリンク' },
  'skip.changed': {
    en: 'changed while being scanned (replaced by a link, or moved out of the scanned folder): not read',
    ja: 'スキャン中に変更されました（リンクに置き換えられたか、スキャン対象フォルダの外に移されました）。読み取っていません',
  },
  'skip.symlink': {
    en: 'symbolic link in git: the file it points to is scanned where git holds it',
    ja: 'git 上のシンボリックリンクです。リンク先のファイルは git 上の位置でスキャンします',
  },
  'skip.submodule': { en: 'submodule or nested repository: scan it on its own', ja: 'サブモジュールまたは入れ子のリポジトリです。個別にスキャンしてください' },
  'skip.deleted': { en: 'tracked by git but deleted from the working tree', ja: 'git で管理されていますが、作業ツリーから削除されています' },
  'history.commit': { en: 'commit {commit} ({date})', ja: 'コミット {commit}（{date}）' },
  'history.inHead': { en: 'still in HEAD', ja: 'HEAD にも残っています' },
  'history.notInHead': { en: 'not in HEAD (history only)', ja: 'HEAD にはありません（履歴のみ）' },
  'skip.unreadable': { en: 'could not be read: {error}', ja: '読み取れません: {error}' },
  'suppression.expired': { en: '(suppression expired on {date})', ja: '（抑制の期限 {date} が切れています）' },
  'skip.rule-error': { en: 'rule {rule} failed on this file: {error}', ja: 'ルール {rule} がこのファイルで失敗しました: {error}' },
  'skip.scan-failed': { en: 'scan did not finish: {error}', ja: 'スキャンが完了しませんでした: {error}' },
};

/** Localises an engine string. */
export function engineMessage(id: string, lang: Lang, data: Readonly<Record<string, string>> = {}): string {
  const m = ENGINE_MESSAGES[id];
  return m ? fill(m[lang], data) : id;
}

/**
 * Why a file was skipped, in the given language. A rule error's detail is `<rule id>: <error>`
 * (see pool/scan-file.ts): the rule and the error fill their own places in the message.
 */
export function skipMessage(skip: { reason: string; detail?: string }, lang: Lang): string {
  const detail = skip.detail ?? '';
  const colon = detail.indexOf(': ');
  const rule = skip.reason === 'rule-error' && colon > 0 ? detail.slice(0, colon) : detail;
  const error = skip.reason === 'rule-error' && colon > 0 ? detail.slice(colon + 2) : detail;
  return engineMessage(`skip.${skip.reason}`, lang, { limit: detail, error, rule });
}

/**
 * Where in a repository's history a finding was found: the commit's short id and author date,
 * and whether HEAD still holds the same content at that path.
 */
export function provenanceText(commit: { hash: string; date: string; inHead: boolean }, lang: Lang): string {
  const at = engineMessage('history.commit', lang, { commit: commit.hash.slice(0, 7), date: commit.date.slice(0, 10) });
  return `${at}${lang === 'ja' ? '、' : ', '}${engineMessage(commit.inHead ? 'history.inHead' : 'history.notInHead', lang)}`;
}

/** The finding's message in the given language. */
export function findingMessage(finding: Finding, lang: Lang): string {
  const template = ruleById(finding.ruleId)?.messages[finding.messageId];
  const text = template ? fill(template[lang], finding.data) : finding.messageId;
  const expired = finding.data.suppressionExpired;
  return expired ? `${text} ${engineMessage('suppression.expired', lang, { date: expired })}` : text;
}

/**
 * The catalog entries a finding (or a rule) cites, in order, skipping unknown ids, followed by
 * the organisation's own entries that apply to its rule or category.
 */
export function findingGuidelines(finding: Pick<Finding, 'guidelines'> & { ruleId?: string; id?: string; category?: string }): Guideline[] {
  const cited = finding.guidelines.map((id) => findGuideline(id)).filter((g): g is Guideline => g !== undefined);
  const ruleId = finding.ruleId ?? finding.id;
  if (ruleId === undefined || finding.category === undefined) return cited;
  const org = orgGuidelinesFor(ruleId, finding.category).filter((g) => !cited.includes(g));
  return org.length > 0 ? [...cited, ...org] : cited;
}

/** "Issuer, title (section)" for display. */
export function guidelineLabel(g: Guideline, lang: Lang): string {
  return g.section && !namesSection(g.title[lang], g.section) ? `${g.title[lang]} (${g.section})` : g.title[lang];
}

/** Whether a title already names its section: "3-5-1-2", "Q&A 10-18" for Q10-18, 第29条の4 for Art. 29-4. */
function namesSection(title: string, section: string): boolean {
  if (title.includes(section) || title.includes(section.replace(/^Q/, ''))) return true;
  const art = /^Art\. (\d+)(?:-(\d+))?$/.exec(section);
  return art !== null && (title.includes(`第${art[1]}条${art[2] ? `の${art[2]}` : ''}`) || title.includes(`Article ${art[1]}${art[2] ? `-${art[2]}` : ''}`));
}

/**
 * The label with what the user must know about its standing: "(verified from a secondary
 * source only)", an industry body, a non-Japanese standard, or the organisation's own entry.
 */
export function guidelineLabelWithLevel(g: Guideline, lang: Lang): string {
  const note = levelNote(g, lang);
  const label = guidelineLabel(g, lang);
  return note ? (lang === 'ja' ? `${label}（${note}）` : `${label} (${note})`) : label;
}

/** The title of a fix: the rule's own messages first, then the engine's. */
export function fixTitle(finding: Pick<Finding, 'ruleId'>, fix: { titleId: string; data?: Record<string, string> }, lang: Lang): string {
  const template = ruleById(finding.ruleId)?.messages[fix.titleId] ?? ENGINE_MESSAGES[fix.titleId];
  if (!template) return fix.titleId;
  // A fix's data is what its edit needs (a variable's real name), so it is not masked in the
  // finding; the title shown passes the same masking step as every message argument.
  const shown: Record<string, string> = {};
  for (const [k, v] of Object.entries(fix.data ?? {})) shown[k] = redact(v);
  return fill(template[lang], shown);
}
