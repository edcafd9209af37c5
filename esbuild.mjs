// Bundles the three front ends. `--production` minifies and drops source maps;
// `--watch` rebuilds on change (used by the "watch" task in .vscode/tasks.json).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { writeNotices } from './scripts/third-party-notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir DIR` builds only the shipped bundles, into DIR (the benchmark builds its own copy).
const outdirAt = process.argv.indexOf('--outdir');
const benchOutdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : undefined;

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  legalComments: 'linked',
  // Prefer ES modules: jsonc-parser's UMD build requires its parts dynamically, which a
  // bundle cannot follow.
  mainFields: ['module', 'main'],
  logLevel: 'info',
  // secretlint is ESM-only; bundling it into CommonJS is fine as long as
  // import.meta is never read at run time (it is not on our code paths).
  define: { 'import.meta.url': 'undefined' },
  logOverride: { 'empty-import-meta': 'silent' },
};

const builds = [
  // The VS Code extension: `vscode` is provided by the extension host. The engine is a bundle
  // of its own that the extension requires on first use (src/extension/facade), so that
  // activation loads only the editor wiring.
  { ...common, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode', './engine.js'] },
  { ...common, entryPoints: { engine: 'src/extension/facade/engine.ts' }, outdir: 'dist' },
  // The CLI: its entry, with its shebang so `npx mamori` works, loads the CLI's bundle with
  // V8's code cache (src/cli/bin.ts).
  { ...common, entryPoints: { cli: 'src/cli/bin.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { 'cli-main': 'src/cli/main.ts' }, outdir: 'dist' },
  // The engine as a library (`require("mamori/core")`).
  { ...common, entryPoints: { core: 'src/core/index.ts' }, outdir: 'dist' },
  // The scanning worker thread (core/pool), found beside the bundle that starts it.
  { ...common, entryPoints: { worker: 'src/core/worker.ts' }, outdir: 'dist' },
  // Integration tests, loaded inside the extension host (mocha stays external).
  {
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: ['test/integration/index.ts', 'test/integration/*.test.ts'],
    outdir: 'dist/test/integration',
    external: ['vscode', 'mocha'],
  },
  {
    ...common,
    sourcemap: true,
    minify: false,
    entryPoints: ['test/electron/runTest.ts'],
    outdir: 'dist/test/electron',
    external: ['@vscode/test-electron'],
  },
];

/** Prints the markers the "watch" task's problem matcher waits for. */
const watchMarkers = {
  name: 'watch-markers',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((r) => {
      for (const e of r.errors) console.error(`✘ [ERROR] ${e.text} ${e.location ? `${e.location.file}:${e.location.line}:${e.location.column}` : ''}`);
      console.log('[watch] build finished');
    });
  },
};

if (benchOutdir) {
  await Promise.all(builds.filter((b) => b.outdir === 'dist').map((b) => esbuild.build({ ...b, outdir: benchOutdir, logLevel: 'warning' })));
} else if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins: [watchMarkers] })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  // The shipped bundles (those in dist/ itself) report their inputs, for the notices file.
  const results = await Promise.all(builds.map((b) => esbuild.build(b.outdir === 'dist' ? { ...b, metafile: true } : b)));
  const outputs = {};
  for (const r of results) {
    for (const [file, output] of Object.entries(r.metafile?.outputs ?? {})) if (/^dist\/[^/]+\.js$/.test(file)) outputs[file.slice('dist/'.length)] = output;
  }
  // Shipped in the .vsix (.vscodeignore) and the npm package (package.json `files`).
  writeNotices(process.cwd(), 'dist/THIRD-PARTY-NOTICES.txt', JSON.parse(readFileSync('package.json', 'utf8')).version, outputs);
}
