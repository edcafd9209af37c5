import { ex, KIND, tok, type ProviderSpec } from '../provider-rule';
import { setExamples } from '../../rule';

/** AI services (OpenAI and Anthropic keys come from secretlint's rules). */
export const aiProviders: ProviderSpec[] = [
  {
    id: 'secret/huggingface-token',
    provider: { en: 'Hugging Face', ja: 'Hugging Face' },
    kind: KIND.accessToken,
    env: 'HF_TOKEN',
    patterns: [
      { re: tok('hf_[A-Za-z]{34}'), hints: ['hf_'], prefix: 'hf_', minEntropy: 3 },
      { re: tok('api_org_[A-Za-z]{34}'), hints: ['api_org_'], prefix: 'api_org_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/llm-api-key',
    provider: { en: 'LLM API (Groq, Perplexity, Replicate, xAI)', ja: 'LLM API（Groq・Perplexity・Replicate・xAI）' },
    kind: KIND.apiKey,
    env: 'LLM_API_KEY',
    patterns: [
      { re: tok('gsk_[A-Za-z0-9]{52}'), hints: ['gsk_'], prefix: 'gsk_', minEntropy: 3 },
      { re: tok('pplx-[A-Za-z0-9]{48}'), hints: ['pplx-'], prefix: 'pplx-', minEntropy: 3 },
      { re: tok('r8_[A-Za-z0-9]{37}'), hints: ['r8_'], prefix: 'r8_', minEntropy: 3 },
      { re: tok('xai-[A-Za-z0-9]{80}'), hints: ['xai-'], prefix: 'xai-', minEntropy: 3 },
    ],
  },
];

// Fabricated, token-shaped self-test examples: kept out of the shipped bundles (see `setExamples`).
// eslint-disable-next-line no-unused-labels -- esbuild.mjs drops `selfTest:` statements
selfTest: setExamples(aiProviders, {
  'secret/huggingface-token': {
    bad: [ex('train.sh', 'huggingface-cli login --token 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\n')],
    good: [ex('train.sh', 'huggingface-cli login --token $HF_TOKEN\n')],
  },
  'secret/llm-api-key': {
    bad: [ex('.env', 'GROQ_API_KEY=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\n')],
    good: [ex('.env', 'PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n')],
  },
});
