import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';

/** Payments and commerce (Shopify tokens come from secretlint's rule; PAY.JP is a Japanese-service rule). */
export const paymentProviders: SecretSpec[] = [
  {
    id: 'secret/stripe-secret-key',
    risk: risk(9.6, 'very-high', CWE.SECRET),
    provider: { en: 'Stripe', ja: 'Stripe' },
    kind: KIND.secretKey,
    env: 'STRIPE_SECRET_KEY',
    tokens: [
      // Secret and restricted keys; publishable keys (pk_) are public by design.
      {
        re: tok('(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}'),
        hints: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'rk_prod_', 'sk_prod_'],
        prefix: /^[sr]k_[a-z]+_/,
        test: /^[sr]k_test_/,
        // PAY.JP uses the same prefixes; its own rule reports those.
        unless: /payjp|pay\.jp/i,
        minEntropy: 2.5,
      },
      { re: tok('whsec_[A-Za-z0-9]{32,80}'), hints: ['whsec_'], prefix: 'whsec_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/square-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'Square', ja: 'Square' },
    kind: KIND.accessToken,
    env: 'SQUARE_ACCESS_TOKEN',
    tokens: [
      { re: tok('sq0atp-[\\w-]{22}'), hints: ['sq0atp-'], prefix: 'sq0atp-', minEntropy: 2.5 },
      { re: tok('sq0csp-[\\w-]{43}'), hints: ['sq0csp-'], prefix: 'sq0csp-', minEntropy: 2.5 },
      { re: tok('EAAA[\\w-]{22,60}'), hints: ['EAAA'], prefix: 'EAAA', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/paypal-braintree-token',
    risk: risk(9.3, 'very-high', CWE.SECRET),
    provider: { en: 'PayPal / Braintree', ja: 'PayPal / Braintree' },
    kind: KIND.accessToken,
    env: 'BRAINTREE_ACCESS_TOKEN',
    tokens: [{ re: tok('access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}'), hints: ['access_token$'], test: /\$sandbox\$/, minEntropy: 3 }],
  },
  {
    id: 'secret/facebook-token',
    risk: risk(8.0, 'high', CWE.SECRET),
    provider: { en: 'Facebook / Meta', ja: 'Facebook / Meta' },
    kind: KIND.accessToken,
    env: 'FACEBOOK_ACCESS_TOKEN',
    tokens: [
      { re: tok('EAA[MC][A-Za-z0-9]{100,400}'), hints: ['EAAM', 'EAAC'], minEntropy: 3 },
      // App access tokens: app id, a pipe and the app secret's digest.
      { re: tok('\\d{15,16}(?:\\||%7C)[\\w-]{27,40}', '', '(?<![\\w|])'), hints: [...'0123456789'].flatMap((d) => [`${d}|`, `${d}%7C`]), minEntropy: 3 },
    ],
  },
  {
    id: 'secret/payment-api-key',
    risk: risk(9.3, 'high', CWE.SECRET),
    provider: {
      en: 'Payment service (Razorpay, Flutterwave, Duffel, Shippo, EasyPost, Plaid)',
      ja: '決済サービス（Razorpay・Flutterwave・Duffel・Shippo・EasyPost・Plaid）',
    },
    kind: KIND.secretKey,
    env: 'PAYMENT_SECRET_KEY',
    tokens: [
      { re: tok('rzp_(?:live|test)_[A-Za-z0-9]{14}'), hints: ['rzp_'], test: /_test_/, minEntropy: 2.5 },
      { re: tok('FLWSECK(?:_TEST)?-[a-h0-9]{32}-X'), hints: ['FLWSECK'], test: /_TEST/, minEntropy: 2.5 },
      { re: tok('FLWSECK(?:_TEST)?-?[a-h0-9]{12}'), hints: ['FLWSECK'], test: /_TEST/, minEntropy: 2.5 },
      { re: tok('duffel_(?:test|live)_[\\w=-]{43}'), hints: ['duffel_'], test: /_test_/, minEntropy: 3 },
      { re: tok('shippo_(?:live|test)_[a-f0-9]{40}'), hints: ['shippo_'], test: /_test_/, minEntropy: 3 },
      { re: tok('EZ[AT]K[A-Za-z0-9]{54}'), hints: ['EZAK', 'EZTK'], test: /^EZTK/, minEntropy: 3 },
      {
        re: tok('access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
        hints: ['access-'],
        test: /^access-sandbox/,
        minEntropy: 3,
      },
    ],
  },
];
