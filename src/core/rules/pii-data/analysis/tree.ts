/**
 * Records from nested data (JSON, YAML). An object with values of its own is one record, and
 * the plain objects under it (an `address: {zip, city}`) belong to it. An object holding only
 * other objects (`{ users: [...] }`, a Rails fixture file `taro: {...}`) is a container: each
 * child is a record of its own. Array elements are always records of their own.
 *
 * Most values of a config file can never count (no personal key, no e-mail or phone shape), so
 * the tree counts every value but keeps only those the tally could use: a 5,000-line compose
 * file makes no object per value, and a record with nothing usable never reaches the tally.
 */
import { normalizeKey, type KeyKind } from './fields';
import type { StoreTally } from './tally';

/** Keys whose contents are public attribution (package authors, maintainers), not customer data. */
const ATTRIBUTION = new Set([
  'author',
  'authors',
  'contributor',
  'contributors',
  'maintainer',
  'maintainers',
  'committers',
  'owners',
  'developers',
  'credits',
  'funding',
  'publisher',
  'copyrightholder',
  'codeowners',
  'reviewers',
  'people',
  'team',
  'bugs',
]);

/** Whether a key's subtree is attribution metadata that the record scan skips. */
export function isAttributionKey(key: string | undefined): boolean {
  return key !== undefined && ATTRIBUTION.has(normalizeKey(key));
}

/** A value the tally may use: its key's kind (or 'business') and where it is. */
interface Kept {
  keyed: KeyKind | undefined;
  value: string;
  start: number;
  end: number;
}

interface Frame {
  start: number;
  /** Array elements and top-level values are records of their own. */
  standalone: boolean;
  /** Values of the object itself (kept or not): an object without any is a container. */
  count: number;
  /** The smallest value end after `start`, over the object and the objects merged into it. */
  minEnd: number;
  /** Kept values over the object and everything under it: none means no record can count. */
  keptBelow: number;
  kept: Kept[] | undefined;
  children: Frame[] | undefined;
}

/** Builds records while a walker visits objects and values, and adds them to a tally. */
export class RecordTree {
  private readonly stack: Frame[] = [];

  constructor(private readonly tally: StoreTally) {}

  begin(start: number, standalone: boolean): void {
    this.stack.push({
      start,
      standalone: standalone || this.stack.length === 0,
      count: 0,
      minEnd: Infinity,
      keptBelow: 0,
      kept: undefined,
      children: undefined,
    });
  }

  /**
   * One value of the innermost object. `keyed` is its key's kind (`keyKind`); `value` is read
   * only when the value could count, so callers pass a function of their own state cheaply.
   */
  value(keyed: KeyKind | undefined, value: string, start: number, end: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) return;
    frame.count++;
    if (end > frame.start && end < frame.minEnd) frame.minEnd = end;
    if (!usable(keyed, value)) return;
    (frame.kept ??= []).push({ keyed, value, start, end });
    frame.keptBelow++;
  }

  end(end: number): void {
    const frame = this.stack.pop();
    if (!frame) return;
    const parent = this.stack[this.stack.length - 1];
    if (!frame.standalone && parent) {
      if (frame.minEnd < parent.minEnd) parent.minEnd = frame.minEnd;
      // A subtree with nothing usable adds nothing, merged or on its own.
      if (frame.keptBelow > 0) {
        (parent.children ??= []).push(frame);
        parent.keptBelow += frame.keptBelow;
      }
      return;
    }
    this.flush(frame, end);
  }

  /** Emits whatever is still open (truncated input). */
  finish(end: number): void {
    while (this.stack.length > 0) this.end(end);
  }

  private flush(frame: Frame, end: number): void {
    if (frame.keptBelow === 0) return;
    if (frame.count === 0) {
      for (const child of frame.children ?? []) this.flush(child, end);
      return;
    }
    const tally = this.tally;
    tally.beginRecord();
    for (const k of frame.kept ?? []) tally.addKeyed(k.keyed, k.value, k.start, k.end, undefined);
    const pending = frame.children ? [...frame.children] : [];
    while (pending.length > 0) {
      const child = pending.pop() as Frame;
      for (const k of child.kept ?? []) tally.addKeyed(k.keyed, k.value, k.start, k.end, undefined);
      for (const c of child.children ?? []) pending.push(c);
    }
    // The record is anchored on its first value's line, so the finding does not span the record.
    const lineEnd = Number.isFinite(frame.minEnd) ? frame.minEnd : frame.start + 1;
    tally.endRecord(tally.anchored ? undefined : [frame.start, Math.max(frame.start + 1, lineEnd)]);
  }
}

/**
 * Whether the tally could do anything with this value: a key that marks a business listing,
 * a key of a personal kind, or a value shaped like an e-mail address or a phone number (the
 * only kinds a value decides alone, `kindFromValue`). Anything else it would drop.
 */
function usable(keyed: KeyKind | undefined, value: string): boolean {
  if (keyed === 'business') return true;
  if (value.length === 0 || value.length > 300) return false;
  if (keyed !== undefined) return true;
  const c = value.charCodeAt(0);
  if (c === 0x2b /* + */ || c === 0x28 /* ( */ || c === 0x30 /* 0 */) return true;
  if (value.includes('@')) return true;
  // Leading white space: the tally trims before it looks at the shape.
  return (c <= 0x20 || c >= 0x80) && /^\s*[+(0]/.test(value);
}
