import { parseTOML, type AST } from 'toml-eslint-parser';
import type { Document } from './document';
import { fastTomlTree } from './toml-fast';
import type { ArrayNode, Entry, ObjectNode, TreeNode } from './tree';

/**
 * A TOML file (Supabase `config.toml`, `netlify.toml`, `pyproject.toml`, …) as a tree with
 * offsets. Tables and dotted keys become nested objects (`[storage.buckets.avatars]` →
 * `get(t, 'storage', 'buckets', 'avatars')`), arrays of tables become arrays of objects, dates
 * stay as their source text. Parsing uses toml-eslint-parser, which keeps ranges; a malformed
 * file is retried with the offending lines blanked out (offsets unchanged), so it yields what
 * parsed, or undefined.
 */
export function tomlTree(doc: Document): ObjectNode | undefined {
  return doc.memo('toml', () => parseToml(doc.text));
}

// Each retry blanks at least one more line; past this, give up.
const MAX_RETRIES = 12;

/** Parses TOML text into a tree; exported for callers without a Document. */
export function parseToml(text: string): ObjectNode | undefined {
  // Most config files stay inside the subset the hand-written reader knows, ~10× faster.
  return fastTomlTree(text) ?? parseTomlWithLibrary(text);
}

/**
 * The general path: toml-eslint-parser, with the blank-the-bad-line recovery. Exported so that
 * tests can hold the fast reader to it.
 */
export function parseTomlWithLibrary(text: string): ObjectNode | undefined {
  let source = text;
  let lastError = -1;
  for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
    let program: AST.TOMLProgram;
    try {
      program = parseTOML(source);
    } catch (error) {
      const index = typeof (error as { index?: unknown }).index === 'number' ? (error as { index: number }).index : -1;
      if (index < 0) return undefined;
      // No progress means the culprit is an earlier line (an unclosed array or string):
      // blank back to the previous line as well.
      source = blankLine(source, index, index <= lastError);
      lastError = index;
      continue;
    }
    try {
      return build(program, text.length);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Replaces the line holding `index` (and the line before it when `widen`) with spaces. */
function blankLine(text: string, index: number, widen: boolean): string {
  const at = Math.min(index, text.length - 1);
  let start = text.lastIndexOf('\n', at - (text[at] === '\n' ? 1 : 0)) + 1;
  if (widen && start > 0) start = text.lastIndexOf('\n', start - 2) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function build(program: AST.TOMLProgram, length: number): ObjectNode {
  const root: ObjectNode = { kind: 'object', range: [0, length], entries: [] };
  const top = program.body[0];
  for (const item of top?.body ?? []) {
    if (item.type === 'TOMLKeyValue') {
      keyValue(root, item, 0);
      continue;
    }
    const keys = item.key.keys;
    const parentKeys = keys.slice(0, -1);
    const last = keys[keys.length - 1];
    if (!last) continue;
    const parent = ensure(root, parentKeys, item.range);
    const table: ObjectNode = { kind: 'object', range: item.range, entries: [] };
    if (item.kind === 'array') {
      let arr = findEntry(parent, keyName(last))?.value;
      if (arr?.kind !== 'array') {
        arr = { kind: 'array', range: item.range, items: [] };
        parent.entries.push({ key: keyName(last), keyRange: last.range, value: arr });
      }
      arr.items.push(table);
      arr.range = [arr.range[0], Math.max(arr.range[1], item.range[1])];
    } else {
      const existing = findEntry(parent, keyName(last));
      if (existing?.value.kind === 'object') {
        // A super-table defined after its sub-table: keep one node.
        existing.value.range = item.range;
        existing.keyRange = last.range;
        for (const kv of item.body) keyValue(existing.value, kv, 0);
        continue;
      }
      parent.entries.push({ key: keyName(last), keyRange: last.range, value: table });
    }
    for (const kv of item.body) keyValue(table, kv, 0);
  }
  return root;
}

function keyName(k: AST.TOMLBare | AST.TOMLQuoted): string {
  return k.type === 'TOMLBare' ? k.name : k.value;
}

function findEntry(obj: ObjectNode, key: string): Entry | undefined {
  for (let i = obj.entries.length - 1; i >= 0; i--) if (obj.entries[i].key === key) return obj.entries[i];
  return undefined;
}

/** The object at a dotted key path under `obj`, created (with `range`) where missing. */
function ensure(obj: ObjectNode, keys: readonly (AST.TOMLBare | AST.TOMLQuoted)[], range: readonly [number, number]): ObjectNode {
  let cur = obj;
  for (const k of keys) {
    const e = findEntry(cur, keyName(k));
    let next: TreeNode | undefined = e?.value;
    // `[[a]]` then `[a.b]`: b goes into the last table of the array.
    if (next?.kind === 'array') next = next.items[next.items.length - 1];
    if (next?.kind !== 'object') {
      next = { kind: 'object', range: [range[0], range[1]], entries: [] };
      cur.entries.push({ key: keyName(k), keyRange: k.range, value: next });
    }
    cur = next;
  }
  return cur;
}

function keyValue(obj: ObjectNode, kv: AST.TOMLKeyValue, depth: number): void {
  const keys = kv.key.keys;
  const last = keys[keys.length - 1];
  if (!last) return;
  const parent = ensure(obj, keys.slice(0, -1), kv.range);
  parent.entries.push({ key: keyName(last), keyRange: last.range, value: content(kv.value, depth + 1) });
}

function content(node: AST.TOMLContentNode, depth: number): TreeNode {
  const range: [number, number] = [node.range[0], node.range[1]];
  if (depth > 200) return { kind: 'scalar', range, value: null };
  switch (node.type) {
    case 'TOMLArray': {
      const arr: ArrayNode = { kind: 'array', range, items: node.elements.map((e) => content(e, depth + 1)) };
      return arr;
    }
    case 'TOMLInlineTable': {
      const obj: ObjectNode = { kind: 'object', range, entries: [] };
      for (const kv of node.body) keyValue(obj, kv, depth + 1);
      return obj;
    }
    case 'TOMLValue':
      switch (node.kind) {
        case 'string':
          return { kind: 'scalar', range, value: node.value, quoted: true };
        case 'integer':
        case 'float':
        case 'boolean':
          return { kind: 'scalar', range, value: node.value };
        default:
          return { kind: 'scalar', range, value: node.datetime, tag: node.kind };
      }
  }
}
