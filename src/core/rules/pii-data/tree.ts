/**
 * Records from nested data (JSON, YAML). An object with values of its own is one record, and
 * the plain objects under it (an `address: {zip, city}`) belong to it. An object holding only
 * other objects (`{ users: [...] }`, a Rails fixture file `taro: {...}`) is a container: each
 * child is a record of its own. Array elements are always records of their own.
 */
import type { Range } from '../../types';
import { normalizeKey } from './fields';
import type { RawField } from './tally';

/** Keys whose contents are public attribution (package authors, maintainers), not customer data. */
const ATTRIBUTION = new Set([
  'author', 'authors', 'contributor', 'contributors', 'maintainer', 'maintainers', 'committers', 'owners',
  'developers', 'credits', 'funding', 'publisher', 'copyrightholder', 'codeowners', 'reviewers', 'people', 'team', 'bugs',
]);

/** Whether a key's subtree is attribution metadata that the record scan skips. */
export function isAttributionKey(key: string | undefined): boolean {
  return key !== undefined && ATTRIBUTION.has(normalizeKey(key));
}

interface Frame {
  start: number;
  fields: RawField[];
  children: Frame[];
  /** Array elements and top-level values are records of their own. */
  standalone: boolean;
}

/** Builds records while a parser walks objects; `onRecord` receives each finished record. */
export class RecordTree {
  private readonly stack: Frame[] = [];

  constructor(private readonly onRecord: (fields: RawField[], range: Range) => void) {}

  begin(start: number, standalone: boolean): void {
    this.stack.push({ start, fields: [], children: [], standalone: standalone || this.stack.length === 0 });
  }

  field(field: RawField): void {
    this.stack[this.stack.length - 1]?.fields.push(field);
  }

  end(end: number): void {
    const frame = this.stack.pop();
    if (!frame) return;
    const parent = this.stack[this.stack.length - 1];
    if (!frame.standalone && parent) {
      parent.children.push(frame);
      return;
    }
    this.flush(frame, end);
  }

  /** Emits whatever is still open (truncated input). */
  finish(end: number): void {
    while (this.stack.length > 0) this.end(end);
  }

  private flush(frame: Frame, end: number): void {
    if (frame.fields.length === 0) {
      for (const child of frame.children) this.flush(child, end);
      return;
    }
    const fields = [...frame.fields];
    const pending = [...frame.children];
    while (pending.length > 0) {
      const child = pending.pop() as Frame;
      for (const f of child.fields) fields.push(f);
      for (const c of child.children) pending.push(c);
    }
    this.onRecord(fields, [frame.start, Math.max(frame.start + 1, firstLineEnd(fields, frame.start))]);
  }
}

/** The record is anchored on its first field's line, so the finding does not span the record. */
function firstLineEnd(fields: readonly RawField[], start: number): number {
  let min = Infinity;
  for (const f of fields) if (f.end > start && f.end < min) min = f.end;
  return Number.isFinite(min) ? min : start + 1;
}
