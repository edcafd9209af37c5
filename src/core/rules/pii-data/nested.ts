/**
 * Records from JSON and YAML, read from the document's shared trees (one parse for every rule).
 */
import type { Document } from '../../documents/document';
import { treesOf } from '../../documents/trees';
import type { TreeNode } from '../../documents/tree';
import type { Range } from '../../types';
import type { RawField } from './tally';
import { isAttributionKey, RecordTree } from './tree';

type OnRecord = (fields: RawField[], range: Range) => void;

const MAX_DEPTH = 64;

/** Walks every JSON or YAML tree of the document. Malformed input yields what was parsed. */
export function nestedRecords(doc: Document, onRecord: OnRecord): void {
  // The YAML parser slows down sharply on deep nesting within one line (`- - - …`, `[[[…`),
  // which no data file has; such input is skipped rather than parsed.
  if (doc.format === 'yaml' && /(?:-[ \t]+){24}|(?:[[{][ \t]*){24}/.test(doc.text)) return;
  const tree = new RecordTree(onRecord);
  for (const root of treesOf(doc)) {
    walk(root, undefined, true, tree, doc.text, 0);
    tree.finish(doc.text.length);
  }
}

function walk(node: TreeNode, key: string | undefined, inArray: boolean, tree: RecordTree, text: string, depth: number): void {
  if (depth > MAX_DEPTH || isAttributionKey(key)) return;
  switch (node.kind) {
    case 'object':
      tree.begin(node.range[0], inArray);
      for (const e of node.entries) walk(e.value, e.key, false, tree, text, depth + 1);
      tree.end(node.range[1]);
      return;
    case 'array':
      for (const item of node.items) walk(item, key, true, tree, text, depth + 1);
      return;
    case 'scalar': {
      if (typeof node.value !== 'string' && typeof node.value !== 'number') return;
      let [start, end] = node.range;
      if (node.quoted && end - start >= 2) {
        start++;
        end--;
      }
      // Numbers are read from the source: 16-digit card numbers exceed double precision.
      tree.field({ key, value: typeof node.value === 'number' ? text.slice(start, end) : node.value, start, end });
      return;
    }
  }
}
