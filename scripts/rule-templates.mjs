// The templates `npm run new-rule` fills, one per category, in one place: where a category's
// rules live and are registered, the guidelines a new rule cites until its author picks its
// own, and the file its first cases are scanned as. Each template is a complete rule that
// compiles, passes lint and reports its placeholder, so the new rule's cases pass from the start.

/** What differs between the categories. */
export const CATEGORIES = {
  secret: {
    category: 'secret',
    dir: 'src/core/rules/secret',
    index: 'src/core/rules/secret/index.ts',
    list: 'secretRules',
    guidelines: { from: './common', name: 'SECRET_GUIDELINES' },
    cwe: 'SECRET',
    caseFile: 'config/settings.env',
  },
  exposure: {
    category: 'pii-exposure',
    dir: 'src/core/rules/exposure',
    index: 'src/core/rules/exposure/index.ts',
    list: 'exposureRules',
    guidelines: { from: './analysis/common', name: 'NOAUTH_GUIDELINES' },
    cwe: 'NO_AUTH',
    caseFile: 'config/server.yaml',
  },
  'pii-data': {
    category: 'pii-data',
    dir: 'src/core/rules/pii-data',
    index: 'src/core/rules/pii-data/index.ts',
    list: 'piiDataRules',
    guidelines: { from: './analysis/common', name: 'PII_DATA_GUIDELINES' },
    cwe: 'PII',
    caseFile: 'db/seeds/records.csv',
  },
  'password-policy': {
    category: 'password-policy',
    dir: 'src/core/rules/password-policy',
    index: 'src/core/rules/password-policy/index.ts',
    list: 'passwordPolicyRules',
    guidelines: { from: './analysis/common', name: 'POLICY_GUIDELINES' },
    cwe: 'WEAK_POLICY',
    caseFile: 'config/auth.yaml',
  },
};

/** `some-rule-name` → `someRuleNameRule`. */
export function identifier(name) {
  return `${name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())}Rule`;
}

/** The word the template rule reports, and that its ng case holds (its ok case does not). */
export function marker(name) {
  return `placeholder-${name}`;
}

/** The token prefix of a scaffolded secret rule (`some-service` → `someservice_`). */
export function tokenPrefix(name) {
  return `${name.replace(/-/g, '')}_`;
}

/** A fixed, random-looking token body for the ng case (32 letters and digits, no run). */
const BODY = 'k7Qm2XvR9tLp4WcN8bZs3HdJ6fYg1AeU';

/** The rule's source file. */
export function ruleSource(categoryDir, name) {
  const c = CATEGORIES[categoryDir];
  const id = `${categoryDir}/${name}`;
  if (c.category === 'secret') return secretSource(id, name);
  const word = marker(name);
  return `import { mentionsAny } from '../../literals';
import type { RawFinding, Rule } from '../rule';
import { CWE, risk } from '../risk';
import { ${c.guidelines.name} } from '${c.guidelines.from}';

/** The word the check looks for (replace it, and the check, with what the rule really reads). */
const WORD = '${word}';

/**
 * ${id}: say here what the rule reports and why, in plain sentences. Scaffolded by
 * \`npm run new-rule\`: replace the placeholder check, texts and cases (test/rules/${id}).
 */
export const ${identifier(name)}: Rule = {
  id: '${id}',
  category: '${c.category}',
  severity: 'warning',
  // What a finding stands for in code scanning: score, precision, CWE (tiers in rules/risk.ts).
  risk: risk(5.0, 'medium', CWE.${c.cwe}),
  // The literal words the check asks about: the engine finds them in one pass over each file.
  literals: [WORD],
  guidelines: ${c.guidelines.name},
  title: { en: 'Placeholder: ${name}', ja: '仮のルール: ${name}' },
  description: {
    en: 'Placeholder description: what the rule finds, why it matters and how to fix it.',
    ja: '仮の説明です。このルールが何を検出し、なぜ問題で、どう直すかを書いてください。',
  },
  messages: {
    found: {
      en: 'Placeholder message: {what} found.',
      ja: '仮のメッセージです。{what} が見つかりました。',
    },
  },
  appliesTo: (doc) => mentionsAny(doc, [WORD]),
  check(doc) {
    const out: RawFinding[] = [];
    for (let at = doc.text.indexOf(WORD); at >= 0; at = doc.text.indexOf(WORD, at + WORD.length)) {
      out.push({ range: [at, at + WORD.length], messageId: 'found', data: { what: WORD } });
    }
    return out;
  },
};
`;
}

/**
 * A secret rule: one declaration (a SecretSpec) that specRule turns into the rule, with its
 * prefilter, masking, messages and env fix. Secrets are declared, never hand-written.
 */
function secretSource(id, name) {
  const prefix = tokenPrefix(name);
  const env = `${name.replace(/-/g, '_').toUpperCase()}_API_KEY`;
  return `import { CWE, risk } from '../risk';
import { KIND, tok } from './spec';
import { specRule } from './spec-rule';

/**
 * ${id}: say here which service's credential this is and what it opens. Scaffolded by
 * \`npm run new-rule\`: replace the placeholder token shape, names and cases (test/rules/${id}).
 */
export const ${identifier(name)} = specRule({
  id: '${id}',
  // What a finding stands for in code scanning: score, precision, CWE (tiers in rules/risk.ts).
  risk: risk(8.0, 'high', CWE.SECRET),
  provider: { en: 'Placeholder service', ja: '仮のサービス' },
  kind: KIND.apiKey,
  // The environment variable the fix moves the value to.
  env: '${env}',
  // The token's shape; \`hints\` are the literal words the engine looks for in one pass.
  tokens: [{ re: tok('${prefix}[A-Za-z0-9]{32}'), hints: ['${prefix}'], prefix: '${prefix}', minEntropy: 3 }],
});
`;
}

/** The first cases: one the rule must report, one it must not. */
export function caseFiles(categoryDir, name) {
  const c = CATEGORIES[categoryDir];
  const id = `${categoryDir}/${name}`;
  if (c.category === 'secret') {
    const env = `${name.replace(/-/g, '_').toUpperCase()}_API_KEY`;
    return {
      [`test/rules/${id}/ng/basic/${c.caseFile}`]: `# Placeholder case of ${id}: a file the rule must report (a fabricated token).\n${env}=${tokenPrefix(name)}${BODY}\n`,
      [`test/rules/${id}/ok/basic/${c.caseFile}`]: `# Placeholder case of ${id}: a file the rule must not report.\n${env}=\${${env}}\n`,
    };
  }
  const comment = c.caseFile.endsWith('.csv') ? '' : '# ';
  const lines = (value) =>
    c.caseFile.endsWith('.csv')
      ? `id,setting\n1,${value}\n`
      : `${comment}Placeholder case of ${id}: replace it with a file the rule must ${value === marker(name) ? '' : 'not '}report.\nsetting: ${value}\n`;
  return {
    [`test/rules/${id}/ng/basic/${c.caseFile}`]: lines(marker(name)),
    [`test/rules/${id}/ok/basic/${c.caseFile}`]: lines('closed'),
  };
}
