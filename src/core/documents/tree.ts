import type { Range } from '../types';

/**
 * A format-neutral tree with source offsets, built from JSON, YAML, HCL or TOML, so that
 * rules about *structure* (a CloudFormation resource, a Keycloak realm, a compose service)
 * are written once whatever syntax the file uses.
 */
export type TreeNode = ObjectNode | ArrayNode | ScalarNode;

export interface ObjectNode {
  kind: 'object';
  range: Range;
  entries: Entry[];
  /** HCL block labels (`resource "aws_s3_bucket" "logs"` → ["aws_s3_bucket", "logs"]), YAML tag, … */
  labels?: string[];
  tag?: string;
}

export interface Entry {
  key: string;
  keyRange: Range;
  value: TreeNode;
}

export interface ArrayNode {
  kind: 'array';
  range: Range;
  items: TreeNode[];
  tag?: string;
}

export interface ScalarNode {
  kind: 'scalar';
  range: Range;
  value: string | number | boolean | null;
  /** YAML tag such as `!Ref` or `!Sub`; `expr` for an unevaluated HCL expression. */
  tag?: string;
  /** Whether the source wrote the value in quotes. */
  quoted?: boolean;
}

/** The entry with this key (the last one when repeated, as most parsers do). */
export function entry(node: TreeNode | undefined, key: string): Entry | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key === key) return node.entries[i];
  return undefined;
}

/** The value at a key path (`get(doc, 'Resources', 'Db', 'Properties')`); numbers index arrays. */
export function get(node: TreeNode | undefined, ...path: (string | number)[]): TreeNode | undefined {
  let cur = node;
  for (const step of path) {
    if (!cur) return undefined;
    if (typeof step === 'number') cur = cur.kind === 'array' ? cur.items[step] : undefined;
    else cur = entry(cur, step)?.value;
  }
  return cur;
}

/** Case-insensitive key lookup, for formats whose keys vary in case (ARM, appsettings). */
export function getCI(node: TreeNode | undefined, key: string): Entry | undefined {
  if (node?.kind !== 'object') return undefined;
  const k = key.toLowerCase();
  for (let i = node.entries.length - 1; i >= 0; i--) if (node.entries[i].key.toLowerCase() === k) return node.entries[i];
  return undefined;
}

/** A scalar's value, or undefined for objects and arrays. */
export function scalar(node: TreeNode | undefined): string | number | boolean | null | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

/** A scalar read as a boolean (`true`, "true", "yes", 1), or undefined. */
export function bool(node: TreeNode | undefined): boolean | undefined {
  const v = scalar(node);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(s)) return true;
    if (['false', 'no', 'off', '0'].includes(s)) return false;
  }
  return undefined;
}

/** A scalar read as a number (numbers and numeric strings), or undefined. */
export function num(node: TreeNode | undefined): number | undefined {
  const v = scalar(node);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/**
 * Visits every node depth-first with its key path; stop descending by returning false.
 * The path array is one stack reused for the whole walk (copying it per node was most of the
 * walk's time): read it during the call, copy it to keep it.
 */
export function visit(node: TreeNode, fn: (node: TreeNode, path: readonly (string | number)[]) => boolean | void): void {
  walkNode(node, fn, [], 0);
}

function walkNode(node: TreeNode, fn: (node: TreeNode, path: readonly (string | number)[]) => boolean | void, path: (string | number)[], depth: number): void {
  // Depth bound: hostile input (deeply nested arrays) must not blow the stack.
  if (depth > 200 || fn(node, path) === false) return;
  if (node.kind === 'object') {
    for (const e of node.entries) {
      path.push(e.key);
      walkNode(e.value, fn, path, depth + 1);
      path.pop();
    }
  } else if (node.kind === 'array') {
    for (let i = 0; i < node.items.length; i++) {
      path.push(i);
      walkNode(node.items[i], fn, path, depth + 1);
      path.pop();
    }
  }
}
