/**
 * Mamori's engine as a library (`require("mamori/core")`). No VS Code, no network.
 */
export { scanText } from './scan';
export { scanPaths, type ScanPathsOptions } from './scan-paths';
export { walk, walkPaths, readEntry, type WalkEntry, type PathEntry, type WalkOptions, type SkipReason } from './walk';
export { ScanPool, type PoolOptions, type PoolResult, type DocumentPoolResult, type CancelledResult } from './pool/pool';
export type { ScanJob, DocumentJob, FileResult, DocumentResult, SkippedResult } from './pool/protocol';
export { ScanCache, type CacheEntry } from './pool/cache';
export { decode, decodeDetailed, isBinary, type TextEncoding } from './decode';
export { detectFormat, lineComment, type Format } from './documents/detect';
export { LineIndex, type Position } from './documents/lines';
export {
  GUIDELINES,
  OFFICIAL_HOSTS,
  guideline,
  findGuideline,
  primaryUrl,
  registerOrgGuidelines,
  orgGuidelines,
  levelNote,
  type Guideline,
  type Localized,
  type Level,
  type Provenance,
  type OrgGuidelineInput,
} from './guidelines/catalog';
export { assessFindings, assessIncidents, findingIncident, type DutyAssessment, type Incident } from './reporting/duty';
export { GLOSSARY, checkJapanese } from './l10n-glossary';
export { RULES, ruleById } from './rules/index';
export type { Rule, RawFinding, RuleExample } from './rules/rule';
export { maskSecret } from './mask';
export { fingerprintFindings, FINGERPRINT_VERSION } from './fingerprint';
export {
  findingMessage,
  fixTitle,
  findingGuidelines,
  guidelineLabel,
  guidelineLabelWithLevel,
  engineMessage,
  langFromLocale,
  fill,
  type Lang,
} from './messages';
export { resolveConfig, settingDefault, CATEGORY_SETTINGS, VERSION, type ResolvedConfig } from './config';
export { formatText } from './report/text';
export { formatJson } from './report/json';
export { formatSarif } from './report/sarif';
export { formatMarkdown } from './report/markdown';
export { formatHtml } from './report/html';
export { buildReview, type Review } from './report/review';
export { applySuppressions, parseDirectives, suppressionEdit, type Directive } from './suppress';
export { locate, type LocatedFinding, type ScanReport, type SkippedFile } from './report/model';
export * from './types';
