// Value judgement: entropy, words, placeholders, references, randomness.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entropy,
  isCountingRun,
  isDictionaryPassword,
  isHashedPassword,
  isKeywordMarker,
  isPlaceholderSentence,
  isPossessiveFillerRun,
  isPublicJwt,
  isPublishableKey,
  isNonSecretShape,
  isReference,
  isSettingValue,
  looksRandom,
  passwordVerdict,
  placeholderReason,
  unleet,
  words,
} from '../../../../src/core/rules/secret/analysis/value';

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
      '',
      '   ',
      '${DB_PASSWORD}',
      '{{ db_password }}',
      '<your-token>',
      '%(password)s',
      'xxxxxxxx',
      'XXXXXXXXXXXX',
      '****',
      '••••',
      'changeme',
      'change_me',
      'your_password',
      'YOUR_API_KEY',
      'REPLACE_WITH_PASSWORD',
      'example',
      'my-example-secret',
      'dummy',
      'test',
      'password',
      'Password',
      'secret',
      'String',
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '$DB_PASSWORD',
      '((db_password))',
      '@@PASSWORD@@',
      '__PASSWORD__',
      '%PASSWORD%',
      '1234',
      '12345678',
      'aaaaaaaa',
      '0000-0000',
      '...',
      'sk_live_...',
    ]) {
      assert.ok(placeholderReason(v), `not seen as placeholder: ${JSON.stringify(v)}`);
    }
  });

  it('keeps real-looking values', () => {
    for (const v of [
      'root',
      'foobarbaz',
      'H@Sh1CoR3!',
      'thisIsDog11',
      'Mustbe8characters',
      'UserPass123',
      'YourPwdShouldBeLongAndSecure!',
      'Kp9!vRt2#qLz',
      'q8Zt2LmX9vKp4RwN',
    ]) {
      assert.equal(placeholderReason(v), undefined, v);
    }
  });

  it('recognises references to secrets held elsewhere', () => {
    for (const v of [
      'process.env.DB_PASSWORD',
      'os.environ["DB_PASSWORD"]',
      'os.getenv("X")',
      'getenv("X")',
      'ENV["X"]',
      'ENV.fetch("X")',
      'System.getenv("X")',
      'Environment.GetEnvironmentVariable("X")',
      'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db',
      'vault:secret/data/db#password',
      'sm://projects/p/secrets/db',
      '{{resolve:ssm-secure:/db/password:1}}',
      'var.db_password',
      'local.password',
      'secrets.DEPLOY_TOKEN',
      "[parameters('adminPassword')]",
      '!Ref DbPassword',
      'op://vault/item/password',
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
    for (const v of [
      '/run/secrets/db',
      './certs/key.pem',
      'server.key',
      // Relative paths to a credentials file name the file, not its content.
      '.deploystack/creds.json',
      'secrets/gcp/service-account.json',
      'https://auth.example.jp/token',
      'ops@example.jp',
      'v1.2.3',
      '2025-01-31',
      '10.0.0.1',
    ]) {
      assert.ok(isNonSecretShape(v), v);
    }
    assert.equal(isNonSecretShape('https://user:pw@example.jp'), false);
    // A random value with a slash is not a path unless it ends in a file type.
    assert.equal(isNonSecretShape('q8Zt2LmX9vKp4/RwN7yHc3JdF6sBg1TeA'), false);
  });

  it('asks generated-looking values of token fields', () => {
    for (const v of ['q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA', 'c4f1e2a9b7d3058e6f1a2b3c4d5e6f70', '832d2129-a846-4e27-99f4-7004b6ad53ef', '7733915144261635']) {
      assert.ok(looksRandom(v), v);
    }
    for (const v of ['write', 'on_each_login', 'RouterUpgradeWorkflow', 'secret-data', 'hello world token', 'https://x.example.jp/a', 'abc123']) {
      assert.equal(looksRandom(v), false, v);
    }
  });

  it('tells weak real passwords from placeholders', () => {
    // Usable, guessable passwords: dictionary words, product defaults, counting runs, leet-speak, test values.
    for (const v of [
      'postgres',
      'secret',
      'password',
      'Password',
      'PaSsWoRd',
      'Passw0rd',
      'admin',
      'root',
      'guest',
      '1234',
      '123456',
      'qwerty123',
      'test',
      'test-secret-key',
      'dev_password',
      'shop',
      'sonarPass',
      'secret_redis',
      'NABLARCH_DEMO',
      'mysecretpassword',
    ]) {
      assert.equal(passwordVerdict(v), 'weak', v);
    }
    for (const v of ['NABLARCH_EXAMPLE']) assert.equal(passwordVerdict(v), 'weak', v);
    // Stand-ins: templates, markers, instructions, filler, masks.
    for (const v of [
      '',
      'changeme',
      'changeit',
      'your-password',
      'your_password',
      'set-secure-redis-password',
      'SetR00tPa$$wordH3r3',
      '-==>PutY0urR00tPa55wordH3re<==-',
      'YourStrongPassword',
      'CHANGE-THIS!',
      'SOME_SECRET',
      '<password>',
      '${DB_PASSWORD}',
      '##DB_PASSWORD##',
      '@@DB_PASSWORD@@',
      '__DB_PASSWORD__',
      '_VALUE_NOT_SHOWN_',
      'foo',
      '********',
      'example',
      'sample_password',
      'my_password',
      'xxxxxxxx',
    ]) {
      assert.equal(passwordVerdict(v), 'placeholder', v);
    }
    for (const v of ['Kp9!vRt2#qLz', 'YourPwdShouldBeLongAndSecure!', 'H@Sh1CoR3!xyz']) assert.equal(passwordVerdict(v), 'real', v);
  });

  it('reads instruction sentences and keyword markers', () => {
    for (const v of ['set-secure-pg-password', 'ChangeThisSecret', 'enter_your_token_here', 'YourDbPassword', 'PutPasswordHere'])
      assert.ok(isPlaceholderSentence(v), v);
    for (const v of ['test-secret-key', 'Kp9!vRt2#qLz', 'sonarPass', 'YourPwdShouldBeLongAndSecure!', 'letmein'])
      assert.equal(isPlaceholderSentence(v), false, v);
    // Instructions written as one run of letters are read word by word; weak words stay weak.
    for (const v of ['changethis', 'CHANGETHIS', 'setpasswordhere', 'enteryourtokenhere', 'replacethis']) assert.ok(isPlaceholderSentence(v), v);
    for (const v of ['secretpassword', 'mysecretpassword', 'newpassword', 'password', 'postgres', 'changeling', 'thisisfine'])
      assert.equal(isPlaceholderSentence(v), false, v);
    assert.equal(passwordVerdict('changethis', 'POSTGRES_PASSWORD'), 'placeholder');
    assert.equal(passwordVerdict('secretpassword', 'POSTGRES_PASSWORD'), 'weak');
    for (const v of ['##KEY##', '@@KEY@@', '@KEY@', '__KEY__', '_VALUE_NOT_SHOWN_', '%KEY%', '%%KEY%%']) assert.ok(isKeywordMarker(v), v);
    for (const v of ['#abc', 'a__b', '_private', 'Kp9!vRt2#qLz']) assert.equal(isKeywordMarker(v), false, v);
    assert.equal(unleet('Pa$$w0rd'), 'password');
    assert.ok(isDictionaryPassword('guest') && isDictionaryPassword('Passw0rd'));
    assert.equal(isDictionaryPassword('postgres'), false);
  });

  it('knows counting runs and possessive filler names', () => {
    for (const v of ['1234', '123456789', '1234567890123456', '4567']) assert.ok(isCountingRun(v), v);
    for (const v of ['123', '1243', '1234a', '2468']) assert.equal(isCountingRun(v), false, v);
    assert.equal(placeholderReason('1234567890123456'), 'counting');
    for (const v of ['myclientsecret', 'yourapitoken', 'MyPassword']) assert.ok(isPossessiveFillerRun(v), v);
    for (const v of ['mysecretsauce', 'myrtle', 'clientsecret']) assert.equal(isPossessiveFillerRun(v), false, v);
  });

  it('knows keys that are public by design', () => {
    const anon =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYW1vcmktZGVtbyIsInJvbGUiOiJhbm9uIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE5MDAwMDAwMDB9.Qm7vK2xLp9ZtR4wN8yHc3JdF6sBg1TeA5uVq0XoWi2E';
    const service =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYW1vcmktZGVtbyIsInJvbGUiOiJzZXJ2aWNlX3JvbGUiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTkwMDAwMDAwMH0.Zx4mQ9kL2vPw7RtN8yBc3HdJ6sFa1GeT0uVq5XoWi7D';
    assert.ok(isPublicJwt(anon) && isPublishableKey(anon));
    assert.equal(isPublicJwt(service), false);
    assert.equal(isPublicJwt('eyJ.not-base64!.x'), false);
    assert.ok(isPublishableKey('pk_live_51Hq8ZxLmP2vKw4RtN7yHc3BdF6sGa1Te') && isPublishableKey('pk_test_51Hq8ZxLmP2vKw4R'));
    assert.equal(isPublishableKey('sk_live_51Hq8ZxLmP2vKw4RtN7yHc3BdF6sGa1Te'), false);
  });
});
