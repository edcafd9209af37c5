/**
 * Records from JSON and YAML, read from the document's shared trees (one parse for every rule).
 */
import type { Document } from '../../../documents/document';
import { treesOf } from '../../../documents/trees';
import type { TreeNode } from '../../../documents/tree';
import { keyKind, type KeyKind } from './fields';
import type { StoreTally } from './tally';
import { isAttributionKey, RecordTree } from './tree';

const MAX_DEPTH = 64;

/** Walks every JSON or YAML tree of the document into the tally. Malformed input yields what was parsed. */
export function nestedRecords(doc: Document, tally: StoreTally): void {
  // The YAML parser slows down sharply on deep nesting within one line (`- - - …`, `[[[…`),
  // which no data file has; such input is skipped rather than parsed.
  if (doc.format === 'yaml' && /(?:-[ \t]+){24}|(?:[[{][ \t]*){24}/.test(doc.text)) return;
  const tree = new RecordTree(tally);
  for (const root of treesOf(doc)) {
    walk(root, undefined, true, tree, doc.text, 0);
    tree.finish(doc.text.length);
  }
}

/** What a key means to the walk, one lookup per entry: its kind, or that its subtree is skipped. */
function keyFacts(key: string): KeyKind | typeof SKIP | undefined {
  let facts = FACTS.get(key);
  if (facts === undefined) {
    facts = isAttributionKey(key) ? SKIP : (keyKind(key) ?? NONE);
    if (FACTS.size >= 20_000) FACTS.clear();
    FACTS.set(key, facts);
  }
  return facts === NONE ? undefined : facts;
}
const SKIP = 'skip';
const NONE = '';
const FACTS = new Map<string, KeyKind | typeof SKIP | typeof NONE>();

function walk(node: TreeNode, key: string | undefined, inArray: boolean, tree: RecordTree, text: string, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const facts = key === undefined ? undefined : keyFacts(key);
  if (facts === SKIP) return;
  switch (node.kind) {
    case 'object': {
      tree.begin(node.range[0], inArray);
      const entries = node.entries;
      for (let i = 0; i < entries.length; i++) walk(entries[i].value, entries[i].key, false, tree, text, depth + 1);
      tree.end(node.range[1]);
      return;
    }
    case 'array': {
      const items = node.items;
      for (let i = 0; i < items.length; i++) walk(items[i], key, true, tree, text, depth + 1);
      return;
    }
    case 'scalar': {
      const v = node.value;
      let start = node.range[0];
      let end = node.range[1];
      if (typeof v === 'string') {
        if (node.quoted && end - start >= 2) {
          start++;
          end--;
        }
        tree.value(facts, v, start, end);
      } else if (typeof v === 'number') {
        // Numbers are read from the source (16-digit card numbers exceed double precision),
        // and only when the value could count: a personal key, or a phone number's first digit.
        const c = text.charCodeAt(start);
        const read = facts !== undefined || c === 0x2b /* + */ || c === 0x28 /* ( */ || c === 0x30; /* 0 */
        tree.value(facts, read ? text.slice(start, end) : '', start, end);
      }
      return;
    }
  }
}
