import type { Range, TextEdit } from '../../../../types';

/**
 * Helpers for sources read with regular expressions (code, PAM, MySQL): match groups with
 * offsets, comment checks, and bracket matching with a bound so hostile input stays linear.
 */

/** The offsets of a capture group of a match made with the `d` flag. */
export function groupRange(m: RegExpExecArray, group: number): Range | undefined {
  const r = m.indices?.[group];
  return r ? [r[0], r[1]] : undefined;
}

/** Replaces a number written at `range` (a digits-only span). */
export function numberReplacer(range: Range): (value: number) => TextEdit {
  return (value) => ({ range, newText: String(value) });
}

/** Every match of a global regex with indices. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  if (!re.global || !re.hasIndices) throw new Error('regex needs the g and d flags');
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(text)) !== null && count++ < 1000) {
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
}

/** Whether `offset` sits after a line comment marker on its line. */
export function inLineComment(text: string, offset: number, markers: readonly string[]): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  return markers.some((mk) => {
    const i = before.indexOf(mk);
    // A marker inside a string ("http://") is not a comment: require it at the line start or after a space.
    return i >= 0 && (i === 0 || /\s/.test(before[i - 1]) || before.slice(0, i).trim() === '');
  });
}

/**
 * The offset just past the bracket closing the one at `open` (`(`, `[` or `{`), skipping
 * quoted strings; undefined when not found within `limit` characters.
 */
export function closing(text: string, open: number, limit = 20000): number | undefined {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  const end = Math.min(text.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      i++;
      while (i < end && text[i] !== q) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n' && q !== '`') break;
        i++;
      }
      continue;
    }
    if (pairs[c]) stack.push(pairs[c]);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return undefined;
      if (stack.length === 0) return i + 1;
    }
  }
  return undefined;
}

/** Splits an argument list (the text between parentheses) at top-level commas, with offsets. */
export function splitArgs(text: string, start: number, end: number): { text: string; range: Range }[] {
  const out: { text: string; range: Range }[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = closingQuote(text, i, end);
      i = close;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(trimmed(text, from, i));
      from = i + 1;
    }
  }
  if (text.slice(from, end).trim()) out.push(trimmed(text, from, end));
  return out;
}

function closingQuote(text: string, at: number, end: number): number {
  const q = text[at];
  for (let i = at + 1; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === q) return i;
  }
  return end;
}

function trimmed(text: string, from: number, to: number): { text: string; range: Range } {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { text: text.slice(s, e), range: [s, e] };
}
