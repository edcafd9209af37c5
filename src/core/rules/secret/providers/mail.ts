import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Mail and messaging APIs (SendGrid comes from secretlint's rule). */
export const mailProviders: SecretSpec[] = [
  {
    id: 'secret/mailgun-api-key',
    risk: risk(8.5, 'high', CWE.SECRET),
    provider: { en: 'Mailgun', ja: 'Mailgun' },
    kind: KIND.apiKey,
    env: 'MAILGUN_API_KEY',
    tokens: [
      // `key-` is too common a prefix to let a mismatch silence the generic rule: no `prefix` here.
      { re: tok('key-[a-f0-9]{32}'), hints: ['key-'], minEntropy: 3 },
      // Webhook signing keys only where the line names Mailgun.
      { re: tok('[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}'), hints: ['mailgun'], context: /mailgun/i, minEntropy: 3 },
    ],
  },
  {
    id: 'secret/mailchimp-api-key',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    provider: { en: 'Mailchimp', ja: 'Mailchimp' },
    kind: KIND.apiKey,
    env: 'MAILCHIMP_API_KEY',
    // `-us` alone is in every `en-US` locale string; the data-centre number makes the hint rare.
    tokens: [{ re: tok('[a-f0-9]{32}-us\\d{1,2}'), hints: DIGITS.map((d) => `-us${d}`), minEntropy: 3 }],
  },
  {
    id: 'secret/brevo-api-key',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    provider: { en: 'Brevo (Sendinblue)', ja: 'Brevo（Sendinblue）' },
    kind: KIND.apiKey,
    env: 'BREVO_API_KEY',
    tokens: [{ re: tok('xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}'), hints: ['xkeysib-'], prefix: 'xkeysib-', minEntropy: 3 }],
  },
  {
    id: 'secret/twilio-api-key',
    risk: risk(8.5, 'very-high', CWE.SECRET),
    provider: { en: 'Twilio', ja: 'Twilio' },
    kind: KIND.apiKey,
    env: 'TWILIO_API_KEY',
    tokens: [{ re: tok('SK[0-9a-fA-F]{32}'), hints: ['SK'], prefix: 'SK', minEntropy: 3 }],
  },
];
