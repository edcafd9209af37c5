// Runs every test/unit/**/*.test.ts with node's own test runner (TypeScript through tsx),
// after building dist/ once. Node 20's --test takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return find(p);
    return p.endsWith('.test.ts') ? [p] : [];
  });
}

const files = find('test/unit').sort();
const filter = process.argv[2];
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (selected.length === 0) {
  console.error('no unit tests found');
  process.exit(1);
}
// The bundles in dist/ that some tests run (the CLI as a process, the engine as shipped) are
// built once here, before any test starts: a test that rebuilt them while other test files ran
// in parallel could hand those a half-written bundle.
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('the build failed: node esbuild.mjs');
  process.exit(build.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { stdio: 'inherit' });
process.exit(r.status ?? 1);
