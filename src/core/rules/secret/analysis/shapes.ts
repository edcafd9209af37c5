import { anchoredOf, type SecretSpec } from '../spec';

/**
 * Shapes of tokens whose rules come from secretlint (GitHub, Slack, npm, Shopify, Linear,
 * SendGrid). Used twice: to drop secretlint matches that are not really that token
 * (`xoxb-12345-abcd234`, `xoxe.xoxp-1-initial`), and to keep the generic rule off values that
 * start like such a token but are malformed.
 */
const SLACK = [
  /^xox[a-z]-\d{8,14}-\d{8,14}(?:-[\w-]{1,200})?$/,
  /^xoxb-\d{8,14}-[A-Za-z0-9]{18,60}$/,
  /^xox[ar]-\d-[\w-]{10,200}$/,
  /^xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,300}$/,
  /^xoxe-\d-[A-Za-z0-9]{100,300}$/,
  /^xapp-\d-[A-Z0-9]{6,20}-\d{6,20}-[a-z0-9]{20,100}$/,
];

/** Whether a value is a well-formed Slack token. */
export function isSlackToken(value: string): boolean {
  return SLACK.some((re) => re.test(value));
}

interface PrefixShape {
  prefix: string;
  valid: (value: string) => boolean;
}

const PREFIX_SHAPES: PrefixShape[] = [
  { prefix: 'xox', valid: isSlackToken },
  { prefix: 'xapp-', valid: isSlackToken },
  { prefix: 'ghp_', valid: (v) => /^ghp_[A-Za-z0-9]{36}$/.test(v) },
  { prefix: 'gho_', valid: (v) => /^gho_[A-Za-z0-9]{36}$/.test(v) },
  { prefix: 'ghu_', valid: (v) => /^ghu_[A-Za-z0-9]{36}$/.test(v) },
  { prefix: 'ghr_', valid: (v) => /^ghr_[A-Za-z0-9]{36}$/.test(v) },
  { prefix: 'ghs_', valid: (v) => /^ghs_(?:[A-Za-z0-9]{36}|\d+_[\w.-]{20,2000})$/.test(v) },
  { prefix: 'github_pat_', valid: (v) => /^github_pat_\w{82}$/.test(v) },
  { prefix: 'npm_', valid: (v) => /^npm_[A-Za-z0-9]{36}$/.test(v) },
  { prefix: 'shpat_', valid: (v) => /^shpat_[a-fA-F0-9]{32}$/.test(v) },
  { prefix: 'shpss_', valid: (v) => /^shpss_[a-fA-F0-9]{32}$/.test(v) },
  { prefix: 'lin_api_', valid: (v) => /^lin_api_[A-Za-z0-9]{40}$/.test(v) },
];

/** True when a value starts like a known token but does not have its shape. */
export function malformedKnownToken(value: string): boolean {
  for (const s of PREFIX_SHAPES) if (value.startsWith(s.prefix)) return !s.valid(value);
  return false;
}

/**
 * Whether a value under a key is, by a spec's own shape, a malformed or different token:
 * `dapi…` that is not a Databricks token, a `telegram_token` that is not a bot token. The generic
 * rule then leaves it alone; the spec's rule decides.
 */
export function providerShapeMismatch(specs: readonly SecretSpec[], key: string, value: string): boolean {
  for (const spec of specs) {
    for (const p of spec.tokens ?? []) {
      if (typeof p.prefix !== 'string' || p.context || !value.startsWith(p.prefix)) continue;
      const re = anchoredOf(p.re);
      if (re && !re.test(value)) return true;
    }
    if (spec.keyHint && spec.keyShape && spec.keyHint.test(key) && !spec.keyShape.test(value)) return true;
  }
  return false;
}
