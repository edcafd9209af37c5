// Activation loads dist/extension.js only; the engine (rules, parsers, secretlint) is a bundle
// of its own, required on first use. This keeps it that way: an import in src/extension that
// reaches the rules would pull the whole engine back into activation.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

describe('extension bundle', () => {
  it('leaves the rules, parsers and secretlint to the lazily loaded engine bundle', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/extension/extension.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      mainFields: ['module', 'main'],
      external: ['vscode', './engine.js'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    const heavy = inputs.filter((p) =>
      /node_modules\/(?:@secretlint|secretlint|yaml|toml-eslint-parser|jsonc-parser)\/|src\/core\/(?:rules\/index|scan|documents\/(?:yaml|toml|hcl|json|bicep))\.ts$/.test(
        p,
      ),
    );
    assert.deepEqual(heavy, []);
    const size = result.outputFiles[0].contents.length;
    assert.ok(size < 300_000, `dist/extension.js would be ${size} bytes`);
  });
});
