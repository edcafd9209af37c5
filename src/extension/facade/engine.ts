/**
 * The part of the engine the extension loads on first use (bundled to dist/engine.js): the
 * rules with their parsers and secretlint, and everything that reads them. It is most of the
 * extension's code, so activation does not load it. Reached only through `engine()` in index.ts,
 * the facade.
 */
export { scanText } from '../../core/scan';
export { otherFileText } from '../../core/fix-files';
export { fingerprintFindings } from '../../core/fingerprint';
export { LineIndex } from '../../core/documents/lines';
export { errorDetail } from '../../core/pool/scan-file';
export { ScanPool } from '../../core/pool/pool';
export { ScanCache } from '../../core/pool/cache';
export { scanPaths } from '../../core/scan-paths';
export { ruleById } from '../../core/rules/index';
export { ruleMarkdown } from '../../core/report/rules-table';
export { formatHtml } from '../../core/report/html';
export { formatMarkdown } from '../../core/report/markdown';
export { formatSarif } from '../../core/report/sarif';
export { findingGuidelines, findingMessage, fixTitle, guidelineLabel, guidelineLabelWithLevel } from '../../core/messages';
export { assessIncidents, findingIncident } from '../../core/reporting/duty';
// The project-configuration loader registers the organisation's own guideline entries here, in
// the bundle whose catalog the hover and reports read.
export { registerOrgGuidelines } from '../../core/guidelines/catalog';
export { dutySummary } from '../../core/reporting/render';
export { allowList, guidanceFor, hasErrors, parseProjectConfig, problemText, restrictProjectConfig, withProjectConfig } from '../../core/project-config';
export { parseBaseline } from '../../core/baseline';
export { gitPaths } from '../../core/git/files';
