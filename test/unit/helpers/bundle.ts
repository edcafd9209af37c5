// Builds one entry of the engine into a bundle of its own for a test (never into dist/, which
// other builds rewrite while tests run), with the options the shipped worker bundle uses.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');

/** Bundles `entry` (a path under the repository) to `outfile` as CommonJS for Node 20. */
export async function buildTestBundle(entry: string, outfile: string): Promise<string> {
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': 'undefined' },
    logLevel: 'silent',
  });
  return outfile;
}
