/**
 * The extension's one way into the engine: src/extension uses src/core only through this module
 * (a lint rule in eslint.config.mjs and test/unit/extension/facade.test.ts hold it to that).
 * It has two halves:
 * - light parts, bundled into dist/extension.js and loaded at activation: the guideline catalog
 *   the views and hovers list, format detection, line positions, suppression edits, the settings'
 *   defaults, atomic writes and the data types;
 * - the engine (`engine()`: rules, parsers, secretlint, reports and the scanning pool, exported by
 *   ./engine.ts and bundled to dist/engine.js), required on first use. Loading it took most of
 *   the activation time, so the first scan of an open document loads it, just after activation.
 */
import type * as Engine from './engine';

export { detectFormat } from '../../core/documents/detect';
export { LineIndex } from '../../core/documents/lines';
export { GUIDELINES, primaryUrl } from '../../core/guidelines/catalog';
export { isProfileId } from '../../core/guidelines/profiles';
export { langFromLocale, type Lang } from '../../core/lang';
export { CATEGORY_SETTINGS, PASSWORD_PROFILE_SETTING, settingDefault, VERSION } from '../../core/config';
export { suppressionEdit } from '../../core/suppress';
export { writeFileAtomic } from '../../core/write-file';
export { CATEGORIES, type Category, type Finding, type OtherFileEdit, type ScanConfig, type Severity, type TextEdit } from '../../core/types';
export type { LocatedFinding, ScanReport } from '../../core/report/model';
export type { allowList, ProjectConfig } from '../../core/project-config';
export type { ScanPool } from '../../core/pool/pool';
export type { ScanCache } from '../../core/pool/cache';

let loaded: typeof Engine | undefined;

/** The engine (see above), required on first use rather than at activation. */
export function engine(): typeof Engine {
  // A plain require of the bundle beside dist/extension.js: esbuild leaves it as it is (see esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./engine.js') as typeof Engine);
}
