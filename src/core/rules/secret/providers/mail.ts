import { ex, KIND, tok, type ProviderSpec } from '../provider-rule';
import { setExamples } from '../../rule';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Mail and messaging APIs (SendGrid comes from secretlint's rule). */
export const mailProviders: ProviderSpec[] = [
  {
    id: 'secret/mailgun-api-key',
    provider: { en: 'Mailgun', ja: 'Mailgun' },
    kind: KIND.apiKey,
    env: 'MAILGUN_API_KEY',
    patterns: [
      // `key-` is too common a prefix to let a mismatch silence the generic rule: no `prefix` here.
      { re: tok('key-[a-f0-9]{32}'), hints: ['key-'], minEntropy: 3 },
      // Webhook signing keys only where the line names Mailgun.
      { re: tok('[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}'), hints: ['mailgun'], context: /mailgun/i, minEntropy: 3 },
    ],
  },
  {
    id: 'secret/mailchimp-api-key',
    provider: { en: 'Mailchimp', ja: 'Mailchimp' },
    kind: KIND.apiKey,
    env: 'MAILCHIMP_API_KEY',
    // `-us` alone is in every `en-US` locale string; the data-centre number makes the hint rare.
    patterns: [{ re: tok('[a-f0-9]{32}-us\\d{1,2}'), hints: DIGITS.map((d) => `-us${d}`), minEntropy: 3 }],
  },
  {
    id: 'secret/brevo-api-key',
    provider: { en: 'Brevo (Sendinblue)', ja: 'Brevo（Sendinblue）' },
    kind: KIND.apiKey,
    env: 'BREVO_API_KEY',
    patterns: [{ re: tok('xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'), hints: ['xkeysib-'], prefix: 'xkeysib-', minEntropy: 3 }],
  },
  {
    id: 'secret/twilio-api-key',
    provider: { en: 'Twilio', ja: 'Twilio' },
    kind: KIND.apiKey,
    env: 'TWILIO_API_KEY',
    patterns: [{ re: tok('SK[0-9a-fA-F]{32}'), hints: ['SK'], prefix: 'SK', minEntropy: 3 }],
  },
];

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(mailProviders, {
  'secret/mailgun-api-key': {
    bad: [ex('main.tf', 'provider "mailgun" {\n  api_key = "key-b069d279f11fa8d05f66c8f9055728de"\n}\n')],
    good: [ex('main.tf', 'provider "mailgun" {\n  api_key = var.mailgun_api_key\n}\n')],
  },
  'secret/mailchimp-api-key': {
    bad: [ex('vars.yml', 'mailchimp_api_key: da7718764e925b9a169dbbfc9c4e270d-us14\n')],
    good: [ex('vars.yml', 'mailchimp_api_key: "{{ vault_mailchimp_api_key }}"\n')],
  },
  'secret/brevo-api-key': {
    bad: [ex('.env', 'BREVO_API_KEY=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\n')],
    good: [ex('.env', 'BREVO_API_KEY=xkeysib-\n')],
  },
  'secret/twilio-api-key': {
    bad: [ex('vars.yml', 'twilio_api_key: SK847715e6f3093e4ea6f44891d5472fba\n')],
    good: [ex('vars.yml', "twilio_api_key: '{{ TWILIO_API_KEY }}'\n")],
  },
});
