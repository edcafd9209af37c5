// What a Kubernetes Secret's keys hold: credentials are reported, the settings beside them are not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';

const b64 = (s: string) => Buffer.from(s).toString('base64');

async function keysReported(text: string): Promise<string[]> {
  const found = (await scanText({ path: 'k8s/secret.yaml', text })).filter((f) => f.ruleId === 'secret/kubernetes-secret');
  return found.map((f) => f.data.key).sort();
}

describe('secret/kubernetes-secret: settings beside the credentials', () => {
  it('leaves names and addresses alone and reports the keys and passwords', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: storage',
      'type: Opaque',
      'data:',
      `  azurestorageaccountname: ${b64('shopdata')}`,
      `  azurestorageaccountkey: ${b64('q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeAq8Zt2LmX9vKp4Rw==')}`,
      `  apiAddress: ${b64('tcp://10.0.0.5:5705')}`,
      `  node.session.auth.username_in: ${b64('target-user')}`,
      `  node.session.auth.password_in: ${b64('Vn4q2Lkp9Zt7Wx')}`,
      '',
    ].join('\n');
    assert.deepEqual(await keysReported(text), ['azurestorageaccountkey', 'node.session.auth.password_in']);
  });
});
