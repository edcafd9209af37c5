/** A small, linear CSV/TSV reader that keeps the offset of every cell. */

/** One cell: its unquoted text and the offsets of that text in the document. */
export interface Cell {
  text: string;
  start: number;
  end: number;
}

/** A quoted cell longer than this is taken for a stray quote, and the line is read unquoted. */
const MAX_QUOTED = 20_000;
const MAX_CELLS = 512;

/**
 * Reads the rows of delimited text. Quoted cells may hold delimiters, doubled quotes and line
 * breaks (RFC 4180). Each character is read a bounded number of times, so a broken file costs
 * no more than a good one.
 */
export class CsvRows {
  private i: number;
  /** Cells set so far in the row being read. */
  private count = 0;

  constructor(
    private readonly text: string,
    private readonly delim: string,
    from = 0,
  ) {
    this.i = from;
  }

  /**
   * Reads the next row into `row`, reusing the cell objects already in it (a caller that keeps
   * a row passes a new array); false at the end of the text.
   */
  next(row: Cell[]): boolean {
    const text = this.text;
    const delim = this.delim;
    const n = text.length;
    let i = this.i;
    if (i >= n) return false;
    this.count = 0;
    let lineDone = false;
    while (!lineDone) {
      if (text.charCodeAt(i) === 34 /* " */) {
        const close = closingQuote(text, i + 1);
        if (close >= 0) {
          const raw = text.slice(i + 1, close);
          this.put(row, raw.includes('""') ? raw.replace(/""/g, '"') : raw, i + 1, close);
          i = close + 1;
          // Anything between the closing quote and the next delimiter is dropped, as spreadsheets do.
          while (i < n && text[i] !== delim && text[i] !== '\n') i++;
        } else {
          i = this.plainCell(i, row);
        }
      } else {
        i = this.plainCell(i, row);
      }
      if (i >= n || text[i] === '\n') lineDone = true;
      i++;
    }
    // (Setting an array's length is a runtime call even when it does not change.)
    if (row.length !== this.count) row.length = this.count;
    this.i = i;
    return true;
  }

  /** An unquoted cell from `i` to the delimiter or line end; returns where it stopped. */
  private plainCell(i: number, row: Cell[]): number {
    const text = this.text;
    const delim = this.delim;
    let j = i;
    while (j < text.length && text[j] !== delim && text[j] !== '\n') j++;
    const end = j > i && text[j - 1] === '\r' ? j - 1 : j;
    this.put(row, text.slice(i, end), i, end);
    return j;
  }

  /** Sets the next cell of the row (reusing its object) unless the row is full. */
  private put(row: Cell[], value: string, start: number, end: number): void {
    if (this.count >= MAX_CELLS) return;
    const cell = row[this.count];
    if (cell) {
      cell.text = value;
      cell.start = start;
      cell.end = end;
    } else row[this.count] = { text: value, start, end };
    this.count++;
  }
}

function closingQuote(text: string, i: number): number {
  const limit = Math.min(text.length, i + MAX_QUOTED);
  for (let j = i; j < limit; j++) {
    if (text.charCodeAt(j) !== 34) continue;
    if (text.charCodeAt(j + 1) === 34) {
      j++;
      continue;
    }
    return j;
  }
  return -1;
}

/** Picks the delimiter of a header line: the most frequent of comma, tab and semicolon. */
export function guessDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = line.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
