// The readers skip white space by code unit; it must be exactly what the regex `\s` matches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRegexSpace } from '../../../../src/core/documents/chars';

describe('isRegexSpace', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    assert.deepEqual(differ, []);
  });
});
