import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { Document } from './document';
import type { Entry, TreeNode } from './tree';
import { fastYamlTrees } from './yaml-fast';

/**
 * Every document of a YAML file (multi-document streams included) as trees with offsets.
 * Unknown tags such as CloudFormation's `!Ref`/`!Sub` are kept on the node, not rejected.
 * Aliases reuse the anchored node's tree instead of copying it, so alias bombs stay small in
 * memory; and since every walker of the tree would still expand them (9 aliases of 9 aliases …
 * is a billion nodes), an alias whose expansion would exceed ALIAS_BUDGET nodes becomes a null.
 * A malformed document yields what could be parsed.
 */
export function yamlTrees(doc: Document): TreeNode[] {
  // Most config files use a small subset of YAML that a hand-written reader takes ~15× faster;
  // it answers "not mine" for anything else and the library reads the file as before.
  return doc.memo('yaml', () => fastYamlTrees(doc.text) ?? libraryYamlTrees(doc.text));
}

/** The trees as the `yaml` library reads them: the reference `fastYamlTrees` must agree with. */
export function libraryYamlTrees(text: string): TreeNode[] {
  const out: TreeNode[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, strict: false, prettyErrors: false });
  } catch {
    return out;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) {
    if (!d.contents) continue;
    const converted = convert(d.contents as YamlNode, new Map(), 0);
    if (converted) out.push(converted);
  }
  return out;
}

/** Nodes that aliases may add to a walk of one document: far above any real use of merges. */
const ALIAS_BUDGET = 100_000;

/** Expanded node count of each converted tree (aliases counted as what they point at). */
const SIZES = Symbol('sizes');
const SPENT = Symbol('spent');

function sizeOf(tree: TreeNode, seen: Map<unknown, TreeNode | null>): number {
  return (seen.get(SIZES) as unknown as WeakMap<TreeNode, number> | undefined)?.get(tree) ?? 1;
}

function setSize(tree: TreeNode, seen: Map<unknown, TreeNode | null>): void {
  let m = seen.get(SIZES) as unknown as WeakMap<TreeNode, number> | undefined;
  if (!m) {
    m = new WeakMap();
    seen.set(SIZES, m as unknown as TreeNode);
  }
  const children = tree.kind === 'object' ? tree.entries.map((e) => e.value) : tree.kind === 'array' ? tree.items : [];
  m.set(
    tree,
    children.reduce((n, c) => n + sizeOf(c, seen), 1),
  );
}

/** Takes `n` nodes from the document's alias budget; false when it is spent. */
function spend(n: number, seen: Map<unknown, TreeNode | null>): boolean {
  const spent = (seen.get(SPENT) as unknown as number | undefined) ?? 0;
  if (spent + n > ALIAS_BUDGET) return false;
  seen.set(SPENT, (spent + n) as unknown as TreeNode);
  return true;
}

function range(node: { range?: [number, number, number] | null }): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

const ANCHORS = Symbol('anchors');

/** Anchor name → converted tree, kept beside the identity cache. */
function anchors(seen: Map<unknown, TreeNode | null>): Map<string, TreeNode> {
  let m = seen.get(ANCHORS) as unknown as Map<string, TreeNode> | undefined;
  if (!m) {
    m = new Map();
    seen.set(ANCHORS, m as unknown as TreeNode);
  }
  return m;
}

function remember(node: { anchor?: string | null }, tree: TreeNode, seen: Map<unknown, TreeNode | null>): TreeNode {
  if (node.anchor) anchors(seen).set(node.anchor, tree);
  return tree;
}

function convert(node: unknown, seen: Map<unknown, TreeNode | null>, depth: number): TreeNode | undefined {
  if (depth > 200) return undefined;
  if (isAlias(node)) {
    // The alias points at a node converted earlier in document order (or at an ancestor:
    // a cycle, reported as null).
    const t = anchors(seen).get(node.source);
    return t && spend(sizeOf(t, seen), seen) ? t : { kind: 'scalar', range: range(node), value: null, tag: 'alias' };
  }
  if (seen.has(node)) return seen.get(node) ?? undefined;
  if (isScalar(node)) {
    const v = node.value;
    const value = v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v as string);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return remember(node, { kind: 'scalar', range: range(node), value, ...(node.tag ? { tag: node.tag } : {}), ...(quoted ? { quoted } : {}) }, seen);
  }
  if (isMap(node)) {
    const result: TreeNode = { kind: 'object', range: range(node), entries: [], ...(node.tag ? { tag: node.tag } : {}) };
    seen.set(node, null);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key;
      const key = isScalar(k) ? String(k.value) : isAlias(k) ? k.source : '';
      const keyRange = k && typeof k === 'object' && 'range' in k ? range(k as { range?: [number, number, number] }) : result.range;
      const value =
        pair.value === null ? ({ kind: 'scalar', range: [keyRange[1], keyRange[1]], value: null } as TreeNode) : convert(pair.value, seen, depth + 1);
      if (!value) continue;
      if (key === '<<' && value.kind === 'object') {
        // Merge key: the merged entries come first so local keys win in `entry()`.
        result.entries.unshift(...value.entries);
        continue;
      }
      result.entries.push({ key, keyRange, value } satisfies Entry);
    }
    setSize(result, seen);
    seen.set(node, result);
    return remember(node, result, seen);
  }
  if (isSeq(node)) {
    const result: TreeNode = { kind: 'array', range: range(node), items: [], ...(node.tag ? { tag: node.tag } : {}) };
    seen.set(node, null);
    for (const item of node.items) {
      const c = convert(item, seen, depth + 1);
      if (c) result.items.push(c);
    }
    setSize(result, seen);
    seen.set(node, result);
    return remember(node, result, seen);
  }
  return undefined;
}
