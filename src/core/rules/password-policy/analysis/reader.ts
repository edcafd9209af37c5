import type { Document } from '../../../documents/document';
import { bool, num, type Entry, type ObjectNode, type TreeNode } from '../../../documents/tree';
import type { Range } from '../../../types';
import { scalarReplacer, entryInserter } from './edits';
import { omitted, stated, type Fact } from './model';
import { weakestNumber } from './sources/hcl-eval';

/** What an omitted setting means: `{ default }` applies the product default; undefined: unknown. */
export type WhenOmitted<T> = { default?: T } | undefined;

/**
 * Reads policy settings out of one object of a parsed tree (a Terraform block, a YAML
 * mapping, a JSON object) as facts with offsets and fixes. Keys are tried in order; the first
 * key is the one a fix inserts. A value that is an expression (`var.x`, `!Ref`, `${…}`) gives
 * no fact at all: we cannot judge what we cannot evaluate.
 */
export class TreeReader {
  constructor(
    private readonly doc: Document,
    /** The object holding the settings; undefined when the source wrote an empty body (`properties:`). */
    readonly obj: ObjectNode | undefined,
    readonly anchor: Range,
    private readonly caseInsensitive = false,
  ) {}

  /** The entry for the first of `keys` present. */
  entry(keys: readonly string[]): Entry | undefined {
    if (!this.obj) return undefined;
    for (const key of keys) {
      const k = this.caseInsensitive ? key.toLowerCase() : key;
      for (let i = this.obj.entries.length - 1; i >= 0; i--) {
        const e = this.obj.entries[i];
        if ((this.caseInsensitive ? e.key.toLowerCase() : e.key) === k) return e;
      }
    }
    return undefined;
  }

  /** The value node of the first of `keys` present. */
  node(keys: readonly string[]): TreeNode | undefined {
    return this.entry(keys)?.value;
  }

  /** A string setting, or undefined. */
  str(keys: readonly string[]): string | undefined {
    const n = this.node(keys);
    return n?.kind === 'scalar' && typeof n.value === 'string' && n.tag !== 'expr' ? n.value : undefined;
  }

  num(keys: readonly string[], whenOmitted?: WhenOmitted<number>): Fact<number> | undefined {
    // A Terraform expression is judged by its weakest branch (see hcl-eval), never rewritten.
    const v = this.doc.format === 'hcl' ? this.entry(keys)?.value : undefined;
    if (v && ((v.kind === 'scalar' && v.tag === 'expr' && !v.quoted) || (v.kind === 'array' && v.tag?.startsWith('call:')))) {
      const w = weakestNumber(this.doc, v);
      return w ? stated(w.value, w.range) : undefined;
    }
    return this.read(keys, whenOmitted, (n) => num(n));
  }

  bool(keys: readonly string[], whenOmitted?: WhenOmitted<boolean>): Fact<boolean> | undefined {
    return this.read(keys, whenOmitted, (n) => bool(n));
  }

  /** A "minimum count" setting (`password_min_symbol = 0`) read as "is this class required". */
  countFlag(keys: readonly string[]): Fact<boolean> | undefined {
    const f = this.num(keys);
    if (!f || f.kind !== 'set') return undefined;
    const replace = f.replace;
    return stated(f.value > 0, f.range, replace ? (v: boolean) => replace(v ? Math.max(1, f.value) : 0) : undefined);
  }

  private read<T extends number | boolean>(keys: readonly string[], whenOmitted: WhenOmitted<T>, parse: (n: TreeNode) => T | undefined): Fact<T> | undefined {
    const e = this.entry(keys);
    if (e) {
      const n = e.value;
      if (n.kind !== 'scalar' || n.tag === 'expr' || (n.tag && n.tag.startsWith('!'))) return undefined;
      // A null (`key:` with no value) reads as omitted.
      if (n.value !== null) {
        const v = parse(n);
        return v === undefined ? undefined : stated(v, n.range, scalarReplacer<T>(this.doc, n));
      }
    }
    if (!whenOmitted) return undefined;
    const insert = this.obj && !e ? entryInserter<T>(this.doc, this.obj, keys[0]) : undefined;
    return omitted<T>(this.anchor, whenOmitted.default, insert);
  }
}

/** The header of an entry whose value is an object: from the key to its opening brace, if any. */
export function headerRange(doc: Document, e: Entry): Range {
  const v = e.value;
  // HCL blocks and JSON objects: key … `{`. YAML block mappings: the key alone.
  if (v.kind === 'object' && doc.text[v.range[0]] === '{' && v.range[0] >= e.keyRange[1] && v.range[0] - e.keyRange[1] < 400) {
    return [e.keyRange[0], v.range[0] + 1];
  }
  return e.keyRange;
}
