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
 * Yields the rows of delimited text. Quoted cells may hold delimiters, doubled quotes and line
 * breaks (RFC 4180). Each character is read a bounded number of times, so a broken file costs
 * no more than a good one.
 */
export function* csvRows(text: string, delim: string, from = 0): Generator<Cell[]> {
  let i = from;
  const n = text.length;
  while (i < n) {
    const row: Cell[] = [];
    let lineDone = false;
    while (!lineDone) {
      if (text.charCodeAt(i) === 34 /* " */) {
        const close = closingQuote(text, i + 1);
        if (close >= 0) {
          const raw = text.slice(i + 1, close);
          if (row.length < MAX_CELLS) row.push({ text: raw.includes('""') ? raw.replace(/""/g, '"') : raw, start: i + 1, end: close });
          i = close + 1;
          // Anything between the closing quote and the next delimiter is dropped, as spreadsheets do.
          while (i < n && text[i] !== delim && text[i] !== '\n') i++;
        } else {
          i = plainCell(text, i, delim, row);
        }
      } else {
        i = plainCell(text, i, delim, row);
      }
      if (i >= n || text[i] === '\n') lineDone = true;
      i++;
    }
    yield row;
  }
}

function plainCell(text: string, i: number, delim: string, row: Cell[]): number {
  let j = i;
  while (j < text.length && text[j] !== delim && text[j] !== '\n') j++;
  const end = j > i && text[j - 1] === '\r' ? j - 1 : j;
  if (row.length < MAX_CELLS) row.push({ text: text.slice(i, end), start: i, end });
  return j;
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
