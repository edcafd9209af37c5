import type { ResolvedConfig } from '../config';
import type { Document } from '../documents/document';
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

/** An example a rule must (bad) or must not (good) report; one generic test runs them all. */
export interface RuleExample {
  path: string;
  text: string;
}

/** One rule: metadata, localised messages, a check and its self-test examples. */
export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  /** Catalog ids; the first must have an official URL. */
  guidelines: string[];
  /** Short name (SARIF shortDescription, tree view). */
  title: Localized;
  /** Why it matters and how to fix it (SARIF fullDescription, hovers). */
  description: Localized;
  /** Message templates with `{name}` placeholders, keyed by message id. */
  messages: Record<string, Localized>;
  appliesTo(doc: Document): boolean;
  check(doc: Document, ctx?: RuleContext): RawFinding[] | Promise<RawFinding[]>;
  examples: { bad: RuleExample[]; good: RuleExample[] };
}
