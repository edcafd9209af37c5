import { KIND, type SecretSpec } from '../spec';

/**
 * Credentials of Japanese services that other scanners do not know: LINE, Chatwork, Backlog,
 * kintone, Sakura Cloud, PAY.JP, SmartHR, GMO Payment Gateway, freee, Money Forward and
 * Yahoo! JAPAN. Most of their tokens have no distinctive prefix, so each is recognised by the
 * name it is stored under (an environment variable, a config key or an HTTP header such as
 * `X-ChatWorkToken` or `X-Cybozu-API-Token`) together with the value's shape. They are reissued
 * in the service's console, and only a value found under its key gets the env fix.
 */
export const japanServices: SecretSpec[] = [
  {
    id: 'secret/line-channel-secret',
    provider: { en: 'LINE Messaging API', ja: 'LINE Messaging API' },
    kind: { en: 'channel secret', ja: 'チャネルシークレット' },
    env: 'LINE_CHANNEL_SECRET',
    reissue: 'console',
    fix: 'keyed',
    fileContext: /line.?bot|messaging.?api|api\.line\.me|@line\/|line.?channel/i,
    key: {
      name: /line.{0,20}channel.{0,3}secret|channel.{0,3}secret/i,
      value: /^[0-9a-f]{32}$/,
    },
  },
  {
    id: 'secret/line-channel-access-token',
    provider: { en: 'LINE Messaging API', ja: 'LINE Messaging API' },
    kind: { en: 'channel access token', ja: 'チャネルアクセストークン' },
    env: 'LINE_CHANNEL_ACCESS_TOKEN',
    reissue: 'console',
    fix: 'keyed',
    fileContext: /line.?bot|messaging.?api|api\.line\.me|@line\/|line.?channel/i,
    key: {
      name: /line.{0,20}(?:channel.{0,3})?access.{0,3}token|channel.{0,3}access.{0,3}token/i,
      value: /^[A-Za-z0-9+/]{100,300}={0,2}$/,
    },
  },
  {
    id: 'secret/chatwork-api-token',
    provider: { en: 'Chatwork', ja: 'Chatwork' },
    kind: KIND.apiToken,
    env: 'CHATWORK_API_TOKEN',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /chat.?work/i,
      nameInContext: /^(?:api.?)?token$|api.?key/i,
      mention: ['chatwork'],
      value: /^[A-Za-z0-9]{32}$/,
    },
  },
  {
    id: 'secret/backlog-api-key',
    provider: { en: 'Backlog', ja: 'Backlog' },
    kind: KIND.apiKey,
    env: 'BACKLOG_API_KEY',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /backlog/i,
      nameInContext: /api.?key/i,
      mention: ['backlog'],
      value: /^[A-Za-z0-9]{64}$/,
    },
    tokens: [
      {
        re: /https?:\/\/[\w-]{1,63}\.backlog\.(?:com|jp)\/api\/v2\/[^\s"'?]{0,200}\?(?:[^\s"'#]{0,300}&)?apiKey=(?<s>[A-Za-z0-9]{64})(?![A-Za-z0-9])/g,
        hints: ['.backlog.'],
        placeholders: 'value',
        minEntropy: 2.5,
      },
    ],
  },
  {
    id: 'secret/kintone-api-token',
    provider: { en: 'kintone (Cybozu)', ja: 'kintone（サイボウズ）' },
    kind: KIND.apiToken,
    env: 'KINTONE_API_TOKEN',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /kintone.{0,20}token|cybozu.{0,5}api.{0,3}token/i,
      nameInContext: /^(?:api.?)?tokens?$/i,
      mention: ['kintone', 'cybozu'],
      value: /^[A-Za-z0-9]{40}(?:\s*,\s*[A-Za-z0-9]{40}){0,9}$/,
    },
  },
  {
    id: 'secret/kintone-password-auth',
    provider: { en: 'kintone (Cybozu)', ja: 'kintone（サイボウズ）' },
    kind: { en: 'login name and password (X-Cybozu-Authorization)', ja: 'ログイン名とパスワード（X-Cybozu-Authorization）' },
    env: 'KINTONE_AUTH',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /cybozu.{0,5}authorization/i,
      value: /^[A-Za-z0-9+/]{8,400}={0,2}$/,
    },
  },
  {
    id: 'secret/sakura-cloud-credential',
    provider: { en: 'Sakura Cloud', ja: 'さくらのクラウド' },
    kind: KIND.apiKey,
    env: 'SAKURACLOUD_ACCESS_TOKEN_SECRET',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /sakura.{0,20}(?:token|secret|key)|usacloud.{0,20}(?:token|secret)/i,
      nameInContext: /^(?:access.?)?token(?:.?secret)?$/i,
      mention: ['sakura', 'usacloud'],
      value: /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9]{40,80})$/,
    },
  },
  {
    id: 'secret/payjp-secret-key',
    provider: { en: 'PAY.JP', ja: 'PAY.JP' },
    kind: KIND.secretKey,
    env: 'PAYJP_SECRET_KEY',
    reissue: 'console',
    fix: 'keyed',
    fileContext: /payjp|pay\.jp/i,
    key: {
      name: /payjp|pay\.jp/i,
      value: /^sk_(?:live|test)_[0-9a-f]{24,48}$/,
      test: /^sk_test_/,
    },
    tokens: [
      {
        re: /(?<![A-Za-z0-9_])(?<s>sk_(?:live|test)_[0-9a-f]{24,48})(?![A-Za-z0-9_])/g,
        hints: ['sk_live_', 'sk_test_'],
        placeholders: 'value',
        minEntropy: 2.5,
        test: /^sk_test_/,
      },
    ],
  },
  {
    id: 'secret/smarthr-access-token',
    provider: { en: 'SmartHR', ja: 'SmartHR' },
    kind: KIND.accessToken,
    env: 'SMARTHR_ACCESS_TOKEN',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /smart.?hr.{0,20}(?:token|secret|key)/i,
      nameInContext: /^(?:access.?|api.?)?token$/i,
      mention: ['smarthr'],
      value: /^(?:shr_)?[A-Za-z0-9_-]{32,128}$/,
    },
  },
  {
    id: 'secret/gmo-pg-password',
    provider: { en: 'GMO Payment Gateway', ja: 'GMO ペイメントゲートウェイ' },
    kind: { en: 'shop/site password', ja: 'ショップ・サイトパスワード' },
    env: 'GMO_PG_SHOP_PASS',
    reissue: 'console',
    fix: 'keyed',
    fileContext: /gmo|mul-pay|pgmulti|ShopID|SiteID|shop_id|site_id/i,
    key: {
      name: /(?:shop|site).{0,2}pass(?:word)?\b|gmo.{0,12}pass/i,
      value: /^[A-Za-z0-9]{6,32}$/,
    },
  },
  {
    id: 'secret/freee-client-secret',
    provider: { en: 'freee', ja: 'freee' },
    kind: KIND.clientSecret,
    env: 'FREEE_CLIENT_SECRET',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /freee.{0,20}secret/i,
      nameInContext: /client.?secret/i,
      mention: ['freee'],
      value: /^[A-Za-z0-9_-]{20,128}$/,
    },
  },
  {
    id: 'secret/moneyforward-client-secret',
    provider: { en: 'Money Forward', ja: 'マネーフォワード' },
    kind: KIND.clientSecret,
    env: 'MONEYFORWARD_CLIENT_SECRET',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /money.?forward.{0,20}secret|\bmf(?:c|k)?_.{0,12}client.?secret/i,
      nameInContext: /client.?secret/i,
      mention: ['moneyforward', 'money forward'],
      value: /^[A-Za-z0-9_-]{20,128}$/,
    },
  },
  {
    id: 'secret/yahoo-japan-client-secret',
    provider: { en: 'Yahoo! JAPAN', ja: 'Yahoo! JAPAN' },
    kind: KIND.clientSecret,
    env: 'YAHOO_JAPAN_CLIENT_SECRET',
    reissue: 'console',
    fix: 'keyed',
    key: {
      name: /(?:yahoo|\byj).{0,20}secret/i,
      nameInContext: /client.?secret/i,
      mention: ['yahoo.co.jp', 'yahooapis.jp'],
      value: /^[A-Za-z0-9_-]{20,128}$/,
    },
  },
];
