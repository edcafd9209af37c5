// Generic assignments across formats, their placeholder filter and severities.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingMessage } from '../../../../src/core/messages';
import { scanText } from '../../../../src/core/scan';

async function secrets(path: string, text: string) {
  return (await scanText({ path, text })).filter((f) => f.category === 'secret');
}

/** Fabricated values: right shape, no account behind them. */
const PW = 'Kp9!vRt2#qLz';
const TOKEN = 'q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA';

describe('secret/generic assignments', () => {
  const found: Array<[string, string]> = [
    ['config/app.yml', `db:\n  password: ${PW}\n`],
    ['config/app.json', `{"db": {"password": "${PW}"}}`],
    ['.env', `DB_PASSWORD=${PW}\n`],
    ['.env.production', `export API_TOKEN="${TOKEN}"\n`],
    ['application.properties', `spring.datasource.password=${PW}\n`],
    ['settings.ini', `[db]\npassword = ${PW}\n`],
    ['pyproject.toml', `[tool.app]\napi_key = "${TOKEN}"\n`],
    ['main.tf', `resource "x" "y" {\n  client_secret = "${TOKEN}"\n}\n`],
    ['src/app.ts', `const config = { apiKey: "${TOKEN}" };\n`],
    ['src/app.py', `API_TOKEN = "${TOKEN}"\n`],
    ['src/App.java', `String password = "${PW}";\n`],
    ['src/main.go', `token := "${TOKEN}"\n`],
    ['src/app.rb', `config.secret_key = '${TOKEN}'\n`],
    ['src/app.php', `$config['api_key'] = '${TOKEN}';\n`],
    ['src/App.cs', `var opts = new Options { ClientSecret = "${TOKEN}" };\n`],
    ['Dockerfile', `FROM node:20\nENV API_TOKEN ${TOKEN}\n`],
    ['deploy.sh', `./cli login --password '${PW}'\n`],
    ['web.config', `<appSettings><add key="ApiSecret" value="${TOKEN}" /></appSettings>\n`],
    ['settings.xml', `<servers><server><password>${PW}</password></server></servers>\n`],
    ['config.yml', `設定:\n  パスワード: ${PW}\n`],
  ];
  for (const [path, text] of found) {
    it(`finds the literal in ${path}`, async () => {
      const f = await secrets(path, text);
      assert.ok(f.length > 0, `nothing found in ${path}`);
    });
  }

  const quiet: Array<[string, string]> = [
    ['config/app.yml', 'db:\n  password: ${DB_PASSWORD}\n  token: "{{ vault_token }}"\n  secret: <your-secret>\n'],
    ['config/app.py', 'password = "%(password)s"\ntoken = "xxxxxxxxxxxxxxxx"\nsecret = "****"\napi_key = "changeme"\n'],
    ['config/app.js', 'const password = "your_password";\nconst apiKey = "example";\nconst token = "dummy";\nconst secret = "test";\n'],
    ['src/env.ts', 'const password = process.env.DB_PASSWORD;\nconst token = getToken();\nconst secret = config.secret;\n'],
    ['src/env.py', 'password = os.environ["DB_PASSWORD"]\ntoken = os.getenv("TOKEN")\n'],
    ['src/env.rb', 'password = ENV["DB_PASSWORD"]\ntoken = ENV.fetch("TOKEN")\n'],
    ['src/env.php', "$password = getenv('DB_PASSWORD');\n"],
    ['deploy/cfn.yml', 'Password: "{{resolve:ssm-secure:/db/password:1}}"\nSecret: arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db\n'],
    ['deploy/app.yml', 'password: vault:secret/data/db#password\ntoken: sm://projects/demo/secrets/token\n'],
    ['.env.example', 'DB_PASSWORD=\nAPI_TOKEN=""\n'],
    ['docs/aws.md', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n'],
    ['main.tf', 'password = var.db_password\ntoken = "${var.token}"\n'],
    ['config.yml', 'password_expire: never\nupdate_password: on_create\nPasswordLength: 16\nsecret_name: prod/db\ntoken_url: https://auth.example.jp/token\n'],
    ['src/lexer.ts', 'if (token === "EOF") return;\nconst tokenType = "identifier";\n'],
    ['package-lock.json', '{"packages": {"node_modules/js-tokens": {"version": "4.0.0"}}}\n'],
  ];
  for (const [path, text] of quiet) {
    it(`stays quiet on placeholders in ${path}`, async () => {
      const f = await secrets(path, text);
      assert.deepEqual(f.map((x) => `${x.ruleId}: ${text.slice(x.range[0], x.range[1])}`), []);
    });
  }

  it('reports an IaC password fixture even at low entropy, as a warning', async () => {
    const [f] = await secrets('rds.tf', 'resource "aws_db_instance" "db" {\n  password = "foobarbaz"\n}\n');
    assert.equal(f.ruleId, 'secret/hardcoded-password');
    assert.equal(f.severity, 'warning');
  });

  it('reads the parameter a CloudFormation Default or an ARM value belongs to', async () => {
    const cfn = await secrets('t.yaml', `Parameters:\n  MasterPassword:\n    Type: String\n    Default: "${PW}"\n`);
    assert.equal(cfn[0]?.ruleId, 'secret/hardcoded-password');
    const arm = await secrets('azuredeploy.parameters.json', `{"parameters": {"adminPassword": {"value": "${PW}"}}}`);
    assert.equal(arm[0]?.ruleId, 'secret/hardcoded-password');
    const env = await secrets('deploy.yaml', `env:\n  - name: API_TOKEN\n    value: "${TOKEN}"\n`);
    assert.equal(env[0]?.ruleId, 'secret/hardcoded-secret');
  });

  it('never puts the secret in messages or excerpts', async () => {
    const text = `password = "${PW}"\napi_key = "${TOKEN}"\n`;
    const f = await secrets('app.py', text);
    assert.equal(f.length, 2);
    for (const x of f) {
      for (const lang of ['en', 'ja'] as const) {
        const msg = findingMessage(x, lang);
        assert.ok(!msg.includes(PW) && !msg.includes(TOKEN), msg);
      }
      assert.ok(x.excerpt && !x.excerpt.includes(PW) && !x.excerpt.includes(TOKEN), x.excerpt);
    }
  });
});
