import ignore from 'ignore';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isProfileId, PROFILE_IDS, type ProfileId } from './guidelines/profiles';
import type { Localized, OrgGuidelineInput } from './guidelines/catalog';
import { fill } from './messages';
import type { Lang } from './lang';
import { RULES, ruleById } from './rules/index';
import { CATEGORIES, SEVERITY_RANK, type Category, type ScanConfig, type Severity } from './types';

/**
 * The project configuration, `.mamori.json` at the repository root: one file that the CLI and
 * the editor both read, so CI and the editor report the same findings. JSONC (comments and
 * trailing commas allowed). Its JSON schema is generated from the rules (project-schema.ts).
 */
export const PROJECT_CONFIG_FILE = '.mamori.json';

/** A `.mamori.json` as read, every field checked. Paths in it are relative to its folder. */
export interface ProjectConfig {
  /** The password-policy profile. */
  profile?: ProfileId;
  /** Categories turned on or off. */
  categories?: Partial<Record<Category, boolean>>;
  /** Per-rule severity, or "off". */
  rules?: Record<string, Severity | 'off'>;
  /** gitignore-style patterns of files not scanned. */
  exclude?: string[];
  /** Findings accepted as they are. */
  allow?: {
    /** gitignore-style patterns of files whose findings are not reported. */
    paths?: string[];
    /** Literal strings: a finding whose matched text contains one is not reported. */
    values?: string[];
    /** Fingerprints (as in the JSON and SARIF reports) of findings not reported. */
    fingerprints?: string[];
  };
  /** The baseline file used when `--baseline` is not given. */
  baseline?: string;
  /** The organisation's own guidance page per rule id or per category (https only). */
  guidance?: Record<string, string>;
  /**
   * The organisation's own guideline entries (an internal standard, an ISMS control), shown
   * beside the official ones on the rules and categories they name (guidelines/catalog.ts
   * `registerOrgGuidelines` checks each entry).
   */
  guidelines?: OrgGuidelineInput[];
}

/** One thing wrong with a configuration file: errors stop the CLI, warnings are printed. */
export interface ConfigProblem {
  level: 'error' | 'warning';
  /** 1-based line of the problem in the file, when known. */
  line?: number;
  message: Localized;
}

/** The largest `.mamori.json` read; a project file is a few hundred bytes. */
export const MAX_PROJECT_CONFIG_BYTES = 256 * 1024;
/** The shortest literal of `allow.values`: shorter ones would allow almost anything. */
export const MIN_ALLOWED_VALUE = 4;
/** The longest literal of `allow.values`. */
export const MAX_ALLOWED_VALUE = 200;
/** A fingerprint as the reports give it (core/fingerprint). */
const FINGERPRINT = /^[0-9a-f]{32}$/;
const SEVERITIES: readonly (Severity | 'off')[] = ['error', 'warning', 'info', 'off'];
const KEYS = ['$schema', 'profile', 'categories', 'rules', 'exclude', 'allow', 'baseline', 'guidance', 'guidelines'];

const M = {
  syntax: { en: 'not valid JSONC: {error}', ja: 'JSONC として読めません: {error}' },
  notObject: { en: 'the file must hold one JSON object ({ … })', ja: 'ファイルには JSON オブジェクト（{ … }）を 1 つ書いてください' },
  tooLarge: { en: 'the file is larger than {limit} bytes', ja: 'ファイルが {limit} バイトを超えています' },
  unknownKey: { en: 'unknown setting "{key}" is ignored (known: {known})', ja: '不明な設定 "{key}" は無視します（使える設定: {known}）' },
  type: { en: '"{key}" must be {what}', ja: '"{key}" は{what}で指定してください' },
  profile: { en: '"profile" must be one of {ids}, not "{value}"', ja: '"profile" は {ids} のいずれかです（"{value}" は使えません）' },
  category: { en: 'unknown category "{value}" in "{key}" (one of {ids})', ja: '"{key}" の分類 "{value}" は不明です（{ids} のいずれか）' },
  severity: {
    en: '"rules.{rule}" must be error, warning, info or off, not "{value}"',
    ja: '"rules.{rule}" は `error`・`warning`・`info`・`off` のいずれかです（"{value}" は使えません）',
  },
  unknownRule: {
    en: 'unknown rule "{rule}" in "{key}" is ignored (see `mamori rules`)',
    ja: '"{key}" のルール "{rule}" は不明なため無視します（`mamori rules` で一覧を表示できます）',
  },
  shortValue: {
    en: '"allow.values" entry "{value}" is shorter than {min} characters: it would allow almost any finding',
    ja: '"allow.values" の "{value}" は {min} 文字未満です。ほとんどの検出を許可してしまうため使えません',
  },
  longValue: { en: '"allow.values" entries are at most {max} characters', ja: '"allow.values" の各項目は {max} 文字までです' },
  fingerprint: {
    en: '"allow.fingerprints" entry "{value}" is not a fingerprint (32 hexadecimal digits, as in the JSON report)',
    ja: '"allow.fingerprints" の "{value}" はフィンガープリント（JSON レポートにある 16 進 32 桁）ではありません',
  },
  guidanceUrl: { en: '"guidance.{key}" must be an https:// URL', ja: '"guidance.{key}" には https:// で始まる URL を指定してください' },
  guidanceKey: { en: '"guidance.{key}" names no rule or category and is ignored', ja: '"guidance.{key}" はルールにも分類にも当たらないため無視します' },
} satisfies Record<string, Localized>;

const WHAT = {
  object: { en: 'an object', ja: 'オブジェクト' },
  string: { en: 'a string', ja: '文字列' },
  strings: { en: 'an array of strings', ja: '文字列の配列' },
  objects: { en: 'an array of objects', ja: 'オブジェクトの配列' },
  boolean: { en: 'true or false', ja: 'true か false' },
} satisfies Record<string, Localized>;

/** A problem's message in one language, with its line when known. */
export function problemText(p: ConfigProblem, lang: Lang): string {
  return p.line ? `${lang === 'ja' ? `${p.line} 行目` : `line ${p.line}`}: ${p.message[lang]}` : p.message[lang];
}

/**
 * Reads a `.mamori.json` text. Never throws: what cannot be used is left out and said in
 * `problems` (an error for a file that cannot mean what it says, a warning for a name Mamori
 * does not know, which a newer or older version may). A file with errors should not be used.
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: ProjectConfig = {};
  const problem = (level: ConfigProblem['level'], m: Localized, data: Record<string, string> = {}, line?: number) =>
    problems.push({ level, ...(line ? { line } : {}), message: { en: fill(m.en, data), ja: fill(m.ja, data) } });
  if (text.length > MAX_PROJECT_CONFIG_BYTES) {
    problem('error', M.tooLarge, { limit: String(MAX_PROJECT_CONFIG_BYTES) });
    return { config, problems };
  }
  const errors: ParseError[] = [];
  const root: unknown = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors.slice(0, 5)) problem('error', M.syntax, { error: printParseErrorCode(e.error) }, lineOf(text, e.offset));
  if (errors.length > 0) return { config, problems };
  if (!isObject(root)) {
    problem('error', M.notObject);
    return { config, problems };
  }
  const wrong = (key: string, what: Localized) => problem('error', { en: fill(M.type.en, { what: what.en }), ja: fill(M.type.ja, { what: what.ja }) }, { key });

  for (const key of Object.keys(root)) {
    if (!KEYS.includes(key)) problem('warning', M.unknownKey, { key, known: KEYS.slice(1).join(', ') });
  }

  if (root.profile !== undefined) {
    if (isProfileId(root.profile)) config.profile = root.profile;
    else problem('error', M.profile, { ids: PROFILE_IDS.join(', '), value: shown(root.profile) });
  }

  if (root.categories !== undefined) {
    if (!isObject(root.categories)) wrong('categories', WHAT.object);
    else {
      const categories: Partial<Record<Category, boolean>> = {};
      for (const [k, v] of Object.entries(root.categories)) {
        if (!CATEGORIES.includes(k as Category)) problem('error', M.category, { key: 'categories', value: k, ids: CATEGORIES.join(', ') });
        else if (typeof v !== 'boolean') wrong(`categories.${k}`, WHAT.boolean);
        else categories[k as Category] = v;
      }
      config.categories = categories;
    }
  }

  if (root.rules !== undefined) {
    if (!isObject(root.rules)) wrong('rules', WHAT.object);
    else {
      const rules: Record<string, Severity | 'off'> = {};
      for (const [rule, v] of Object.entries(root.rules)) {
        if (!SEVERITIES.includes(v as Severity)) problem('error', M.severity, { rule, value: shown(v) });
        else if (!ruleById(rule)) problem('warning', M.unknownRule, { rule, key: 'rules' });
        else rules[rule] = v as Severity | 'off';
      }
      config.rules = rules;
    }
  }

  const strings = (key: string, value: unknown): string[] | undefined => {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    wrong(key, WHAT.strings);
    return undefined;
  };

  if (root.exclude !== undefined) {
    const exclude = strings('exclude', root.exclude);
    if (exclude) config.exclude = exclude;
  }

  if (root.allow !== undefined) {
    if (!isObject(root.allow)) wrong('allow', WHAT.object);
    else {
      const allow: NonNullable<ProjectConfig['allow']> = {};
      for (const key of Object.keys(root.allow)) {
        if (!['paths', 'values', 'fingerprints'].includes(key)) problem('warning', M.unknownKey, { key: `allow.${key}`, known: 'paths, values, fingerprints' });
      }
      if (root.allow.paths !== undefined) {
        const paths = strings('allow.paths', root.allow.paths);
        if (paths) allow.paths = paths;
      }
      if (root.allow.values !== undefined) {
        const values = strings('allow.values', root.allow.values);
        if (values) {
          allow.values = [];
          for (const v of values) {
            if (v.length < MIN_ALLOWED_VALUE) problem('error', M.shortValue, { value: v, min: String(MIN_ALLOWED_VALUE) });
            else if (v.length > MAX_ALLOWED_VALUE) problem('error', M.longValue, { max: String(MAX_ALLOWED_VALUE) });
            else allow.values.push(v);
          }
        }
      }
      if (root.allow.fingerprints !== undefined) {
        const prints = strings('allow.fingerprints', root.allow.fingerprints);
        if (prints) {
          allow.fingerprints = [];
          for (const p of prints) {
            if (FINGERPRINT.test(p)) allow.fingerprints.push(p);
            else problem('error', M.fingerprint, { value: p.slice(0, 40) });
          }
        }
      }
      config.allow = allow;
    }
  }

  if (root.baseline !== undefined) {
    if (typeof root.baseline === 'string' && root.baseline.length > 0) config.baseline = root.baseline;
    else wrong('baseline', WHAT.string);
  }

  if (root.guidance !== undefined) {
    if (!isObject(root.guidance)) wrong('guidance', WHAT.object);
    else {
      const guidance: Record<string, string> = {};
      for (const [key, url] of Object.entries(root.guidance)) {
        if (typeof url !== 'string' || !isHttpsUrl(url)) problem('error', M.guidanceUrl, { key });
        else if (!ruleById(key) && !CATEGORIES.includes(key as Category)) problem('warning', M.guidanceKey, { key });
        else guidance[key] = url;
      }
      config.guidance = guidance;
    }
  }
  if (root.guidelines !== undefined) {
    if (!Array.isArray(root.guidelines) || !root.guidelines.every(isObject)) wrong('guidelines', WHAT.objects);
    else config.guidelines = root.guidelines as unknown as OrgGuidelineInput[];
  }
  return { config, problems };
}

/** Whether a configuration's problems forbid using it. */
export function hasErrors(problems: readonly ConfigProblem[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/**
 * The engine configuration of a project file on top of `base` (the editor's settings, or
 * nothing for the CLI): what the file sets wins, per category and per rule.
 */
export function withProjectConfig(base: ScanConfig, project: ProjectConfig): ScanConfig {
  const out: ScanConfig = { ...base };
  if (project.categories) out.categories = { ...base.categories, ...project.categories };
  if (project.rules) out.ruleSeverity = { ...base.ruleSeverity, ...project.rules };
  if (project.profile) out.passwordPolicy = { ...base.passwordPolicy, profile: project.profile };
  if (project.allow?.values?.length) out.allowValues = [...project.allow.values];
  return out;
}

/**
 * What of a project file may apply in Restricted Mode (an untrusted workspace, whose files may
 * have been written to hide something from the reviewer): nothing that makes Mamori report
 * less or links elsewhere. Rules may be raised but not lowered or turned off, categories turned
 * on but not off; excludes, allow-lists, the baseline and guidance links are dropped. `ignored`
 * names what was left out, so the editor can say so.
 */
export function restrictProjectConfig(config: ProjectConfig): { config: ProjectConfig; ignored: string[] } {
  const ignored: string[] = [];
  const out: ProjectConfig = {};
  if (config.profile) out.profile = config.profile;
  if (config.categories) {
    const categories: Partial<Record<Category, boolean>> = {};
    for (const [c, on] of Object.entries(config.categories) as [Category, boolean][]) {
      if (on) categories[c] = true;
      else ignored.push(`categories.${c}`);
    }
    out.categories = categories;
  }
  if (config.rules) {
    const rules: Record<string, Severity | 'off'> = {};
    for (const [id, severity] of Object.entries(config.rules)) {
      const rule = ruleById(id);
      if (rule && severity !== 'off' && SEVERITY_RANK[severity] >= SEVERITY_RANK[rule.severity]) rules[id] = severity;
      else ignored.push(`rules.${id}`);
    }
    out.rules = rules;
  }
  for (const key of ['exclude', 'allow', 'baseline', 'guidance', 'guidelines'] as const) if (config[key] !== undefined) ignored.push(key);
  return { config: out, ignored };
}

/** The organisation's guidance page for a rule: the rule's own entry, else its category's. */
export function guidanceFor(config: ProjectConfig, ruleId: string, category: Category): string | undefined {
  return config.guidance?.[ruleId] ?? config.guidance?.[category];
}

/**
 * The path and fingerprint allow-lists as a test: `allows(path, fingerprint)` is true for a
 * finding that is not reported. `path` is relative to the configuration's folder, with forward
 * slashes. Undefined when the file allows nothing by path or fingerprint.
 */
export function allowList(config: ProjectConfig): { allows(path: string, fingerprint: string | undefined): boolean; fingerprints: boolean } | undefined {
  const paths = config.allow?.paths ?? [];
  const prints = new Set(config.allow?.fingerprints ?? []);
  if (paths.length === 0 && prints.size === 0) return undefined;
  const matcher = paths.length > 0 ? ignore().add(paths) : undefined;
  return {
    fingerprints: prints.size > 0,
    allows: (path, fingerprint) =>
      (fingerprint !== undefined && prints.has(fingerprint)) || (matcher !== undefined && isRelative(path) && matcher.ignores(path)),
  };
}

/** Whether a path is relative and inside its base (what `ignore` accepts). */
function isRelative(p: string): boolean {
  return p !== '' && !p.startsWith('/') && !p.startsWith('../') && p !== '..' && !/^[A-Za-z]:/.test(p);
}

/** Every rule id, sorted (for the schema). */
export function ruleIds(): string[] {
  return RULES.map((r) => r.id).sort();
}

/** A configuration value as a message shows it: short, whatever its type. */
function shown(v: unknown): string {
  return (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v))).slice(0, 60);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isHttpsUrl(s: string): boolean {
  if (!s.startsWith('https://') || s.length > 2000) return false;
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
