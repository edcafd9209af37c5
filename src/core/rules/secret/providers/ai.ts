import { CWE, risk } from '../../risk';
import { KIND, tok, type SecretSpec } from '../spec';

/** AI services (OpenAI and Anthropic keys come from secretlint's rules). */
export const aiProviders: SecretSpec[] = [
  {
    id: 'secret/huggingface-token',
    risk: risk(7.5, 'very-high', CWE.SECRET),
    provider: { en: 'Hugging Face', ja: 'Hugging Face' },
    kind: KIND.accessToken,
    env: 'HF_TOKEN',
    tokens: [
      { re: tok('hf_[A-Za-z]{34}'), hints: ['hf_'], prefix: 'hf_', minEntropy: 3 },
      { re: tok('api_org_[A-Za-z]{34}'), hints: ['api_org_'], prefix: 'api_org_', minEntropy: 3 },
    ],
  },
  {
    id: 'secret/llm-api-key',
    risk: risk(8.0, 'high', CWE.SECRET),
    provider: { en: 'LLM API (Groq, Perplexity, Replicate, xAI)', ja: 'LLM API（Groq・Perplexity・Replicate・xAI）' },
    kind: KIND.apiKey,
    env: 'LLM_API_KEY',
    tokens: [
      { re: tok('gsk_[A-Za-z0-9]{52}'), hints: ['gsk_'], prefix: 'gsk_', minEntropy: 3 },
      { re: tok('pplx-[A-Za-z0-9]{48}'), hints: ['pplx-'], prefix: 'pplx-', minEntropy: 3 },
      { re: tok('r8_[A-Za-z0-9]{37}'), hints: ['r8_'], prefix: 'r8_', minEntropy: 3 },
      { re: tok('xai-[A-Za-z0-9]{80}'), hints: ['xai-'], prefix: 'xai-', minEntropy: 3 },
    ],
  },
];
