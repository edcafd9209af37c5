import {
  BACKSLASH,
  COLON,
  COMMA,
  CR,
  DOT,
  DQUOTE,
  LBRACE,
  LBRACKET,
  LF,
  MINUS,
  NINE,
  PLUS,
  RBRACE,
  RBRACKET,
  SLASH,
  SPACE,
  STAR,
  TAB,
  UNDERSCORE,
  ZERO,
} from './chars';
import type { Entry, TreeNode } from './tree';

/**
 * A one-pass reader for well-formed JSON and JSONC (comments, trailing commas) that builds the
 * tree directly. jsonc-parser builds a syntax tree of its own first, which `json.ts` then
 * converts: twice the objects, and most of the time on a large file. Anything malformed, or
 * deeper than the converter goes, is "not mine" (undefined) and takes the jsonc-parser path,
 * whose error recovery keeps what parsed. Where this returns a tree it equals that path's
 * (`json-fast.test.ts` holds it to that).
 */
export function fastJsonTree(text: string): TreeNode | undefined {
  const r = new Reader(text);
  try {
    r.skip();
    const root = r.value(0);
    r.skip();
    return r.at === text.length ? root : undefined;
  } catch (error) {
    if (error === NOT_MINE) return undefined;
    throw error;
  }
}

/** Thrown (and caught above) when the text leaves the subset: one instance, made once, so no stack is captured per throw. */
const NOT_MINE = new Error('not mine');
/** jsonc-parser's converter drops nodes deeper than 200: leave such files to it. */
const MAX_DEPTH = 190;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  /** Skips blanks and comments. */
  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.at);
      if (c === SPACE || c === LF || c === CR || c === TAB) this.at++;
      else if (c === SLASH && t.charCodeAt(this.at + 1) === SLASH) {
        const nl = t.slice(this.at).search(/[\r\n]/);
        this.at = nl < 0 ? t.length : this.at + nl;
      } else if (c === SLASH && t.charCodeAt(this.at + 1) === STAR) {
        const end = t.indexOf('*/', this.at + 2);
        if (end < 0) throw NOT_MINE;
        this.at = end + 2;
      } else return;
    }
  }

  value(depth: number): TreeNode {
    if (depth > MAX_DEPTH) throw NOT_MINE;
    const t = this.text;
    const start = this.at;
    const c = t.charCodeAt(start);
    if (c === LBRACE) return this.object(depth);
    if (c === LBRACKET) return this.array(depth);
    if (c === DQUOTE) {
      const value = this.string();
      return { kind: 'scalar', range: [start, this.at], value, quoted: true };
    }
    if (t.startsWith('true', start)) return this.literal(start, 4, true);
    if (t.startsWith('false', start)) return this.literal(start, 5, false);
    if (t.startsWith('null', start)) return this.literal(start, 4, null);
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(t);
    if (!m) throw NOT_MINE;
    this.at = start + m[0].length;
    this.wordEnd();
    return { kind: 'scalar', range: [start, this.at], value: Number(m[0]) };
  }

  private literal(start: number, length: number, value: boolean | null): TreeNode {
    this.at = start + length;
    this.wordEnd();
    return { kind: 'scalar', range: [start, this.at], value };
  }

  /** A token must not run on into letters or digits (`truex`, `12abc`). */
  private wordEnd(): void {
    const c = this.text.charCodeAt(this.at);
    if ((c >= ZERO && c <= NINE) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE || c === 36 || c === DOT || c === PLUS || c === MINUS)
      throw NOT_MINE;
  }

  private object(depth: number): TreeNode {
    const start = this.at++;
    const entries: Entry[] = [];
    this.skip();
    if (this.text.charCodeAt(this.at) === RBRACE) {
      this.at++;
      return { kind: 'object', range: [start, this.at], entries };
    }
    for (;;) {
      if (this.text.charCodeAt(this.at) !== DQUOTE) throw NOT_MINE;
      const keyStart = this.at;
      const key = this.string();
      const keyRange: [number, number] = [keyStart, this.at];
      this.skip();
      if (this.text.charCodeAt(this.at) !== COLON) throw NOT_MINE;
      this.at++;
      this.skip();
      entries.push({ key, keyRange, value: this.value(depth + 1) });
      this.skip();
      const c = this.text.charCodeAt(this.at);
      if (c === COMMA) {
        this.at++;
        this.skip();
        // A trailing comma, which JSONC allows.
        if (this.text.charCodeAt(this.at) === RBRACE) {
          this.at++;
          return { kind: 'object', range: [start, this.at], entries };
        }
      } else if (c === RBRACE) {
        this.at++;
        return { kind: 'object', range: [start, this.at], entries };
      } else throw NOT_MINE;
    }
  }

  private array(depth: number): TreeNode {
    const start = this.at++;
    const items: TreeNode[] = [];
    this.skip();
    if (this.text.charCodeAt(this.at) === RBRACKET) {
      this.at++;
      return { kind: 'array', range: [start, this.at], items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skip();
      const c = this.text.charCodeAt(this.at);
      if (c === COMMA) {
        this.at++;
        this.skip();
        if (this.text.charCodeAt(this.at) === RBRACKET) {
          this.at++;
          return { kind: 'array', range: [start, this.at], items };
        }
      } else if (c === RBRACKET) {
        this.at++;
        return { kind: 'array', range: [start, this.at], items };
      } else throw NOT_MINE;
    }
  }

  /** A string at `at` (which is a quote); leaves `at` after the closing quote. */
  private string(): string {
    const t = this.text;
    const from = this.at + 1;
    let i = from;
    // The common case, no escapes: one slice.
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === DQUOTE) {
        this.at = i + 1;
        return t.slice(from, i);
      }
      if (c === BACKSLASH) break;
      if (c < SPACE || Number.isNaN(c)) throw NOT_MINE;
      i++;
    }
    // Escapes: unescaped runs are copied as slices, not character by character (a source map's
    // `sourcesContent` has an escape every line; one string piece per character was most of
    // the garbage of scanning a tree of them).
    let out = '';
    let run = from;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === DQUOTE) {
        this.at = i + 1;
        return out + t.slice(run, i);
      }
      if (c < SPACE || Number.isNaN(c)) throw NOT_MINE;
      if (c !== BACKSLASH) {
        i++;
        continue;
      }
      out += t.slice(run, i);
      const e = t[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
        i += 6;
      } else throw NOT_MINE;
      run = i;
    }
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
