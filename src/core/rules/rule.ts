import type { ResolvedConfig } from '../config';
import type { Document } from '../documents/document';
import type { Format } from '../documents/detect';
import type { Localized } from '../guidelines/catalog';
import type { Category, Fix, Range, Severity } from '../types';

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

/** A rule's examples: what it must report and what it must leave alone. */
export interface RuleExamples {
  bad: RuleExample[];
  good: RuleExample[];
}

/**
 * Gives rules, or the table entries they are made from, their self-test examples by rule id.
 *
 * Secret rules call it in a statement labelled `selfTest:`, which the shipped bundles drop
 * (esbuild's `dropLabels`, see esbuild.mjs): their bad examples are fabricated but token-shaped,
 * and vsce and the Marketplace refuse a package that looks like it holds secrets. Tests run from
 * source, where the statement runs, so every example is still proved. A label rather than
 * separate example modules keeps each table's examples in the same file as its patterns, and
 * needs nothing from the tests.
 */
export function setExamples(targets: readonly { readonly id: string; examples?: RuleExamples }[], byId: Readonly<Record<string, RuleExamples>>): void {
  for (const [id, examples] of Object.entries(byId)) {
    const target = targets.find((t) => t.id === id);
    // A misspelt id would leave a rule without proof; fail at load, in the tests.
    if (!target) throw new Error(`examples for unknown rule ${id}`);
    target.examples = examples;
  }
}

/** Examples of a secret rule until its `selfTest:` statement sets them; they stay empty in the shipped bundles. */
export function secretExamples(): RuleExamples {
  return { bad: [], good: [] };
}

/** One rule: metadata, localised messages, a check and its self-test examples. */
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
  /**
   * Self-test examples of the secret rules that still carry them (see `setExamples`); empty in
   * the shipped bundles. Every other rule's examples are its cases in test/rules
   * (`<id>/ng/<case>/…` must be reported, `<id>/ok/<case>/…` must not), which the rule harness
   * (test/unit/rule-cases.test.ts) scans; reports read them through report/rule-examples.ts.
   */
  examples?: RuleExamples;
}
