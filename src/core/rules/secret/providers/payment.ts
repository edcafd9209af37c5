import { ex, KIND, tok, type ProviderSpec } from '../provider-rule';
import { setExamples } from '../../rule';

/** Payments and commerce (Shopify tokens come from secretlint's rule; PAY.JP is a Japanese-service rule). */
export const paymentProviders: ProviderSpec[] = [
  {
    id: 'secret/stripe-secret-key',
    provider: { en: 'Stripe', ja: 'Stripe' },
    kind: KIND.secretKey,
    env: 'STRIPE_SECRET_KEY',
    patterns: [
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
    provider: { en: 'Square', ja: 'Square' },
    kind: KIND.accessToken,
    env: 'SQUARE_ACCESS_TOKEN',
    patterns: [
      { re: tok('sq0atp-[\\w-]{22}'), hints: ['sq0atp-'], prefix: 'sq0atp-', minEntropy: 2.5 },
      { re: tok('sq0csp-[\\w-]{43}'), hints: ['sq0csp-'], prefix: 'sq0csp-', minEntropy: 2.5 },
      { re: tok('EAAA[\\w-]{22,60}'), hints: ['EAAA'], prefix: 'EAAA', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/paypal-braintree-token',
    provider: { en: 'PayPal / Braintree', ja: 'PayPal / Braintree' },
    kind: KIND.accessToken,
    env: 'BRAINTREE_ACCESS_TOKEN',
    patterns: [
      { re: tok('access_token\\$(?:production|sandbox)\\$[a-z0-9]{16}\\$[a-f0-9]{32}'), hints: ['access_token$'], test: /\$sandbox\$/, minEntropy: 3 },
    ],
  },
  {
    id: 'secret/facebook-token',
    provider: { en: 'Facebook / Meta', ja: 'Facebook / Meta' },
    kind: KIND.accessToken,
    env: 'FACEBOOK_ACCESS_TOKEN',
    patterns: [
      { re: tok('EAA[MC][A-Za-z0-9]{100,400}'), hints: ['EAAM', 'EAAC'], minEntropy: 3 },
      // App access tokens: app id, a pipe and the app secret's digest.
      { re: tok('\\d{15,16}(?:\\||%7C)[\\w-]{27,40}', '', '(?<![\\w|])'), hints: [...'0123456789'].flatMap((d) => [`${d}|`, `${d}%7C`]), minEntropy: 3 },
    ],
  },
  {
    id: 'secret/payment-api-key',
    provider: {
      en: 'Payment service (Razorpay, Flutterwave, Duffel, Shippo, EasyPost, Plaid)',
      ja: '決済サービス（Razorpay・Flutterwave・Duffel・Shippo・EasyPost・Plaid）',
    },
    kind: KIND.secretKey,
    env: 'PAYMENT_SECRET_KEY',
    patterns: [
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

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(paymentProviders, {
  'secret/stripe-secret-key': {
    bad: [
      ex('config/stripe.rb', 'Stripe.api_key = "sk_live_q3eh2dxMtRKbfEAm0mE3ixpdExmvooAmceziGs5RV5JE2FbPyHZuTkp5Ylcs"\n'),
      ex('.env.test', 'STRIPE_SECRET_KEY=sk_test_ywv0Thui29kht0DRM1xkdOFTNzWl126cdGuvoWsGPKGtkcCz2Xm8yWDU4EsH\n'),
    ],
    good: [ex('src/checkout.js', 'const stripe = Stripe("pk_live_51Hq8ZxLmP2vKw4RtN7yHc3BdF6sGa1Te");\nconst key = "sk_live_short";\n')],
  },
  'secret/square-token': {
    bad: [ex('Dockerfile', 'ARG token=sq0atp-VL6ouFSVx21lgtVphpPIuR\n')],
    good: [ex('Dockerfile', 'ARG token\n')],
  },
  'secret/paypal-braintree-token': {
    bad: [ex('vars.yml', 'paypal_access_token: access_token$production$km302ugyvdm87am9$d8495313f2168f9c30843807222eb8ab\n')],
    good: [ex('vars.yml', "paypal_access_token: '{{ PAYPAL_ACCESS_TOKEN }}'\n")],
  },
  'secret/facebook-token': {
    bad: [ex('graph.py', 'token = "150551350995808|nnaMDp8s-px0fwenkLig1b0vVLZ"\n')],
    good: [ex('graph.py', 'token = os.environ["FB_TOKEN"]\n')],
  },
  'secret/payment-api-key': {
    bad: [ex('.env', 'SHIPPO_API_TOKEN=shippo_live_26e3bdfc8cb885046ef3c75c96030e8821a2e2d0\n')],
    good: [ex('.env', 'SHIPPO_API_TOKEN=shippo_live_\n')],
  },
});
