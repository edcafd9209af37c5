import { TokenCursor, type Tok as SharedTok } from './tokens';
import type { Document } from './document';
import type { ArrayNode, Entry, ObjectNode, ScalarNode, TreeNode } from './tree';

/**
 * A light Bicep reader: enough structure to check resource properties, with offsets.
 *
 * Shape (the same conventions as the HCL tree):
 * - `resource sql 'Microsoft.Sql/servers@2021-11-01' = { … }` → an entry `resource` whose value
 *   is the body object with `labels: ['sql', 'Microsoft.Sql/servers@2021-11-01']`; nested child
 *   resources are `resource` entries inside it. `= if (…) { … }` and `= [for … : { … }]` read
 *   the body object. `module` declarations are kept the same way.
 * - `param name type = default` → an entry `param` with `labels: [name, type]` and a `default`
 *   entry when a default is given.
 * - Strings are quoted scalars (escapes decoded; `${…}` kept and tagged `expr`); anything that
 *   is not a literal, object or array is a scalar tagged `expr` holding its source text.
 * Everything else (var, output, decorators, imports) is skipped. Never throws.
 */
export function bicepTree(doc: Document): ObjectNode | undefined {
  return doc.memo('bicep', () => {
    try {
      return parseBicep(doc.text);
    } catch {
      return undefined;
    }
  });
}

/** Parses Bicep text; exported for callers without a Document. */
export function parseBicep(text: string): ObjectNode {
  const p = new BicepParser(text, tokenize(text));
  return { kind: 'object', range: [0, text.length], entries: p.top(), labels: [] };
}

type TokType = 'nl' | 'ident' | 'number' | 'string' | 'punct' | 'eof';

type Tok = SharedTok<TokType>;

const IDENT = /[A-Za-z_][\w]*/y;
const NUMBER = /\d+(?:\.\d+)?/y;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', "'": "'", '\\': '\\', $: '$' };

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      toks.push({ t: 'nl', s: i, e: i + 1, v: '\n', tmpl: false });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (text.startsWith("'''", i)) {
      const close = text.indexOf("'''", i + 3);
      const e = close < 0 ? n : close + 3;
      toks.push({ t: 'string', s: i, e, v: text.slice(i + 3, close < 0 ? n : close).replace(/^\r?\n/, ''), tmpl: false });
      i = e;
    } else if (c === "'") {
      let j = i + 1;
      let v = '';
      let tmpl = false;
      let depth = 0;
      while (j < n && text[j] !== '\n') {
        const d = text[j];
        if (depth === 0 && d === "'") break;
        if (d === '\\' && depth === 0) {
          v += ESCAPES[text[j + 1] ?? ''] ?? text[j + 1] ?? '';
          j += 2;
          continue;
        }
        // Interpolations may hold quotes of their own: track `${ … }` depth.
        if (d === '$' && text[j + 1] === '{') {
          tmpl = true;
          depth++;
          v += '${';
          j += 2;
          continue;
        }
        if (depth > 0 && d === '}') depth--;
        v += d;
        j++;
      }
      const e = j < n && text[j] === "'" ? j + 1 : j;
      toks.push({ t: 'string', s: i, e, v, tmpl });
      i = e;
    } else if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const e = m ? i + m[0].length : i + 1;
      toks.push({ t: 'number', s: i, e, v: text.slice(i, e), tmpl: false });
      i = e;
    } else {
      IDENT.lastIndex = i;
      const m = IDENT.exec(text);
      if (m) {
        toks.push({ t: 'ident', s: i, e: i + m[0].length, v: m[0], tmpl: false });
        i += m[0].length;
      } else {
        toks.push({ t: 'punct', s: i, e: i + 1, v: c, tmpl: false });
        i++;
      }
    }
  }
  toks.push({ t: 'eof', s: n, e: n, v: '', tmpl: false });
  return toks;
}

const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const MAX_DEPTH = 64;

class BicepParser extends TokenCursor<Tok> {
  /** Top-level statements. */
  top(): Entry[] {
    const entries: Entry[] = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (t.t === 'eof') break;
      const before = this.p;
      const e = t.t === 'ident' ? this.statement(0) : undefined;
      if (e) entries.push(e);
      else this.skipLine();
      if (this.p === before) this.p++;
    }
    return entries;
  }

  private statement(depth: number): Entry | undefined {
    const kw = this.peek();
    if (kw.v === 'resource' || kw.v === 'module') return this.declaration(depth);
    if (kw.v === 'param') {
      const name = this.peek(1);
      const type = this.peek(2);
      if (name.t !== 'ident') return undefined;
      this.p += 2;
      const labels = [name.v];
      if (type.t === 'ident') {
        labels.push(type.v);
        this.p++;
      }
      const entries: Entry[] = [];
      if (this.is(this.peek(), '=')) {
        const eq = this.toks[this.p++];
        entries.push({ key: 'default', keyRange: [eq.s, eq.e], value: this.expr(depth + 1) });
      } else this.skipLine();
      return { key: 'param', keyRange: [kw.s, kw.e], value: { kind: 'object', range: [kw.s, this.toks[this.p - 1].e], entries, labels } };
    }
    return undefined;
  }

  /** `resource name 'type' [existing] = [if (…)] { … }` or `= [for … : { … }]`. */
  private declaration(depth: number): Entry | undefined {
    const kw = this.toks[this.p];
    const name = this.peek(1);
    const type = this.peek(2);
    if (name.t !== 'ident' || type.t !== 'string') return undefined;
    this.p += 3;
    if (this.peek().t === 'ident' && this.peek().v === 'existing') this.p++;
    if (!this.is(this.peek(), '=')) return undefined;
    this.p++;
    // Skip a condition or loop header up to the body's opening brace on this statement.
    if (this.peek().t === 'ident' && this.peek().v === 'if') {
      this.p++;
      if (this.is(this.peek(), '(')) this.skipBalanced();
    } else if (this.is(this.peek(), '[')) {
      this.p++;
      let depthB = 0;
      while (this.peek().t !== 'eof') {
        const t = this.peek();
        if (depthB === 0 && this.is(t, '{')) break;
        if (t.t === 'punct' && OPEN[t.v]) depthB++;
        else if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}')) depthB--;
        if (depthB < 0) return undefined;
        this.p++;
      }
    }
    this.skipNl();
    if (!this.is(this.peek(), '{') || depth > MAX_DEPTH) return undefined;
    const body = this.object(depth + 1, true);
    if (!body) return undefined;
    body.labels = [name.v, type.v];
    return { key: kw.v, keyRange: [kw.s, kw.e], value: body };
  }

  private skipLine(): void {
    let depth = 0;
    while (this.peek().t !== 'eof') {
      const t = this.peek();
      if (depth === 0 && t.t === 'nl') return;
      if (t.t === 'punct' && OPEN[t.v]) depth++;
      else if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}') && depth > 0) depth--;
      this.p++;
    }
  }

  private skipBalanced(): void {
    let depth = 0;
    do {
      const t = this.toks[this.p++];
      if (t.t === 'eof') return;
      if (t.t === 'punct' && OPEN[t.v]) depth++;
      else if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}')) depth--;
    } while (depth > 0);
  }

  /** An object `{ key: value … }` (newline or comma separated); resource bodies allow nested declarations. */
  private object(depth: number, resourceBody = false): ObjectNode | undefined {
    const open = this.toks[this.p++];
    const entries: Entry[] = [];
    for (;;) {
      this.skipNl();
      const t = this.peek();
      if (this.is(t, '}')) {
        this.p++;
        return { kind: 'object', range: [open.s, t.e], entries };
      }
      if (t.t === 'eof') return { kind: 'object', range: [open.s, this.text.length], entries };
      const before = this.p;
      if (resourceBody && t.t === 'ident' && t.v === 'resource') {
        const nested = this.declaration(depth + 1);
        if (nested) {
          entries.push(nested);
          continue;
        }
        this.p = before;
      }
      if (this.is(t, '@')) {
        this.skipDecorator();
        continue;
      }
      if ((t.t === 'ident' || t.t === 'string') && this.is(this.peek(1), ':')) {
        this.p += 2;
        entries.push({ key: t.v, keyRange: [t.s, t.e], value: this.expr(depth + 1) });
      } else this.raw();
      if (this.is(this.peek(), ',')) this.p++;
      if (this.p === before) this.p++;
    }
  }

  private skipDecorator(): void {
    this.p++;
    while (this.peek().t === 'ident' || this.is(this.peek(), '.')) this.p++;
    if (this.is(this.peek(), '(')) this.skipBalanced();
  }

  private array(depth: number): ArrayNode | undefined {
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
      items.push(this.expr(depth + 1));
      if (this.is(this.peek(), ',')) this.p++;
      if (this.p === before) return undefined;
    }
  }

  private ends(t: Tok): boolean {
    return t.t === 'eof' || t.t === 'nl' || this.is(t, ',') || this.is(t, '}') || this.is(t, ']');
  }

  private expr(depth: number): TreeNode {
    const start = this.p;
    const node = depth > MAX_DEPTH ? undefined : this.primary(depth);
    if (node && this.ends(this.peek())) return node;
    this.p = start;
    return this.raw();
  }

  private primary(depth: number): TreeNode | undefined {
    const t = this.peek();
    if (t.t === 'string') {
      this.p++;
      return { kind: 'scalar', range: [t.s, t.e], value: t.v, quoted: true, ...(t.tmpl ? { tag: 'expr' } : {}) };
    }
    if (t.t === 'number') {
      this.p++;
      return { kind: 'scalar', range: [t.s, t.e], value: Number(t.v) };
    }
    if (t.t === 'ident' && (t.v === 'true' || t.v === 'false' || t.v === 'null')) {
      this.p++;
      return { kind: 'scalar', range: [t.s, t.e], value: t.v === 'null' ? null : t.v === 'true' };
    }
    if (this.is(t, '{')) return this.object(depth + 1);
    if (this.is(t, '[')) {
      let k = 1;
      while (this.peek(k).t === 'nl') k++;
      if (this.peek(k).t === 'ident' && this.peek(k).v === 'for') return undefined;
      return this.array(depth + 1);
    }
    return undefined;
  }

  /** Source text up to the end of the expression, brackets balanced. */
  private raw(): ScalarNode {
    const first = this.peek();
    let last: Tok | undefined;
    const stack: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof') break;
      if (stack.length === 0 && this.ends(t)) break;
      if (t.t === 'punct' && OPEN[t.v]) stack.push(OPEN[t.v]);
      else if (t.t === 'punct' && (t.v === ')' || t.v === ']' || t.v === '}')) {
        if (stack[stack.length - 1] !== t.v) break;
        stack.pop();
      }
      if (t.t !== 'nl') last = t;
      this.p++;
    }
    const range: [number, number] = last ? [first.s, last.e] : [first.s, first.s];
    return { kind: 'scalar', range, value: this.text.slice(range[0], range[1]), tag: 'expr' };
  }
}
