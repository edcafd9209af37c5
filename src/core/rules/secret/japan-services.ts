import type { Document } from '../../documents/document';
import type { Localized } from '../../guidelines/catalog';
import { mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range } from '../../types';
import { secretExamples, setExamples, type RawFinding, type Rule, type RuleExamples } from '../rule';
import { ASSIGNMENT_LITERALS, ASSIGNMENT_POSITIONAL, candidatesOf } from './assignments';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { envFix, envVarName, ENV_FIX_ID, ENV_FIX_MESSAGE } from './env-fix';
import { ex } from './provider-rule';
import { entropy, placeholderReason } from './value';

/**
 * Credentials of Japanese services that other scanners do not know: LINE, Chatwork, Backlog,
 * kintone, Sakura Cloud, PAY.JP, SmartHR, GMO Payment Gateway, freee, Money Forward and
 * Yahoo! JAPAN. Most of their tokens have no distinctive prefix, so each is recognised by the
 * name it is stored under (an environment variable, a config key or an HTTP header such as
 * `X-ChatWorkToken` or `X-Cybozu-API-Token`) together with the value's shape.
 */
interface JpService {
  id: string;
  provider: Localized;
  kind: Localized;
  env: string;
  /** The key or header name the value is stored under. */
  key: RegExp;
  /** A plainer key name (`api_key`, `apiToken`) that counts when the file mentions the service (`mention`). */
  keyInContext?: RegExp;
  /** The value's shape (whole value). */
  value: RegExp;
  /** Words the file must contain (for keys too generic on their own, such as `ShopPass`). */
  context?: RegExp;
  /**
   * Words (in any ASCII case) whose presence in the file lets `keyInContext` keys count: looked
   * up in the one literal pass every document gets, not searched for in the text again.
   */
  mention?: readonly string[];
  /** Value shapes of test-mode keys (reported as warnings). */
  test?: RegExp;
  /** Extra free-text patterns (a URL parameter, a prefixed key); group `s` is the secret. */
  patterns?: RegExp[];
  /** Literals of which one occurs in every match of `patterns` (they run only then). */
  patternHints?: string[];
  /** Set by `setExamples`; absent in the shipped bundles. */
  examples?: RuleExamples;
}

const JP_SERVICES: JpService[] = [
  {
    id: 'secret/line-channel-secret',
    provider: { en: 'LINE Messaging API', ja: 'LINE Messaging API' },
    kind: { en: 'channel secret', ja: 'チャネルシークレット' },
    env: 'LINE_CHANNEL_SECRET',
    key: /line.{0,20}channel.{0,3}secret|channel.{0,3}secret/i,
    value: /^[0-9a-f]{32}$/,
    context: /line.?bot|messaging.?api|api\.line\.me|@line\/|line.?channel/i,
  },
  {
    id: 'secret/line-channel-access-token',
    provider: { en: 'LINE Messaging API', ja: 'LINE Messaging API' },
    kind: { en: 'channel access token', ja: 'チャネルアクセストークン' },
    env: 'LINE_CHANNEL_ACCESS_TOKEN',
    key: /line.{0,20}(?:channel.{0,3})?access.{0,3}token|channel.{0,3}access.{0,3}token/i,
    value: /^[A-Za-z0-9+/]{100,300}={0,2}$/,
    context: /line.?bot|messaging.?api|api\.line\.me|@line\/|line.?channel/i,
  },
  {
    id: 'secret/chatwork-api-token',
    provider: { en: 'Chatwork', ja: 'Chatwork' },
    kind: { en: 'API token', ja: 'API トークン' },
    env: 'CHATWORK_API_TOKEN',
    key: /chat.?work/i,
    keyInContext: /^(?:api.?)?token$|api.?key/i,
    mention: ['chatwork'],
    value: /^[A-Za-z0-9]{32}$/,
  },
  {
    id: 'secret/backlog-api-key',
    provider: { en: 'Backlog', ja: 'Backlog' },
    kind: { en: 'API key', ja: 'API キー' },
    env: 'BACKLOG_API_KEY',
    key: /backlog/i,
    keyInContext: /api.?key/i,
    mention: ['backlog'],
    value: /^[A-Za-z0-9]{64}$/,
    patternHints: ['.backlog.'],
    patterns: [/https?:\/\/[\w-]{1,63}\.backlog\.(?:com|jp)\/api\/v2\/[^\s"'?]{0,200}\?(?:[^\s"'#]{0,300}&)?apiKey=(?<s>[A-Za-z0-9]{64})(?![A-Za-z0-9])/g],
  },
  {
    id: 'secret/kintone-api-token',
    provider: { en: 'kintone (Cybozu)', ja: 'kintone（サイボウズ）' },
    kind: { en: 'API token', ja: 'API トークン' },
    env: 'KINTONE_API_TOKEN',
    key: /kintone.{0,20}token|cybozu.{0,5}api.{0,3}token/i,
    keyInContext: /^(?:api.?)?tokens?$/i,
    mention: ['kintone', 'cybozu'],
    value: /^[A-Za-z0-9]{40}(?:\s*,\s*[A-Za-z0-9]{40}){0,9}$/,
  },
  {
    id: 'secret/kintone-password-auth',
    provider: { en: 'kintone (Cybozu)', ja: 'kintone（サイボウズ）' },
    kind: { en: 'login name and password (X-Cybozu-Authorization)', ja: 'ログイン名とパスワード（X-Cybozu-Authorization）' },
    env: 'KINTONE_AUTH',
    key: /cybozu.{0,5}authorization/i,
    value: /^[A-Za-z0-9+/]{8,400}={0,2}$/,
  },
  {
    id: 'secret/sakura-cloud-credential',
    provider: { en: 'Sakura Cloud', ja: 'さくらのクラウド' },
    kind: { en: 'API key', ja: 'API キー' },
    env: 'SAKURACLOUD_ACCESS_TOKEN_SECRET',
    key: /sakura.{0,20}(?:token|secret|key)|usacloud.{0,20}(?:token|secret)/i,
    keyInContext: /^(?:access.?)?token(?:.?secret)?$/i,
    mention: ['sakura', 'usacloud'],
    value: /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9]{40,80})$/,
  },
  {
    id: 'secret/payjp-secret-key',
    provider: { en: 'PAY.JP', ja: 'PAY.JP' },
    kind: { en: 'secret key', ja: 'シークレットキー' },
    env: 'PAYJP_SECRET_KEY',
    key: /payjp|pay\.jp/i,
    value: /^sk_(?:live|test)_[0-9a-f]{24,48}$/,
    test: /^sk_test_/,
    context: /payjp|pay\.jp/i,
    patternHints: ['sk_live_', 'sk_test_'],
    patterns: [/(?<![A-Za-z0-9_])(?<s>sk_(?:live|test)_[0-9a-f]{24,48})(?![A-Za-z0-9_])/g],
  },
  {
    id: 'secret/smarthr-access-token',
    provider: { en: 'SmartHR', ja: 'SmartHR' },
    kind: { en: 'access token', ja: 'アクセストークン' },
    env: 'SMARTHR_ACCESS_TOKEN',
    key: /smart.?hr.{0,20}(?:token|secret|key)/i,
    keyInContext: /^(?:access.?|api.?)?token$/i,
    mention: ['smarthr'],
    value: /^(?:shr_)?[A-Za-z0-9_-]{32,128}$/,
  },
  {
    id: 'secret/gmo-pg-password',
    provider: { en: 'GMO Payment Gateway', ja: 'GMO ペイメントゲートウェイ' },
    kind: { en: 'shop/site password', ja: 'ショップ・サイトパスワード' },
    env: 'GMO_PG_SHOP_PASS',
    key: /(?:shop|site).{0,2}pass(?:word)?\b|gmo.{0,12}pass/i,
    value: /^[A-Za-z0-9]{6,32}$/,
    context: /gmo|mul-pay|pgmulti|ShopID|SiteID|shop_id|site_id/i,
  },
  {
    id: 'secret/freee-client-secret',
    provider: { en: 'freee', ja: 'freee' },
    kind: { en: 'client secret', ja: 'クライアントシークレット' },
    env: 'FREEE_CLIENT_SECRET',
    key: /freee.{0,20}secret/i,
    keyInContext: /client.?secret/i,
    mention: ['freee'],
    value: /^[A-Za-z0-9_-]{20,128}$/,
  },
  {
    id: 'secret/moneyforward-client-secret',
    provider: { en: 'Money Forward', ja: 'マネーフォワード' },
    kind: { en: 'client secret', ja: 'クライアントシークレット' },
    env: 'MONEYFORWARD_CLIENT_SECRET',
    key: /money.?forward.{0,20}secret|\bmf(?:c|k)?_.{0,12}client.?secret/i,
    keyInContext: /client.?secret/i,
    mention: ['moneyforward', 'money forward'],
    value: /^[A-Za-z0-9_-]{20,128}$/,
  },
  {
    id: 'secret/yahoo-japan-client-secret',
    provider: { en: 'Yahoo! JAPAN', ja: 'Yahoo! JAPAN' },
    kind: { en: 'client secret', ja: 'クライアントシークレット' },
    env: 'YAHOO_JAPAN_CLIENT_SECRET',
    key: /(?:yahoo|\byj).{0,20}secret/i,
    keyInContext: /client.?secret/i,
    mention: ['yahoo.co.jp', 'yahooapis.jp'],
    value: /^[A-Za-z0-9_-]{20,128}$/,
  },
];

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(JP_SERVICES, {
  'secret/line-channel-secret': {
    bad: [ex('.env', 'LINE_CHANNEL_SECRET=821efd8db31fcdd85f4a856543f2cdb7\n')],
    good: [ex('.env', 'LINE_CHANNEL_SECRET=\nLINE_CHANNEL_ID=1657000000\n')],
  },
  'secret/line-channel-access-token': {
    bad: [
      ex(
        'src/bot.ts',
        'const client = new messagingApi.MessagingApiClient({\n  channelAccessToken: "ldarCKa6L47bbrkg5CBSZb5YHwtTGmAh5HQY7n2UW+ucdJ+gUaDaebwSf+Qz7mRwyhOaEjx2ZALdD+/WTk3AE3l30UgbvItprHxMeJ+mKTPxsAzJr7vwn0fcD2XSg5N9EympCn4oB82Zziv6dHxjgMsIgpkczSdIJ5NR0/6X2iG=",\n});\n',
      ),
    ],
    good: [ex('src/bot.ts', 'const client = new messagingApi.MessagingApiClient({\n  channelAccessToken: process.env.LINE_CHANNEL_ACCESS_TOKEN!,\n});\n')],
  },
  'secret/chatwork-api-token': {
    bad: [ex('notify.sh', 'curl -X POST -H "X-ChatWorkToken: HYBKs6e5fbPjfKbqivPxEwiY6B4SIIby" https://api.chatwork.com/v2/rooms/1/messages\n')],
    good: [ex('notify.sh', 'curl -X POST -H "X-ChatWorkToken: ${CHATWORK_API_TOKEN}" https://api.chatwork.com/v2/rooms/1/messages\n')],
  },
  'secret/backlog-api-key': {
    bad: [ex('config.yml', 'backlog:\n  space: example\n  api_key: DfUpsr5PiDTVK4cIOjNdKtug1uj6vzFqU81qmu11h6kEk11FoWa7zRfPjhZtG3nf\n')],
    good: [ex('config.yml', 'backlog:\n  space: example\n  api_key: ${BACKLOG_API_KEY}\n')],
  },
  'secret/kintone-api-token': {
    bad: [ex('sync.js', "const res = await fetch(url, { headers: { 'X-Cybozu-API-Token': 'u4Df37liOn9Ckb5kQqcOSruW9YL15LqjVUjUoejI' } });\n")],
    good: [ex('sync.js', "const res = await fetch(url, { headers: { 'X-Cybozu-API-Token': process.env.KINTONE_API_TOKEN } });\n")],
  },
  'secret/kintone-password-auth': {
    bad: [ex('sync.py', 'headers = {"X-Cybozu-Authorization": "ZGVwbG95OlZxOGtaMm1MdDdSdw=="}\n')],
    good: [ex('sync.py', 'headers = {"X-Cybozu-Authorization": b64encode(f"{user}:{pw}".encode()).decode()}\n')],
  },
  'secret/sakura-cloud-credential': {
    bad: [
      ex(
        '.env',
        'SAKURACLOUD_ACCESS_TOKEN=95804fe7-208b-acb4-dfde-ba1631fee396\nSAKURACLOUD_ACCESS_TOKEN_SECRET=EKdWYQywZ9FjdPyw2XTQMDFVowZ9XkAcqeaD8U4DCWH0eQK5zPq7X0Q252b6WHCr\n',
      ),
    ],
    good: [ex('.env', 'SAKURACLOUD_ACCESS_TOKEN=\nSAKURACLOUD_ACCESS_TOKEN_SECRET=\n')],
  },
  'secret/payjp-secret-key': {
    bad: [ex('app/services/charge.rb', 'Payjp.api_key = "sk_live_058ff39b6991ecb7e7940ec9462f8175e559bd72892d6912"\n')],
    good: [ex('app/javascript/card.js', 'const payjp = Payjp("pk_live_0a1b2c3d4e5f6a7b8c9d0e1f");\n')],
  },
  'secret/smarthr-access-token': {
    bad: [ex('.env', 'SMARTHR_ACCESS_TOKEN=ba744b500c71afff457e5238764f5deb062738209464a929114cc36918fc1b7d\n')],
    good: [ex('.env', 'SMARTHR_ACCESS_TOKEN=your-access-token\n')],
  },
  'secret/gmo-pg-password': {
    bad: [ex('config/gmo.yml', 'gmo_pg:\n  shop_id: tshop00012345\n  shop_pass: k8q2zxm4\n')],
    good: [ex('config/gmo.yml', 'gmo_pg:\n  shop_id: tshop00012345\n  shop_pass: <%= ENV["GMO_SHOP_PASS"] %>\n')],
  },
  'secret/freee-client-secret': {
    bad: [ex('.env', 'FREEE_CLIENT_SECRET=PtbbYcgVVMzc-9FHizDcrHEZn-A1qtdwDa3DyejNg6Q\n')],
    good: [ex('.env', 'FREEE_CLIENT_SECRET=\nFREEE_CLIENT_ID=610000000000000\n')],
  },
  'secret/moneyforward-client-secret': {
    bad: [ex('.env', 'MONEYFORWARD_CLIENT_SECRET=Bgel-l5lBz5KxmFa3QDHakcBcTSrDiFQ9Gvuw_D9MnO\n')],
    good: [ex('.env', 'MONEYFORWARD_CLIENT_SECRET=${MF_SECRET}\n')],
  },
  'secret/yahoo-japan-client-secret': {
    bad: [ex('.env', 'YAHOO_JAPAN_CLIENT_SECRET=3dTNry3JlATGRk2yIoMNLtg9iqIqaMz9iOqoWkho\n')],
    good: [ex('.env', 'YAHOO_JAPAN_CLIENT_ID=dj00aiZpPXBhc3N3b3JkJnM9Y29uc3VtZXJzZWNyZXQmc3Y9MCZ4PWRh\nYAHOO_JAPAN_CLIENT_SECRET=\n')],
  },
});

interface Hit {
  range: Range;
  secret: string;
  key?: string;
  literal?: { literalRange: Range; valueRange: Range; quote?: string };
}

/**
 * The service's credentials in the document. The file-wide context check reads the whole text,
 * so it runs only once a key or a pattern literal makes a hit possible (the mention check reads
 * the shared literal pass).
 */
function hitsOf(doc: Document, s: JpService, index: number): Hit[] {
  const candidates = candidatesOf(doc);
  const { flags, any } = keyFlags(doc);
  const keyed = any[index] !== 0;
  const patterned = s.patterns !== undefined && (s.patternHints === undefined || mentionsAny(doc, s.patternHints));
  if (!keyed && !patterned) return [];
  if (s.context && !s.context.test(doc.text)) return [];
  let mentioned: boolean | undefined;
  const out: Hit[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    const f = flags[k][index];
    if ((f & KEY) === 0) {
      if ((f & KEY_IN_CONTEXT) === 0) continue;
      mentioned ??= s.mention ? mentionsAny(doc, s.mention) : false;
      if (!mentioned) continue;
    }
    const v = c.value.trim().replace(/^(?:Bearer|Basic|Token)[ \t]+/, '');
    if (!s.value.test(v) || placeholderReason(v) || entropy(v) < 2.5) continue;
    const start = c.valueRange[0] + c.value.indexOf(v);
    out.push({ range: [start, start + v.length], secret: v, key: c.key, literal: c });
  }
  if (!patterned) return out;
  for (const re of s.patterns ?? []) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text)) !== null) {
      const v = m.groups?.s ?? m[0];
      if (placeholderReason(v) || entropy(v) < 2.5) continue;
      const start = m.index + m[0].lastIndexOf(v);
      if (out.some((h) => h.range[0] === start)) continue;
      out.push({ range: [start, start + v.length], secret: v });
    }
  }
  return out;
}

/** A key's flags for one service: it is the service's key, or its plainer key (`keyInContext`). */
const KEY = 1;
const KEY_IN_CONTEXT = 2;

/**
 * Each candidate's flags for every service (by index in JP_SERVICES), and the flags of all
 * candidates together. A file repeats its keys (every compose service has its `environment`
 * names), so each distinct key is tested against the services' patterns once, and the answer
 * is kept across files and scans; before, each of the 13 rules tested every candidate itself.
 */
function keyFlags(doc: Document): { flags: Uint8Array[]; any: Uint8Array } {
  return doc.memo('secret:jp-key-flags', () => {
    const any = new Uint8Array(JP_SERVICES.length);
    const flags = candidatesOf(doc).map((c) => {
      const f = flagsOfKey(c.key);
      for (let i = 0; i < f.length; i++) any[i] |= f[i];
      return f;
    });
    return { flags, any };
  });
}

function flagsOfKey(key: string): Uint8Array {
  let f = FLAGS_BY_KEY.get(key);
  if (f === undefined) {
    f = new Uint8Array(JP_SERVICES.length);
    for (let i = 0; i < JP_SERVICES.length; i++) {
      const s = JP_SERVICES[i];
      f[i] = (s.key.test(key) ? KEY : 0) | (s.keyInContext?.test(key) ? KEY_IN_CONTEXT : 0);
    }
    if (FLAGS_BY_KEY.size >= 20_000) FLAGS_BY_KEY.clear();
    FLAGS_BY_KEY.set(key, f);
  }
  return f;
}
const FLAGS_BY_KEY = new Map<string, Uint8Array>();

function jpRule(s: JpService, index: number): Rule {
  const title: Localized = { en: `${s.provider.en} ${s.kind.en}`, ja: `${s.provider.ja} の${s.kind.ja}` };
  return {
    id: s.id,
    category: 'secret',
    severity: 'error',
    literals: [...(s.patternHints ?? []), ...(s.mention ?? []), ...ASSIGNMENT_LITERALS],
    positionalLiterals: ASSIGNMENT_POSITIONAL,
    guidelines: SECRET_GUIDELINES,
    title,
    description: SECRET_DESCRIPTION,
    messages: {
      found: {
        en: `Hardcoded ${title.en} ({masked}). Move it to a secret store or environment variable, then reissue it in the ${s.provider.en} console.`,
        ja: `${title.ja}がハードコードされています（{masked}）。シークレットストアまたは環境変数に移し、${s.provider.ja} の管理画面で再発行してください。`,
      },
      test: {
        en: `Hardcoded ${s.provider.en} test-mode ${s.kind.en} ({masked}). Keep test keys out of the repository too.`,
        ja: `${s.provider.ja} のテストモードの${s.kind.ja}がハードコードされています（{masked}）。テスト用キーもリポジトリに置かないでください。`,
      },
      [ENV_FIX_ID]: ENV_FIX_MESSAGE,
    },
    check(doc: Document): RawFinding[] {
      return hitsOf(doc, s, index).map((h) => {
        const isTest = s.test?.test(h.secret) ?? false;
        const masked = maskSecret(h.secret);
        const whole = h.literal && h.literal.valueRange[0] === h.range[0] && h.literal.valueRange[1] === h.range[1];
        const fix =
          whole && h.literal && h.key ? envFix(doc, h.literal, envVarName(h.key, s.env).startsWith('X_') ? s.env : envVarName(h.key, s.env)) : undefined;
        return {
          range: h.range,
          messageId: isTest ? 'test' : 'found',
          data: { masked },
          severity: isTest ? 'warning' : 'error',
          excerpt: masked,
          ...(fix ? { fixes: [fix] } : {}),
        };
      });
    },
    examples: s.examples ?? secretExamples(),
  };
}

/** The Japanese-service rules. */
export const japanServiceRules: Rule[] = JP_SERVICES.map((s, index) => jpRule(s, index));
