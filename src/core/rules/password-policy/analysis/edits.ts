import type { Document } from '../../../documents/document';
import type { ObjectNode, ScalarNode } from '../../../documents/tree';
import type { TextEdit } from '../../../types';

/**
 * Single-edit fixes on parsed trees: rewrite a scalar in place, or add one setting to a block
 * or mapping. Each helper returns undefined when it cannot guarantee the file stays valid
 * (flow-style YAML, one-line HCL blocks, empty JSON objects), and the rule then offers no fix.
 */

type Plain = string | number | boolean;

/** Rewrites a scalar, keeping its quotes when it had them. */
export function scalarReplacer<T extends Plain>(doc: Document, node: ScalarNode): ((value: T) => TextEdit) | undefined {
  if (node.tag === 'expr' || node.tag === 'heredoc' || node.range[1] <= node.range[0]) return undefined;
  const raw = doc.text.slice(node.range[0], node.range[1]);
  const q = raw[0];
  const quote = (q === '"' || q === "'") && raw.endsWith(q) && raw.length >= 2 ? q : '';
  // Multi-line or escaped scalars are rewritten only when we can see the whole of them.
  if (/[\r\n]/.test(raw)) return undefined;
  return (value) => ({ range: node.range, newText: `${quote}${String(value)}${quote}` });
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  const end = n < 0 ? text.length : n;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Adds `key = value` (HCL, TOML table), `key: value` (YAML block mapping) or `"key": value`
 * (JSON) to an object, on its own line, indented like its siblings.
 */
export function entryInserter<T extends Plain>(doc: Document, obj: ObjectNode, key: string): ((value: T) => TextEdit) | undefined {
  const text = doc.text;
  const nl = eol(text);
  const [start, end] = obj.range;
  if (doc.format === 'hcl') {
    if (obj.labels === undefined || text[end - 1] !== '}') return undefined;
    const close = end - 1;
    const ls = lineStart(text, close);
    if (text.slice(ls, close).trim() !== '' || ls <= start) return undefined;
    const closeIndent = text.slice(ls, close);
    const first = obj.entries[0];
    const indent = first ? text.slice(lineStart(text, first.keyRange[0]), first.keyRange[0]) : `${closeIndent}  `;
    if (indent.trim() !== '') return undefined;
    return (value) => ({ range: [ls, ls], newText: `${indent}${key} = ${String(value)}${nl}` });
  }
  if (doc.format === 'toml') {
    // A `[table]`: the new key goes right under its header, where it surely belongs to it.
    if (text[start] !== '[' || text[start + 1] === '[') return undefined;
    const at = lineEnd(text, start);
    return (value) => ({ range: [at, at], newText: `${nl}${key} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)}` });
  }
  const last = obj.entries[obj.entries.length - 1];
  if (!last) return undefined;
  if (doc.format === 'yaml') {
    if (text[start] === '{') return undefined;
    const first = obj.entries[0];
    const col = first.keyRange[0] - lineStart(text, first.keyRange[0]);
    const stop = Math.max(last.keyRange[1], last.value.range[1] - 1);
    // A multi-line plain or block scalar ends where we cannot be sure: only simple values.
    if (last.value.kind === 'scalar' && /[\r\n]/.test(text.slice(last.value.range[0], last.value.range[1]))) return undefined;
    const at = lineEnd(text, stop);
    return (value) => ({ range: [at, at], newText: `${nl}${' '.repeat(col)}${key}: ${String(value)}` });
  }
  if (doc.format === 'json') {
    const col = last.keyRange[0] - lineStart(text, last.keyRange[0]);
    const at = last.value.range[1];
    const sameLine = text.slice(lineStart(text, last.keyRange[0]), last.keyRange[0]).trim() !== '';
    return (value) => ({
      range: [at, at],
      newText: sameLine ? `, ${JSON.stringify(key)}: ${JSON.stringify(value)}` : `,${nl}${' '.repeat(col)}${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    });
  }
  return undefined;
}
