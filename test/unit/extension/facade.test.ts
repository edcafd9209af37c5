// The extension reaches the engine through one facade, src/extension/facade: its index holds the
// light parts loaded at activation and `engine()`, which requires the rest (facade/engine.ts,
// dist/engine.js) on first use. This reads every module the extension's sources name (imports,
// type imports, re-exports, require and import() calls) and fails on any that reaches src/core
// from outside the facade. The lint rule in eslint.config.mjs says the same in the editor.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const EXTENSION = path.join(ROOT, 'src/extension');
const FACADE = path.join(EXTENSION, 'facade');
const CORE = path.join(ROOT, 'src/core');

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The module specifiers a source names: `from '…'`, `import '…'`, `require('…')`, `import('…')`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:from|import|require)\s*\(?\s*(['"])([^'"\n]+)\1/g)) out.push(m[2]);
  return out;
}

const within = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

describe('extension facade', () => {
  it('is the only way from src/extension into src/core', () => {
    const files = sources(EXTENSION);
    assert.ok(files.length > 10, `only ${files.length} extension sources found`);
    const offending: string[] = [];
    let throughFacade = 0;
    for (const file of files) {
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (within(target, FACADE)) throughFacade++;
        if (within(target, CORE) && !within(file, FACADE)) offending.push(`${path.relative(ROOT, file)}: ${spec}`);
      }
    }
    assert.deepEqual(offending, [], 'import these through src/extension/facade');
    assert.ok(throughFacade > 10, `only ${throughFacade} imports of the facade found: is the check still reading the sources?`);
  });

  it('keeps the engine behind engine(): only the facade names its lazy half', () => {
    for (const file of sources(EXTENSION)) {
      if (within(file, FACADE)) continue;
      const lazy = specifiers(fs.readFileSync(file, 'utf8')).filter((s) => /(^|\/)engine(\.js)?$/.test(s));
      assert.deepEqual(lazy, [], `${path.relative(ROOT, file)} loads the engine bundle itself`);
    }
  });
});
