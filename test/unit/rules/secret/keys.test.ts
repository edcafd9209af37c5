// Key classification: what a key name says about its value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyKey } from '../../../../src/core/rules/secret/analysis/keys';

describe('secret/keys', () => {
  it('classifies password keys, in English and romaji', () => {
    for (const k of [
      'password',
      'DB_PASSWORD',
      'adminPassword',
      'master_user_password',
      'passwd',
      'pwd',
      'db_pass',
      'DB_PASS_BD',
      'passphrase',
      'pasuwado',
      'db_anshou',
      'パスワード',
      'ログインパスワード',
      '暗証番号',
    ]) {
      assert.equal(classifyKey(k), 'password', k);
    }
  });

  it('classifies secret, token and API-key keys', () => {
    for (const k of [
      'token',
      'api_key',
      'apiKey',
      'X-API-KEY',
      'client_secret',
      'clientSecret',
      'secret_key',
      'aws_secret_access_key',
      'access_token',
      'auth_token',
      'Authorization',
      'private_key',
      'credentials',
      'X-ChatWorkToken',
      'X-Cybozu-API-Token',
      'stripe.api_key',
      'himitsu',
      'access_token_secret',
      'vault_token',
      'artifactoryRefToken',
      'シークレット',
      'APIキー',
    ]) {
      assert.equal(classifyKey(k), 'secret', k);
    }
  });

  it('treats provider-named keys as weak hints', () => {
    for (const k of ['hubspotKey', 'HEROKU_KEY', 'alibabaKey', 'auth']) assert.equal(classifyKey(k), 'weak', k);
  });

  it('ignores keys that describe a secret rather than hold it', () => {
    for (const k of [
      'password_expire',
      'PasswordLength',
      'MinimumPasswordLength',
      'update_password',
      'reset_password_url',
      'password_policy',
      'secret_name',
      'secretArn',
      'token_url',
      'token_endpoint',
      'aws_access_key_id',
      'api_key_id',
      'KmsKeyId',
      'private_key_path',
      'primary_key',
      'cache_key',
      'sort_key',
      'public_key',
      'key',
      'csrf_token',
      'next_page_token',
      'nonMatchingToken',
      'fakeToken',
      'dummy_password',
      'SecretStringTemplate',
      'GenerateStringKey',
      'password_file',
      'secrets',
      'username',
      'client_id',
    ]) {
      assert.equal(classifyKey(k), undefined, k);
    }
  });
});
