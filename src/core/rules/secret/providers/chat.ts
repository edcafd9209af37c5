import { ex, KIND, tok, type ProviderSpec } from '../provider-rule';
import { setExamples } from '../../rule';

/** Chat and messaging: webhooks and bot tokens (Slack tokens come from secretlint's rule). */
export const chatProviders: ProviderSpec[] = [
  {
    id: 'secret/slack-webhook',
    provider: { en: 'Slack', ja: 'Slack' },
    kind: KIND.webhook,
    env: 'SLACK_WEBHOOK_URL',
    patterns: [
      {
        re: /(?<s>(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/g,
        hints: ['hooks.slack.com/'],
        minEntropy: 3,
      },
    ],
  },
  {
    id: 'secret/discord-webhook',
    provider: { en: 'Discord', ja: 'Discord' },
    kind: KIND.webhook,
    env: 'DISCORD_WEBHOOK_URL',
    patterns: [
      { re: /(?<s>https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[\w-]{60,68})(?![\w-])/g, hints: ['discord'], minEntropy: 3 },
    ],
  },
  {
    id: 'secret/teams-webhook',
    provider: { en: 'Microsoft Teams', ja: 'Microsoft Teams' },
    kind: KIND.webhook,
    env: 'TEAMS_WEBHOOK_URL',
    patterns: [
      {
        re: /(?<s>https:\/\/[\w-]{1,100}\.webhook\.office\.com\/webhookb2\/[a-z0-9-]{36}@[a-z0-9-]{36}\/IncomingWebhook\/[a-z0-9]{32}\/[a-z0-9-]{36}(?:\/[\w-]{1,100})?)(?![\w-])/gi,
        hints: ['webhook.office.com/webhookb2/'],
        minEntropy: 3,
      },
      {
        re: /(?<s>https:\/\/outlook\.office(?:365)?\.com\/webhook\/[a-z0-9-]{36}@[a-z0-9-]{36}\/IncomingWebhook\/[a-z0-9]{32}\/[a-z0-9-]{36})(?![\w-])/gi,
        hints: ['outlook.office'],
        minEntropy: 3,
      },
    ],
  },
  {
    id: 'secret/discord-bot-token',
    provider: { en: 'Discord', ja: 'Discord' },
    kind: KIND.botToken,
    env: 'DISCORD_BOT_TOKEN',
    patterns: [{ re: tok('[MNO][A-Za-z\\d_-]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38}'), hints: ['discord'], context: /discord/i, minEntropy: 3 }],
  },
  {
    id: 'secret/telegram-bot-token',
    provider: { en: 'Telegram', ja: 'Telegram' },
    kind: KIND.botToken,
    env: 'TELEGRAM_BOT_TOKEN',
    keyHint: /telegram/i,
    keyShape: /^\d{5,16}:A[\w-]{34}$/,
    patterns: [
      // Current tokens: bot id, colon, "AA" and 33 more characters.
      { re: tok('\\d{8,10}:AA[\\w-]{33}', '', '(?<![\\w:])'), hints: [':AA'], minEntropy: 3 },
      { re: tok('\\d{5,16}:A[\\w-]{34}', '', '(?<![\\w:])'), hints: [':a'], context: /telegram|\btg_|bot_?token/i, minEntropy: 3 },
    ],
  },
];

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(chatProviders, {
  'secret/slack-webhook': {
    bad: [ex('notify.py', 'WEBHOOK = "http://hooks.slack.com/services/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"\n')],
    good: [ex('notify.py', 'WEBHOOK = "https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX"\n')],
  },
  'secret/discord-webhook': {
    bad: [
      ex(
        'notify.js',
        'const hook = "https://discord.com/api/webhooks/657134803486726798/WAMLZ3ZVkj8vHEN2r6u_s0R9fmFzeKrFKd-ITeZ10pVnXhCjYSWGi9zrf4dJZ_lWjaw_";\n',
      ),
    ],
    good: [ex('notify.js', 'const hook = process.env.DISCORD_WEBHOOK_URL;\n')],
  },
  'secret/teams-webhook': {
    bad: [
      ex(
        'alerts.yaml',
        'url: https://contoso.webhook.office.com/webhookb2/695e94a1-d0ad-8ce9-ea1f-365e519b7a26@8b894c81-fbc9-7f10-405a-32dfc5200b5e/IncomingWebhook/28669705821eb773429c792fb12f5bc9/e0f1e47f-debd-f461-86a0-ee21c6744a4f\n',
      ),
    ],
    good: [ex('alerts.yaml', 'url: ${TEAMS_WEBHOOK_URL}\n')],
  },
  'secret/discord-bot-token': {
    bad: [ex('bot.py', '# discord bot\nclient.run("MTA4NzY1NDMyMTA5ODc2NTQzMg.Gh7kLm.q9Zx2Lp8Vw4Rt7Yn3Bc6Hd1Jf5Sg0TeAaQk")\n')],
    good: [ex('bot.py', '# discord bot\nclient.run(os.environ["DISCORD_BOT_TOKEN"])\n')],
  },
  'secret/telegram-bot-token': {
    bad: [ex('bot.py', 'TOKEN = "0681356368:AAx9AyO7pTOnLNCe5dfnrWIemAUCYuHcarA"\n')],
    good: [ex('bot.py', 'telegram_api_token = "8384:A1vsqagko0-0m0thnaa--vll7-sxu00u9ww"\n')],
  },
});
