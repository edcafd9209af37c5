// The bundles in dist/ are built once by test/run-unit.mjs before any test file starts: a test
// that rebuilt them while other files run in parallel could hand those a half-written bundle.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Throws unless dist/ holds the bundles the tests run (the CLI, its worker, the engine and the library). */
export function assertBuilt(): void {
  for (const name of ['cli.js', 'cli-main.js', 'worker.js', 'engine.js', 'core.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', name)))
      throw new Error(`dist/${name} is missing: run the unit tests with node test/run-unit.mjs, which builds once first`);
  }
}
