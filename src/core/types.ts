import type { PasswordPolicyConfig } from './guidelines/profiles';

/**
 * The data contract shared by the engine and its three front ends (extension, CLI, worker).
 * Everything here is plain data: offsets, ids and message keys. Front ends localise and
 * convert to their own types.
 */

/** Finding categories. The four built-in ones are what reports group by. */
export type Category = 'secret' | 'pii-exposure' | 'pii-data' | 'password-policy';

/** All categories, in the order reports list them. */
export const CATEGORIES: readonly Category[] = ['secret', 'pii-exposure', 'pii-data', 'password-policy'];

export type Severity = 'error' | 'warning' | 'info';

/** Severity rank: higher is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** A half-open UTF-16 offset range into the scanned text. */
export type Range = readonly [start: number, end: number];

/** One text edit of a fix, in offsets of the scanned text. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A change a fix makes to a file other than the scanned one, named relative to the project
 * root (the workspace folder): the file comes to hold an entry, appended when missing, and is
 * created when absent. What "holds" means depends on the file's kind (an `.env.example` holds
 * `NAME=`; a `.gitignore` holds a pattern that ignores the entry). Front ends apply it with
 * `otherFileText` (core/fix-files.ts), so a fix is the same data in every front end.
 */
export interface OtherFileEdit {
  path: string;
  kind: 'env-example' | 'gitignore';
  entry: string;
}

/** A fix the engine proposes. `safe` means it can be applied without review (isPreferred). */
export interface Fix {
  /** Message id of the fix title (see messages.ts). */
  titleId: string;
  data?: Record<string, string>;
  /** Edits of the scanned text. */
  edits: TextEdit[];
  /** Changes to other files that belong to the same fix (the env fix lists the variable in `.env.example`). */
  others?: OtherFileEdit[];
  safe: boolean;
}

/** One finding in one file. */
export interface Finding {
  /** Stable rule id, e.g. "secret/aws-access-key". */
  ruleId: string;
  category: Category;
  severity: Severity;
  range: Range;
  /** Message key; localised at the edge with `data`. */
  messageId: string;
  data: Record<string, string>;
  /** Guideline catalog ids; the first is the primary link. */
  guidelines: string[];
  /** Short context for reports; always masked for secrets. */
  excerpt?: string;
  fixes?: Fix[];
  /** The organisation's own guidance page for this finding, from the project's `.mamori.json`. */
  guidance?: string;
  /**
   * With a baseline (`--baseline`, or `.mamori.json`'s `baseline`): `unchanged` when the
   * baseline holds this finding's fingerprint (known, not counted for the exit code), `new`
   * otherwise.
   */
  baseline?: 'new' | 'unchanged';
}

/** The input of a scan: a path (used for format detection and reports) and the text. */
export interface SourceFile {
  path: string;
  text: string;
}

/** What the engine can be told. Every field is optional: defaults come from package.json. */
export interface ScanConfig {
  /** Categories to report. */
  categories?: Partial<Record<Category, boolean>>;
  /** Per-rule severity override, or "off". */
  ruleSeverity?: Record<string, Severity | 'off'>;
  /** Which guideline profile password policies are judged against, and custom numbers. */
  passwordPolicy?: PasswordPolicyConfig;
  /**
   * Literal strings (from the project's `.mamori.json`, never from scanned text): a finding
   * whose matched text contains one is not reported. Compared as plain text, no pattern.
   */
  allowValues?: string[];
}
