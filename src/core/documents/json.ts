import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Document } from './document';
import { fastJsonTree } from './json-fast';
import type { TreeNode } from './tree';

/**
 * A JSON or JSONC file as a tree with offsets. Well-formed files take the one-pass reader
 * (json-fast.ts); others go to jsonc-parser, which recovers from errors, so a malformed file
 * still yields the part that parsed; undefined when nothing did.
 */
export function jsonTree(doc: Document): TreeNode | undefined {
  return doc.memo('json', () => fastJsonTree(doc.text) ?? parseJsonWithLibrary(doc.text));
}

/** The jsonc-parser path: any JSON or JSONC, malformed included; exported for the differential test. */
export function parseJsonWithLibrary(text: string): TreeNode | undefined {
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined;
  }
  return root ? convert(root, 0) : undefined;
}

function convert(node: JsonNode, depth: number): TreeNode | undefined {
  if (depth > 200) return undefined;
  const range: [number, number] = [node.offset, node.offset + node.length];
  switch (node.type) {
    case 'object': {
      const entries = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        const value = v ? convert(v, depth + 1) : undefined;
        entries.push({
          key: k.value,
          keyRange: [k.offset, k.offset + k.length] as [number, number],
          value: value ?? { kind: 'scalar' as const, range: [k.offset + k.length, k.offset + k.length] as [number, number], value: null },
        });
      }
      return { kind: 'object', range, entries };
    }
    case 'array': {
      const items = [];
      for (const c of node.children ?? []) {
        const v = convert(c, depth + 1);
        if (v) items.push(v);
      }
      return { kind: 'array', range, items };
    }
    case 'string':
      return { kind: 'scalar', range, value: node.value as string, quoted: true };
    case 'number':
    case 'boolean':
      return { kind: 'scalar', range, value: node.value as number | boolean };
    case 'null':
      return { kind: 'scalar', range, value: null };
    default:
      return undefined;
  }
}
