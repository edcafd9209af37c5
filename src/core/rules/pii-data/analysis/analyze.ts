/**
 * The shared view of one document for every pii-data rule, computed once per document:
 * the personal-data stores it holds (CSV/TSV, JSON/YAML fixtures, SQL seeds and dumps, logs)
 * and the strong identifiers (My Number, passport, card) found with context.
 */
import type { Document } from '../../../documents/document';
import type { Format } from '../../../documents/detect';
import type { Range } from '../../../types';
import { classifyKey, isBusinessEntityName, type KeyKind } from './fields';
import { isCardNumber } from './identifiers';
import { CsvRows, guessDelimiter, type Cell } from './csv';
import { forEachLine, forEachLineWithIdentifierDigits, lineFields, scanLineIdentifiers } from './lines';
import { nestedRecords } from './nested';
import { profileColumns } from './profile';
import { sqlRecords, type SqlValue } from './sql';
import { IdHits, StoreTally, type RawField, type StoreSummary } from './tally';

/** What the pii-data rules read. */
export interface PiiView {
  stores: StoreSummary[];
  ids: IdHits;
}

/** Formats whose files are data (records; Markdown only its tables); everything else only gets the identifier scan. */
const DATA_FORMATS: ReadonlySet<Format> = new Set(['csv', 'tsv', 'json', 'yaml', 'sql', 'text', 'markdown']);

/** Files that are public attribution or package metadata, not stores of customer data. */
const METADATA_FILE =
  /^(?:package\.json|composer\.json|bower\.json|codemeta\.json|citation\.cff|\.all-contributorsrc|publiccode\.ya?ml|\.mailmap|(?:authors|contributors|maintainers|credits|thanks|owners|codeowners|people)(?:\.[a-z]+)?|(?:team|members-team|speakers|sponsors|organizers|staff-directory)\.(?:json|ya?ml)|.*\.gemspec)$/;

/** Lockfiles and minified bundles: generated, never hand-written data. */
const GENERATED_FILE = /(?:^|[-.])lock(?:\.json|\.ya?ml)?$|^go\.sum$|^npm-shrinkwrap\.json$|\.min\.(?:js|css|mjs|json)$|\.(?:map|bundle\.js)$/;

/**
 * Seed scripts (db/seeds.rb, prisma/seed.ts, seeders/UserSeeder.php, seed-data.js): code whose
 * object literals are the records a database is filled with, read like a data file.
 */
const SEED_SCRIPT = /(?:^|[/\\_.-])seed(?:s|ers?|ing|data)?(?=[/\\_.-]|$)|[a-z]Seeders?\.php$|seedData\.[jt]s$/i;
const SCRIPT_FORMATS: ReadonlySet<Format> = new Set(['javascript', 'typescript', 'python', 'ruby', 'php']);

const LOREM = /\blorem ipsum\b|\b(?:consectetur adipisicing|consectetur adipiscing|reprehenderit)\b/i;

/** Whether the pii-data rules look at this document at all. */
export function piiApplies(doc: Document): boolean {
  return doc.format !== 'pem' && !GENERATED_FILE.test(doc.name);
}

/** The document's pii-data view, computed once and shared by the rules. */
export function piiView(doc: Document): PiiView {
  return doc.memo('pii-data:view', () => analyze(doc));
}

function analyze(doc: Document): PiiView {
  const ids = new IdHits();
  const stores: StoreSummary[] = [];
  const text = doc.text;
  const seedScript = SCRIPT_FORMATS.has(doc.format) && SEED_SCRIPT.test(doc.path.slice(-200));
  if ((DATA_FORMATS.has(doc.format) || seedScript) && !METADATA_FILE.test(doc.name)) {
    for (const tally of readStores(doc, ids)) {
      const s = tally.summary();
      if (s) stores.push(s);
    }
    // Generated mock data (JSON Generator, Faker) carries lorem ipsum; real records never do.
    if (stores.length > 0 && LOREM.test(text.slice(0, 262_144))) stores.length = 0;
  }
  if (doc.format !== 'csv' && doc.format !== 'tsv')
    forEachLineWithIdentifierDigits(text, (line, start) => scanLineIdentifiers(line, start, ids, () => linesAbove(text, start, 2)));
  ids.hits.sort((a, b) => a.range[0] - b.range[0]);
  return { stores, ids };
}

/** Up to `n` lines before the line starting at `start` (at most 400 characters). */
function linesAbove(text: string, start: number, n: number): string {
  let from = start - 1;
  for (let i = 0; i < n && from > 0; i++) {
    const prev = text.lastIndexOf('\n', from - 1);
    from = prev;
    if (prev < 0) break;
  }
  return text.slice(Math.max(0, from + 1, start - 400), Math.max(0, start - 1));
}

/**
 * The stores of a data file. A file whose name says it lists organisations or places
 * (TravelAgency.csv, suppliers.json) counts no record without a strong identifier; SQL
 * tables are judged by their own names.
 */
function readStores(doc: Document, ids: IdHits): StoreTally[] {
  const text = doc.text;
  const entity = isBusinessEntityName(doc.name);
  switch (doc.format) {
    case 'csv':
    case 'tsv':
      return [readDelimited(text, doc.format === 'tsv' ? '\t' : undefined, ids, entity)];
    case 'json':
      if (/\.(?:jsonl|ndjson)$/.test(doc.name) || /^[ \t\r\n]*\{[^\n]*\}[ \t\r]*\n[ \t\r\n]*\{/.test(text.slice(0, 4096)))
        return [readLines(text, ids, entity)];
      return [readNested(doc, 'json', ids, entity)];
    case 'yaml':
      return [readNested(doc, 'yaml', ids, entity)];
    case 'sql':
      return readSql(text, ids);
    case 'markdown':
      return markdownTables(text, ids, entity);
    case 'javascript':
    case 'typescript':
    case 'python':
    case 'ruby':
    case 'php':
      return [readSeedScript(text, ids, entity)];
    default: {
      // SQL saved as text: INSERT statements, or a pg_dump COPY block (looked for in two plain
      // steps: one pattern spanning both words backtracks on long lines).
      if (/\bINSERT\s+(?:INTO|ALL)\b/i.test(text) || (/^COPY\s/im.test(text) && /\bFROM\s+stdin\b/i.test(text))) return readSql(text, ids);
      const delim = delimitedHeader(text) ?? delimitedBody(text);
      return [delim !== undefined ? readDelimited(text, delim, ids, entity) : readLines(text, ids, entity)];
    }
  }
}

function readNested(doc: Document, kind: 'json' | 'yaml', ids: IdHits, entity: boolean): StoreTally {
  const tally = new StoreTally(kind, ids);
  tally.businessEntity = entity;
  nestedRecords(doc, tally);
  return tally;
}

function readLines(text: string, ids: IdHits, entity: boolean): StoreTally {
  const tally = new StoreTally('log', ids);
  tally.businessEntity = entity;
  forEachLine(text, (line, start) => {
    const fields = lineFields(line, start);
    if (fields.length > 0) tally.add(fields, [start, start + line.length]);
  });
  return tally;
}

/**
 * A seed script's records: the `key: value` pairs (`name: '…'`, `email="…"`, `'tel' => '…'`)
 * of one object literal or call. An object written on one line (`{ name: …, tel: … }`,
 * `User.create!(name: …)`) is a record; an object over several lines is one from its first
 * pair until the brackets close below the depth it started at (objects nested in it, an
 * `address: { … }`, belong to it).
 */
function readSeedScript(text: string, ids: IdHits, entity: boolean): StoreTally {
  const tally = new StoreTally('log', ids);
  tally.businessEntity = entity;
  let depth = 0;
  let pending: RawField[] = [];
  let pendingDepth = 0;
  let pendingStart = 0;
  const flush = (): void => {
    if (pending.length > 0) tally.add(pending, [pendingStart, pendingStart + 1]);
    pending = [];
  };
  forEachLine(text, (raw, start) => {
    // PHP's `'key' => 'value'` read as `'key': 'value'` (same length: offsets hold).
    const line = raw.includes('=>') ? raw.replace(/=>/g, ': ') : raw;
    const before = depth;
    let firstOpen = -1;
    let lastClose = -1;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 123 || c === 40 || c === 91) {
        depth++;
        if (firstOpen < 0) firstOpen = i;
      } else if (c === 125 || c === 41 || c === 93) {
        depth = Math.max(0, depth - 1);
        lastClose = i;
      }
    }
    // Pairs whose value opens an object or a call (`users = [`, `address: {`) hold no value of their own.
    const fields = /[:=：]/.test(line) ? lineFields(line, start).filter((f) => !/^[[{(:]|\($/.test(f.value)) : [];
    if (fields.length > 0) {
      const firstAt = fields[0].start - start;
      const lastAt = fields[fields.length - 1].end - start;
      if (firstOpen >= 0 && firstOpen < firstAt && lastClose >= lastAt && depth <= before) {
        // A whole object on one line.
        flush();
        tally.add(fields, [start, start + line.length]);
        return;
      }
      if (pending.length === 0) {
        // The record lives at the depth of its first pair: it ends when the brackets close below it.
        pendingDepth = before + netOpens(line, firstAt);
        pendingStart = start;
      }
      pending.push(...fields);
    }
    if (pending.length > 0 && depth < pendingDepth) flush();
  });
  flush();
  return tally;
}

/** Brackets opened minus closed in `line` before `end`. */
function netOpens(line: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 123 || c === 40 || c === 91) n++;
    else if (c === 125 || c === 41 || c === 93) n--;
  }
  return n;
}

/** How many rows of an SQL table profile its unnamed columns before the rest streams through. */
const SQL_PROFILE_ROWS = 64;

/** One SQL table being read: its tally, and its first rows until its columns are profiled. */
interface SqlTable {
  tally: StoreTally;
  buffer: { columns: readonly string[] | undefined; values: SqlValue[]; range: Range }[] | undefined;
  kinds: (KeyKind | undefined)[];
}

function readSql(text: string, ids: IdHits): StoreTally[] {
  const tables = new Map<string, SqlTable>();
  const add = (t: SqlTable, columns: readonly string[] | undefined, values: readonly SqlValue[], count: number, range: Range): void => {
    const tally = t.tally;
    tally.beginRecord();
    for (let i = 0; i < count; i++) tally.addField(columns?.[i], values[i].text, values[i].start, values[i].end, t.kinds[i]);
    tally.endRecord(range);
  };
  // Profiles the buffered rows' unnamed columns, then counts them.
  const flush = (t: SqlTable): void => {
    const buffer = t.buffer;
    if (!buffer) return;
    t.buffer = undefined;
    const columns = buffer[0]?.columns;
    t.kinds = profileColumns(
      buffer.map((b) => b.values),
      (c) => columns?.[c] !== undefined && classifyKey(columns[c]) !== undefined,
    );
    for (const b of buffer) add(t, b.columns, b.values, b.values.length, b.range);
  };
  sqlRecords(text, {
    table: (name, range) => {
      const tally = new StoreTally('sql', ids, range, name);
      tally.businessEntity = isBusinessEntityName(name);
      tables.set(name, { tally, buffer: [], kinds: [] });
    },
    tuple: (name, columns, values, count, range) => {
      const t = tables.get(name);
      if (!t) return;
      if (t.buffer) {
        // The reader reuses its value objects: the buffered rows keep copies.
        t.buffer.push({ columns, values: values.slice(0, count).map((v) => ({ ...v })), range });
        if (t.buffer.length >= SQL_PROFILE_ROWS) flush(t);
        return;
      }
      add(t, columns, values, count, range);
    },
  });
  for (const t of tables.values()) flush(t);
  return [...tables.values()].map((t) => t.tally);
}

/**
 * Markdown tables (`| 氏名 | 電話番号 |` rows, with their `|---|` line): each block of
 * consecutive table rows is read as pipe-separated text, one store per table.
 */
function markdownTables(text: string, ids: IdHits, entity: boolean): StoreTally[] {
  const out: StoreTally[] = [];
  if (!text.includes('|')) return out;
  const table = /^[ \t]{0,3}\|[^\n]*\|[ \t]*\r?$/;
  let blockStart = -1;
  let rows = 0;
  let i = 0;
  const close = (end: number): void => {
    if (blockStart >= 0 && rows >= 4 && out.length < 50) out.push(readDelimited(text.slice(0, end), '|', ids, entity, blockStart));
    blockStart = -1;
    rows = 0;
  };
  while (i <= text.length) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = text.length;
    // Only a line whose first visible character is a pipe is cut out and matched.
    let first = i;
    while (first < eol && first - i < 4 && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    if (text.charCodeAt(first) === 124 /* | */ && eol - i <= MAX_TABLE_LINE && table.test(text.slice(i, eol))) {
      if (blockStart < 0) blockStart = i;
      rows++;
    } else close(i);
    i = eol + 1;
  }
  close(text.length);
  return out;
}
const MAX_TABLE_LINE = 2000;

/**
 * For text files without a header: the delimiter (tab, pipe or semicolon) that splits the first
 * lines into the same number of cells, three or more, as exported tables do.
 */
function delimitedBody(text: string): string | undefined {
  const lines = (/^(?:[^\n]{0,2000}\n){1,8}/.exec(text.slice(0, 40_000).replace(/^\s+/, ''))?.[0] ?? '').split('\n').filter((l) => l.trim().length > 0);
  if (lines.length < 3) return undefined;
  for (const d of ['\t', '|', ';']) {
    const counts = lines.map((l) => l.split(d).length);
    if (counts[0] >= 3 && counts.every((c) => c === counts[0])) return d;
  }
  return undefined;
}

/** For text files: the delimiter of a first line that is a header naming two personal columns. */
function delimitedHeader(text: string): string | undefined {
  const first = /^[^\n]{0,2000}/.exec(text.slice(0, 40_000).replace(/^\s+/, ''))?.[0] ?? '';
  const delim = guessDelimiter(first);
  if (delim !== '\t' && delim !== ',') return undefined;
  const named = first.split(delim).filter((c) => classifyKey(c.replace(/^"|"$/g, '')) !== undefined).length;
  return named >= 2 ? delim : undefined;
}

/** How many data rows profile the columns that have no telling header. */
const PROFILE_ROWS = 200;

/** How many leading rows may be titles or notes above the header of an exported sheet. */
const HEADER_SEARCH = 5;

function readDelimited(text: string, tsv: string | undefined, ids: IdHits, entity: boolean, from = 0): StoreTally {
  const start = from + text.slice(from).search(/\S/);
  if (start < from) return new StoreTally('csv', ids);
  const head = /^(?:[^\n]*\n?){1,5}/.exec(text.slice(start, start + 20_000))?.[0] ?? '';
  const delim = tsv ?? guessDelimiter(head);
  const rows = new CsvRows(text, delim, start);

  // Buffer the first rows: they hold the header (exports often put a title row above it) and
  // profile the columns, so a column of card numbers counts whatever its header says.
  const buffered: Cell[][] = [];
  while (buffered.length < PROFILE_ROWS) {
    const row: Cell[] = [];
    if (!rows.next(row)) break;
    buffered.push(row);
  }
  const h = headerRow(buffered);
  const keys = h >= 0 ? buffered[h].map((c) => c.text.trim()) : [];
  const tally = new StoreTally('csv', ids, h >= 0 ? rowRange(text, buffered[h]) : undefined);
  tally.businessEntity = entity;
  const data = buffered.slice(h + 1);
  const columnKinds = delimitedColumns(data, keys);
  const add = (cells: Cell[]): void => {
    if (cells.length === 0 || (cells.length === 1 && cells[0].text.trim() === '')) return;
    // Cell by cell into the tally: no field object per cell (the most of a CSV scan's garbage).
    tally.beginRecord();
    for (let i = 0; i < cells.length; i++) tally.addField(keys[i], cells[i].text, cells[i].start, cells[i].end, columnKinds[i]);
    tally.endRecord(tally.anchored ? undefined : rowRange(text, cells));
  };
  for (const cells of data) add(cells);
  // The rest streams through one row, its cell objects reused.
  const row: Cell[] = [];
  while (rows.next(row)) add(row);
  return tally;
}

/**
 * The header: among the first rows, the first naming two personal columns, else the first
 * naming one; else the first row if it looks like names rather than values; else none (-1).
 */
function headerRow(rows: readonly Cell[][]): number {
  const named = rows.slice(0, HEADER_SEARCH).map((r) => r.filter((c) => classifyKey(c.text.trim()) !== undefined).length);
  const two = named.findIndex((n) => n >= 2);
  if (two >= 0) return two;
  const one = named.findIndex((n) => n >= 1);
  if (one >= 0) return one;
  return rows.length > 0 && rows[0].every((c) => /^[^\d@]*$/.test(c.text)) ? 0 : -1;
}

/** From the start of a row's line to the end of its last cell (the closing quote included). */
function rowRange(text: string, cells: readonly Cell[]): Range {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  return [lineStart, last.end + (text[last.end] === '"' ? 1 : 0)];
}

/**
 * Kinds for the columns whose header names nothing: mostly valid card numbers, or the shapes
 * `profileColumns` reads (phones, postal codes, addresses, names). When a value shape is all
 * that makes the records personal, the store needs more of them (`PROFILED_THRESHOLD`).
 */
function delimitedColumns(rows: readonly Cell[][], keys: readonly string[]): (KeyKind | undefined)[] {
  const named = (c: number): boolean => keys[c] !== undefined && classifyKey(keys[c]) !== undefined;
  const out = profileColumns(rows, named);
  const width = Math.min(
    512,
    rows.reduce((w, r) => Math.max(w, r.length), 0),
  );
  for (let c = 0; c < width; c++) {
    if (named(c)) continue;
    let filled = 0;
    let cards = 0;
    for (const row of rows) {
      const v = row[c]?.text.trim();
      if (!v) continue;
      filled++;
      if (isCardNumber(v)) cards++;
    }
    if (cards >= 3 && cards >= filled * 0.8) out[c] = 'card';
  }
  return out;
}
