// Hostile and malformed input never makes an exposure rule throw or hang.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';
import { cpuNow } from '../../helpers/cpu-clock';

const deep = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);

const CASES: [string, string][] = [
  ['main.tf', 'resource "aws_security_group" "x" {\n  ingress {\n    cidr_blocks = [' + deep('[', ']', 3000) + '\n'],
  ['main.tf', 'resource "aws_s3_bucket_policy" "p" {\n  policy = <<EOF\n{"Statement": [' + deep('{"a":', '}', 2000) + '\nEOF\n}\n'],
  ['main.tf', 'variable "a" { default = var.a }\nresource "aws_db_instance" "d" { publicly_accessible = var.a }\n'],
  ['template.json', '{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": ' + deep('{"x":', '}', 3000) + '}}}'],
  ['azuredeploy.json', '{"resources": [' + deep('{"type": "a/b", "resources": [', ']}', 500) + ']}'],
  ['docker-compose.yml', 'services:\n  db:\n    image: [postgres\n    ports: {a: }\n    environment: 5\n'],
  ['docker-compose.yml', 'services:\n  db:\n    image: postgres\n    ports:\n      - ' + '9'.repeat(5000) + '\n      - "[::]:5432:5432"\n      - {}\n'],
  ['k8s.yaml', 'kind: Service\napiVersion: v1\nspec:\n  type: LoadBalancer\n  selector: 5\n  ports: "x"\n'],
  ['values.yaml', deep('a:\n  ', '', 300) + 'auth:\n  enabled: false\n'],
  ['main.bicep', "resource a 'Microsoft.Sql/servers@2021' = {\n  properties: {\n" + deep('x: {\n', '}\n', 2000)],
  ['firestore.rules', 'match /{a=**} { allow read, write: if (((((' + '('.repeat(5000) + ' true; } '.repeat(3)],
  ['firestore.rules', '}}}} allow ; match { allow read: if true'],
  ['database.rules.json', '{"rules": ' + deep('{"a":', '}', 3000) + '}'],
  ['redis.conf', 'bind\nprotected-mode\nrequirepass\n' + 'x '.repeat(50000)],
  ['pg_hba.conf', 'host\nhost all\nhost all all 0.0.0.0 0.0.0.0\n'],
  ['my.cnf', '[mysqld\nbind-address=\n[mysqld]\nskip-grant-tables'],
  ['mongod.conf', 'net: [\n  bindIp: 0.0.0.0\n'],
  ['elasticsearch.yml', 'network.host: [0.0.0.0\nxpack: {security: {enabled: false'],
  ['supabase/config.toml', '[storage.buckets.a\npublic = true\n[storage.buckets.b]\npublic = true\n'],
  ['users.xml', '<clickhouse><users><u><networks>' + '<ip>'.repeat(20000) + '<password' + ' '.repeat(5000) + '<!-- '],
  ['users.xml', '<yandex><users>' + '<a>'.repeat(5000) + '<networks><ip>::/0</ip></networks>'],
  [
    'init.sh',
    'echo "host ' +
      ' all'.repeat(20000) +
      ' 0.0.0.0/0"\nsed -i "s/^bind' +
      ' x'.repeat(20000) +
      '" redis.conf\nlisten_addresses =' +
      ' '.repeat(20000) +
      "'*'\n",
  ],
  ['Dockerfile', 'RUN echo redis && sed -i "/^bind' + '/'.repeat(20000) + '\nCMD ["mongod", "--bind_ip"' + ', "0.0.0.0"'.repeat(3000) + ']\n'],
];

describe('exposure rules on hostile input', () => {
  for (const [path, text] of CASES) {
    it(`survives ${path} (${text.length} chars)`, async () => {
      const errors: string[] = [];
      const started = cpuNow();
      await scanText({ path, text }, undefined, (rule, error) => {
        if (rule.startsWith('exposure/')) errors.push(`${rule}: ${String(error)}`);
      });
      assert.deepEqual(errors, []);
      assert.ok(cpuNow() - started < 5000, 'too slow');
    });
  }
});

// pg_hba.conf fields are compared as tokens, never compiled into a pattern. A method column
// that is itself a catastrophic pattern would hang a compiled `\b…\b` search: with 40 letters
// its backtracking is out of reach of any test run, while a token comparison reads the line once.
describe('pg-hba-open on pattern-shaped fields', () => {
  const run = async (text: string) => {
    const errors: string[] = [];
    const found = await scanText({ path: 'pg_hba.conf', text }, undefined, (rule, error) => {
      if (rule.startsWith('exposure/')) errors.push(`${rule}: ${String(error)}`);
    });
    return { errors, found: found.filter((f) => f.ruleId === 'exposure/pg-hba-open') };
  };

  it('reads a method column shaped like a nested quantifier in linear time', async () => {
    const { errors, found } = await run(`host all all 0.0.0.0/0 (a+)+$ ${'a'.repeat(40)}!\nhost all all 0.0.0.0/0 trust\n`);
    assert.deepEqual(errors, []);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
  });

  it('does not throw on a method column that is not a valid pattern', async () => {
    const { errors, found } = await run('host all all 0.0.0.0/0 md5(\nhost all all 0.0.0.0/0 [trust\nhost all all 0.0.0.0/0 md5\n');
    assert.deepEqual(errors, []);
    assert.equal(found.length, 1);
    assert.ok(found[0].fixes?.length, 'the md5 line keeps its scram-sha-256 fix');
  });
});
