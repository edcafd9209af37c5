// Report paths: relative to the root with forward slashes, absolute outside it. The fast path
// for files under the root must name them exactly as the definition does.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { displayPath } from '../../../src/core/scan-paths';

/** The definition, on path.relative alone. */
function byDefinition(root: string, p: string): string {
  const rel = path.relative(root, p);
  return rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

describe('displayPath', () => {
  const segment = fc.constantFrom('a', 'src', 'b.env', '..notes', '.env', 'x y', 'データ', 'node_modules');

  it('names every walked path as path.relative does, inside the root and out', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 0, maxLength: 3 }),
        fc.array(segment, { minLength: 0, maxLength: 4 }),
        fc.boolean(),
        (rootParts, rest, trailing) => {
          const root = path.join(path.sep, 'work', ...rootParts) + (trailing ? path.sep : '');
          const inside = path.join(root, ...rest);
          const outside = path.join(path.sep, 'elsewhere', ...rest);
          for (const p of [inside, outside, path.resolve(root), path.dirname(path.resolve(root))]) assert.equal(displayPath(root, p), byDefinition(root, p), p);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps a name that starts with two dots relative', () => {
    const root = path.join(path.sep, 'work', 'app');
    assert.equal(displayPath(root, path.join(root, '..env.local')), '..env.local');
    assert.equal(displayPath(root, path.join(root, 'a', 'b.env')), 'a/b.env');
    assert.equal(displayPath(root, path.join(path.sep, 'work', 'other.env')), path.join(path.sep, 'work', 'other.env'));
    assert.equal(displayPath(root, root), root);
  });
});
