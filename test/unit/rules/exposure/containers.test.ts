// Store families from image references and service names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { imageFamily, nameFamily } from '../../../../src/core/rules/exposure/analysis/containers';

describe('container store families', () => {
  it('reads the family from the last path segment of an image, before the tag', () => {
    assert.equal(imageFamily('docker.io/library/postgres:16-alpine'), 'postgres');
    assert.equal(imageFamily('bitnami/redis@sha256:0123abcd'), 'redis');
    assert.equal(imageFamily('mcr.microsoft.com/mssql/server:2022-latest'), 'mssql');
    assert.equal(imageFamily('nginx:1.27'), undefined);
  });

  it('gives a service name the family imageFamily gives it, on any name', () => {
    assert.equal(nameFamily('postgres'), 'postgres');
    assert.equal(nameFamily('Redis'), 'redis');
    assert.equal(nameFamily('billing-api-12'), undefined);
    const piece = fc.constantFrom(
      'postgres',
      'redis',
      'mongo',
      'server',
      'mssql',
      'oracle-xe',
      'express',
      'api',
      '-',
      '_',
      '.',
      '/',
      ':',
      '@sha256:ab',
      ' ',
      'A',
      '1',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (parts) => {
        const name = parts.join('');
        assert.equal(nameFamily(name), imageFamily(name), name);
      }),
      { numRuns: 5000 },
    );
  });
});
