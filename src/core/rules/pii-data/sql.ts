/**
 * Records from SQL seeds and dumps: `INSERT INTO t (cols) VALUES (…), (…)` (with or without a
 * column list: mysqldump leaves it out, so columns come from the `CREATE TABLE` before it) and
 * pg_dump's `COPY t (cols) FROM stdin;` blocks. One store per table.
 */
import { isRegexSpace } from '../../documents/chars';
import type { Range } from '../../types';
import type { RawField } from './tally';

/** Callbacks of the SQL reader: a table's first statement, then its rows. */
export interface SqlSink {
  table(name: string, statement: Range): void;
  row(name: string, fields: RawField[], range: Range): void;
  /**
   * An INSERT tuple: its first `count` values by position, and the columns they go to (when
   * known). The values are the reader's own, reused for the next tuple: read them during the call.
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
const INSERT = new RegExp(String.raw`\b(?:INSERT|REPLACE)\s+(?:IGNORE\s+|OR\s+\w+\s+)?INTO\s+(${IDENT})\s*(?:\(([^()]{0,8000})\)\s*)?VALUES\s*`, 'gi');
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
    INSERT.lastIndex = readTuples(text, INSERT.lastIndex, values, (count, range) => sink.tuple(table, cols, values, count, range));
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
      const line = text.slice(i, eol).replace(/\r$/, '');
      if (line === '\\.') {
        i = eol + 1;
        break;
      }
      const fields: RawField[] = [];
      let at = i;
      for (const [c, cell] of line.split('\t').entries()) {
        if (cell !== '\\N') fields.push({ key: cols?.[c], value: cell, start: at, end: at + cell.length });
        at += cell.length + 1;
      }
      sink.row(name, fields, [i, i + line.length]);
      i = eol + 1;
    }
    COPY.lastIndex = i;
  }
}

/**
 * Reads `(v, v, …), (…)` from `i`; returns where it stopped. Strings take '' and backslash
 * escapes; other values run to the next comma or closing parenthesis at depth zero.
 */
function readTuples(text: string, i: number, values: SqlValue[], onTuple: (count: number, range: Range) => void): number {
  const n = text.length;
  // One value object per column, reused from tuple to tuple (a seed file has millions of values).
  const put = (count: number, value: string, start: number, end: number): number => {
    const v = values[count];
    if (v) {
      v.text = value;
      v.start = start;
      v.end = end;
    } else values[count] = { text: value, start, end };
    return count + 1;
  };
  for (;;) {
    while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '(') return i;
    const tupleStart = i;
    i++;
    let count = 0;
    for (;;) {
      while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
      if (i >= n) return i;
      if (text[i] === "'" || (text[i] === 'N' && text[i + 1] === "'")) {
        if (text[i] === 'N') i++;
        const start = i + 1;
        let j = start;
        let raw = '';
        let escaped = false;
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
        raw = text.slice(start, j);
        count = put(count, escaped ? raw.replace(/''/g, "'").replace(/\\(.)/g, '$1') : raw, start, j);
        i = j + 1;
      } else {
        const start = i;
        let depth = 0;
        while (i < n) {
          const ch = text[i];
          if (ch === '(') depth++;
          else if (ch === ')') {
            if (depth === 0) break;
            depth--;
          } else if (ch === ',' && depth === 0) break;
          else if (ch === ';' || ch === "'") break;
          i++;
        }
        const raw = text.slice(start, i).trimEnd();
        count = put(count, /^null$/i.test(raw) ? '' : raw, start, start + raw.length);
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
    while (i < n && isRegexSpace(text.charCodeAt(i))) i++;
    if (text[i] !== ',') return i;
    i++;
  }
}

/** Column names of every `CREATE TABLE`, by lower-cased table name. */
function createTableColumns(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  CREATE.lastIndex = 0;
  for (let m = CREATE.exec(text); m; m = CREATE.exec(text)) {
    const items: string[] = [];
    let depth = 0;
    let i = CREATE.lastIndex;
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
