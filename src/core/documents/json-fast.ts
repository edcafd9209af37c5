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
      if (c === 32 || c === 10 || c === 13 || c === 9) this.at++;
      else if (c === 47 && t.charCodeAt(this.at + 1) === 47) {
        const nl = t.slice(this.at).search(/[\r\n]/);
        this.at = nl < 0 ? t.length : this.at + nl;
      } else if (c === 47 && t.charCodeAt(this.at + 1) === 42) {
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
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) {
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
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46 || c === 43 || c === 45) throw NOT_MINE;
  }

  private object(depth: number): TreeNode {
    const start = this.at++;
    const entries: Entry[] = [];
    this.skip();
    if (this.text.charCodeAt(this.at) === 125) {
      this.at++;
      return { kind: 'object', range: [start, this.at], entries };
    }
    for (;;) {
      if (this.text.charCodeAt(this.at) !== 34) throw NOT_MINE;
      const keyStart = this.at;
      const key = this.string();
      const keyRange: [number, number] = [keyStart, this.at];
      this.skip();
      if (this.text.charCodeAt(this.at) !== 58) throw NOT_MINE;
      this.at++;
      this.skip();
      entries.push({ key, keyRange, value: this.value(depth + 1) });
      this.skip();
      const c = this.text.charCodeAt(this.at);
      if (c === 44) {
        this.at++;
        this.skip();
        // A trailing comma, which JSONC allows.
        if (this.text.charCodeAt(this.at) === 125) {
          this.at++;
          return { kind: 'object', range: [start, this.at], entries };
        }
      } else if (c === 125) {
        this.at++;
        return { kind: 'object', range: [start, this.at], entries };
      } else throw NOT_MINE;
    }
  }

  private array(depth: number): TreeNode {
    const start = this.at++;
    const items: TreeNode[] = [];
    this.skip();
    if (this.text.charCodeAt(this.at) === 93) {
      this.at++;
      return { kind: 'array', range: [start, this.at], items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skip();
      const c = this.text.charCodeAt(this.at);
      if (c === 44) {
        this.at++;
        this.skip();
        if (this.text.charCodeAt(this.at) === 93) {
          this.at++;
          return { kind: 'array', range: [start, this.at], items };
        }
      } else if (c === 93) {
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
      if (c === 34) {
        this.at = i + 1;
        return t.slice(from, i);
      }
      if (c === 92) break;
      if (c < 32 || Number.isNaN(c)) throw NOT_MINE;
      i++;
    }
    let out = t.slice(from, i);
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.at = i + 1;
        return out;
      }
      if (c < 32 || Number.isNaN(c)) throw NOT_MINE;
      if (c !== 92) {
        out += t[i++];
        continue;
      }
      const e = t[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
        i += 6;
      } else throw NOT_MINE;
    }
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
