import type { Entry, ScalarNode, TreeNode } from './tree';
import { BACKSLASH, BANG, COLON, COMMA, CR, DOT, DQUOTE, HASH, LBRACE, LBRACKET, LF, MINUS, RBRACE, RBRACKET, SPACE, SQUOTE, TAB } from './chars';

/**
 * A linear-time reader for the YAML that config files actually use (block maps and sequences,
 * single-line plain and quoted scalars, single-line flow collections, comments, `---`/`...`),
 * giving exactly the trees `libraryYamlTrees` gives, offsets included. It answers undefined
 * ("not mine") at the first construct outside that subset or anything the library would flag,
 * so the caller falls back to the library: a wrong tree would be a bug, a bail-out never is.
 */
export function fastYamlTrees(text: string): TreeNode[] | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  try {
    return new Reader(text).stream();
  } catch {
    // NotMine, or anything unforeseen: the library reads the file instead.
    return undefined;
  }
}

/** Characters whose YAML meaning (BOM, lone CR line breaks, controls) the subset leaves to the library. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const OUTSIDE_SUBSET = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;

class NotMine extends Error {}
const NOT_MINE = new NotMine('outside the fast YAML subset');

/** Far below the library path's own depth cut-off (200), so both never disagree on deep input. */
const MAX_DEPTH = 100;
/** YAML caps implicit keys at 1024 characters; longer ones are the library's to reject. */
const MAX_KEY = 1024;


/** A line with content: where it starts, its indentation and its first non-space character. */
interface Line {
  start: number;
  indent: number;
  first: number;
  /** `---` or `...` at column 0, which ends any block node. */
  marker?: '---' | '...';
}

/** A parsed node, where its range ends (trailing comments the library counts included) and the next line to read. */
interface Parsed {
  node: TreeNode;
  end: number;
  resume: number;
  /** An end the subset cannot tell: fine inside a collection, not as its last value. */
  unsure?: boolean;
}

/** Where a plain scalar stops in block context, and why. */
interface PlainScan {
  end: number;
  at: number;
  stop: 'colon' | 'comment' | 'eol';
}

class Reader {
  private peekFrom = -1;
  private peeked: Line | undefined;
  /** Whether the last `next()` skipped a comment line: the library extends an empty value over it. */
  private peekSawComment = false;
  /** Columns of the block collections being read, innermost last: comments after a value are kept by it when deeper. */
  private readonly open: number[] = [];
  private commentsFrom = -1;
  private commentsDeepest = -1;

  constructor(private readonly text: string) {}

  stream(): TreeNode[] {
    const out: TreeNode[] = [];
    let line = this.next(0);
    while (line) {
      if (line.marker === '...') throw NOT_MINE;
      if (line.marker === '---') {
        const v = this.spaces(line.first + 3);
        const c = this.code(v);
        if (!this.eol(v) && !(c === HASH && v > line.first + 3)) throw NOT_MINE;
        const following = this.next(this.lineAfter(v));
        if (!following || following.marker === '---') {
          // An explicit document with nothing in it reads as one null.
          out.push(scalarNode(v, v, null));
          line = following;
          continue;
        }
        if (following.marker) throw NOT_MINE;
        line = following;
      }
      const root = this.block(line, 0);
      out.push(root.node);
      line = this.next(root.resume);
      if (line && !line.marker) throw NOT_MINE;
      if (line?.marker === '...') {
        this.restOfLine(line.first + 3);
        line = this.next(this.lineAfter(line.first + 3));
        if (line && line.marker !== '---') throw NOT_MINE;
      }
    }
    return out;
  }

  /** A node written on its own line (document root, or a value on the lines below its key or dash). */
  private block(line: Line, depth: number): Parsed {
    return this.node(line.first, line.indent, depth, true);
  }

  /**
   * The node starting at `p` (column `col`): a block sequence or map when `compound` allows
   * (own line, or after `- `), else a single-line scalar or flow collection.
   */
  private node(p: number, col: number, depth: number, compound: boolean): Parsed {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const c = this.code(p);
    if (c === MINUS && this.gap(p + 1)) {
      if (!compound) throw NOT_MINE;
      return this.sequence(p, col, depth);
    }
    let valueEnd: number;
    let node: TreeNode;
    if (c === BANG) {
      const tagged = this.taggedScalar(p);
      node = tagged.node;
      valueEnd = tagged.end;
    } else if (c === LBRACKET || c === LBRACE) {
      const flow = this.flow(p, depth);
      node = flow.node;
      valueEnd = flow.end;
      // A flow collection as a key is not in the subset.
      if (this.code(this.spaces(valueEnd)) === COLON) throw NOT_MINE;
    } else if (c === SQUOTE || c === DQUOTE) {
      const q = this.quoted(p);
      const k = this.spaces(q.end);
      if (this.code(k) === COLON && this.gap(k + 1)) {
        if (!compound) throw NOT_MINE;
        return this.mapping(p, col, depth);
      }
      node = { kind: 'scalar', range: [p, q.end], value: q.value, quoted: true };
      valueEnd = q.end;
    } else {
      this.plainStart(p);
      const scan = this.scanPlain(p);
      if (scan.stop === 'colon') {
        if (!compound) throw NOT_MINE;
        return this.mapping(p, col, depth);
      }
      node = scalarNode(p, scan.end, plainValue(this.text.slice(p, scan.end)));
      valueEnd = scan.end;
    }
    const resume = this.restOfLine(valueEnd);
    return { node, end: this.keepIndented(resume), resume };
  }

  /** A block mapping whose first key starts at `first`, in column `col`. */
  private mapping(first: number, col: number, depth: number): Parsed {
    const entries: Entry[] = [];
    this.open.push(col);
    let p = first;
    for (;;) {
      const c = this.code(p);
      let keyEnd: number;
      let key: string;
      let colon: number;
      if (c === SQUOTE || c === DQUOTE) {
        const q = this.quoted(p);
        keyEnd = q.end;
        key = q.value;
        colon = this.spaces(keyEnd);
      } else {
        this.plainStart(p);
        const scan = this.scanPlain(p);
        if (scan.stop !== 'colon') throw NOT_MINE;
        keyEnd = scan.end;
        key = String(plainValue(this.text.slice(p, keyEnd)));
        colon = scan.at;
      }
      if (this.code(colon) !== COLON || !this.gap(colon + 1) || keyEnd - p > MAX_KEY) throw NOT_MINE;
      // `<<` would be merged by the library path; left to it.
      if (key === '<<') throw NOT_MINE;
      const value = this.valueAfter(colon + 1, col, depth, true);
      entries.push({ key, keyRange: [p, keyEnd], value: value.node });
      const line = this.next(value.resume);
      if (!line || line.marker || line.indent < col) {
        this.open.pop();
        return { node: { kind: 'object', range: [first, value.end], entries }, end: this.trailing(value.end, line, col), resume: value.resume };
      }
      if (line.indent > col || this.isDash(line.first)) throw NOT_MINE;
      p = line.first;
    }
  }

  /** A block sequence whose first `-` is at `first`, in column `col`. */
  private sequence(first: number, col: number, depth: number): Parsed {
    const items: TreeNode[] = [];
    this.open.push(col);
    let p = first;
    for (;;) {
      const item = this.valueAfter(p + 1, col, depth, false);
      items.push(item.node);
      const line = this.next(item.resume);
      // A line in the same column that is not a `-` ends the sequence: the parent key's map goes on.
      if (!line || line.marker || line.indent < col || (line.indent === col && !this.isDash(line.first))) {
        if (item.unsure) throw NOT_MINE;
        this.open.pop();
        return { node: { kind: 'array', range: [first, item.end], items }, end: this.trailing(item.end, line, col), resume: item.resume };
      }
      if (line.indent > col) throw NOT_MINE;
      p = line.first;
    }
  }

  /**
   * The value after a key's `:` or an item's `-` (at `p`): inline on the same line, a block on
   * the lines below, or empty (null). `inMap` allows a sequence in the key's own column.
   */
  private valueAfter(p: number, col: number, depth: number, inMap: boolean): Parsed {
    const v = this.spaces(p);
    const c = this.code(v);
    if (!this.eol(v) && c !== HASH) {
      // Inline: after `- ` (in column col, at p - 1) a compact map or sequence may start here;
      // after `key: ` only a scalar or flow collection.
      return this.node(v, col + (v - (p - 1)), depth + 1, !inMap);
    }
    if (c === HASH && v === p) throw NOT_MINE;
    const resume = this.lineAfter(v);
    const line = this.next(resume);
    if (line && !line.marker && (line.indent > col || (inMap && line.indent === col && this.isDash(line.first)))) {
      return this.block(line, depth + 1);
    }
    // Empty: the library stretches the value over comments up to the next content, except
    // before a document marker or for a sequence item with comments above it: left to it.
    const commented = c === HASH || this.peekSawComment;
    if (commented && line?.marker) throw NOT_MINE;
    const end = commented ? (line ? line.first : this.text.length) : v;
    return { node: scalarNode(v, v, null), end, resume, unsure: !inMap && this.commentAbove(p - 1) };
  }

  /**
   * A local tag (`!Ref`, `!GetAtt`, `!Sub` of CloudFormation) before a scalar on the same line:
   * the library keeps such a scalar's text unresolved, as a string, with the tag on the node.
   */
  private taggedScalar(p: number): { node: ScalarNode; end: number } {
    const t = this.text;
    let i = p + 1;
    while (TAG_CHAR.test(t[i] ?? '')) i++;
    if (i === p + 1 || i - p > MAX_KEY || t.charCodeAt(i) !== SPACE) throw NOT_MINE;
    const tag = t.slice(p, i);
    const v = this.spaces(i);
    const c = this.code(v);
    if (c === SQUOTE || c === DQUOTE) {
      const q = this.quoted(v);
      return { node: { kind: 'scalar', range: [v, q.end], value: q.value, tag, quoted: true }, end: q.end };
    }
    this.plainStart(v);
    const scan = this.scanPlain(v);
    if (scan.stop === 'colon') throw NOT_MINE;
    return { node: { kind: 'scalar', range: [v, scan.end], value: t.slice(v, scan.end), tag }, end: scan.end };
  }

  /** A single-line flow collection at `p`. */
  private flow(p: number, depth: number): { node: TreeNode; end: number } {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const isMap = this.code(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const items: TreeNode[] = [];
    const entries: Entry[] = [];
    let i = this.spaces(p + 1);
    while (this.code(i) !== close) {
      if (isMap) {
        const keyStart = i;
        const key = this.flowScalar(i);
        let colon = this.spaces(key.end);
        // `"a":1` is a pair (JSON-like key); `a:1` is one plain scalar, left to the library.
        if (this.code(colon) !== COLON || (!key.node.quoted && this.code(colon + 1) !== SPACE)) throw NOT_MINE;
        colon = this.spaces(colon + 1);
        const value = this.flowItem(colon, depth + 1);
        const keyValue = key.node.value;
        const name = String(keyValue);
        if (name === '<<') throw NOT_MINE;
        entries.push({ key: name, keyRange: [keyStart, key.end], value: value.node });
        i = this.spaces(value.end);
      } else {
        const item = this.flowItem(i, depth + 1);
        items.push(item.node);
        i = this.spaces(item.end);
        if (this.code(i) === COLON) throw NOT_MINE;
      }
      const c = this.code(i);
      if (c === COMMA) {
        i = this.spaces(i + 1);
        if (this.code(i) === COMMA) throw NOT_MINE;
      } else if (c !== close) throw NOT_MINE;
    }
    const end = i + 1;
    return { node: isMap ? { kind: 'object', range: [p, end], entries } : { kind: 'array', range: [p, end], items }, end };
  }

  private flowItem(p: number, depth: number): { node: TreeNode; end: number } {
    const c = this.code(p);
    if (c === LBRACKET || c === LBRACE) return this.flow(p, depth);
    return this.flowScalar(p);
  }

  /** A quoted or plain scalar inside a flow collection. */
  private flowScalar(p: number): { node: ScalarNode; end: number } {
    const c = this.code(p);
    if (c === SQUOTE || c === DQUOTE) {
      const q = this.quoted(p);
      return { node: { kind: 'scalar', range: [p, q.end], value: q.value, quoted: true }, end: q.end };
    }
    this.plainStart(p);
    const t = this.text;
    // In flow context a `-` before `,` `]` `}` is still a sequence indicator.
    if (c === MINUS && FLOW_STOP.includes(t[p + 1])) throw NOT_MINE;
    let i = p;
    let end = p;
    for (;;) {
      const ch = t.charCodeAt(i);
      if (ch === COMMA || ch === LBRACKET || ch === RBRACKET || ch === LBRACE || ch === RBRACE || ch === LF || ch === CR || i >= t.length) break;
      if (ch === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) throw NOT_MINE;
      } else if (ch === TAB || ch === COLON) {
        // `a:b` and `a: b` inside flow have rules of their own; not in the subset.
        if (ch === TAB || t.charCodeAt(i + 1) !== SPACE) throw NOT_MINE;
        break;
      } else end = i + 1;
      i++;
    }
    if (end === p) throw NOT_MINE;
    return { node: scalarNode(p, end, plainValue(t.slice(p, end))), end };
  }

  /** A single- or double-quoted scalar on one line at `p`: its value and the offset after the closing quote. */
  private quoted(p: number): { value: string; end: number } {
    const t = this.text;
    const q = t.charCodeAt(p);
    if (q === SQUOTE) {
      let value = '';
      let from = p + 1;
      for (let i = p + 1; ; i++) {
        const ch = t.charCodeAt(i);
        if (i >= t.length || ch === LF || ch === CR) throw NOT_MINE;
        if (ch === SQUOTE) {
          value += t.slice(from, i);
          if (t.charCodeAt(i + 1) !== SQUOTE) return { value, end: i + 1 };
          value += "'";
          from = i + 2;
          i++;
        }
      }
    }
    let value = '';
    let from = p + 1;
    for (let i = p + 1; ; i++) {
      const ch = t.charCodeAt(i);
      if (i >= t.length || ch === LF || ch === CR) throw NOT_MINE;
      if (ch === DQUOTE) return { value: value + t.slice(from, i), end: i + 1 };
      if (ch === BACKSLASH) {
        value += t.slice(from, i);
        const e = t[i + 1];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          value += simple;
          i++;
        } else {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
          const hex = t.slice(i + 2, i + 2 + len);
          if (len === 0 || !HEX.test(hex) || hex.length !== len) throw NOT_MINE;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw NOT_MINE;
          value += String.fromCodePoint(code);
          i += 1 + len;
        }
        from = i + 1;
      }
    }
  }

  /** Plain scalars may not start with an indicator; those that could are left to the library. */
  private plainStart(p: number): void {
    const c = this.code(p);
    if (this.eol(p) || INDICATORS.includes(String.fromCharCode(c)) || (c === MINUS && this.gap(p + 1))) throw NOT_MINE;
  }

  /** Scans a block plain scalar on its line: it stops at `: `, ` #` or the line end. */
  private scanPlain(p: number): PlainScan {
    const t = this.text;
    let end = p;
    for (let i = p; ; i++) {
      const ch = t.charCodeAt(i);
      if (i >= t.length || ch === LF || ch === CR) return { end, at: i, stop: 'eol' };
      if (ch === SPACE) {
        if (t.charCodeAt(i + 1) === HASH) return { end, at: i, stop: 'comment' };
      } else if (ch === TAB) {
        throw NOT_MINE;
      } else if (ch === COLON && this.gap(i + 1)) {
        return { end, at: i, stop: 'colon' };
      } else end = i + 1;
    }
  }

  /** After a value: only spaces and a comment may follow on its line. Returns the next line's start. */
  private restOfLine(p: number): number {
    const v = this.spaces(p);
    if (!this.eol(v) && !(this.code(v) === HASH && v > p)) throw NOT_MINE;
    return this.lineAfter(v);
  }

  /**
   * Where the library ends a value that closes its line: comment lines right after it (blank
   * lines between) stay with it while they are indented deeper than its collection.
   */
  private keepIndented(resume: number): number {
    const open = this.open;
    if (open.length === 0) return resume;
    const col = open[open.length - 1];
    const t = this.text;
    let p = resume;
    let end = resume;
    while (p < t.length) {
      const i = this.spaces(p);
      if (this.eol(i)) p = this.lineAfter(i);
      else if (t.charCodeAt(i) === HASH && i - p > col) p = end = this.lineAfter(i);
      else break;
    }
    return end;
  }

  /**
   * Where a closing collection (column `col`, last value ending at `from`) ends as its parent
   * sees it. The comments between `from` and the next content line `line` move up to the
   * parent when all are shallower than the collection (or it is in column 0); otherwise they
   * stay with it, and so does everything up to that line's first character.
   */
  private trailing(from: number, line: Line | undefined, col: number): number {
    if (this.commentsFrom !== from) {
      // Every closing level asks about the same stretch: scanned once.
      const t = this.text;
      let deepest = -1;
      let p = from;
      while (p < t.length) {
        const i = this.spaces(p);
        if (this.eol(i)) p = this.lineAfter(i);
        else if (t.charCodeAt(i) === HASH) {
          deepest = Math.max(deepest, i - p);
          p = this.lineAfter(i);
        } else break;
      }
      this.commentsFrom = from;
      this.commentsDeepest = deepest;
    }
    const deepest = this.commentsDeepest;
    if (deepest < 0 || col === 0 || deepest < col) return from;
    return line ? line.first : this.text.length;
  }

  /** Whether comment lines (blank lines between) come right above the line of `dash`, itself first on its line. */
  private commentAbove(dash: number): boolean {
    const t = this.text;
    let s = t.lastIndexOf('\n', dash - 1) + 1;
    if (this.spaces(s) !== dash) return false;
    while (s > 0) {
      // (lastIndexOf reads a negative start as 0, which would find the break that ends line 0.)
      const prev = s < 2 ? 0 : t.lastIndexOf('\n', s - 2) + 1;
      const i = this.spaces(prev);
      if (t.charCodeAt(i) === HASH) return true;
      if (!this.eol(i)) return false;
      s = prev;
    }
    return false;
  }

  private isDash(p: number): boolean {
    return this.code(p) === MINUS && this.gap(p + 1);
  }

  /** The next line with content at or after the line start `p`, skipping blank and comment lines. */
  private next(p: number): Line | undefined {
    if (p === this.peekFrom) return this.peeked;
    const t = this.text;
    let s = p;
    let sawComment = false;
    let found: Line | undefined;
    while (s < t.length) {
      const i = this.spaces(s);
      const c = t.charCodeAt(i);
      if (c === TAB) throw NOT_MINE;
      if (this.eol(i)) {
        s = this.lineAfter(i);
        continue;
      }
      if (c === HASH) {
        sawComment = true;
        s = this.lineAfter(i);
        continue;
      }
      found = { start: s, indent: i - s, first: i };
      if (i === s && (c === MINUS || c === DOT) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c && this.gap(i + 3)) {
        found.marker = c === MINUS ? '---' : '...';
      }
      break;
    }
    this.peekFrom = p;
    this.peeked = found;
    this.peekSawComment = sawComment;
    return found;
  }

  private code(p: number): number {
    return this.text.charCodeAt(p);
  }

  /** Whether `p` is a space or the end of its line: what makes `-`, `:` and `---` indicators. */
  private gap(p: number): boolean {
    return this.code(p) === SPACE || this.eol(p);
  }

  private eol(p: number): boolean {
    const c = this.code(p);
    return p >= this.text.length || c === LF || c === CR;
  }

  private spaces(p: number): number {
    while (this.code(p) === SPACE) p++;
    return p;
  }

  /** The start of the line after the one holding `p`. */
  private lineAfter(p: number): number {
    const nl = this.text.indexOf('\n', p);
    return nl < 0 ? this.text.length : nl + 1;
  }
}

/** Characters a plain scalar may not start with (`-`, `?`, `:` are checked with what follows). */
const INDICATORS = ",[]{}#&*!|>'\"%@`?:";

const FLOW_STOP = ',[]{}';

/** Characters of the local tag names the subset takes (`!!` and verbatim tags are the library's). */
const TAG_CHAR = /^[A-Za-z0-9_.-]$/;

const HEX = /^[0-9a-fA-F]{1,8}$/;

/** Double-quoted escapes with a fixed meaning (YAML 1.2 §5.7). */
const ESCAPES: Record<string, string | undefined> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

function scalarNode(start: number, end: number, value: string | number | boolean | null): ScalarNode {
  return { kind: 'scalar', range: [start, end], value };
}

const DECIMAL = /^[-+]?[0-9]+$/;
const OCTAL = /^0o[0-7]+$/;
const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;

/** A plain scalar resolved by the YAML 1.2 core schema, as the library does by default. */
function plainValue(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  // Only these first characters can make anything but a string.
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === MINUS || c === DOT;
  if (!numeric) {
    switch (s) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
      default:
        return s;
    }
  }
  if (OCTAL.test(s)) return parseInt(s.slice(2), 8);
  if (DECIMAL.test(s)) return parseInt(s, 10);
  if (HEXADECIMAL.test(s)) return parseInt(s.slice(2), 16);
  if (SPECIAL_FLOAT.test(s)) return s.endsWith('nan') || s.endsWith('NaN') || s.endsWith('NAN') ? NaN : s.startsWith('-') ? -Infinity : Infinity;
  if (EXPONENT.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}
