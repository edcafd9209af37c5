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
      assert.deepEqual(
        f.map((x) => `${x.ruleId}: ${text.slice(x.range[0], x.range[1])}`),
        [],
      );
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

  it('reports weak real passwords as warnings that say weak and hardcoded, in both languages', async () => {
    const text = 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n      MYSQL_PASSWORD: secret\n      ADMIN_PASSWORD: "1234"\n';
    const f = await secrets('compose.yaml', text);
    assert.deepEqual(
      f.map((x) => text.slice(x.range[0], x.range[1])),
      ['postgres', 'secret', '1234'],
    );
    for (const x of f) {
      assert.equal(x.severity, 'warning');
      assert.match(findingMessage(x, 'en'), /weak and hardcoded/);
      assert.match(findingMessage(x, 'ja'), /弱く、ハードコードされています/);
      assert.ok(!findingMessage(x, 'en').includes('postgres'));
    }
  });

  it('reports every credential line of a file', async () => {
    const text = 'DB_PASSWORD=secret\nREPLICA_PASSWORD=secret\nDATABASE_URL=postgres://shop:shop@db/shop\nREPORTS_URL=postgres://reports:reports@db/reports\n';
    const f = await secrets('.env', text);
    assert.deepEqual(f.map((x) => text.slice(0, x.range[0]).split('\n').length).sort(), [1, 2, 3, 4]);
  });

  it('judges the literal defaults of environment reads', async () => {
    const cases: Array<[string, string, string]> = [
      ['application.properties', 'spring.datasource.password=${DB_PASS:shopdb}\n', 'shopdb'],
      ['compose.yaml', 'services:\n  app:\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-devpass}\n', 'devpass'],
      ['realm.yaml', 'clients:\n  - clientId: portal\n    secret: "$(env:PORTAL_SECRET:-secret)"\n', 'secret'],
      ['settings.py', 'DATABASES = {"default": {"PASSWORD": os.environ.get("DB_PASSWORD", "admin")}}\n', 'admin'],
      ['settings.py', 'PASSWORD = os.getenv("DB_PASSWORD", "shop")\n', 'shop'],
      ['settings.py', 'SECRET_KEY = env.str("SECRET_KEY", default="Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA")\n', 'Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA'],
      ['settings.py', 'SECRET_KEY = os.environ.get(\n    "DJANGO_SECRET_KEY", "dj-insecure-x7#kq2!mz9@vw4$pl8&rt3"\n)\n', 'dj-insecure-x7#kq2!mz9@vw4$pl8&rt3'],
      ['config/app.rb', 'password = ENV.fetch("DB_PASSWORD", "rails")\n', 'rails'],
      ['config/app.rb', 'config.secret_key_base = ENV["SECRET_KEY_BASE"] ||\n  "Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA"\n', 'Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA'],
      ['config/app.rb', 'password = ENV.fetch("DB_PASSWORD") { "rails" }\n', 'rails'],
      [
        'config/runtime.exs',
        'secret_key_base = System.get_env("SECRET_KEY_BASE") ||\n  "Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA"\n',
        'Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA',
      ],
      ['src/auth.ts', 'const jwtSecret = process.env.JWT_SECRET || "secret";\n', 'secret'],
      ['settings.py', 'SECRET_KEY = os.environ.get("SECRET_KEY") or "Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA"\n', 'Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA'],
    ];
    for (const [path, text, value] of cases) {
      const f = await secrets(path, text);
      assert.deepEqual(
        f.map((x) => text.slice(x.range[0], x.range[1])),
        [value],
        `${path}: ${text}`,
      );
      assert.equal(f[0].fixes, undefined);
    }
    for (const [path, text] of [
      [
        'settings.py',
        'PASSWORD = os.environ.get("DB_PASSWORD", "")\nSECRET_KEY = os.environ.get("SECRET_KEY", "changeme")\nHOST = os.getenv("DB_HOST", "localhost")\n',
      ],
      ['application.yml', 'spring:\n  datasource:\n    password: ${DB_PASSWORD}\n    username: ${DB_USER:shop}\n'],
      [
        'src/server.ts',
        'const host = process.env.HOST || "localhost";\nconst token = process.env.API_TOKEN || "";\nconst secret = process.env.APP_SECRET ?? "changeme";\n',
      ],
      ['resource/db.yml', 'Properties:\n  MasterUserPassword: ${self:custom.PASSWORD}\n  Other: ${ssm:/db/password}\n'],
    ]) {
      assert.deepEqual(
        (await secrets(path, text)).map((x) => text.slice(x.range[0], x.range[1])),
        [],
        text,
      );
    }
  });

  it('keeps weak-looking values quiet where they are not credentials', async () => {
    const quietCases: Array<[string, string]> = [
      ['examples/router.tf', 'user {\n  name     = "username"\n  password = "password"\n}\n'],
      ['samples/mail.yml', 'SMTP_USER_NAME: user@example.com\nSMTP_PASSWORD: "p@ssw0rd"\n'],
      ['conf/server.yaml', 'encryption:\n  enabled: false\n  truststore_password: cassandra\n  keystore_password: cassandra\n'],
      ['auth.tf', 'blocklist {\n  words = ["password", "admin", "1234"]\n}\ncondition = contains(["PASSWORD", "EMAIL_OTP"], var.factor)\n'],
      ['locales/en.yml', 'login:\n  password: Password\n  secret: Secret\n'],
      ['clickhouse/users.xml', '<!-- Example: <password>qwerty</password> -->\n'],
      ['tenant.yaml', 'mail:\n  api_key: ##MAIL_API_KEY##\n  token: "##HOOK_TOKEN##"\n'],
      ['src/test.js', 'const user = { password: "secret" };\n'],
      ['app.js.map', '{"sourcesContent": ["const GRANT = { PASSWORD: \\"password\\" };"]}\n'],
      ['README.txt', 'const MYSQL_IDENTICAL = "mysql://mysql:mysql@localhost:3306/db";\n'],
      ['docs/setup.md', 'Set `POSTGRES_PASSWORD=secret`, then:\n\n```\nDATABASE_URL=postgres://shop:shop@db/shop\n```\n'],
    ];
    for (const [path, text] of quietCases) {
      assert.deepEqual(
        (await secrets(path, text)).map((x) => `${x.ruleId}: ${text.slice(x.range[0], x.range[1])}`),
        [],
        `${path}: ${text}`,
      );
    }
  });

  it('reports generated-looking .env values under neutral keys, and only there', async () => {
    const value = 'Vq3kX9mZ2pL7wR4tN8yB6cH1dJ5sF0gA';
    const [f] = await secrets('.env', `HASHIDS_SALT=${value}\n`);
    assert.equal(f?.ruleId, 'secret/hardcoded-secret');
    assert.equal(f?.severity, 'warning');
    assert.deepEqual(await secrets('config.yml', `hashids_salt: ${value}\n`), []);
    assert.deepEqual(
      await secrets(
        '.env',
        `BUILD_ID=${value}\nNEXT_PUBLIC_KEYLESS=${value}\nAPP_URL=https://shop.example.jp/${value}\nGIT_SHA=3f786850e387550fdab836ed7e6dc881de23001b\nTITLE=the-quick-brown-fox-jumps-over\n`,
      ),
      [],
    );
  });

  it('judges invented secrets (client, signing, session, framework keys) like passwords', async () => {
    const text =
      'JWT_SECRET=supersecret\nSESSION_SECRET=shop-session\nOIDC_CLIENT_SECRET=shop_api\nAPP_SECRET=replace-me-with-a-random-string\nJWT_SECRET_NAME=prod-jwt\nAPI_SECRET=shop_api\n';
    const f = await secrets('.env', text);
    assert.deepEqual(
      f.map((x) => text.slice(x.range[0], x.range[1])),
      ['supersecret', 'shop-session', 'shop_api'],
    );
    assert.ok(f.every((x) => x.ruleId === 'secret/hardcoded-secret' && x.severity === 'warning'));
  });
});

describe('secret/generic assignments in prose', () => {
  it('reads no value after a variable named in inline code (`KEY=` (for postgres))', async () => {
    const text = [
      '2. choose a password in `db.env` behind `MYSQL_PASSWORD=` (for mariadb/mysql) or `POSTGRES_PASSWORD=` (for postgres)',
      'Set `DB_PASSWORD=` (see below) before the first start.',
      '',
    ].join('\n');
    for (const path of ['README.md', 'docs/setup.txt']) assert.deepEqual(await secrets(path, text), [], path);
  });

  it('still finds a value in a code span or a fenced block', async () => {
    const inline = await secrets('README.md', `Run with \`DB_PASSWORD=${PW}\` set.\n`);
    assert.equal(inline.length, 1);
    const fenced = await secrets('README.md', `\`\`\`sh\nexport API_TOKEN="${TOKEN}"\n\`\`\`\n`);
    assert.equal(fenced.length, 1);
  });

  it('stays linear on a long line of inline-code assignments', async () => {
    // Each candidate looks back a bounded distance: 20,000 of them on one line end at once.
    const f = await secrets('README.md', `${'`a_password=` '.repeat(20_000)}\n`);
    assert.deepEqual(f, []);
  });
});

describe('secret/generic assignments: names and words, not secrets', () => {
  const quiet: Array<[string, string]> = [
    // A Kubernetes StorageClass names the namespace of its secret.
    ['sc.yaml', 'parameters:\n  secretNamespace: "default"\n  adminSecretNamespace: kube-system\n'],
    // A Django migration depends on another app's numbered migration.
    ['app/migrations/0002_x.py', 'dependencies = [\n    ("auth", "0007_alter_validators_add_error_messages"),\n]\n'],
    // Documentation passes a static token file's user/group as the token.
    ['README.md', '$ kubectl --server=https://127.0.0.1:6443 --token=foo/system:masters create -f policies.yaml\n'],
    // Every new Laravel application: the model's attribute casts and the password broker's name.
    [
      'app/Models/User.php',
      "<?php\nclass User {\n    protected function casts(): array\n    {\n        return ['email_verified_at' => 'datetime', 'password' => 'hashed'];\n    }\n}\n",
    ],
    ['config/auth.php', "<?php\nreturn ['defaults' => ['passwords' => env('AUTH_PASSWORD_BROKER', 'users')]];\n"],
    // An enum of passkey providers' AAGUIDs, named after password managers.
    [
      'shared/passkeys.ts',
      'export enum PasskeyBrand {\n  OnePassword = "bada5566-a7aa-401f-bd96-45619a55120d",\n  NordPass = "b84e4048-15dc-4dd0-8640-f4f60813c8af",\n  KeePassXC = "fdb141b2-5d84-443e-8a35-4698c205a502",\n}\n',
    ],
    // The password comes from standard input; what follows the flag is the registry.
    [
      'buildspec.yml',
      'phases:\n  build:\n    commands:\n      - aws ecr get-login-password | docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$REGION.amazonaws.com\n',
    ],
    // Documentation says what to put there.
    ['docs/helm.md', '```yaml\npostgresql:\n  auth:\n     password: your-pg-password\n```\n'],
    // A LINE webhook event in a bot's tests: the reply token answers that one event.
    [
      'tests/webhook.json',
      '{"events": [{"type": "message", "replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", "source": {"userId": "U206d25c2ea6bd87c17655609a1c37cb8"}}]}\n',
    ],
    // A command's help text describes the flag.
    ['src/cli.ts', "const help = `\n    --username Login username\n    --password User's password\n`;\n"],
  ];
  for (const [path, text] of quiet) {
    it(`leaves ${path} alone`, async () => {
      assert.deepEqual(await secrets(path, text), []);
    });
  }

  it('still finds a password under a key that ends like a product name (DB2INST1_PASSWORD)', async () => {
    assert.equal((await secrets('docker-compose.yml', 'services:\n  db:\n    environment:\n      DB2INST1_PASSWORD: chinook\n')).length, 1);
  });

  it('still finds a generated token under the same keys', async () => {
    assert.equal((await secrets('README.md', `$ kubectl --token=${TOKEN} get pods\n`)).length, 1);
    assert.equal((await secrets('app.py', `AUTH = ("auth", "${TOKEN}")\nclient_secret = "${TOKEN}"\n`)).length >= 1, true);
  });
});
