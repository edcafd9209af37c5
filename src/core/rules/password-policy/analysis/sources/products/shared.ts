import type { Document } from '../../../../../documents/document';
import type { Entry, ObjectNode, TreeNode } from '../../../../../documents/tree';
import type { CharClass } from '../../../../../guidelines/profiles';
import type { Range } from '../../../../../types';
import type { Fact, PolicyFacts } from '../../model';
import type { TreeReader, WhenOmitted } from '../../reader';

/**
 * What the product recognisers of this folder share: the shape of a recogniser (see the ordered
 * lists in ../trees.ts) and small helpers for reading a policy's keys.
 */

/** An object of a YAML or JSON tree offered to the recognisers, with the entry that holds it, if any. */
export interface ObjectSite {
  doc: Document;
  obj: ObjectNode;
  via: Entry | undefined;
  /** What a policy found in the object points at when no setting does: the key holding it, else its first character. */
  anchor: Range;
  /** A reader of the object's keys, anchored there. */
  r: TreeReader;
}

/**
 * Recognises one product's policy in an object and adds it to `out`. Answers true when the object
 * is that product's, so the recognisers after it in OBJECT_RECOGNISERS (../trees.ts) skip it.
 */
export type ObjectRecogniser = (site: ObjectSite, out: PolicyFacts[]) => boolean;

/** A Terraform resource: type label, body and the header to point at. */
export interface TfResource {
  type: string;
  body: ObjectNode;
  anchor: Range;
}

/** Reads the policy of one Terraform resource type (see TERRAFORM_RESOURCES in ../trees.ts). */
export type ResourceRecogniser = (doc: Document, res: TfResource, r: TreeReader, out: PolicyFacts[]) => void;

export type ClassKeys = Record<CharClass, string[]>;

/** Product defaults for omitted settings; undefined: omitted settings are unknown. */
export interface Defaults {
  minLength?: WhenOmitted<number>;
  classes?: WhenOmitted<boolean>;
  history?: WhenOmitted<number>;
  maxAge?: WhenOmitted<number>;
}

export function classFacts(r: TreeReader, keys: ClassKeys, whenOmitted: WhenOmitted<boolean>): Partial<Record<CharClass, Fact<boolean>>> {
  const out: Partial<Record<CharClass, Fact<boolean>>> = {};
  for (const [cls, k] of Object.entries(keys) as [CharClass, string[]][]) {
    const f = r.bool(k, whenOmitted);
    if (f) out[cls] = f;
  }
  return out;
}

export function put<K extends keyof PolicyFacts>(facts: PolicyFacts, key: K, value: PolicyFacts[K] | undefined): void {
  if (value !== undefined) facts[key] = value;
}

export function isObject(n: TreeNode | undefined): n is ObjectNode {
  return n?.kind === 'object';
}

/** The document range of `part` inside a scalar's value, when the source writes the value verbatim. */
export function partRange(doc: Document, node: TreeNode, value: string, part: Range): Range {
  const raw = doc.text.slice(node.range[0], node.range[1]);
  const at = raw.indexOf(value);
  return at >= 0 ? [node.range[0] + at + part[0], node.range[0] + at + part[1]] : node.range;
}

/** Whether a Terraform body generates the named nested block with `dynamic "name" { … }`. */
export function hasDynamic(body: ObjectNode | undefined, name: string): boolean {
  return body?.entries.some((e) => e.key === 'dynamic' && e.value.kind === 'object' && e.value.labels?.[0] === name) ?? false;
}
