import { PROFILE_IDS } from './guidelines/profiles';
import { MAX_ALLOWED_VALUE, MIN_ALLOWED_VALUE } from './project-config';
import { RULES } from './rules/index';
import { CATEGORIES } from './types';

/**
 * The JSON schema of `.mamori.json`, generated from the engine's rules, categories and
 * profiles. It is checked in as `schemas/mamori.schema.json` (VS Code validates and completes
 * `.mamori.json` with it through `contributes.jsonValidation`); a unit test fails when the file
 * differs from this, so the schema cannot drift from the rules. Refresh it with `npm run schema`.
 * Descriptions are in English and Japanese: a schema has one language.
 */
export function projectSchema(): Record<string, unknown> {
  const rules = [...RULES].sort((a, b) => a.id.localeCompare(b.id));
  const severity = {
    type: 'string',
    enum: ['error', 'warning', 'info', 'off'],
    enumDescriptions: [
      '重大として報告 / Report at severity `error`',
      '警告として報告 / Report at severity `warning`',
      'Report as information / 情報として報告',
      'Do not report / 報告しない',
    ],
  };
  const categoryProps = Object.fromEntries(CATEGORIES.map((c) => [c, { type: 'boolean', description: `Report the ${c} category / 分類 ${c} を報告する` }]));
  // Shared definitions keep the file small: every rule refers to one severity and one link shape.
  const severityRef = { $ref: '#/definitions/severity' };
  const url = { $ref: '#/definitions/https' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Mamori project configuration (.mamori.json)',
    description: 'Read by the Mamori CLI and the VS Code extension. / Mamori の CLI と VS Code 拡張機能が読むプロジェクト設定。',
    // VS Code's own keywords: the file is JSONC, as the CLI reads it (no warning on either).
    allowComments: true,
    allowTrailingCommas: true,
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity,
      https: { type: 'string', pattern: '^https://', format: 'uri' },
    },
    properties: {
      $schema: { type: 'string' },
      profile: {
        type: 'string',
        enum: [...PROFILE_IDS],
        description: 'Password-policy profile that password settings are judged against. / パスワードポリシーの判定基準。',
      },
      categories: {
        type: 'object',
        description: 'Categories turned on (true) or off (false). / 分類ごとのオン（true）・オフ（false）。',
        additionalProperties: false,
        properties: categoryProps,
      },
      rules: {
        type: 'object',
        description: 'Severity per rule, or "off". / ルールごとの重大度、または "off"。',
        additionalProperties: false,
        properties: Object.fromEntries(
          rules.map((r) => [r.id, { description: `${r.title.en} / ${r.title.ja} (default: ${r.severity})`, allOf: [severityRef] }]),
        ),
      },
      exclude: {
        type: 'array',
        items: { type: 'string' },
        description: 'Files not scanned: gitignore-style patterns relative to this file. / スキャンしないファイル（このファイルからの相対、.gitignore 形式）。',
      },
      allow: {
        type: 'object',
        description: 'Findings accepted as they are. Ignored in VS Code Restricted Mode. / そのまま受け入れる検出。VS Code の制限モードでは無視されます。',
        additionalProperties: false,
        properties: {
          paths: {
            type: 'array',
            items: { type: 'string' },
            description: 'Files whose findings are not reported (gitignore-style). / 検出を報告しないファイル（.gitignore 形式）。',
          },
          values: {
            type: 'array',
            items: { type: 'string', minLength: MIN_ALLOWED_VALUE, maxLength: MAX_ALLOWED_VALUE },
            description:
              'Literal text (not a pattern): a finding whose matched text contains it is not reported. / 文字列（正規表現ではありません）。検出した箇所がこれを含む場合は報告しません。',
          },
          fingerprints: {
            type: 'array',
            items: { type: 'string', pattern: '^[0-9a-f]{32}$' },
            description:
              'Fingerprints (from the JSON or SARIF report) of findings not reported. / 報告しない検出のフィンガープリント（JSON・SARIF レポートの値）。',
          },
        },
      },
      baseline: {
        type: 'string',
        description:
          'Baseline file used when --baseline is not given, relative to this file. / --baseline を指定しないときに使うベースライン（このファイルからの相対パス）。',
      },
      guidance: {
        type: 'object',
        description: "Your organisation's own guidance page per rule id or category (https). / ルールまたは分類ごとの組織のガイダンス（https）。",
        additionalProperties: false,
        properties: Object.fromEntries([...CATEGORIES, ...rules.map((r) => r.id)].map((k) => [k, url])),
      },
      guidelines: {
        type: 'array',
        description:
          "Your organisation's own guideline entries (an internal standard, an ISMS control), shown beside the official ones. / 組織独自の基準（社内規程、ISMS の管理策など）。公式のガイドラインと並べて表示します。",
        items: {
          type: 'object',
          required: ['id', 'title'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[A-Za-z0-9][\\w.:-]{0,63}$', description: 'Its own id (shown as org:<id>). / 識別子（org:<id> として表示）。' },
            title: {
              description: 'Title, or { "en": …, "ja": … }. / 表題。',
              anyOf: [{ type: 'string' }, { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } }, additionalProperties: false }],
            },
            summary: {
              description: 'What it asks. / 要旨。',
              anyOf: [{ type: 'string' }, { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } }, additionalProperties: false }],
            },
            url: {
              type: 'string',
              description: 'Its page (an intranet URL is fine: Mamori never fetches it). / 参照先（社内 URL 可。Mamori が取得することはありません）。',
            },
            issuer: {
              description: 'Who issues it. / 発行元。',
              anyOf: [{ type: 'string' }, { type: 'object', properties: { en: { type: 'string' }, ja: { type: 'string' } }, additionalProperties: false }],
            },
            appliesTo: {
              type: 'array',
              items: { enum: [...CATEGORIES, ...rules.map((r) => r.id)] },
              description: 'Rule ids or categories it is shown beside. / 表示するルールまたは分類。',
            },
          },
        },
      },
    },
  };
}

/** The schema as the checked-in file holds it. */
export function projectSchemaText(): string {
  return `${JSON.stringify(projectSchema(), null, 2)}\n`;
}
