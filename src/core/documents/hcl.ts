import { TokenCursor, type Tok as SharedTok } from './tokens';
import type { Document } from './document';
import type { ArrayNode, Entry, ObjectNode, ScalarNode, TreeNode } from './tree';

/**
 * HCL (Terraform, tfvars, Nomad, Packer) as a format-neutral tree with offsets.
 *
 * Shape:
 * - The file is an object node; each attribute is an entry (`name = value`).
 * - Each block is its own entry keyed by the block type, so repeated blocks (`resource`,
 *   `ingress`) are all kept; its value is an object node whose `labels` holds the block
 *   labels (`[]` for an unlabelled block — `labels !== undefined` tells blocks from object
 *   attributes). Its range spans the braces. Use `blocks()` to list them.
 * - Literal strings are scalars with `quoted: true` and escapes decoded; numbers, bools and
 *   null are scalars. Strings with `${…}` keep their raw text and are tagged `expr`;
 *   heredocs are quoted scalars tagged `heredoc` (range: the whole `<<EOF … EOF`).
 * - Tuples and object expressions are array and object nodes; a function call is an array
 *   node of its arguments tagged `call:<name>` (so `jsonencode({...})` stays readable).
 * - Anything else (references, operators, conditionals, `for` expressions) is a scalar tagged
 *   `expr` whose value is its source text.
 *
 * Hand-written rather than tree-sitter: it is synchronous (rules and peers call it
 * directly), needs no .wasm in the bundle, and is linear in the input. Malformed input yields
 * what parsed; it never throws.
 */
export function hclTree(doc: Document): ObjectNode | undefined {
  return doc.memo('hcl', () => {
    try {
      return parseHcl(doc.text);
    } catch {
      return undefined;
    }
  });
}

/**
 * The blocks of a given type directly inside `node` (`blocks(root, 'resource', 'aws_s3_bucket')`),
 * optionally filtered by leading labels.
 */
export function blocks(node: TreeNode | undefined, type: string, ...labels: string[]): ObjectNode[] {
  if (node?.kind !== 'object') return [];
  const out: ObjectNode[] = [];
  for (const e of node.entries) {
    const v = e.value;
    if (e.key !== type || v.kind !== 'object' || !v.labels) continue;
    if (labels.every((l, i) => v.labels?.[i] === l)) out.push(v);
  }
  return out;
}

/** Parses HCL source text into a tree; exported for tests and for callers without a Document. */
export function parseHcl(text: string): ObjectNode {
  const count = tokenize(text);
  try {
    const parser = new Parser(text, POOL, count);
    return { kind: 'object', range: [0, text.length], entries: parser.body(false, 0), labels: [] };
  } finally {
    // The tokens of a very large file are not kept for the next one.
    if (POOL.length > KEEP_TOKENS) POOL.length = KEEP_TOKENS;
  }
}

/**
 * Token objects, reused from file to file: the tree copies what it needs out of them, so once
 * a file is parsed its tokens are free. A token per object was a quarter of what a scan of a
 * Terraform file allocated, and what fills the young generation makes the GC pauses that land
 * in an on-type scan. (Parsing is synchronous and never nested, so one pool serves.)
 */
const POOL: Tok[] = [];
/** Tokens kept after a file (~1.5 MB of objects; a 5,000-line file has ~20,000 tokens). */
const KEEP_TOKENS = 1 << 15;

// ---------------------------------------------------------------------------------------------
// Tokens

type TokType = 'nl' | 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'eof';

type Tok = SharedTok<TokType>;

const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEREDOC = /<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/y;
// Strings inside templates inside strings…: beyond this, the rest is read as plain text.
const MAX_TEMPLATE_NESTING = 16;

/** Identifiers: a letter, `_` or any code unit from U+00C0 up, then those, digits and `-`. */
function identStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 0xc0;
}
function identPart(c: number): boolean {
  return identStart(c) || (c >= 48 && c <= 57) || c === 45;
}

/** The punctuation token at `i`: `...`, a two-character operator, or the character itself. */
function punctAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  switch (c) {
    case 46 /* . */:
      return d === 46 && text.charCodeAt(i + 2) === 46 ? '...' : '.';
    case 61 /* = */:
      return d === 61 ? '==' : d === 62 ? '=>' : '=';
    case 33 /* ! */:
      return d === 61 ? '!=' : '!';
    case 60 /* < */:
      return d === 61 ? '<=' : '<';
    case 62 /* > */:
      return d === 61 ? '>=' : '>';
    case 38 /* & */:
      return d === 38 ? '&&' : '&';
    case 124 /* | */:
      return d === 124 ? '||' : '|';
    default:
      return text[i];
  }
}

/** Sets the next token of the pool (reusing its object); every token has the same five fields. */
function put(count: number, t: TokType, s: number, e: number, v: string, tmpl: boolean): number {
  const tok = POOL[count];
  if (tok === undefined) POOL.push({ t, s, e, v, tmpl });
  else {
    tok.t = t;
    tok.s = s;
    tok.e = e;
    tok.v = v;
    tok.tmpl = tmpl;
  }
  return count + 1;
}

/** Reads the text's tokens into `POOL`; returns how many (the last is `eof`). */
function tokenize(text: string): number {
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      count = put(count, 'nl', i, i + 1, '\n', false);
      i++;
    } else if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xfeff) {
      i++;
    } else if (c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      // A comment that spans lines still ends the line it started on.
      const nl = text.indexOf('\n', i);
      if (nl >= 0 && nl < end) count = put(count, 'nl', end - 1, end, '\n', false);
      i = end;
    } else if (c === 34 /* " */) {
      const s = readString(text, i, 0);
      count = put(count, 'string', i, s.end, s.value, s.tmpl);
      i = s.end;
    } else if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60 && matchesAt(HEREDOC, text, i)) {
      const h = readHeredoc(text, i);
      count = put(count, 'heredoc', i, h.end, h.value, h.tmpl);
      // The newline after the closing marker is a real line end: leave it for the next token.
      i = h.end;
    } else if (c >= 48 && c <= 57) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const e = m ? i + m[0].length : i + 1;
      count = put(count, 'number', i, e, text.slice(i, e), false);
      i = e;
    } else if (identStart(c)) {
      let e = i + 1;
      while (e < n && identPart(text.charCodeAt(e))) e++;
      count = put(count, 'ident', i, e, text.slice(i, e), false);
      i = e;
    } else {
      const p = punctAt(text, i);
      count = put(count, 'punct', i, i + p.length, p, false);
      i += p.length;
    }
  }
  count = put(count, 'eof', n, n, '', false);
  return count;
}

/** Tests a sticky regex at `i`; on success its lastIndex is the match end. */
function matchesAt(re: RegExp, text: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(text);
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

/** Reads a quoted template starting at the opening quote; stops at the closing quote or line end. */
function readString(text: string, start: number, nesting: number): { value: string; end: number; tmpl: boolean } {
  // Plain characters are copied as runs (one slice each), not one string piece per character.
  let value = '';
  let run = start + 1;
  let tmpl = false;
  let j = start + 1;
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 34 /* " */) return { value: value + text.slice(run, j), end: j + 1, tmpl };
    if (c === 10 /* \n */) break;
    if (c === 92 /* \ */) {
      value += text.slice(run, j);
      const d = text[j + 1] ?? '';
      if (d === 'u' || d === 'U') {
        const len = d === 'u' ? 4 : 8;
        const hex = text.slice(j + 2, j + 2 + len);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
        value += Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : d;
        j += Number.isFinite(code) ? 2 + len : 2;
      } else {
        value += ESCAPES[d] ?? d;
        j += 2;
      }
      run = j;
      continue;
    }
    if ((c === 36 /* $ */ || c === 37) /* % */ && text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === 123 /* { */) {
      value += text.slice(run, j) + text[j] + '{';
      j += 3;
      run = j;
      continue;
    }
    if ((c === 36 || c === 37) && text.charCodeAt(j + 1) === 123 && nesting < MAX_TEMPLATE_NESTING) {
      tmpl = true;
      const end = skipTemplate(text, j + 2, nesting + 1);
      value += text.slice(run, end);
      j = end;
      run = j;
      continue;
    }
    j++;
  }
  return { value: value + text.slice(run, j), end: j, tmpl };
}

/** Skips a `${ … }` sequence (from just after the `{`), including nested strings and braces. */
function skipTemplate(text: string, start: number, nesting: number): number {
  let depth = 1;
  let j = start;
  while (j < text.length) {
    const c = text[j];
    if (c === '\n') return j;
    if (c === '"') {
      j = readString(text, j, nesting).end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
    j++;
  }
  return j;
}

/** Reads `<<EOF` / `<<-EOF` up to the closing marker line (or the end of the text). */
function readHeredoc(text: string, start: number): { value: string; end: number; tmpl: boolean } {
  HEREDOC.lastIndex = start;
  const m = HEREDOC.exec(text);
  if (!m) return { value: '', end: start + 2, tmpl: false };
  const indented = m[1] === '-';
  const marker = m[2];
  const contentStart = HEREDOC.lastIndex;
  let lineStart = contentStart;
  let end = text.length;
  let contentEnd = text.length;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.slice(lineStart, lineEnd).trim() === marker) {
      contentEnd = lineStart;
      end = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      break;
    }
    lineStart = lineEnd + 1;
  }
  let value = text.slice(contentStart, contentEnd);
  if (indented) value = dedent(value);
  return { value, end, tmpl: /(?<![$%])[$%]\{/.test(value) };
}

function dedent(s: string): string {
  const lines = s.split('\n');
  let min = Infinity;
  for (const l of lines) if (l.trim()) min = Math.min(min, l.length - l.trimStart().length);
  return Number.isFinite(min) && min > 0 ? lines.map((l) => l.slice(Math.min(min, l.length - l.trimStart().length))).join('\n') : s;
}

// ---------------------------------------------------------------------------------------------
// Parser

/** Where an expression sits decides what ends it and whether newlines matter. */
type Ctx = 'body' | 'object' | 'tuple' | 'args';

// Nesting beyond this is read as raw expression text (iteratively), so the stack stays small.
const MAX_DEPTH = 64;
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const PAIR: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

class Parser extends TokenCursor<Tok> {
  /** A body: attributes and blocks up to the closing `}` (left for the caller) or the end. */
  body(closing: boolean, depth: number): Entry[] {
    const entries: Entry[] = [];
    for (;;) {
      this.skipNl();
      const tok = this.peek();
      if (tok.t === 'eof') break;
      if (this.is(tok, '}')) {
        if (closing) break;
        this.p++;
        continue;
      }
      const before = this.p;
      const e = tok.t === 'ident' ? this.attributeOrBlock(depth) : undefined;
      if (e) entries.push(e);
      else {
        this.p = before;
        this.recover(closing);
      }
      if (this.p === before) this.p++;
    }
    return entries;
  }

  private attributeOrBlock(depth: number): Entry | undefined {
    const key = this.peek();
    const keyRange: [number, number] = [key.s, key.e];
    this.p++;
    if (this.is(this.peek(), '=')) {
      this.p++;
      return { key: key.v, keyRange, value: this.expr('body', depth + 1) };
    }
    const labels: string[] = [];
    while (this.peek().t === 'string' || this.peek().t === 'ident') labels.push(this.toks[this.p++].v);
    const open = this.peek();
    if (!this.is(open, '{')) return undefined;
    this.p++;
    if (depth > MAX_DEPTH) {
      this.skipBalanced(1);
      const end = this.toks[this.p - 1].e;
      return { key: key.v, keyRange, value: { kind: 'object', range: [open.s, end], entries: [], labels } };
    }
    const entries = this.body(true, depth + 1);
    const close = this.peek();
    let end = this.text.length;
    if (this.is(close, '}')) {
      end = close.e;
      this.p++;
    }
    return { key: key.v, keyRange, value: { kind: 'object', range: [open.s, end], entries, labels } };
  }

  /** Skips a line that is neither an attribute nor a block, keeping brackets balanced. */
  private recover(closing: boolean): void {
    const stack: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof') return;
      if (stack.length === 0 && t.t === 'nl') return;
      if (t.t === 'punct' && OPEN.has(t.v)) stack.push(PAIR[t.v]);
      else if (t.t === 'punct' && CLOSE.has(t.v)) {
        if (stack[stack.length - 1] === t.v) stack.pop();
        else if (closing && t.v === '}') return;
      }
      this.p++;
    }
  }

  /** Skips tokens until `depth` open brackets are closed. */
  private skipBalanced(depth: number): void {
    while (depth > 0 && this.peek().t !== 'eof') {
      const t = this.toks[this.p++];
      if (t.t === 'punct' && OPEN.has(t.v)) depth++;
      else if (t.t === 'punct' && CLOSE.has(t.v)) depth--;
    }
  }

  private ends(tok: Tok, ctx: Ctx): boolean {
    if (tok.t === 'eof') return true;
    switch (ctx) {
      case 'body':
        return tok.t === 'nl' || this.is(tok, '}');
      case 'object':
        return tok.t === 'nl' || this.is(tok, ',') || this.is(tok, '}');
      case 'tuple':
        return this.is(tok, ',') || this.is(tok, ']');
      case 'args':
        return this.is(tok, ',') || this.is(tok, ')') || this.is(tok, '...');
    }
  }

  /** One expression: structured when it is a literal, tuple, object or call; raw text otherwise. */
  private expr(ctx: Ctx, depth: number): TreeNode {
    const loose = ctx === 'tuple' || ctx === 'args';
    if (loose) this.skipNl();
    const start = this.p;
    const node = depth > MAX_DEPTH ? undefined : this.primary(depth);
    if (node) {
      const after = this.p;
      if (loose) this.skipNl();
      if (this.ends(this.peek(), ctx)) return node;
      this.p = after;
    }
    this.p = start;
    return this.raw(ctx);
  }

  /** Raw expression text up to the context's terminator, brackets balanced. */
  private raw(ctx: Ctx): ScalarNode {
    const first = this.peek();
    let last: Tok | undefined;
    // Open brackets; a closing bracket that does not match ends the expression, so an
    // unclosed `[` cannot swallow the `}` of its block.
    const stack: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof') break;
      if (stack.length === 0 && this.ends(t, ctx)) break;
      if (t.t === 'punct' && OPEN.has(t.v)) stack.push(PAIR[t.v]);
      else if (t.t === 'punct' && CLOSE.has(t.v)) {
        if (stack[stack.length - 1] !== t.v) break;
        stack.pop();
      }
      if (t.t !== 'nl') last = t;
      this.p++;
    }
    const range: [number, number] = last ? [first.s, last.e] : [first.s, first.s];
    return { kind: 'scalar', range, value: this.text.slice(range[0], range[1]), tag: 'expr' };
  }

  private primary(depth: number): TreeNode | undefined {
    const t = this.peek();
    switch (t.t) {
      case 'string':
        this.p++;
        return t.tmpl
          ? { kind: 'scalar', range: [t.s, t.e], value: t.v, quoted: true, tag: 'expr' }
          : { kind: 'scalar', range: [t.s, t.e], value: t.v, quoted: true };
      case 'heredoc':
        this.p++;
        return { kind: 'scalar', range: [t.s, t.e], value: t.v, quoted: true, tag: 'heredoc' };
      case 'number':
        this.p++;
        return { kind: 'scalar', range: [t.s, t.e], value: Number(t.v) };
      case 'ident':
        if (t.v === 'true' || t.v === 'false' || t.v === 'null') {
          this.p++;
          return { kind: 'scalar', range: [t.s, t.e], value: t.v === 'null' ? null : t.v === 'true' };
        }
        if (this.is(this.peek(1), '(')) return this.call(depth);
        return undefined;
      case 'punct':
        if (t.v === '-' && this.peek(1).t === 'number' && this.peek(1).s === t.e) {
          const num = this.peek(1);
          this.p += 2;
          return { kind: 'scalar', range: [t.s, num.e], value: -Number(num.v) };
        }
        if (t.v === '[') return this.tuple(depth);
        if (t.v === '{') return this.object(depth);
        return undefined;
      default:
        return undefined;
    }
  }

  /** True when the next non-newline token after the opening bracket is `for`. */
  private isFor(): boolean {
    let k = 1;
    while (this.peek(k).t === 'nl') k++;
    const t = this.peek(k);
    return t.t === 'ident' && t.v === 'for';
  }

  private call(depth: number): ArrayNode | undefined {
    const name = this.toks[this.p];
    this.p += 2;
    const items: TreeNode[] = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (this.is(t, ')')) {
        this.p++;
        return { kind: 'array', range: [name.s, t.e], items, tag: `call:${name.v}` };
      }
      if (t.t === 'eof') return undefined;
      const before = this.p;
      items.push(this.expr('args', depth + 1));
      this.skipNl();
      if (this.is(this.peek(), ',') || this.is(this.peek(), '...')) this.p++;
      else if (!this.is(this.peek(), ')')) return undefined;
      if (this.p === before) return undefined;
    }
  }

  private tuple(depth: number): ArrayNode | undefined {
    if (this.isFor()) return undefined;
    const open = this.toks[this.p++];
    const items: TreeNode[] = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (this.is(t, ']')) {
        this.p++;
        return { kind: 'array', range: [open.s, t.e], items };
      }
      if (t.t === 'eof') return undefined;
      const before = this.p;
      items.push(this.expr('tuple', depth + 1));
      this.skipNl();
      if (this.is(this.peek(), ',')) this.p++;
      else if (!this.is(this.peek(), ']')) return undefined;
      if (this.p === before) return undefined;
    }
  }

  private object(depth: number): ObjectNode | undefined {
    if (this.isFor()) return undefined;
    const open = this.toks[this.p++];
    const entries: Entry[] = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (this.is(t, '}')) {
        this.p++;
        return { kind: 'object', range: [open.s, t.e], entries };
      }
      if (t.t === 'eof') return undefined;
      const before = this.p;
      const key = this.objectKey();
      const sep = this.peek();
      if (key && (this.is(sep, '=') || this.is(sep, ':'))) {
        this.p++;
        entries.push({ key: key.key, keyRange: key.range, value: this.expr('object', depth + 1) });
      } else {
        this.p = before;
        this.raw('object');
      }
      if (this.is(this.peek(), ',')) this.p++;
      if (this.p === before) return undefined;
    }
  }

  private objectKey(): { key: string; range: [number, number] } | undefined {
    const t = this.peek();
    if (t.t === 'ident' || t.t === 'string' || t.t === 'number') {
      this.p++;
      return { key: t.v, range: [t.s, t.e] };
    }
    if (this.is(t, '(')) {
      this.p++;
      this.skipBalanced(1);
      const close = this.toks[this.p - 1];
      return { key: this.text.slice(t.s, close.e), range: [t.s, close.e] };
    }
    return undefined;
  }
}
