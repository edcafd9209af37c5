/** Feeds JSON and YAML documents to a `RecordTree`, value offsets included. */
import { visit } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { Range } from '../../types';
import type { RawField } from './tally';
import { isAttributionKey, RecordTree } from './tree';

type OnRecord = (fields: RawField[], range: Range) => void;

/** Walks a JSON (or JSONC) text. Broken JSON yields the records read before the break. */
export function jsonRecords(text: string, onRecord: OnRecord): void {
  const tree = new RecordTree(onRecord);
  // Open containers, with the key each sits under; skipped (attribution) ones are still
  // closed by the parser, so they stay on the stack as "skip".
  const containers: { type: 'array' | 'object' | 'skip'; key: string | undefined }[] = [];
  let key: string | undefined;
  const top = () => containers[containers.length - 1];
  const parentIsArray = (): boolean => top()?.type === 'array';
  const keyHere = (): string | undefined => (parentIsArray() ? top()?.key : key);
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        const k = keyHere();
        if (isAttributionKey(k)) {
          containers.push({ type: 'skip', key: k });
          return false;
        }
        tree.begin(offset, parentIsArray());
        containers.push({ type: 'object', key: k });
        key = undefined;
        return undefined;
      },
      onObjectEnd: (offset, length) => {
        if (containers.pop()?.type === 'object') tree.end(offset + length);
      },
      onArrayBegin: () => {
        const k = keyHere();
        containers.push({ type: isAttributionKey(k) ? 'skip' : 'array', key: k });
        return top()?.type === 'skip' ? false : undefined;
      },
      onArrayEnd: () => {
        containers.pop();
      },
      onObjectProperty: (property) => {
        key = property;
      },
      onLiteralValue: (value: unknown, offset, length) => {
        const k = keyHere();
        if (typeof value === 'string') tree.field({ key: k, value, start: offset + 1, end: offset + length - 1 });
        else if (typeof value === 'number') tree.field({ key: k, value: text.slice(offset, offset + length), start: offset, end: offset + length });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  tree.finish(text.length);
}

const MAX_DEPTH = 64;

/** Walks every document of a YAML stream. Unparseable parts are skipped by the parser. */
export function yamlRecords(text: string, onRecord: OnRecord): void {
  // The parser slows down sharply on deep nesting on one line (`- - - …`, `[[[…`), which no
  // data file has; such input is skipped rather than parsed.
  if (/(?:-[ \t]+){24}|(?:[[{][ \t]*){24}/.test(text)) return;
  const tree = new RecordTree(onRecord);
  for (const doc of parseAllDocuments(text, { uniqueKeys: false, strict: false })) {
    if (doc.contents) walkYaml(doc.contents, undefined, true, text, tree, 0);
    tree.finish(text.length);
  }
}

function walkYaml(node: Node, key: string | undefined, inSeq: boolean, text: string, tree: RecordTree, depth: number): void {
  if (depth > MAX_DEPTH || isAttributionKey(key)) return;
  const range = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    tree.begin(range[0], inSeq);
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = isScalar(item.key) ? String(item.key.value) : undefined;
      if (item.value && (isMap(item.value) || isSeq(item.value) || isScalar(item.value))) walkYaml(item.value as Node, k, false, text, tree, depth + 1);
    }
    tree.end(range[1]);
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (item && (isMap(item) || isSeq(item) || isScalar(item))) walkYaml(item as Node, key, true, text, tree, depth + 1);
    }
  } else if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
    let [start, end] = range;
    const q = text[start];
    if ((q === '"' || q === "'") && end - start >= 2 && text[end - 1] === q) {
      start++;
      end--;
    }
    const value = typeof node.value === 'string' ? node.value : text.slice(start, end);
    tree.field({ key, value, start, end });
  }
}
