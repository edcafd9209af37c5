import type { ResolvedConfig } from '../config';
import type { Document } from '../documents/document';
import type { Format } from '../documents/detect';
import type { Localized } from '../guidelines/catalog';
import type { Category, Fix, Range, Severity } from '../types';
import type { RuleRisk } from './risk';

/** What a rule's check reports; the engine adds the rule's id, category and guidelines. */
export interface RawFinding {
  range: Range;
  /** Key into the rule's `messages`. */
  messageId: string;
  data?: Record<string, string>;
  /** Overrides the rule's default severity (e.g. test-mode keys). */
  severity?: Severity;
  /** Overrides the rule's guideline ids when the citation depends on configuration (profiles). */
  guidelines?: string[];
  excerpt?: string;
  fixes?: Fix[];
}

/** What a rule may know besides the document: the resolved configuration. */
export interface RuleContext {
  config: ResolvedConfig;
}

/** An example a rule must (bad) or must not (good) report: one file of a case in test/rules. */
export interface RuleExample {
  path: string;
  text: string;
}

/**
 * A rule's examples: what it must report and what it must leave alone. A rule's examples are
 * its cases on disk (test/rules/<id>/{ng,ok}/<case>/), never in its source: secret rules'
 * fabricated tokens stay out of the packages (vsce and the Marketplace refuse a package that
 * looks like it holds secrets). Rule pages and SARIF help read them (report/rule-examples.ts).
 */
export interface RuleExamples {
  bad: RuleExample[];
  good: RuleExample[];
}

/**
 * How much a rule's finding says about what it found, when several rules report one span: a
 * named provider's key format says most, a credential store's structure less, a URL or command
 * line less again, a `password = …` assignment least. See core/dedupe.ts.
 */
export type Specificity = 'generic' | 'connection' | 'store' | 'specific';

export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  /**
   * Where the category keeps one finding per span (secrets): of overlapping findings, the more
   * specific rule's stays. Unset means 'specific'.
   */
  specificity?: Specificity;
  /**
   * What a finding stands for in code scanning: `security-severity`, precision and CWE, written
   * `risk(score, precision, CWE.…)`. rules/risk.ts says how scores are chosen (the tiers).
   */
  risk: RuleRisk;
  /** On equal specificity and severity, this rule's verdict is the reference one (secretlint's preset). */
  reference?: boolean;
  /**
   * The literal words the rule's check asks about (`mentionsAny`, `literalsIn`; ASCII case
   * ignored), typically the cheap prefilter before its patterns. The engine finds every rule's
   * words in one pass over each file (core/literals.ts); asking about a word no rule declares
   * is an error, so a prefilter cannot silently miss.
   */
  literals?: readonly string[];
  /** Literals (two code units or more) whose every occurrence the check reads (`literalHits`). */
  positionalLiterals?: readonly string[];
  /**
   * Words (ASCII case ignored) of which every file the check reports anything in contains at
   * least one: the engine skips the check on a file that contains none of them, found by the
   * same one pass as `literals` (core/scan.ts). A promise, read off the check's code: each of
   * its findings, or the step without which it reports nothing, needs one of the words in the
   * text. A wrong word is a missed finding, so a rule whose findings can come from many
   * spellings declares none. Every bad example of a gated rule holds one of its words, and on
   * every fixture text a gated rule reports the same with and without the gate
   * (test/unit/core/requires.test.ts).
   */
  requires?: readonly string[];
  /** Catalog ids; the first must have an official URL. */
  guidelines: string[];
  /** Short name (SARIF shortDescription, tree view). */
  title: Localized;
  /** Why it matters and how to fix it (SARIF fullDescription, hovers). */
  description: Localized;
  /** Message templates with `{name}` placeholders, keyed by message id. */
  messages: Record<string, Localized>;
  /**
   * The formats the rule reads (documents/detect.ts); unset means every format. With `files`,
   * what the engine checks before running the rule, so most rules need no `appliesTo`.
   */
  formats?: readonly Format[];
  /** The file names (last path segment) the rule reads; unset means any name. */
  files?: RegExp;
  /** A finer test of the document, after `formats` and `files` (its content, a combination of names). */
  appliesTo?(doc: Document): boolean;
  check(doc: Document, ctx?: RuleContext): RawFinding[] | Promise<RawFinding[]>;
}
