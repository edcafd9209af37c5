/**
 * Records from SQL seeds and dumps: `INSERT INTO t (cols) VALUES (…), (…)` (with or without a
 * column list: mysqldump leaves it out, so columns come from the `CREATE TABLE` before it; with
 * or without INTO, as T-SQL allows; one value per line, as Oracle scripts write them; Oracle's
 * `INSERT ALL INTO … VALUES … INTO …`), pg_dump's `COPY t (cols) FROM stdin;` blocks, and seed
 * rows passed to a function or procedure declared in the same file (`SELECT add_customer('…',
 * …)` after `CREATE FUNCTION add_customer(IN name VARCHAR, …)`). One store per table.
 */
import { isRegexSpace } from '../../../documents/chars';
import type { Range } from '../../../types';

/** Callbacks of the SQL reader: a table's first statement, then its rows. */
export interface SqlSink {
  table(name: string, statement: Range): void;
  /**
   * A row (an INSERT tuple, a COPY line, a call's arguments): its first `count` values by
   * position, and the columns they go to (when known). The values are the reader's own,
   * reused for the next row: read them during the call.
   */
  tuple(name: string, columns: readonly string[] | undefined, values: readonly SqlValue[], count: number, range: Range): void;
}

/** One value of an INSERT tuple: its text (unquoted, unescaped) and offsets. */
export interface SqlValue {
  text: string;
  start: number;
  end: number;
}

const IDENT = String.raw`(?:[\x60"\[]?[\w$\u3040-\u30ff\u4e00-\u9fff]{1,128}[\x60"\]]?\.){0,2}[\x60"\[]?[\w$\u3040-\u30ff\u4e00-\u9fff]{1,128}[\x60"\]]?`;
const CREATE = new RegExp(String.raw`\bCREATE\s+(?:TEMPORARY\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s*\(`, 'gi');
// INTO may be left out (T-SQL), and `INSERT ALL` repeats `INTO t (…) VALUES (…)` without INSERT.
const INSERT = new RegExp(
  String.raw`\b(?:(?:INSERT|REPLACE)\s+(?:IGNORE\s+|OR\s+\w+\s+|ALL\s+|FIRST\s+)?(?:INTO\s+)?|INTO\s+)(${IDENT})\s*(?:\(([^()]{0,8000})\)\s*)?VALUES\s*`,
  'gi',
);
const ROUTINE = new RegExp(String.raw`\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\s+(${IDENT})\s*\(`, 'gi');
const CALL = new RegExp(String.raw`^[ \t]*(?:SELECT|CALL|EXEC(?:UTE)?|PERFORM)\s+(${IDENT})\s*(?=\()`, 'gim');
const COPY = new RegExp(String.raw`^COPY\s+(${IDENT})\s*(?:\(([^()]{0,8000})\))?\s+FROM\s+stdin[^\n]*\n`, 'gim');
const CONSTRAINT = /^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE|LIKE|PERIOD)\b/i;

/** The bare table or column name: schema and quotes removed. */
export function bareName(ident: string): string {
  const parts = ident.split('.');
  return (parts[parts.length - 1] ?? ident).replace(/[\x60"[\]]/g, '');
}

function columnList(list: string): string[] {
  return list.split(',').map((c) => bareName(c.trim()));
}

/**
 * Column lists by their text: a seed file repeats the same `INSERT INTO t (cols)` on every
 * line, and each list is split and cleaned once. The lists are only read, never changed.
 */
function columnsOf(list: string, memo: Map<string, string[]>): string[] {
  let cols = memo.get(list);
  if (!cols) {
    cols = columnList(list);
    memo.set(list, cols);
  }
  return cols;
}

/** Reads every INSERT and COPY of a text. Linear: each statement is scanned once. */
export function sqlRecords(text: string, sink: SqlSink): void {
  const columns = createTableColumns(text);
  const tables = new Set<string>();
  const announce = (name: string, range: Range): void => {
    if (tables.has(name)) return;
    tables.add(name);
    sink.table(name, range);
  };

  const lists = new Map<string, string[]>();
  // A seed file names the same table on every line: each spelling is read once.
  const names = new Map<string, string>();
  const values: SqlValue[] = [];
  INSERT.lastIndex = 0;
  for (let m = INSERT.exec(text); m; m = INSERT.exec(text)) {
    let name = names.get(m[1]);
    if (name === undefined) {
      name = bareName(m[1]);
      names.set(m[1], name);
    }
    const table = name;
    const cols = m[2] !== undefined ? columnsOf(m[2], lists) : columns.get(name.toLowerCase());
    if (!tables.has(name)) announce(name, [m.index, m.index + m[0].trimEnd().length]);
    INSERT.lastIndex = Math.max(
      INSERT.lastIndex,
      readTuples(text, INSERT.lastIndex, values, cols === undefined, (count, range) => sink.tuple(table, cols, values, count, range)),
    );
  }

  COPY.lastIndex = 0;
  for (let m = COPY.exec(text); m; m = COPY.exec(text)) {
    const name = bareName(m[1]);
    const cols = m[2] !== undefined ? columnList(m[2]) : columns.get(name.toLowerCase());
    announce(name, [m.index, m.index + m[0].trimEnd().length]);
    let i = COPY.lastIndex;
    while (i < text.length) {
      let eol = text.indexOf('\n', i);
      if (eol < 0) eol = text.length;
      const lineEnd = eol > i && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (lineEnd - i === 2 && text[i] === '\\' && text[i + 1] === '.') {
        i = eol + 1;
        break;
      }
      // Tab-separated cells; \N is NULL.
      let count = 0;
      let at = i;
      while (at <= lineEnd && count < MAX_VALUES) {
        let tab = text.indexOf('\t', at);
        if (tab < 0 || tab > lineEnd) tab = lineEnd;
        const cell = text.slice(at, tab);
        count = putValue(values, count, cell === '\\N' ? '' : cell, at, tab);
        at = tab + 1;
      }
      sink.tuple(name, cols, values, count, [i, lineEnd]);
      i = eol + 1;
    }
    COPY.lastIndex = i;
  }

  // Seed rows passed to a routine declared in the file: its parameters name the values.
  if (!/\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\b/i.test(text)) return;
  const params = routineParameters(text);
  CALL.lastIndex = 0;
  for (let m = CALL.exec(text); m; m = CALL.exec(text)) {
    const name = bareName(m[1]);
    const cols = params.get(name.toLowerCase());
    if (!cols) continue;
    announce(name, [m.index, m.index + m[0].trimEnd().length]);
    CALL.lastIndex = Math.max(
      CALL.lastIndex,
      readTuples(text, CALL.lastIndex, values, false, (count, range) => sink.tuple(name, cols, values, count, range), true),
    );
  }
}

/** At most this many values are read from one row. */
const MAX_VALUES = 512;

/** Sets value `count` of a row (reusing its object); returns the new count. */
function putValue(values: SqlValue[], count: number, value: string, start: number, end: number): number {
  if (count >= MAX_VALUES) return count;
  const v = values[count];
  if (v) {
    v.text = value;
    v.start = start;
    v.end = end;
  } else values[count] = { text: value, start, end };
  return count + 1;
}

/** Parameter names of every `CREATE FUNCTION` / `CREATE PROCEDURE`, by lower-cased routine name. */
function routineParameters(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  ROUTINE.lastIndex = 0;
  for (let m = ROUTINE.exec(text); m && out.size < 50; m = ROUTINE.exec(text)) {
    const items = topLevelItems(text, ROUTINE.lastIndex);
    const names: string[] = [];
    for (const item of items.items) {
      const words = item
        .replace(/--[^\n]*/g, '')
        .trim()
        .split(/\s+/);
      // PostgreSQL puts the mode first (IN name type), Oracle after the name (name IN type).
      const w = /^(?:IN|OUT|INOUT|VARIADIC)$/i.test(words[0] ?? '') ? words[1] : words[0];
      names.push(bareName((w ?? '').replace(/^@/, '')));
    }
    out.set(bareName(m[1]).toLowerCase(), names);
    ROUTINE.lastIndex = Math.max(items.end, ROUTINE.lastIndex);
  }
  return out;
}

/** The comma-separated items of a parenthesised list starting after its `(`, and where it ends. */
function topLevelItems(text: string, from: number): { items: string[]; end: number } {
  const items: string[] = [];
  let depth = 0;
  let i = from;
  let itemStart = i;
  let quote = '';
  const limit = Math.min(text.length, i + 200_000);
  for (; i < limit; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ',' && depth === 0) {
      items.push(text.slice(itemStart, i));
      itemStart = i + 1;
    }
  }
  items.push(text.slice(itemStart, i));
  return { items, end: i };
}

/**
 * Reads `(v, v, …), (…)` from `i`; returns where it stopped. Strings take '' and backslash
 * escapes; other values run to the next comma or closing parenthesis at depth zero. A value
 * that is a call with strings in it (`TO_DATE('17-06-2013', …)`, an Oracle object constructor
 * `cust_address_typ('514 W Superior St', '46901', …)`) stands for its first string, or, when
 * `flatten` is set (no column names to keep in line), for all of them in order. `once` reads a
 * single tuple (a call's arguments).
 */
function readTuples(text: string, i: number, values: SqlValue[], flatten: boolean, onTuple: (count: number, range: Range) => void, once = false): number {
  const n = text.length;
  const inner: SqlValue[] = [];
  for (;;) {
    while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '(') return i;
    const tupleStart = i;
    i++;
    let count = 0;
    for (;;) {
      while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
      if (i >= n) return i;
      const q = stringStart(text, i);
      if (q >= 0) {
        const s = readString(text, q);
        count = putValue(values, count, s.text, q + 1, s.close);
        i = s.close + 1;
      } else {
        const start = i;
        let depth = 0;
        inner.length = 0;
        while (i < n) {
          const ch = text[i];
          if (ch === "'") {
            // A string inside a call, or after a type word (DATE '1990-01-01').
            const s = readString(text, i);
            if (inner.length < 32) inner.push({ text: s.text, start: i + 1, end: s.close });
            i = s.close + 1;
            continue;
          }
          if (ch === '(') depth++;
          else if (ch === ')') {
            if (depth === 0) break;
            depth--;
          } else if (ch === ',' && depth === 0) break;
          else if (ch === ';' && depth === 0) break;
          i++;
        }
        if (inner.length > 0) {
          if (flatten) for (const v of inner) count = putValue(values, count, v.text, v.start, v.end);
          else count = putValue(values, count, inner[0].text, inner[0].start, inner[0].end);
        } else {
          const raw = text.slice(start, i).trimEnd();
          count = putValue(values, count, /^null$/i.test(raw) ? '' : raw, start, start + raw.length);
        }
      }
      while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ')') {
        i++;
        break;
      }
      return i;
    }
    onTuple(count, [tupleStart, i]);
    if (once) return i;
    while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
    if (text[i] !== ',') return i;
    i++;
  }
}

/** Where the quote of a string literal starting at `i` is ('…', N'…', E'…'), or -1. */
function stringStart(text: string, i: number): number {
  if (text[i] === "'") return i;
  const c = text[i];
  if ((c === 'N' || c === 'E' || c === 'n' || c === 'e') && text[i + 1] === "'") return i + 1;
  return -1;
}

/** The string literal whose opening quote is at `q`: its unescaped text and its closing quote (or the end). */
function readString(text: string, q: number): { text: string; close: number } {
  const n = text.length;
  let escaped = false;
  let j = q + 1;
  for (; j < n; j++) {
    const ch = text[j];
    if (ch === '\\' && j + 1 < n) {
      escaped = true;
      j++;
    } else if (ch === "'") {
      if (text[j + 1] !== "'") break;
      escaped = true;
      j++;
    }
  }
  const raw = text.slice(q + 1, j);
  return { text: escaped ? raw.replace(/''/g, "'").replace(/\\(.)/g, '$1') : raw, close: j };
}

/** Column names of every `CREATE TABLE`, by lower-cased table name. */
function createTableColumns(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  CREATE.lastIndex = 0;
  for (let m = CREATE.exec(text); m; m = CREATE.exec(text)) {
    const { items, end: i } = topLevelItems(text, CREATE.lastIndex);
    const cols: string[] = [];
    for (const item of items) {
      const t = item.replace(/--[^\n]*/g, '').trim();
      if (!t || CONSTRAINT.test(t)) continue;
      const name = /^([\x60"[]?[\w$\u3040-\u30ff\u4e00-\u9fff]{1,128}[\x60"\]]?)/.exec(t);
      if (name) cols.push(bareName(name[1]));
    }
    out.set(bareName(m[1]).toLowerCase(), cols);
    CREATE.lastIndex = Math.max(i, CREATE.lastIndex);
  }
  return out;
}
