// Provider, Japanese-service, key-material, connection-string, credential-file, Kubernetes and
// command-line rules beyond their example cases (test/rules/secret): severities, context gates, placeholders.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECRET_SPECS } from '../../../../src/core/rules/secret/providers/index';
import { providerShapeMismatch } from '../../../../src/core/rules/secret/analysis/shapes';
import { keepSecretlintMatch } from '../../../../src/core/rules/secret/secretlint';
import { tokenPlaceholder } from '../../../../src/core/rules/secret/analysis/tokens';
import { scanText } from '../../../../src/core/scan';
import { cpuNow } from '../../helpers/cpu-clock';

async function ids(path: string, text: string): Promise<string[]> {
  return (await scanText({ path, text })).filter((f) => f.category === 'secret').map((f) => `${f.ruleId}:${f.severity}`);
}

describe('secret/provider tokens', () => {
  it('reports live keys as errors and test-mode keys as warnings', async () => {
    assert.deepEqual(await ids('.env', 'STRIPE_SECRET_KEY=sk_live_q3eh2dxMtRKbfEAm0mE3ixpdExmvooAmceziGs5RV5JE2FbPyHZuTkp5Ylcs\n'), [
      'secret/stripe-secret-key:error',
    ]);
    assert.deepEqual(await ids('.env', 'STRIPE_SECRET_KEY=sk_test_ywv0Thui29kht0DRM1xkdOFTNzWl126cdGuvoWsGPKGtkcCz2Xm8yWDU4EsH\n'), [
      'secret/stripe-secret-key:warning',
    ]);
  });

  it('does not report publishable keys', async () => {
    assert.deepEqual(await ids('checkout.js', 'Stripe("pk_live_51Hq8ZxLmP2vKw4RtN7yHc3BdF6sGa1Te");\nPayjp("pk_live_0a1b2c3d4e5f6a7b8c9d0e1f");\n'), []);
  });

  it('sees masks, repeated characters and sample words as placeholders', () => {
    assert.ok(tokenPlaceholder('ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'));
    assert.ok(tokenPlaceholder('sntryu_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'sntryu_'));
    assert.ok(tokenPlaceholder('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(tokenPlaceholder('dckr_pat_Example1234567890AbCdEfGhjK', 'dckr_pat_'));
    assert.equal(tokenPlaceholder('glpat-nJJ7TL7qGLO8IOhxEMw5', 'glpat-'), undefined);
  });

  it('lets a malformed provider-shaped value fall to the provider rule, not the generic one', async () => {
    assert.ok(providerShapeMismatch(SECRET_SPECS, 'DATABRICKS_TOKEN', 'dapi123456789012345678a9bc01234defg5'));
    assert.ok(providerShapeMismatch(SECRET_SPECS, 'telegram_api_token', '8384:A1vsqagko0-0m0thnaa--vll7-sxu00u9ww'));
    assert.equal(providerShapeMismatch(SECRET_SPECS, 'token', 'q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA'), false);
    assert.deepEqual(await ids('.env', 'DATABRICKS_TOKEN=dapi123456789012345678a9bc01234defg5\n'), []);
  });

  it('filters secretlint matches that are masks or malformed Slack tokens', () => {
    assert.equal(keepSecretlintMatch('@secretlint/secretlint-rule-github', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), false);
    assert.equal(keepSecretlintMatch('@secretlint/secretlint-rule-slack', 'xoxe.xoxp-1-initial'), false);
    assert.equal(keepSecretlintMatch('@secretlint/secretlint-rule-slack', 'xoxb-12345-abcd234'), false);
    assert.equal(keepSecretlintMatch('@secretlint/secretlint-rule-slack', 'xoxb-291995451258-3147863521287-tV8IDaj9QBisrnaWUEAO9FVv'), true);
    assert.equal(keepSecretlintMatch('@secretlint/secretlint-rule-database-connection-string', 'postgres://postgres:postgres@localhost:5432/db'), false);
    assert.equal(keepSecretlintMatch('@secretlint/secretlint-rule-basicauth', 'https://deploy:Vq8kZ2mLt7Rw@git.example.jp'), true);
  });

  it('needs context for shapes that are not distinctive', async () => {
    const hex40 = 'b0da7157baf5e96cc3fbf3a82db79a741d85ad4e';
    assert.deepEqual(await ids('notes.txt', `commit ${hex40}\n`), []);
    assert.ok((await ids('meraki.py', `# Meraki dashboard\nMERAKI_KEY = "${hex40}"\n`)).includes('secret/cisco-meraki-api-key:error'));
    const k = '0xea4f92aaf39b2c4e34b77a0f9770752b770b49662ae0f03a30a3712d63f0d2df';
    assert.deepEqual(await ids('tx.js', `const txHash = "${k}";\n`), []);
  });
});

describe('secret/japanese services', () => {
  it('recognises tokens by the header or key they are stored under', async () => {
    assert.deepEqual(await ids('notify.sh', 'curl -H "X-ChatWorkToken: HYBKs6e5fbPjfKbqivPxEwiY6B4SIIby" https://api.chatwork.com/v2/me\n'), [
      'secret/chatwork-api-token:error',
    ]);
    assert.deepEqual(await ids('.env', 'KINTONE_API_TOKEN=u4Df37liOn9Ckb5kQqcOSruW9YL15LqjVUjUoejI\n'), ['secret/kintone-api-token:error']);
  });

  it('counts a plain key name only in a file that mentions the service, file by file', async () => {
    // The same key in files scanned one after another: what a key matches is kept across
    // files, whether the file mentions the service is not.
    const token = 'HYBKs6e5fbPjfKbqivPxEwiY6B4SIIby';
    const mentions = `# Chatwork notifier\napi_token: ${token}\n`;
    const silent = `# notifier\napi_token: ${token}\n`;
    for (let round = 0; round < 2; round++) {
      assert.ok((await ids('a.yml', mentions)).includes('secret/chatwork-api-token:error'), `round ${round}`);
      assert.ok(!(await ids('b.yml', silent)).includes('secret/chatwork-api-token:error'), `round ${round}`);
    }
    // One file, several keys: only the ones that name a service (or are plain and mentioned) count.
    const both = `x_chatworktoken: ${token}\nbacklog_api_key: ${token}${token}\nother: ${token}\n`;
    const found = await ids('c.yml', both);
    assert.ok(found.includes('secret/chatwork-api-token:error') && found.includes('secret/backlog-api-key:error'), found.join());
  });

  it('takes any of a service’s mention words, in any case', async () => {
    const kintone = 'u4Df37liOn9Ckb5kQqcOSruW9YL15LqjVUjUoejI';
    const secret = 'q8Zt2LmX9vKp4RwN7yHc3JdF6sBg1TeA';
    const cases: [string, string, string][] = [
      ['# CYBOZU app', `api_token: ${kintone}`, 'secret/kintone-api-token'],
      ['# Kintone app', `api_token: ${kintone}`, 'secret/kintone-api-token'],
      ['# Money Forward Cloud', `client_secret: ${secret}`, 'secret/moneyforward-client-secret'],
      ['# MONEYFORWARD', `client_secret: ${secret}`, 'secret/moneyforward-client-secret'],
      ['# https://auth.login.YAHOO.CO.JP/', `client_secret: ${secret}`, 'secret/yahoo-japan-client-secret'],
      ['# SmartHR', `access_token: ${secret}`, 'secret/smarthr-access-token'],
    ];
    for (const [mention, line, rule] of cases) {
      assert.ok(
        (await ids('a.yml', `${mention}\n${line}\n`)).some((id) => id.startsWith(`${rule}:`)),
        `${mention}: ${rule}`,
      );
      assert.ok(!(await ids('a.yml', `# app\n${line}\n`)).some((id) => id.startsWith(`${rule}:`)), `without ${mention}: ${rule}`);
    }
  });

  it('does not guess without the context', async () => {
    assert.deepEqual(await ids('colors.txt', 'palette = 821efd8db31fcdd85f4a856543f2cdb7\n'), []);
    assert.deepEqual(await ids('config.yml', 'shop_pass: k8q2zxm4\n'), ['secret/hardcoded-password:warning']);
  });

  it('reports PAY.JP test keys as warnings, and not as Stripe', async () => {
    assert.deepEqual(await ids('charge.rb', 'Payjp.api_key = "sk_test_430cc96285139ddf1397c7e2"\n'), ['secret/payjp-secret-key:warning']);
  });

  it('finds keys in free text by their pattern: a Backlog API URL, a PAY.JP key with no key name', async () => {
    const url = 'curl "https://acme.backlog.jp/api/v2/issues?count=20&apiKey=DfUpsr5PiDTVK4cIOjNdKtug1uj6vzFqU81qmu11h6kEk11FoWa7zRfPjhZtG3nf"\n';
    assert.deepEqual(await ids('sync.sh', url), ['secret/backlog-api-key:error']);
    assert.deepEqual(await ids('pay.md', 'Use payjp with sk_live_058ff39b6991ecb7e7940ec9462f8175e559bd72892d6912 here\n'), ['secret/payjp-secret-key:error']);
  });

  it('skips the vendor documentation sample token', async () => {
    assert.deepEqual(await ids('api.http', 'X-Cybozu-API-Token: cJrAD9Es62qm0Z3eE6uzQQmaDxM3q9jiDay1oysX\n'), []);
  });
});

describe('secret/key material and stores', () => {
  it('skips placeholder key blocks and reports encrypted keys as warnings', async () => {
    for (const body of ['...', '***', 'xxx', 'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=', '']) {
      assert.deepEqual(await ids('key.pem', `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`), [], body);
    }
    const enc =
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQIq8Zt2LmX9vICAggA\nMB0GCWCGSAFlAwQBKgQQ7yHc3JdF6sBg1TeAq8Zt2LmX9vKp4RwN7yHc3JdF6s\n-----END ENCRYPTED PRIVATE KEY-----\n';
    assert.deepEqual(await ids('key.pem', enc), ['secret/private-key-block:warning']);
  });

  it('reads Kubernetes Secrets line by line, tabs and templates included', async () => {
    assert.deepEqual(await ids('s.yaml', 'apiVersion: v1\nkind: Secret\ndata:\n\tpassword: Vm44cTJMa3A5WnQ=\n'), ['secret/kubernetes-secret:error']);
    assert.deepEqual(await ids('s.yaml', 'apiVersion: v1\nkind: Secret\ndata:\n  htpasswd: {{ htpasswd }}\n  empty: ""\n  pw: Y2hhbmdlbWU=\n'), []);
    assert.deepEqual(await ids('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  mode: Vm44cTJMa3A5WnQ=\n'), []);
  });

  it('finds passwords in connection strings and skips stand-ins', async () => {
    assert.deepEqual(await ids('app.env.yaml', 'url: amqps://app:Rk9vQ2xLm8Zt@mq.example.jp/vhost\n'), ['secret/connection-string:error']);
    for (const u of [
      'postgres://app:${PGPASSWORD}@db/app',
      'mysql://user:password@db/app',
      'redis://:@cache:6379',
      'mongodb://YOUR_USERNAME:YOUR_PASSWORD@c.example.net/x',
      'postgres://$(PGUSER):$(PGPASSWORD)@h/d',
    ]) {
      assert.deepEqual(await ids('app.env.yaml', `url: ${u}\n`), [], u);
    }
  });

  it('reads credential files', async () => {
    assert.deepEqual(await ids('.npmrc', '//registry.example.jp/:_auth=ZGVwbG95OlZxOGtaMm1MdDdSdw==\n'), ['secret/credential-file:error']);
    assert.deepEqual(await ids('.netrc', 'machine a.example.jp login x password changeme\n'), []);
  });

  it('finds passwords on command lines, not variables', async () => {
    assert.deepEqual(await ids('run.sh', 'curl --cacert ca.crt -u elastic:Zq8kLm2xVt7R https://localhost:9200\n'), ['secret/cli-credential:error']);
    assert.deepEqual(await ids('run.sh', 'curl -u "$1:$2" "$3"\nsshpass -p "$PASS" ssh host\n'), []);
  });
});

describe('secret/robustness', () => {
  it('stays fast on hostile input', async () => {
    const inputs = [
      'a'.repeat(200_000),
      'password=' + '='.repeat(100_000),
      '"'.repeat(50_000) + ':' + "'".repeat(50_000),
      'token: ' + 'Ab1+/'.repeat(40_000),
      '-----BEGIN PRIVATE KEY-----\n' + 'MIIEv'.repeat(30_000),
      'PuTTY-User-Key-File-2: ssh-rsa\nPrivate-Lines: 9\n' + 'A'.repeat(100_000),
      'curl ' + '-u a:'.repeat(20_000),
      'postgres://' + 'u:'.repeat(30_000) + '@',
      '<a>' + '<b x="'.repeat(20_000),
      'key: ' + '${'.repeat(50_000),
      Array.from({ length: 20_000 }, (_, i) => `k${i}_token: v${i}x9Zq`).join('\n'),
    ];
    for (const text of inputs) {
      for (const path of ['a.txt', 'a.yaml', 'a.json', 'a.ts']) {
        const t0 = cpuNow();
        await scanText({ path, text });
        const ms = cpuNow() - t0;
        assert.ok(ms < 5000, `${path} ${text.slice(0, 20)}… took ${ms.toFixed(0)} ms`);
      }
    }
  });
});
