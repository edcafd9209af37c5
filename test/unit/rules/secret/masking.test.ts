// Secret findings on every case in test/rules/secret keep the value out of the excerpt (what
// each case reports, and where, is in the rules' snapshots: see test/unit/rule-cases.test.ts),
// and the structured sources (Keycloak realms, SQL, Terraform…) stay fast on hostile input.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../../src/core/rules/index';
import { scanText } from '../../../../src/core/scan';
import { ruleCases } from '../../helpers/rule-cases';

const ngFiles = RULES.filter((r) => r.category === 'secret')
  .flatMap((r) => ruleCases(r.id))
  .filter((c) => c.kind === 'ng')
  .flatMap((c) => c.files.map((rel) => ({ file: path.join(c.dir, rel), name: `${c.ruleId}/${c.kind}/${c.name}/${rel}` })));

describe('secret findings on the rule cases', () => {
  for (const { file, name } of ngFiles) {
    it(`${name}: the excerpt never holds the value`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const findings = (await scanText({ path: file, text })).filter((f) => f.category === 'secret');
      for (const f of findings) {
        // After the key it names (`MasterPassword = `), the excerpt holds no run of the value.
        const shown = f.excerpt?.replace(/^[^:=]{0,80}[:=] /, '') ?? '';
        assert.ok(!/[A-Za-z0-9]{12}/.test(shown.replace(/\*/g, '')), `excerpt not masked: ${f.excerpt}`);
        assert.ok(!shown.includes(text.slice(f.range[0], f.range[1])), `excerpt not masked: ${f.excerpt}`);
      }
    });
  }
});

describe('structured secret sources', () => {
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
