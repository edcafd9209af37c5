/**
 * Runs the integration suite (test/integration) in a desktop VS Code through
 * @vscode/test-electron: `npm run test:electron`.
 *
 * This is for people with a desktop VS Code or an unrestricted network: test-electron downloads
 * VS Code from Microsoft's update server unless VSCODE_EXECUTABLE points at an installed one.
 * The offline harness that `npm test` and CI use is test/e2e/run-e2e.sh (code-server).
 *
 * Each locale (MAMORI_E2E_LOCALES, default "en,ja") gets its own user-data dir and a fresh copy
 * of the fixture workspace. Japanese needs a language pack listed in languagepacks.json, or
 * VS Code ignores `--locale ja`; an empty pack is registered, so VS Code's own UI stays English
 * while extensions run as under Japanese.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/** The VS Code the offline harness uses too (code-server 4.139.1). */
const VSCODE_VERSION = process.env.VSCODE_VERSION ?? '1.139.1';

interface Summary {
  results?: Array<{ title: string; state: string; error?: string }>;
}

/** Writes user settings (and, for a non-English locale, an empty language pack). */
function prepareUserData(dir: string, locale: string): void {
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
  };
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (locale === 'en') return;
  const pack = path.join(dir, `empty-pack.${locale}.json`);
  fs.writeFileSync(pack, JSON.stringify({ contents: {} }));
  const packs = {
    [locale]: {
      hash: 'mamori-e2e-empty',
      label: locale,
      extensions: [{ extensionIdentifier: { id: `mamori-e2e.empty-language-pack-${locale}` }, version: '0.0.0' }],
      translations: { vscode: pack },
    },
  };
  fs.writeFileSync(path.join(dir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

async function runLocale(root: string, locale: string): Promise<{ passed: number; failed: number }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `mamori-electron-${locale}-`));
  try {
    const workspace = path.join(tmp, 'ws');
    fs.cpSync(path.join(root, 'test', 'fixtures', 'e2e-workspace'), workspace, { recursive: true });
    const userData = path.join(tmp, 'data');
    prepareUserData(userData, locale);
    const resultsFile = path.join(tmp, 'mocha-results.json');
    const executable = process.env.VSCODE_EXECUTABLE;
    let exitError: unknown;
    try {
      await runTests({
        ...(executable ? { vscodeExecutablePath: executable } : { version: VSCODE_VERSION }),
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'dist', 'test', 'integration', 'index.js'),
        extensionTestsEnv: { MAMORI_E2E_LOCALE: locale, MAMORI_E2E_RESULTS: resultsFile },
        launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, `--extensions-dir=${path.join(tmp, 'ext')}`, '--locale', locale],
      });
    } catch (error) {
      exitError = error;
    }
    let summary: Summary = {};
    try {
      summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Summary;
    } catch {
      // No results: VS Code did not start or the suite never ran; counted as a failure below.
    }
    const results = summary.results ?? [];
    for (const r of results) console.log(`  ${r.state === 'passed' ? 'PASS' : 'FAIL'} [${locale}] ${r.title}${r.error ? ` -- ${r.error.split('\n')[0]}` : ''}`);
    const passed = results.filter((r) => r.state === 'passed').length;
    let failed = results.length - passed;
    if (results.length === 0 || (exitError !== undefined && failed === 0)) {
      console.log(`  FAIL [${locale}] the suite ran and VS Code exited cleanly -- ${exitError instanceof Error ? exitError.message : 'no results'}`);
      failed++;
    }
    return { passed, failed };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  // This file is bundled to <root>/dist/test/electron/runTest.js.
  const root = path.resolve(__dirname, '..', '..', '..');
  const locales = (process.env.MAMORI_E2E_LOCALES ?? 'en,ja')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  let passed = 0;
  let failed = 0;
  for (const locale of locales) {
    const r = await runLocale(root, locale);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
