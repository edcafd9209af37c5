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
    caseFile: 'config/settings.env',
  },
  exposure: {
    category: 'pii-exposure',
    dir: 'src/core/rules/exposure',
    index: 'src/core/rules/exposure/index.ts',
    list: 'exposureRules',
    guidelines: { from: './common', name: 'NOAUTH_GUIDELINES' },
    caseFile: 'config/server.yaml',
  },
  'pii-data': {
    category: 'pii-data',
    dir: 'src/core/rules/pii-data',
    index: 'src/core/rules/pii-data/index.ts',
    list: 'piiDataRules',
    guidelines: { from: './common', name: 'PII_DATA_GUIDELINES' },
    caseFile: 'db/seeds/records.csv',
  },
  'password-policy': {
    category: 'password-policy',
    dir: 'src/core/rules/password-policy',
    index: 'src/core/rules/password-policy/index.ts',
    list: 'passwordPolicyRules',
    guidelines: { from: './common', name: 'POLICY_GUIDELINES' },
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

/** The rule's source file. */
export function ruleSource(categoryDir, name) {
  const c = CATEGORIES[categoryDir];
  const id = `${categoryDir}/${name}`;
  const word = marker(name);
  const secret = c.category === 'secret';
  return `import { mentionsAny } from '../../literals';
${secret ? "import { maskSecret } from '../../mask';\n" : ''}import type { RawFinding, Rule } from '../rule';
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
      out.push({ range: [at, at + WORD.length], messageId: 'found', data: { what: ${secret ? 'maskSecret(WORD)' : 'WORD'} } });
    }
    return out;
  },
};
`;
}

/** The first cases: one the rule must report, one it must not. */
export function caseFiles(categoryDir, name) {
  const c = CATEGORIES[categoryDir];
  const id = `${categoryDir}/${name}`;
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
