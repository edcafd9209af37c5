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

/** What `next()` found at the next line with content. */
const NO_LINE = 0;
const CONTENT = 1;
/** `---` or `...` at column 0, which ends any block node. */
const DOC_START = 2;
const DOC_END = 3;

/**
 * The reader runs on every keystroke, so its methods hand back positions through fields of the
 * reader instead of fresh result objects: those temporaries were most of what it allocated, and
 * what fills the young generation makes the GC pauses that land in a scan. Read a field right
 * after the call that sets it; the next call of the same kind overwrites it.
 */
class Reader {
  /** The last `next()`: its line's first character and indentation (when it found a line). */
  private lineFirst = 0;
  private lineIndent = 0;
  private peekFrom = -1;
  private peekKind = NO_LINE;
  /** Whether the last `next()` skipped a comment line: the library extends an empty value over it. */
  private peekSawComment = false;

  /** The last node read: where its range ends (trailing comments the library counts included) and the next line to read. */
  private end = 0;
  private resume = 0;
  /** An end the subset cannot tell: fine inside a collection, not as its last value. */
  private unsure = false;

  /** Where the text of the plain scalar the last `scanPlain` read ends. */
  private scanEnd = 0;

  /** The offset after the last quoted scalar, tagged scalar or flow node read. */
  private after = 0;

  /**
   * Entries and items of the collections being read, innermost last: each collection copies
   * its own out when it closes, into an array of exactly its size (one grown by `push` from
   * empty holds room for 17).
   */
  private readonly entryStack: Entry[] = [];
  private entryTop = 0;
  private readonly itemStack: TreeNode[] = [];
  private itemTop = 0;

  /** Columns of the block collections being read, innermost last: comments after a value are kept by it when deeper. */
  private readonly open: number[] = [];
  private commentsFrom = -1;
  private commentsDeepest = -1;

  constructor(private readonly text: string) {}

  stream(): TreeNode[] {
    const out: TreeNode[] = [];
    let kind = this.next(0);
    while (kind !== NO_LINE) {
      if (kind === DOC_END) throw NOT_MINE;
      if (kind === DOC_START) {
        const first = this.lineFirst;
        const v = this.spaces(first + 3);
        const c = this.code(v);
        if (!this.eol(v) && !(c === HASH && v > first + 3)) throw NOT_MINE;
        kind = this.next(this.lineAfter(v));
        if (kind === NO_LINE || kind === DOC_START) {
          // An explicit document with nothing in it reads as one null.
          out.push(scalarNode(v, v, null));
          continue;
        }
        if (kind !== CONTENT) throw NOT_MINE;
      }
      const root = this.block(0);
      out.push(root);
      kind = this.next(this.resume);
      if (kind === CONTENT) throw NOT_MINE;
      if (kind === DOC_END) {
        const first = this.lineFirst;
        this.restOfLine(first + 3);
        kind = this.next(this.lineAfter(first + 3));
        if (kind !== NO_LINE && kind !== DOC_START) throw NOT_MINE;
      }
    }
    return out;
  }

  /** A node written on its own line, the one `next()` just found (document root, or a value on the lines below its key or dash). */
  private block(depth: number): TreeNode {
    return this.node(this.lineFirst, this.lineIndent, depth, true);
  }

  /**
   * The node starting at `p` (column `col`): a block sequence or map when `compound` allows
   * (own line, or after `- `), else a single-line scalar or flow collection. Sets `end`,
   * `resume` and `unsure`.
   */
  private node(p: number, col: number, depth: number, compound: boolean): TreeNode {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const c = this.code(p);
    if (c === MINUS && this.gap(p + 1)) {
      if (!compound) throw NOT_MINE;
      return this.sequence(p, col, depth);
    }
    let valueEnd: number;
    let node: TreeNode;
    if (c === BANG) {
      node = this.taggedScalar(p);
      valueEnd = this.after;
    } else if (c === LBRACKET || c === LBRACE) {
      node = this.flow(p, depth);
      valueEnd = this.after;
      // A flow collection as a key is not in the subset.
      if (this.code(this.spaces(valueEnd)) === COLON) throw NOT_MINE;
    } else if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(p);
      valueEnd = this.after;
      const k = this.spaces(valueEnd);
      if (this.code(k) === COLON && this.gap(k + 1)) {
        if (!compound) throw NOT_MINE;
        return this.mapping(p, col, depth, value, valueEnd);
      }
      node = { kind: 'scalar', range: [p, valueEnd], value, quoted: true };
    } else {
      this.plainStart(p);
      const isKey = this.scanPlain(p);
      valueEnd = this.scanEnd;
      if (isKey) {
        if (!compound) throw NOT_MINE;
        return this.mapping(p, col, depth, String(plainValue(this.text.slice(p, valueEnd))), valueEnd);
      }
      node = scalarNode(p, valueEnd, plainValue(this.text.slice(p, valueEnd)));
    }
    const resume = this.restOfLine(valueEnd);
    this.end = this.keepIndented(resume);
    this.resume = resume;
    this.unsure = false;
    return node;
  }

  /**
   * A block mapping in column `col` whose first key starts at `first`; the caller has read
   * that key (`firstKey`, ending at `firstKeyEnd`) to tell a map from a scalar.
   */
  private mapping(first: number, col: number, depth: number, firstKey: string, firstKeyEnd: number): TreeNode {
    const base = this.entryTop;
    this.open.push(col);
    // The loop only steps from entry to entry; the work is in `mapEntry`. A long map (the
    // services of a compose file) gets this loop compiled on its own (on-stack replacement),
    // which could leave the short maps inside it in slower code when the work sat here.
    let p = first;
    let key = firstKey;
    let keyEnd = firstKeyEnd;
    while ((p = this.mapEntry(p, key, keyEnd, col, depth)) >= 0) {
      key = this.key(p);
      keyEnd = this.after;
    }
    this.open.pop();
    const entries = this.entryStack.slice(base, this.entryTop);
    this.entryTop = base;
    const end = this.end;
    this.end = this.trailing(end, this.peekKind === NO_LINE ? this.text.length : this.lineFirst, col);
    this.unsure = false;
    return { kind: 'object', range: [first, end], entries };
  }

  /**
   * One entry of a block map in column `col` (its key read, from `p` to `keyEnd`) and the line
   * after it: where the next key starts, or -1 when the map ends there (`end` and `resume` are
   * its last value's, `next()` has looked at the line after).
   */
  private mapEntry(p: number, key: string, keyEnd: number, col: number, depth: number): number {
    // (A plain key's scan stopped at its `: `, past the spaces after its text.)
    const colon = this.spaces(keyEnd);
    if (this.code(colon) !== COLON || !this.gap(colon + 1) || keyEnd - p > MAX_KEY) throw NOT_MINE;
    // `<<` would be merged by the library path; left to it.
    if (key === '<<') throw NOT_MINE;
    const value = this.valueAfter(colon + 1, col, depth, true);
    this.entryStack[this.entryTop++] = { key, keyRange: [p, keyEnd], value };
    const kind = this.next(this.resume);
    if (kind !== CONTENT || this.lineIndent < col) return -1;
    if (this.lineIndent > col || this.isDash(this.lineFirst)) throw NOT_MINE;
    return this.lineFirst;
  }

  /** A block mapping's key at `p`, quoted or plain, up to its `: `; sets `after` to the end of its text. */
  private key(p: number): string {
    const c = this.code(p);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(p);
    this.plainStart(p);
    if (!this.scanPlain(p)) throw NOT_MINE;
    const end = this.scanEnd;
    this.after = end;
    return String(plainValue(this.text.slice(p, end)));
  }

  /** A block sequence whose first `-` is at `first`, in column `col`. */
  private sequence(first: number, col: number, depth: number): TreeNode {
    const base = this.itemTop;
    this.open.push(col);
    // (The work is in `sequenceItem`, as for maps.)
    let p = first;
    do p = this.sequenceItem(p, col, depth);
    while (p >= 0);
    // The last item's end must be one the subset can tell.
    if (this.unsure) throw NOT_MINE;
    this.open.pop();
    const items = this.itemStack.slice(base, this.itemTop);
    this.itemTop = base;
    const end = this.end;
    this.end = this.trailing(end, this.peekKind === NO_LINE ? this.text.length : this.lineFirst, col);
    return { kind: 'array', range: [first, end], items };
  }

  /**
   * One item of a block sequence in column `col` (its `-` at `p`) and the line after it: where
   * the next `-` is, or -1 when the sequence ends there (`end`, `resume` and `unsure` are its
   * last item's, `next()` has looked at the line after).
   */
  private sequenceItem(p: number, col: number, depth: number): number {
    const item = this.valueAfter(p + 1, col, depth, false);
    this.itemStack[this.itemTop++] = item;
    const kind = this.next(this.resume);
    const indent = this.lineIndent;
    // A line in the same column that is not a `-` ends the sequence: the parent key's map goes on.
    if (kind !== CONTENT || indent < col || (indent === col && !this.isDash(this.lineFirst))) return -1;
    if (indent > col) throw NOT_MINE;
    return this.lineFirst;
  }

  /**
   * The value after a key's `:` or an item's `-` (at `p`): inline on the same line, a block on
   * the lines below, or empty (null). `inMap` allows a sequence in the key's own column.
   */
  private valueAfter(p: number, col: number, depth: number, inMap: boolean): TreeNode {
    const v = this.spaces(p);
    const c = this.code(v);
    if (!this.eol(v) && c !== HASH) {
      // Inline: after `- ` (in column col, at p - 1) a compact map or sequence may start here;
      // after `key: ` only a scalar or flow collection.
      return this.node(v, col + (v - (p - 1)), depth + 1, !inMap);
    }
    if (c === HASH && v === p) throw NOT_MINE;
    const resume = this.lineAfter(v);
    const kind = this.next(resume);
    if (kind === CONTENT && (this.lineIndent > col || (inMap && this.lineIndent === col && this.isDash(this.lineFirst)))) {
      return this.block(depth + 1);
    }
    // Empty: the library stretches the value over comments up to the next content, except
    // before a document marker or for a sequence item with comments above it: left to it.
    const commented = c === HASH || this.peekSawComment;
    if (commented && (kind === DOC_START || kind === DOC_END)) throw NOT_MINE;
    this.end = commented ? (kind === NO_LINE ? this.text.length : this.lineFirst) : v;
    this.resume = resume;
    this.unsure = !inMap && this.commentAbove(p - 1);
    return scalarNode(v, v, null);
  }

  /**
   * A local tag (`!Ref`, `!GetAtt`, `!Sub` of CloudFormation) before a scalar on the same line:
   * the library keeps such a scalar's text unresolved, as a string, with the tag on the node.
   * Sets `after`.
   */
  private taggedScalar(p: number): ScalarNode {
    const t = this.text;
    let i = p + 1;
    while (TAG_CHAR.test(t[i] ?? '')) i++;
    if (i === p + 1 || i - p > MAX_KEY || t.charCodeAt(i) !== SPACE) throw NOT_MINE;
    const tag = t.slice(p, i);
    const v = this.spaces(i);
    const c = this.code(v);
    if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(v);
      return { kind: 'scalar', range: [v, this.after], value, tag, quoted: true };
    }
    this.plainStart(v);
    if (this.scanPlain(v)) throw NOT_MINE;
    const end = this.scanEnd;
    this.after = end;
    return { kind: 'scalar', range: [v, end], value: t.slice(v, end), tag };
  }

  /** A single-line flow collection at `p`. Sets `after`. */
  private flow(p: number, depth: number): TreeNode {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const isMap = this.code(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const entryBase = this.entryTop;
    const itemBase = this.itemTop;
    let i = this.spaces(p + 1);
    while (this.code(i) !== close) {
      if (isMap) {
        const keyStart = i;
        const key = this.flowScalar(i);
        const keyEnd = this.after;
        let colon = this.spaces(keyEnd);
        // `"a":1` is a pair (JSON-like key); `a:1` is one plain scalar, left to the library.
        if (this.code(colon) !== COLON || (!key.quoted && this.code(colon + 1) !== SPACE)) throw NOT_MINE;
        colon = this.spaces(colon + 1);
        const value = this.flowItem(colon, depth + 1);
        const name = String(key.value);
        if (name === '<<') throw NOT_MINE;
        this.entryStack[this.entryTop++] = { key: name, keyRange: [keyStart, keyEnd], value };
        i = this.spaces(this.after);
      } else {
        const item = this.flowItem(i, depth + 1);
        this.itemStack[this.itemTop++] = item;
        i = this.spaces(this.after);
        if (this.code(i) === COLON) throw NOT_MINE;
      }
      const c = this.code(i);
      if (c === COMMA) {
        i = this.spaces(i + 1);
        if (this.code(i) === COMMA) throw NOT_MINE;
      } else if (c !== close) throw NOT_MINE;
    }
    const end = i + 1;
    this.after = end;
    if (isMap) {
      const entries = this.entryStack.slice(entryBase, this.entryTop);
      this.entryTop = entryBase;
      return { kind: 'object', range: [p, end], entries };
    }
    const items = this.itemStack.slice(itemBase, this.itemTop);
    this.itemTop = itemBase;
    return { kind: 'array', range: [p, end], items };
  }

  /** A flow collection or scalar at `p`. Sets `after`. */
  private flowItem(p: number, depth: number): TreeNode {
    const c = this.code(p);
    if (c === LBRACKET || c === LBRACE) return this.flow(p, depth);
    return this.flowScalar(p);
  }

  /** A quoted or plain scalar inside a flow collection. Sets `after`. */
  private flowScalar(p: number): ScalarNode {
    const c = this.code(p);
    if (c === SQUOTE || c === DQUOTE) {
      const value = this.quoted(p);
      return { kind: 'scalar', range: [p, this.after], value, quoted: true };
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
    this.after = end;
    return scalarNode(p, end, plainValue(t.slice(p, end)));
  }

  /** A single- or double-quoted scalar on one line at `p`: its value; sets `after` to the offset after the closing quote. */
  private quoted(p: number): string {
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
          if (t.charCodeAt(i + 1) !== SQUOTE) {
            this.after = i + 1;
            return value;
          }
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
      if (ch === DQUOTE) {
        this.after = i + 1;
        return value + t.slice(from, i);
      }
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
    if (this.eol(p) || (c < 0x80 && INDICATOR[c] === 1) || (c === MINUS && this.gap(p + 1))) throw NOT_MINE;
  }

  /**
   * Scans a block plain scalar on its line: it stops at `: `, ` #` or the line end. Whether it
   * stopped at a key's `: `; sets `scanEnd` to the end of its text.
   */
  private scanPlain(p: number): boolean {
    const t = this.text;
    let end = p;
    for (let i = p; ; i++) {
      const ch = t.charCodeAt(i);
      if (ch === TAB) throw NOT_MINE;
      const stop = i >= t.length || ch === LF || ch === CR || (ch === SPACE && t.charCodeAt(i + 1) === HASH);
      const colon = !stop && ch === COLON && this.gap(i + 1);
      if (stop || colon) {
        this.scanEnd = end;
        return colon;
      }
      if (ch !== SPACE) end = i + 1;
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
   * sees it. The comments between `from` and the next content line (first character at
   * `next`, the text's end when none) move up to the parent when all are shallower than the
   * collection (or it is in column 0); otherwise they stay with it, and so does everything up
   * to `next`.
   */
  private trailing(from: number, next: number, col: number): number {
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
    return next;
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

  /**
   * The next line with content at or after the line start `p`, skipping blank and comment
   * lines: what it is (NO_LINE, CONTENT, DOC_START, DOC_END); sets `lineFirst` and `lineIndent`.
   * Asking again from the same `p` costs nothing.
   */
  private next(p: number): number {
    if (p === this.peekFrom) return this.peekKind;
    const t = this.text;
    let s = p;
    let sawComment = false;
    let kind = NO_LINE;
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
      this.lineFirst = i;
      this.lineIndent = i - s;
      kind = CONTENT;
      if (i === s && (c === MINUS || c === DOT) && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c && this.gap(i + 3)) {
        kind = c === MINUS ? DOC_START : DOC_END;
      }
      break;
    }
    this.peekFrom = p;
    this.peekKind = kind;
    this.peekSawComment = sawComment;
    return kind;
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

/** Characters a plain scalar may not start with (`-`, `?`, `:` are checked with what follows), by code: 1 for an indicator. */
const INDICATOR = new Uint8Array(128);
for (const ch of ',[]{}#&*!|>\'"%@`?:') INDICATOR[ch.charCodeAt(0)] = 1;

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
