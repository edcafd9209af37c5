import { GUIDELINES, type Guideline, type Localized } from './guidelines/catalog';
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
  'skip.outside-root': { en: 'symbolic link pointing outside the scanned folder', ja: '走査対象フォルダの外を指すシンボリックリンク' },
  'skip.changed': {
    en: 'changed while being scanned (replaced by a link, or moved out of the scanned folder): not read',
    ja: '走査中に変更されました（リンクに置き換えられたか、走査対象フォルダの外に移されました）。読み取っていません',
  },
  'skip.unreadable': { en: 'could not be read: {error}', ja: '読み取れません: {error}' },
  'suppression.expired': { en: '(suppression expired on {date})', ja: '（抑制の期限 {date} が切れています）' },
  'skip.rule-error': { en: 'rule {rule} failed on this file: {error}', ja: 'ルール {rule} がこのファイルで失敗しました: {error}' },
  'skip.scan-failed': { en: 'scan did not finish: {error}', ja: '走査が完了しませんでした: {error}' },
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

/** The finding's message in the given language. */
export function findingMessage(finding: Finding, lang: Lang): string {
  const template = ruleById(finding.ruleId)?.messages[finding.messageId];
  const text = template ? fill(template[lang], finding.data) : finding.messageId;
  const expired = finding.data.suppressionExpired;
  return expired ? `${text} ${engineMessage('suppression.expired', lang, { date: expired })}` : text;
}

/** The catalog entries a finding cites, in order, skipping unknown ids. */
export function findingGuidelines(finding: Pick<Finding, 'guidelines'>): Guideline[] {
  return finding.guidelines.map((id) => GUIDELINES[id]).filter((g): g is Guideline => g !== undefined);
}

/** "Issuer, title (section)" for display. */
export function guidelineLabel(g: Guideline, lang: Lang): string {
  return g.section && !g.title[lang].includes(g.section) ? `${g.title[lang]} (${g.section})` : g.title[lang];
}

/** The title of a fix: the rule's own messages first, then the engine's. */
export function fixTitle(finding: Pick<Finding, 'ruleId'>, fix: { titleId: string; data?: Record<string, string> }, lang: Lang): string {
  const template = ruleById(finding.ruleId)?.messages[fix.titleId] ?? ENGINE_MESSAGES[fix.titleId];
  return template ? fill(template[lang], fix.data ?? {}) : fix.titleId;
}
