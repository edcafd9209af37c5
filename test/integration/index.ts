/**
 * Entry point of the integration suite, loaded by VS Code through `extensionTestsPath`
 * (the workbench payload in test/e2e/run-e2e.mjs, or @vscode/test-electron). It must export
 * `run()`; VS Code exits with a failure code when the returned promise rejects.
 *
 * Which files run depends on MAMORI_E2E_LOCALE: `*.ja.test.js` under "ja", every other
 * `*.test.js` otherwise. MAMORI_E2E_RESULTS, when set, receives a JSON summary that the
 * harness reads next to the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * The extension host forwards console output to the browser among the workbench's own logs;
 * this prefix lets the harness pick the mocha report out and print it.
 */
export const REPORT_PREFIX = '[mamori-test] ';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

/** Runs the suite for the locale the harness set; resolves when every test passed. */
export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(REPORT_PREFIX + line);
  };
  const locale = process.env.MAMORI_E2E_LOCALE ?? 'en';
  const japanese = locale.startsWith('ja');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && f.endsWith('.ja.test.js') === japanese)
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    const results: TestResult[] = [];
    const write = (failures: number): void => {
      const out = process.env.MAMORI_E2E_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ locale, files, failures, results }, null, 2));
    };
    if (files.length === 0) {
      write(1);
      reject(new Error(`no integration test files for locale ${locale} in ${__dirname}`));
      return;
    }
    const runner = mocha.run((failures) => {
      write(failures);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (results.length === 0) reject(new Error('no integration tests ran'));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: unknown) => results.push({ title: t.fullTitle(), state: 'failed', error: err instanceof Error ? err.message : String(err) }));
  });
}
