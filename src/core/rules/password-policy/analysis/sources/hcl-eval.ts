import type { Document } from '../../../../documents/document';
import { treesOf } from '../../../../documents/trees';
import { entry, type TreeNode } from '../../../../documents/tree';
import type { Range } from '../../../../types';
import { splitArgs } from './text';

/**
 * The weakest value a Terraform expression can give a minimum length: a policy is only as
 * strong as its weakest branch. `var.strict ? 12 : 8` gives 8, `max(var.min, 8)` at least 8,
 * `coalesce(var.min, 8)` and `lookup(var.p, "min", 8)` 8 when the variable is unset. Values
 * read from `locals` or from the resource's own `for_each` map are followed within the file,
 * and the finding points where the number is written. Variables (`var.x`) are not followed:
 * their defaults are judged in their own declaration.
 */

export interface Weakest {
  value: number;
  range: Range;
}

interface Scope {
  locals: Map<string, TreeNode>;
  /** Blocks with a `for_each`: where they are, and the map they iterate. */
  forEach: { range: Range; map: TreeNode }[];
}

// Bounds: hostile files must not make the evaluation deep or long.
const MAX_DEPTH = 12;
const MAX_TEXT = 2000;

function scopeOf(doc: Document): Scope {
  return doc.memo('password-policy-hcl-scope', () => {
    const scope: Scope = { locals: new Map(), forEach: [] };
    const root = treesOf(doc)[0];
    if (root?.kind !== 'object') return scope;
    for (const e of root.entries) {
      if (e.value.kind !== 'object') continue;
      if (e.key === 'locals') for (const l of e.value.entries) scope.locals.set(l.key, l.value);
      else if (e.key === 'resource' || e.key === 'module' || e.key === 'data') {
        const fe = entry(e.value, 'for_each');
        if (fe) scope.forEach.push({ range: e.value.range, map: fe.value });
      }
    }
    return scope;
  });
}

function weaker(a: Weakest | undefined, b: Weakest | undefined): Weakest | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.value < a.value ? b : a;
}

/** The weakest number an HCL value can take, or undefined when nothing in it is known. */
export function weakestNumber(doc: Document, node: TreeNode): Weakest | undefined {
  return fromNode(doc, node, 0);
}

function fromNode(doc: Document, node: TreeNode, depth: number): Weakest | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'number') return { value: node.value, range: node.range };
    if (typeof node.value === 'string' && !node.quoted && node.tag === 'expr') return fromText(doc, node.value, node.range[0], depth + 1);
    if (typeof node.value === 'string' && node.tag !== 'expr' && /^\d{1,4}$/.test(node.value)) return { value: Number(node.value), range: node.range };
    return undefined;
  }
  if (node.kind === 'array' && node.tag?.startsWith('call:')) {
    const name = node.tag.slice('call:'.length);
    return call(
      doc,
      name,
      node.items.map((i) => () => fromNode(doc, i, depth + 1)),
      node.items[0],
      depth,
    );
  }
  return undefined;
}

/** A function call: each argument evaluated lazily; `mapArg` is lookup's map, when a node. */
function call(doc: Document, name: string, args: (() => Weakest | undefined)[], mapArg: TreeNode | undefined, depth: number): Weakest | undefined {
  switch (name) {
    case 'tonumber':
      return args.length === 1 ? args[0]() : undefined;
    case 'max': {
      // max() is at least its largest known argument, and can be exactly that.
      let best: Weakest | undefined;
      for (const a of args) {
        const w = a();
        if (w && (!best || w.value > best.value)) best = w;
      }
      return best;
    }
    case 'min':
    case 'coalesce':
    case 'try': {
      // Any argument may be the one taken.
      let out: Weakest | undefined;
      for (const a of args) out = weaker(out, a());
      return out;
    }
    case 'lookup': {
      if (args.length < 2) return undefined;
      let out = args.length >= 3 ? args[2]() : undefined;
      const map = mapArg && mapArg.kind === 'object' ? mapArg : undefined;
      if (map) for (const e of map.entries) out = weaker(out, fromNode(doc, e.value, depth + 1));
      return out;
    }
    default:
      return undefined;
  }
}

/** Index of the first top-level occurrence of `ch` in `s` from `from`, outside brackets and strings. */
function topLevel(s: string, ch: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}

/** The `:` that closes the conditional whose `?` is at `q`, past nested conditionals. */
function elseAt(s: string, q: number): number {
  let pending = 0;
  let i = q + 1;
  for (;;) {
    const nextQ = topLevel(s, '?', i);
    const nextC = topLevel(s, ':', i);
    if (nextC < 0) return -1;
    if (nextQ >= 0 && nextQ < nextC) {
      pending++;
      i = nextQ + 1;
    } else if (pending > 0) {
      pending--;
      i = nextC + 1;
    } else return nextC;
  }
}

function fromText(doc: Document, raw: string, base: number, depth: number): Weakest | undefined {
  if (depth > MAX_DEPTH || raw.length > MAX_TEXT) return undefined;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const at = base + lead;
  if (/^\d{1,4}$/.test(text)) return { value: Number(text), range: [at, at + text.length] };
  const q = topLevel(text, '?');
  if (q > 0) {
    const c = elseAt(text, q);
    if (c < 0) return undefined;
    return weaker(fromText(doc, text.slice(q + 1, c), at + q + 1, depth + 1), fromText(doc, text.slice(c + 1), at + c + 1, depth + 1));
  }
  if (text.startsWith('(') && topLevel(text, ')', 1) === -1 && text.endsWith(')')) {
    return fromText(doc, text.slice(1, -1), at + 1, depth + 1);
  }
  const fn = /^([a-z_]{1,20})\s*\(/.exec(text);
  if (fn && text.endsWith(')')) {
    const open = fn[0].length - 1;
    const args = splitArgs(text, open + 1, text.length - 1);
    const mapText = args[0]?.text;
    const mapNode = mapText !== undefined ? reference(doc, mapText, at, depth) : undefined;
    return call(
      doc,
      fn[1],
      args.map((a) => () => fromText(doc, a.text, at + a.range[0], depth + 1)),
      mapNode,
      depth,
    );
  }
  const node = reference(doc, text, at, depth);
  if (node?.kind === 'scalar') return fromNode(doc, node, depth + 1);
  if (node?.kind === 'array' && node.tag === 'each') {
    let out: Weakest | undefined;
    for (const n of node.items) out = weaker(out, fromNode(doc, n, depth + 1));
    return out;
  }
  return node ? fromNode(doc, node, depth + 1) : undefined;
}

/**
 * What `local.a.b` or `each.value.k` names in this file: the node itself, or for `each.value`
 * an array tagged `each` of the values of every map entry. Undefined for anything else.
 */
function reference(doc: Document, text: string, at: number, depth: number): TreeNode | undefined {
  if (depth > MAX_DEPTH || !/^(local|each)(\.[A-Za-z_][\w-]{0,80}){1,6}$/.test(text)) return undefined;
  const [head, ...path] = text.split('.');
  const scope = scopeOf(doc);
  if (head === 'local') {
    let node = scope.locals.get(path[0]);
    for (const step of path.slice(1)) node = node && entry(node, step)?.value;
    return node;
  }
  if (path[0] !== 'value') return undefined;
  const block = scope.forEach.find((f) => f.range[0] <= at && at < f.range[1]);
  if (!block) return undefined;
  let map: TreeNode | undefined = block.map;
  if (map.kind === 'scalar' && map.tag === 'expr' && typeof map.value === 'string') map = reference(doc, map.value.trim(), at, depth + 1);
  if (map?.kind !== 'object') return undefined;
  const items: TreeNode[] = [];
  for (const e of map.entries) {
    let node: TreeNode | undefined = e.value;
    for (const step of path.slice(1)) node = node && entry(node, step)?.value;
    if (node) items.push(node);
  }
  return { kind: 'array', range: map.range, items, tag: 'each' };
}

export interface Candidate {
  value: string;
  range: Range;
}

/**
 * The literal strings an HCL value may take (`var.strict ? "good" : "fair"`, `local.level`,
 * `each.value.password_policy`, `coalesce(var.level, "fair")`), each where it is written.
 * Empty when any branch is unknown is not required: callers judge the known ones.
 */
export function stringCandidates(doc: Document, node: TreeNode): Candidate[] {
  const out: Candidate[] = [];
  stringsOfNode(doc, node, out, 0);
  return out;
}

function stringsOfNode(doc: Document, node: TreeNode, out: Candidate[], depth: number): void {
  if (depth > MAX_DEPTH || out.length > 50) return;
  if (node.kind === 'scalar') {
    if (typeof node.value !== 'string') return;
    if (node.tag !== 'expr') out.push({ value: node.value, range: node.range });
    else if (!node.quoted) stringsOfText(doc, node.value, node.range[0], out, depth + 1);
  } else if (node.kind === 'array') {
    const name = node.tag?.startsWith('call:') ? node.tag.slice('call:'.length) : node.tag === 'each' ? 'each' : '';
    if (name === 'coalesce' || name === 'try' || name === 'each') for (const i of node.items) stringsOfNode(doc, i, out, depth + 1);
    else if (name === 'lookup' && node.items.length >= 3) {
      stringsOfNode(doc, node.items[2], out, depth + 1);
      const map = node.items[0];
      if (map.kind === 'object') for (const e of map.entries) stringsOfNode(doc, e.value, out, depth + 1);
    }
  }
}

function stringsOfText(doc: Document, raw: string, base: number, out: Candidate[], depth: number): void {
  if (depth > MAX_DEPTH || raw.length > MAX_TEXT) return;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const at = base + lead;
  const lit = /^"([\w-]{1,40})"$/.exec(text);
  if (lit) {
    out.push({ value: lit[1], range: [at, at + text.length] });
    return;
  }
  const q = topLevel(text, '?');
  if (q > 0) {
    const c = elseAt(text, q);
    if (c < 0) return;
    stringsOfText(doc, text.slice(q + 1, c), at + q + 1, out, depth + 1);
    stringsOfText(doc, text.slice(c + 1), at + c + 1, out, depth + 1);
    return;
  }
  const fn = /^(coalesce|try)\s*\(/.exec(text);
  if (fn && text.endsWith(')')) {
    for (const a of splitArgs(text, fn[0].length, text.length - 1)) stringsOfText(doc, a.text, at + a.range[0], out, depth + 1);
    return;
  }
  const node = reference(doc, text, at, depth);
  if (node) stringsOfNode(doc, node, out, depth + 1);
}
