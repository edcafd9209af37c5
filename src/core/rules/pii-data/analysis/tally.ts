/**
 * Counting personal records. Extractors (CSV, JSON/YAML, SQL, log lines) turn a file into
 * records of keyed values and hand them to a `StoreTally`; the tally decides which fields are
 * personal, counts the personal records and hands validated identifiers to a shared `IdHits`.
 */
import type { Range } from '../../../types';
import {
  isNamePart,
  isPersonalMask,
  isRoleMailbox,
  keyKind,
  KIND_BIT,
  kindFromValue,
  kindsOfMask,
  STRONG_KINDS,
  STRONG_MASK,
  valueFits,
  type FieldKind,
  type KeyKind,
} from './fields';

/** One value of a record, with the key it was filed under (if any) and its offsets. */
export interface RawField {
  key: string | undefined;
  value: string;
  start: number;
  end: number;
  /** A kind already known (e.g. from a column profile), used when the key says nothing. */
  kind?: KeyKind;
}

/** A strong identifier found in the file, with the key or keyword that gave it context. */
export interface IdHit {
  kind: FieldKind;
  range: Range;
  value: string;
}

/** Per-value identifier findings, capped per kind; the total keeps counting past the cap. */
export class IdHits {
  static readonly CAP = 5;
  private readonly seen = new Set<number>();
  readonly hits: IdHit[] = [];
  readonly totals = new Map<FieldKind, number>();

  add(kind: FieldKind, range: Range, value: string): void {
    if (this.seen.has(range[0])) return;
    this.seen.add(range[0]);
    const total = (this.totals.get(kind) ?? 0) + 1;
    this.totals.set(kind, total);
    if (total <= IdHits.CAP) this.hits.push({ kind, range, value });
  }
}

/** What kind of store a tally counts, for messages. */
export type StoreKind = 'csv' | 'json' | 'yaml' | 'sql' | 'log';

/** A store with enough personal records to report. */
export interface StoreSummary {
  kind: StoreKind;
  /** Table name for SQL stores. */
  table?: string;
  range: Range;
  /** Whether `range` is a header or statement (no personal values in it) rather than a record. */
  header: boolean;
  rows: number;
  kinds: FieldKind[];
}

/**
 * A store needs at least this many personal records to be reported as a bulk store: a handful
 * of fixture users (three or four) is not a store of customer data.
 */
export const BULK_THRESHOLD = 5;

/** The same when the records hold strong identifiers (My Number, passport, card, SSN): three. */
export const STRONG_THRESHOLD = 3;

/** The same when column profiles (values read without a header or column name) made the records personal. */
export const PROFILED_THRESHOLD = 6;

export class StoreTally {
  rows = 0;
  /** Records personal only through kinds a column profile gave (not a key, not the value alone). */
  private profiledRows = 0;
  /** Set when the table or file name says its rows are organisations or places. */
  businessEntity = false;
  /** The kinds of the personal records so far, as a mask (see KIND_BIT). */
  private kindMask = 0;
  private anchor: Range | undefined;
  /** The record being added: its kinds as a mask, and whether a key marked it a business listing. */
  private recordMask = 0;
  /** The record's kinds that a key or the value alone decided (no column profile). */
  private keyedMask = 0;
  private business = false;

  constructor(
    readonly kind: StoreKind,
    private readonly ids: IdHits,
    /** The header or statement the finding points at; else the first personal record. */
    private readonly header?: Range,
    readonly table?: string,
  ) {}

  /** The kinds of personal field seen in the personal records, in the order of FIELD_KINDS. */
  get kinds(): FieldKind[] {
    return kindsOfMask(this.kindMask);
  }

  /** Adds one record; returns whether it was personal. */
  add(fields: readonly RawField[], recordRange: Range): boolean {
    this.beginRecord();
    for (const f of fields) this.addField(f.key, f.value, f.start, f.end, f.kind);
    return this.endRecord(recordRange);
  }

  /**
   * The same, a field at a time, for readers that hold their cells in their own shape (CSV
   * cells, SQL values): no field object per value. `beginRecord`, `addField`…, `endRecord`.
   */
  beginRecord(): void {
    this.recordMask = 0;
    this.keyedMask = 0;
    this.business = false;
  }

  addField(key: string | undefined, value: string, start: number, end: number, known: KeyKind | undefined): void {
    this.addKeyed(key === undefined ? undefined : keyKind(key), value, start, end, known);
  }

  /** `addField` with the key already read (`keyKind`). */
  addKeyed(keyed: KeyKind | undefined, value: string, start: number, end: number, known: KeyKind | undefined): void {
    if (keyed === 'business') {
      this.business = true;
      return;
    }
    if (value.length === 0 || value.length > 300) return;
    const given = keyed ?? known;
    let kind: FieldKind | undefined;
    if (given === 'namePart') {
      if (!isNamePart(value)) return;
      kind = 'name';
    } else {
      kind = given === 'business' ? undefined : (given ?? kindFromValue(value));
      if (kind === undefined || !valueFits(kind, value)) {
        // An organisation's mailbox (info@, sales@) marks a business contact, not a person.
        if ((kind === undefined || kind === 'email') && value.includes('@') && isRoleMailbox(value)) this.business = true;
        return;
      }
    }
    this.recordMask |= KIND_BIT[kind];
    if (keyed !== undefined || known === undefined || STRONG_KINDS.has(kind)) this.keyedMask |= KIND_BIT[kind];
    if (STRONG_KINDS.has(kind)) this.ids.add(kind, trimRange(value, start, end), value);
  }

  /**
   * Whether a personal record has been seen, and so its range kept: after that, readers pass
   * no range to `endRecord` (finding a row's line start for every row was a runtime call per
   * row, and most of a CSV's rows come after its first personal one).
   */
  get anchored(): boolean {
    return this.anchor !== undefined;
  }

  /** Ends the record; returns whether it was personal. `recordRange` may be left out once `anchored`. */
  endRecord(recordRange: Range | undefined): boolean {
    const mask = this.recordMask;
    // A place or business listing (coordinates, opening hours, a shop name) has a name, an
    // address and a phone number too, but it is not about a person; strong identifiers still are.
    if ((this.business || this.businessEntity) && (mask & STRONG_MASK) === 0) return false;
    if (!isPersonalMask(mask)) return false;
    this.rows++;
    if (!isPersonalMask(this.keyedMask)) this.profiledRows++;
    this.kindMask |= mask;
    this.anchor ??= recordRange;
    return true;
  }

  /** The store's summary, when it holds enough personal records. */
  summary(): StoreSummary | undefined {
    const need = (this.kindMask & STRONG_MASK) !== 0 ? STRONG_THRESHOLD : BULK_THRESHOLD;
    if (this.rows < need || !this.anchor) return undefined;
    // Records that only value shapes made personal (no header, no column names) need more of them.
    if (this.rows - this.profiledRows < need && this.rows < PROFILED_THRESHOLD) return undefined;
    return {
      kind: this.kind,
      ...(this.table !== undefined ? { table: this.table } : {}),
      range: this.header ?? this.anchor,
      header: this.header !== undefined,
      rows: this.rows,
      kinds: this.kinds,
    };
  }
}

/** The range of a value without the spaces around it. */
function trimRange(value: string, start: number, end: number): Range {
  if (end - start !== value.length) return [start, end];
  const lead = value.length - value.trimStart().length;
  const trail = value.length - value.trimEnd().length;
  return [start + lead, end - trail];
}
