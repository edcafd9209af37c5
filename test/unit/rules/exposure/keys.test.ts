// Key lookup across formats: `publicly_accessible`, `PubliclyAccessible` and `publicly-accessible`
// are one key. `sameKey` compares in place; it must agree with comparing normalised keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { field, norm, sameKey } from '../../../../src/core/rules/exposure/analysis/common';
import type { ObjectNode } from '../../../../src/core/documents/tree';

describe('exposure key lookup', () => {
  it('treats case, `-`, `_` and white space as no difference', () => {
    assert.ok(sameKey('publicly_accessible', 'PubliclyAccessible'));
    assert.ok(sameKey('from-port', 'FROM_PORT'));
    assert.ok(sameKey(' cidr blocks\t', 'cidrBlocks'));
    assert.ok(!sameKey('cidr_blocks', 'cidr_block'));
    assert.ok(!sameKey('port', 'ports'));
    assert.ok(!sameKey('', 'a'));
    // Unicode: full-width space is white space to `norm`; the Kelvin sign lower-cases to `k`.
    assert.ok(sameKey('to\u3000port', 'toPort'));
    assert.ok(sameKey('\u212Aey', 'key'));
  });

  it('agrees with comparing normalised keys on any pair', () => {
    const unit = fc.constantFrom('a', 'B', 'k', 'K', '-', '_', ' ', '\t', '\n', '\u3000', '\u00a0', '\u212A', 'İ', 'é', 'É', 'ß', '1', '.', '\ud83d');
    const key = fc.array(unit, { maxLength: 8 }).map((u) => u.join(''));
    fc.assert(
      fc.property(key, key, (a, b) => sameKey(a, b) === (norm(a) === norm(b))),
      { numRuns: 20_000 },
    );
  });

  it('finds the last entry whose key matches any of the names asked for', () => {
    const node: ObjectNode = {
      kind: 'object',
      range: [0, 1],
      entries: ['FromPort', 'to_port', 'from-port'].map((key, i) => ({ key, keyRange: [i, i + 1], value: { kind: 'scalar', range: [i, i + 1], value: i } })),
    };
    assert.equal(field(node, 'from_port')?.keyRange[0], 2);
    assert.equal(field(node, 'toPort', 'nothing')?.keyRange[0], 1);
    assert.equal(field(node, 'port'), undefined);
  });
});
