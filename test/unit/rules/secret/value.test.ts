// Value judgement: entropy, words, placeholders, references, randomness.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entropy,
  isHashedPassword,
  isNonSecretShape,
  isReference,
  isSettingValue,
  looksRandom,
  placeholderReason,
  words,
} from '../../../../src/core/rules/secret/value';

describe('secret/value', () => {
  it('measures entropy', () => {
    assert.equal(entropy(''), 0);
    assert.equal(entropy('aaaa'), 0);
    assert.equal(entropy('abcd'), 2);
  });

  it('splits identifiers into words', () => {
    assert.deepEqual(words('ParentMasterPassword'), ['parent', 'master', 'password']);
    assert.deepEqual(words('DB_PASS_BD'), ['db', 'pass', 'bd']);
    assert.deepEqual(words('X-ChatWorkToken'), ['x', 'chat', 'work', 'token']);
    assert.deepEqual(words('AKIAIOSFODNN7EXAMPLE'), ['akiaiosfodnn', '7', 'example']);
  });

  it('recognises placeholders of every documented kind', () => {
    for (const v of [
      '', '   ', '${DB_PASSWORD}', '{{ db_password }}', '<your-token>', '%(password)s', 'xxxxxxxx', 'XXXXXXXXXXXX', '****', '••••',
      'changeme', 'change_me', 'your_password', 'YOUR_API_KEY', 'REPLACE_WITH_PASSWORD', 'example', 'my-example-secret', 'dummy',
      'test', 'password', 'Password', 'secret', 'String', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '$DB_PASSWORD', '((db_password))', '@@PASSWORD@@', '__PASSWORD__', '%PASSWORD%', '1234', '12345678', 'aaaaaaaa', '0000-0000',
      '...', 'sk_live_...',
    ]) {
      assert.ok(placeholderReason(v), `not seen as placeholder: ${JSON.stringify(v)}`);
    }
  });

  it('keeps real-looking values', () => {
    for (const v of ['root', 'foobarbaz', 'H@Sh1CoR3!', 'thisIsDog11', 'Mustbe8characters', 'UserPass123', 'YourPwdShouldBeLongAndSecure!', 'Kp9!vRt2#qLz', 'q8Zt2LmX9vKp4RwN']) {
      assert.equal(placeholderReason(v), undefined, v);
    }
  });

  it('recognises references to secrets held elsewhere', () => {
    for (const v of [
      'process.env.DB_PASSWORD', 'os.environ["DB_PASSWORD"]', 'os.getenv("X")', 'getenv("X")', 'ENV["X"]', 'ENV.fetch("X")',
      'System.getenv("X")', 'Environment.GetEnvironmentVariable("X")', 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db',
      'vault:secret/data/db#password', 'sm://projects/p/secrets/db', '{{resolve:ssm-secure:/db/password:1}}', 'var.db_password',
      'local.password', 'secrets.DEPLOY_TOKEN', "[parameters('adminPassword')]", '!Ref DbPassword', 'op://vault/item/password',
      '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)',
    ]) {
      assert.ok(isReference(v), v);
    }
    assert.equal(isReference('Kp9!vRt2#qLz'), false);
  });

  it('tells settings and hashes from secrets', () => {
    for (const v of ['true', 'never', 'on_create', 'required', 'bcrypt', '16']) assert.ok(isSettingValue(v), v);
    assert.ok(isHashedPassword('$2b$12$Kx9rT2vQw8Lm4Zp7Ny3Hd.eJ5kQ2wP8sR4tV6xY8zA1bC3dE5fG7h'));
    assert.ok(isHashedPassword('{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='));
    assert.equal(isHashedPassword('Kp9!vRt2#qLz'), false);
  });

  it('knows shapes that are never secrets', () => {
    for (const v of ['/run/secrets/db', './certs/key.pem', 'server.key', 'https://auth.example.jp/token', 'ops@example.jp', 'v1.2.3', '2025-01-31', '10.0.0.1']) {
      assert.ok(isNonSecretShape(v), v);
    }
    assert.equal(isNonSecretShape('https://user:pw@example.jp'), false);
  });

  it('asks generated-looking values of token fields', () => {
    for (const v of ['q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA', 'c4f1e2a9b7d3058e6f1a2b3c4d5e6f70', '832d2129-a846-4e27-99f4-7004b6ad53ef', '7733915144261635']) {
      assert.ok(looksRandom(v), v);
    }
    for (const v of ['write', 'on_each_login', 'RouterUpgradeWorkflow', 'secret-data', 'hello world token', 'https://x.example.jp/a', 'abc123']) {
      assert.equal(looksRandom(v), false, v);
    }
  });
});
