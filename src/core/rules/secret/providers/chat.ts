import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';

/** Chat and messaging: webhooks and bot tokens (Slack tokens come from secretlint's rule). */
export const chatProviders: SecretSpec[] = [
  {
    id: 'secret/slack-webhook',
    risk: risk(6.5, 'very-high', CWE.SECRET),
    provider: { en: 'Slack', ja: 'Slack' },
    kind: KIND.webhook,
    env: 'SLACK_WEBHOOK_URL',
    tokens: [
      {
        re: /(?<s>(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/g,
        hints: ['hooks.slack.com/'],
        minEntropy: 3,
      },
    ],
  },
  {
    id: 'secret/discord-webhook',
    risk: risk(6.5, 'very-high', CWE.SECRET),
    provider: { en: 'Discord', ja: 'Discord' },
    kind: KIND.webhook,
    env: 'DISCORD_WEBHOOK_URL',
    tokens: [
      { re: /(?<s>https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/[\w-]{60,68})(?![\w-])/g, hints: ['discord'], minEntropy: 3 },
    ],
  },
  {
    id: 'secret/teams-webhook',
    risk: risk(6.5, 'very-high', CWE.SECRET),
    provider: { en: 'Microsoft Teams', ja: 'Microsoft Teams' },
    kind: KIND.webhook,
    env: 'TEAMS_WEBHOOK_URL',
    tokens: [
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
    risk: risk(7.5, 'high', CWE.SECRET),
    provider: { en: 'Discord', ja: 'Discord' },
    kind: KIND.botToken,
    env: 'DISCORD_BOT_TOKEN',
    tokens: [{ re: tok('[MNO][A-Za-z\\d_-]{23,25}\\.[\\w-]{6}\\.[\\w-]{27,38}'), hints: ['discord'], context: /discord/i, minEntropy: 3 }],
  },
  {
    id: 'secret/telegram-bot-token',
    risk: risk(7.5, 'high', CWE.SECRET),
    provider: { en: 'Telegram', ja: 'Telegram' },
    kind: KIND.botToken,
    env: 'TELEGRAM_BOT_TOKEN',
    keyHint: /telegram/i,
    keyShape: /^\d{5,16}:A[\w-]{34}$/,
    tokens: [
      // Current tokens: bot id, colon, "AA" and 33 more characters (the colon 8 to 10 after the start).
      { re: tok('\\d{8,10}:AA[\\w-]{33}', '', '(?<![\\w:])'), hints: [':AA'], anchors: [':AA'], anchorAt: [8, 10], minEntropy: 3 },
      {
        re: tok('\\d{5,16}:A[\\w-]{34}', '', '(?<![\\w:])'),
        hints: [':a'],
        anchors: [':A'],
        anchorAt: [5, 16],
        context: /telegram|\btg_|bot_?token/i,
        minEntropy: 3,
      },
    ],
  },
];
