import type { Range } from '../types';
import type { ArrayNode, Entry, ObjectNode, ScalarNode, TreeNode } from './tree';
import {
  BACKSLASH,
  COLON,
  COMMA,
  CR,
  DEL,
  DOT,
  DQUOTE,
  EQUALS,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  MINUS,
  NINE,
  PLUS,
  RBRACE,
  RBRACKET,
  SPACE,
  SQUOTE,
  TAB,
  UNDERSCORE,
  ZERO,
} from './chars';

/**
 * A hand-written, linear-time reader for the TOML that real config files use: comments,
 * `[table]` and `[[array.of.tables]]` headers, `key = value` with bare, quoted and dotted keys,
 * single-line basic and literal strings, integers, floats, booleans, dates and times, arrays
 * (which may span lines) and single-line inline tables.
 *
 * It answers `undefined` ("not mine") as soon as it meets anything else (multi-line strings,
 * a redefined key or table, any syntax the TOML 1.0 grammar rejects, …); `parseToml` then falls
 * back to toml-eslint-parser. Whenever it answers, the tree is the one `parseToml`'s library path
 * builds for the same text: same nesting, values, ranges, key ranges and entry order.
 */
export function fastTomlTree(text: string): ObjectNode | undefined {
  try {
    return new Reader(text).read();
  } catch {
    // NotMine, or a bug in this reader: either way the library path decides.
    return undefined;
  }
}

/** Thrown to leave the reader when the text is outside its subset. */
class NotMine extends Error {}

// Past these the library itself fails (its tokenizer spreads a token's code points into one
// call) or recurses deeply: leave such texts to it.
const MAX_TOKEN = 20_000;
const MAX_DEPTH = 50;
// Real keys have a handful of parts; a million-part dotted key is an attack, not config.
const MAX_KEY_PARTS = 32;

interface Key {
  name: string;
  range: Range;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isBareKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === UNDERSCORE || c === MINUS;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Control characters other than tab, which TOML forbids in strings and comments. */
function isForbiddenControl(c: number): boolean {
  return (c < SPACE && c !== TAB) || c === DEL;
}

const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

/**
 * Reads the text in one pass, handing headers and key/values to `Tables` as they come, so that
 * no intermediate syntax tree is allocated; throws NotMine.
 */
class Reader {
  private pos = 0;
  private readonly tables: Tables;

  constructor(private readonly text: string) {
    this.tables = new Tables(text.length);
  }

  read(): ObjectNode {
    const text = this.text;
    while (this.pos < text.length) {
      this.skipSpaces();
      const c = text.charCodeAt(this.pos);
      if (c === LBRACKET) this.header();
      else if (c !== LF && c !== CR && c !== HASH && this.pos < text.length) this.keyValue();
      this.endLine();
    }
    return this.tables.finish();
  }

  private fail(): never {
    throw new NotMine();
  }

  private skipSpaces(): void {
    const text = this.text;
    let c = text.charCodeAt(this.pos);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++this.pos);
  }

  /** Spaces, newlines and comments, as allowed between array elements. */
  private skipBlank(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === LF) this.pos++;
      else if (c === CR) this.newline();
      else if (c === HASH) this.comment();
      else return;
    }
  }

  /** A CR must start a CRLF: the library counts a lone CR as a break but not as a new line. */
  private newline(): void {
    if (this.text.charCodeAt(this.pos) === CR) {
      if (this.text.charCodeAt(this.pos + 1) !== LF) this.fail();
      this.pos += 2;
    } else this.pos++;
  }

  private comment(): void {
    const text = this.text;
    let i = this.pos + 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (isForbiddenControl(c)) this.fail();
    }
    this.pos = i;
  }

  /** After a header or key/value: spaces, an optional comment, then a newline or the end. */
  private endLine(): void {
    this.skipSpaces();
    if (this.text.charCodeAt(this.pos) === HASH) this.comment();
    if (this.pos >= this.text.length) return;
    const c = this.text.charCodeAt(this.pos);
    if (c !== LF && c !== CR) this.fail();
    this.newline();
  }

  private expect(c: number): void {
    if (this.text.charCodeAt(this.pos) !== c) this.fail();
    this.pos++;
  }

  private header(): void {
    const start = this.pos;
    this.pos++;
    // `[[` must be written without a space between the brackets, as must `]]`.
    const array = this.text.charCodeAt(this.pos) === LBRACKET;
    if (array) this.pos++;
    this.skipSpaces();
    const keys = this.key();
    this.expect(RBRACKET);
    if (array) this.expect(RBRACKET);
    this.tables.header(array, keys, start, this.pos);
  }

  /** A possibly dotted key; leaves the position after the spaces that follow it. */
  private key(): Key[] {
    const text = this.text;
    const keys: Key[] = [];
    for (;;) {
      const start = this.pos;
      const c = text.charCodeAt(start);
      let name: string;
      if (c === DQUOTE) name = this.basicString();
      else if (c === SQUOTE) name = this.literalString();
      else {
        let i = start;
        while (isBareKeyChar(text.charCodeAt(i))) i++;
        if (i === start) this.fail();
        this.pos = i;
        name = text.slice(start, i);
      }
      keys.push({ name, range: [start, this.pos] });
      if (keys.length > MAX_KEY_PARTS) this.fail();
      this.skipSpaces();
      if (text.charCodeAt(this.pos) !== DOT) return keys;
      this.pos++;
      this.skipSpaces();
    }
  }

  private keyValue(): void {
    const start = this.pos;
    const keys = this.key();
    this.expect(EQUALS);
    this.skipSpaces();
    this.tables.keyValue(keys, start, this.value(0));
  }

  private value(depth: number): TreeNode {
    if (depth > MAX_DEPTH) this.fail();
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === DQUOTE) return this.stringNode(this.basicString(), start);
    if (c === SQUOTE) return this.stringNode(this.literalString(), start);
    if (c === LBRACKET) return this.array(depth);
    if (c === LBRACE) return this.inlineTable(depth);
    if (c === 116 && text.startsWith('true', start)) return this.atom(start, 4, true);
    if (c === 102 && text.startsWith('false', start)) return this.atom(start, 5, false);
    return this.numberOrDate();
  }

  private stringNode(value: string, start: number): ScalarNode {
    if (this.pos - start > MAX_TOKEN) this.fail();
    return { kind: 'scalar', range: [start, this.pos], value, quoted: true };
  }

  /** A keyword value of `length` characters; it must end where a token may end. */
  private atom(start: number, length: number, value: number | boolean): ScalarNode {
    this.pos = start + length;
    this.delimited();
    return { kind: 'scalar', range: [start, this.pos], value };
  }

  /** A bare value must be followed by a space, comment, newline, separator or the end. */
  private delimited(): void {
    if (this.pos >= this.text.length) return;
    const c = this.text.charCodeAt(this.pos);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR && c !== HASH && c !== COMMA && c !== RBRACKET && c !== RBRACE) this.fail();
  }

  /** A single-line basic string starting at the position; returns its value. */
  private basicString(): string {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(start + 1) === DQUOTE) {
      if (text.charCodeAt(start + 2) === DQUOTE) this.fail(); // multi-line: the library's job
      this.pos = start + 2;
      return '';
    }
    let out = '';
    let from = start + 1;
    let i = from;
    for (;;) {
      if (i >= text.length) this.fail();
      const c = text.charCodeAt(i);
      if (c === DQUOTE) break;
      if (c === BACKSLASH) {
        out += text.slice(from, i);
        const e = text.charCodeAt(i + 1);
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 117 || e === 85) {
          const count = e === 117 ? 4 : 8;
          let code = 0;
          for (let k = 0; k < count; k++) {
            const h = text.charCodeAt(i + 2 + k);
            if (!isHexDigit(h)) this.fail();
            code = code * 16 + parseInt(text[i + 2 + k], 16);
          }
          // Only Unicode scalar values: no surrogates, nothing past U+10FFFF.
          if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) this.fail();
          out += String.fromCodePoint(code);
          i += 2 + count;
        } else this.fail();
        from = i;
        continue;
      }
      if (isForbiddenControl(c)) this.fail();
      i++;
    }
    this.pos = i + 1;
    return from === start + 1 ? text.slice(from, i) : out + text.slice(from, i);
  }

  private literalString(): string {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(start + 1) === SQUOTE) {
      if (text.charCodeAt(start + 2) === SQUOTE) this.fail();
      this.pos = start + 2;
      return '';
    }
    let i = start + 1;
    for (;;) {
      if (i >= text.length) this.fail();
      const c = text.charCodeAt(i);
      if (c === SQUOTE) break;
      if (isForbiddenControl(c)) this.fail();
      i++;
    }
    this.pos = i + 1;
    return text.slice(start + 1, i);
  }

  private array(depth: number): ArrayNode {
    const text = this.text;
    const start = this.pos;
    const items: TreeNode[] = [];
    this.pos++;
    this.skipBlank();
    if (text.charCodeAt(this.pos) !== RBRACKET) {
      for (;;) {
        items.push(this.value(depth + 1));
        this.skipBlank();
        const c = text.charCodeAt(this.pos);
        if (c === COMMA) {
          this.pos++;
          this.skipBlank();
          if (text.charCodeAt(this.pos) === RBRACKET) break;
        } else if (c === RBRACKET) break;
        else this.fail();
      }
    }
    this.pos++;
    return { kind: 'array', range: [start, this.pos], items };
  }

  /** TOML 1.0 inline tables: one line, no trailing comma (arrays inside may still span lines). */
  private inlineTable(depth: number): ObjectNode {
    const text = this.text;
    const start = this.pos;
    const obj: ObjectNode = { kind: 'object', range: [start, start], entries: [] };
    this.pos++;
    this.skipSpaces();
    if (text.charCodeAt(this.pos) !== RBRACE) {
      for (;;) {
        const kvStart = this.pos;
        const keys = this.key();
        this.expect(EQUALS);
        this.skipSpaces();
        this.tables.insert(obj, keys, kvStart, this.value(depth + 1));
        this.skipSpaces();
        const c = text.charCodeAt(this.pos);
        if (c === COMMA) {
          this.pos++;
          this.skipSpaces();
        } else if (c === RBRACE) break;
        else this.fail();
      }
    }
    this.pos++;
    obj.range = [start, this.pos];
    return obj;
  }

  private numberOrDate(): ScalarNode {
    const text = this.text;
    const start = this.pos;
    let i = start;
    let c = text.charCodeAt(i);
    const signed = c === PLUS || c === MINUS;
    if (signed) c = text.charCodeAt(++i);
    if (c === 105 && text.startsWith('inf', i)) return this.atom(start, i + 3 - start, text.charCodeAt(start) === MINUS ? -Infinity : Infinity);
    if (c === 110 && text.startsWith('nan', i)) return this.atom(start, i + 3 - start, NaN);
    if (!isDigit(c)) this.fail();
    if (!signed && isDigit(text.charCodeAt(i + 1))) {
      if (text.charCodeAt(i + 2) === COLON) return this.dateTime(false);
      if (isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && text.charCodeAt(i + 4) === MINUS) return this.dateTime(true);
    }
    const zero = c === ZERO;
    if (zero) {
      const next = text.charCodeAt(i + 1);
      if (next === 120 || next === 111 || next === 98) {
        if (signed) this.fail();
        const radix = next === 120 ? 16 : next === 111 ? 8 : 2;
        this.pos = i + 2;
        const digits = this.digits(radix);
        return this.numberNode(start, parseInt(digits, radix));
      }
      // No leading zeros (`0123`, `0_1`): the library rejects them. A bare 0 ending the text
      // gets an empty range from the library (its look-ahead stalls at the end): leave it.
      if (isDigit(next) || next === UNDERSCORE || (!signed && i + 1 >= text.length)) this.fail();
      this.pos = i + 1;
    } else {
      this.pos = i;
      this.digits(10);
    }
    let float = false;
    if (text.charCodeAt(this.pos) === DOT) {
      this.pos++;
      this.digits(10);
      float = true;
    }
    c = text.charCodeAt(this.pos);
    if (c === 101 || c === 69) {
      c = text.charCodeAt(++this.pos);
      if (c === PLUS || c === MINUS) this.pos++;
      this.digits(10);
      float = true;
    }
    const source = text.slice(start, this.pos);
    const clean = source.includes('_') ? source.replace(/_/g, '') : source;
    if (float) return this.numberNode(start, Number(clean));
    // The library reads `-0` and `+0` as plain 0, not -0.
    return this.numberNode(start, zero ? 0 : parseInt(clean, 10));
  }

  private numberNode(start: number, value: number): ScalarNode {
    if (this.pos - start > 1000) this.fail();
    this.delimited();
    return { kind: 'scalar', range: [start, this.pos], value };
  }

  /** Digits of `radix` with single underscores between them; returns them without underscores. */
  private digits(radix: 2 | 8 | 10 | 16): string {
    const text = this.text;
    const start = this.pos;
    let i = start;
    let underscores = false;
    for (; ; i++) {
      const c = text.charCodeAt(i);
      const ok = radix === 10 ? isDigit(c) : radix === 16 ? isHexDigit(c) : radix === 8 ? c >= ZERO && c <= 55 : c === ZERO || c === 49;
      if (ok) continue;
      if (c === UNDERSCORE && i > start && text.charCodeAt(i - 1) !== UNDERSCORE) {
        underscores = true;
        continue;
      }
      break;
    }
    if (i === start || text.charCodeAt(i - 1) === UNDERSCORE) this.fail();
    this.pos = i;
    const digits = text.slice(start, i);
    return underscores ? digits.replace(/_/g, '') : digits;
  }

  /** A date, date-time or time; kept as its source text, tagged with its TOML kind. */
  private dateTime(hasDate: boolean): ScalarNode {
    const text = this.text;
    const start = this.pos;
    let kind = 'local-time';
    if (hasDate) {
      const year = this.fixed(start, 4);
      if (text.charCodeAt(start + 4) !== MINUS) this.fail();
      const month = this.fixed(start + 5, 2);
      if (text.charCodeAt(start + 7) !== MINUS) this.fail();
      const day = this.fixed(start + 8, 2);
      if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) this.fail();
      this.pos = start + 10;
      kind = 'local-date';
      const c = text.charCodeAt(this.pos);
      // A space separates date and time only when two digits follow it.
      if (c === 84 || c === 116 || (c === SPACE && isDigit(text.charCodeAt(this.pos + 1)) && isDigit(text.charCodeAt(this.pos + 2)))) {
        this.pos++;
        this.time();
        kind = 'local-date-time';
        const z = text.charCodeAt(this.pos);
        if (z === 90 || z === 122) {
          this.pos++;
          kind = 'offset-date-time';
        } else if (z === PLUS || z === MINUS) {
          const p = this.pos + 1;
          const hour = this.fixed(p, 2);
          if (text.charCodeAt(p + 2) !== COLON) this.fail();
          const minute = this.fixed(p + 3, 2);
          if (hour > 23 || minute > 59) this.fail();
          this.pos = p + 5;
          kind = 'offset-date-time';
        }
      }
    } else this.time();
    if (this.pos - start > 1000) this.fail();
    this.delimited();
    return { kind: 'scalar', range: [start, this.pos], value: text.slice(start, this.pos), tag: kind };
  }

  /** `HH:MM:SS` with an optional fraction (TOML 1.0 requires the seconds). */
  private time(): void {
    const text = this.text;
    const p = this.pos;
    const hour = this.fixed(p, 2);
    if (text.charCodeAt(p + 2) !== COLON) this.fail();
    const minute = this.fixed(p + 3, 2);
    if (text.charCodeAt(p + 5) !== COLON) this.fail();
    const second = this.fixed(p + 6, 2);
    if (hour > 23 || minute > 59 || second > 60) this.fail();
    this.pos = p + 8;
    if (text.charCodeAt(this.pos) === DOT) {
      let i = this.pos + 1;
      while (isDigit(text.charCodeAt(i))) i++;
      if (i === this.pos + 1) this.fail();
      this.pos = i;
    }
  }

  /** The number written with exactly `count` digits at `at`. */
  private fixed(at: number, count: number): number {
    let n = 0;
    for (let k = 0; k < count; k++) {
      const c = this.text.charCodeAt(at + k);
      if (!isDigit(c)) this.fail();
      n = n * 10 + (c - ZERO);
    }
    return n;
  }
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// How an object or array came to be, which decides what may later enter or extend it.
const TABLE = 1; // opened by a `[header]`, or an element of an array of tables
const IMPLIED = 2; // only implied by a longer header (`[a.b]` implies `a`); `[a]` may still open it
const DOTTED = 3; // made by a dotted key (`a.b = 1` makes `a`); only further dotted keys enter it
const TABLE_ARRAY = 4; // made by `[[header]]`

// Objects with more entries than this get a map from key to entry.
const SCAN_LIMIT = 12;

/**
 * Semantics: assembles the tree the way `parseToml`'s `build` does (same nodes, ranges and entry
 * order), refusing every redefinition: TOML forbids them, and the library's handling of them is
 * its own business.
 */
class Tables {
  private readonly root: ObjectNode;
  private readonly origin = new Map<TreeNode, number>();
  private readonly bigIndex = new Map<ObjectNode, Map<string, Entry>>();
  /** Where key/values go: the root, then the table of the latest header. */
  private target: ObjectNode;
  // The latest header's table range ends at its last key/value, known only when the next header
  // (or the end) comes: these nodes take that range then.
  private pending: ObjectNode[] = [];
  private pendingArray: ArrayNode | undefined;
  private pendingStart = 0;
  private pendingEnd = -1;

  constructor(length: number) {
    this.root = { kind: 'object', range: [0, length], entries: [] };
    this.target = this.root;
  }

  finish(): ObjectNode {
    this.close();
    return this.root;
  }

  keyValue(keys: Key[], start: number, value: TreeNode): void {
    this.insert(this.target, keys, start, value);
    this.pendingEnd = value.range[1];
  }

  /** `a.b.c = v` into `obj`: dotted parents made (range: the key/value) or re-entered, `c` new. */
  insert(obj: ObjectNode, keys: Key[], start: number, value: TreeNode): void {
    let cur = obj;
    const last = keys.length - 1;
    for (let k = 0; k < last; k++) {
      const key = keys[k];
      const e = this.find(cur, key.name);
      if (!e) {
        const next: ObjectNode = { kind: 'object', range: [start, value.range[1]], entries: [] };
        this.origin.set(next, DOTTED);
        this.add(cur, { key: key.name, keyRange: key.range, value: next });
        cur = next;
      } else if (e.value.kind === 'object' && this.origin.get(e.value) === DOTTED) cur = e.value;
      else throw new NotMine();
    }
    const key = keys[last];
    if (this.find(cur, key.name)) throw new NotMine();
    this.add(cur, { key: key.name, keyRange: key.range, value });
  }

  header(array: boolean, keys: Key[], start: number, end: number): void {
    this.close();
    this.pendingStart = start;
    this.pendingEnd = end;
    const last = keys.length - 1;
    let parent = this.root;
    for (let k = 0; k < last; k++) parent = this.step(parent, keys[k]);
    const key = keys[last];
    const existing = this.find(parent, key.name);
    const table: ObjectNode = { kind: 'object', range: [start, end], entries: [] };
    let target = table;
    if (array) {
      let arr: ArrayNode;
      if (!existing) {
        arr = { kind: 'array', range: [start, end], items: [] };
        this.origin.set(arr, TABLE_ARRAY);
        this.add(parent, { key: key.name, keyRange: key.range, value: arr });
      } else if (existing.value.kind === 'array' && this.origin.get(existing.value) === TABLE_ARRAY) arr = existing.value;
      else throw new NotMine();
      arr.items.push(table);
      this.pendingArray = arr;
    } else if (!existing) {
      this.add(parent, { key: key.name, keyRange: key.range, value: table });
    } else if (existing.value.kind === 'object' && this.origin.get(existing.value) === IMPLIED) {
      // A super-table defined after its sub-table: one node, now with the header's ranges.
      target = existing.value;
      existing.keyRange = key.range;
    } else throw new NotMine();
    this.origin.set(target, TABLE);
    this.pending.push(target);
    this.target = target;
  }

  /** Gives the latest header's table (and what its header made) the table's final range. */
  private close(): void {
    if (this.target === this.root) return;
    const range: Range = [this.pendingStart, this.pendingEnd];
    for (const node of this.pending) node.range = range;
    this.pending = [];
    const arr = this.pendingArray;
    if (arr) arr.range = [arr.range[0], Math.max(arr.range[1], range[1])];
    this.pendingArray = undefined;
  }

  /** One step along a header's key path: into a table, the last element of an array of tables, or a new implied table. */
  private step(parent: ObjectNode, key: Key): ObjectNode {
    const e = this.find(parent, key.name);
    if (!e) {
      const next: ObjectNode = { kind: 'object', range: [0, 0], entries: [] };
      this.origin.set(next, IMPLIED);
      this.pending.push(next);
      this.add(parent, { key: key.name, keyRange: key.range, value: next });
      return next;
    }
    const v = e.value;
    const origin = this.origin.get(v);
    if (v.kind === 'array' && origin === TABLE_ARRAY) {
      const lastItem = v.items[v.items.length - 1];
      if (lastItem?.kind === 'object') return lastItem;
    } else if (v.kind === 'object' && (origin === TABLE || origin === IMPLIED)) return v;
    throw new NotMine();
  }

  private find(obj: ObjectNode, key: string): Entry | undefined {
    const entries = obj.entries;
    if (entries.length > SCAN_LIMIT) return this.bigIndex.get(obj)?.get(key);
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
    return undefined;
  }

  private add(obj: ObjectNode, entry: Entry): void {
    const entries = obj.entries;
    entries.push(entry);
    if (entries.length <= SCAN_LIMIT) return;
    let index = this.bigIndex.get(obj);
    if (!index) {
      index = new Map();
      for (const e of entries) index.set(e.key, e);
      this.bigIndex.set(obj, index);
    } else index.set(entry.key, entry);
  }
}
