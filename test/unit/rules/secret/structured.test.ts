// Fixtures of the structured secret sources (Keycloak realms, SQL, Terraform): every credential
// line of the found/ files is reported by the expected rule, and the quiet/ files give nothing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';

const ROOT = path.resolve(__dirname, '../../../fixtures/secret/structured');

async function secretFindings(file: string) {
  const text = fs.readFileSync(file, 'utf8');
  const findings = (await scanText({ path: file, text })).filter((f) => f.category === 'secret');
  const lineOf = (at: number) => text.slice(0, at).split('\n').length;
  return { text, findings, lineOf };
}

describe('structured secret fixtures', () => {
  for (const name of fs.readdirSync(path.join(ROOT, 'quiet'))) {
    it(`is quiet on quiet/${name}`, async () => {
      const { text, findings } = await secretFindings(path.join(ROOT, 'quiet', name));
      assert.deepEqual(
        findings.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.range[0], f.range[1]).slice(0, 40))}`),
        [],
      );
    });
  }

  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'found', 'expected.json'), 'utf8')) as Record<string, string[]>;
  for (const [name, want] of Object.entries(expected)) {
    it(`reports every credential line of found/${name}`, async () => {
      const { text, findings, lineOf } = await secretFindings(path.join(ROOT, 'found', name));
      assert.deepEqual(findings.map((f) => `${f.ruleId}:${lineOf(f.range[0])}:${f.severity}`).sort(), [...want].sort());
      // Secrets stay secret: the excerpt (after the key it names) never holds the value.
      for (const f of findings) {
        const shown = f.excerpt?.replace(/^[^:=]{0,80}[:=] /, '') ?? '';
        assert.ok(!shown.includes(text.slice(f.range[0], f.range[1])), `excerpt not masked: ${f.excerpt}`);
      }
    });
  }

  it('stays fast on hostile input', async () => {
    const inputs: [string, string][] = [
      ['seed.sql', 'INSERT INTO t (password) VALUES ' + "('a'),".repeat(40_000)],
      ['seed.sql', "update t set password = 'x'\n".repeat(20_000)],
      ['init.sql', 'CREATE USER u IDENTIFIED BY '.repeat(20_000)],
      ['one.sql', 'x'.repeat(300_000) + " insert into t (pass) values ('p')".repeat(5_000)],
      ['realm.json', '{"realm": "r", "clients": [' + '{"clientId": "c", "secret": "s3cr3t-Value"},'.repeat(5_000) + '{}]}'],
      ['main.tf', 'variable "db_password" {\n  default = "' + 'a'.repeat(100_000) + '"\n}\n'],
      ['compose.yml', 'test: sqlcmd ' + '-P '.repeat(50_000)],
      ['compose.yml', 'cmd: mongosh ' + '"-p", '.repeat(30_000)],
      ['users.xml', '<password>' + '<password x="'.repeat(20_000)],
      ['secret.yaml', 'kind: Secret\ndata:\n  tls.key: ' + 'LS0tLS1CRUdJTiBQUklW'.repeat(4_000) + '\n'],
    ];
    for (const [path, text] of inputs) {
      const t0 = performance.now();
      await scanText({ path, text });
      const ms = performance.now() - t0;
      assert.ok(ms < 5000, `${path} ${text.slice(0, 20)}… took ${ms.toFixed(0)} ms`);
    }
  });
});
