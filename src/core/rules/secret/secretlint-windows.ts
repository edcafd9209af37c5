/**
 * The parts of a document that secretlint's preset needs to see. Every match of the preset
 * (11.2.5) holds one of its trigger literals, starts on that literal's line (nothing before a
 * trigger in any of its patterns can match a line break) and ends at most two non-blank lines
 * further down: the AWS pattern's `\s*` may cross line breaks around its `:` or `=`, npm's
 * `_authToken=` may take the next line; every other pattern stays on its line. So secretlint
 * reports the same matches on those lines, cut out and joined by line breaks, as on the whole
 * document, at a fraction of the cost on a long file with a few tokens. Whole-document
 * patterns (PEM blocks, GCP service-account JSON) and `secretlint-disable` comments are the
 * caller's to exclude.
 */
import { isRegexSpace } from '../../documents/chars';
import { lastAtOrBefore } from '../../documents/lines';
import type { Range } from '../../types';

/** Lines cut out of a text, joined by line breaks, with the way back to the text's offsets. */
export interface Windows {
  content: string;
  /** For each window: where it starts in `content`, where it starts in the text, its length. */
  contentStarts: number[];
  textStarts: number[];
  lengths: number[];
}

/** Non-blank lines a preset match may reach below the line it starts on. */
const LINES_BELOW = 2;

/**
 * The windows around every match of `triggers` (a global regex) in `text` (none when nothing
 * matches), or undefined when they would cover most of it anyway (then the whole text is
 * cheaper than the copy).
 */
export function triggerWindows(text: string, triggers: RegExp): Windows | undefined {
  const contentStarts: number[] = [];
  const textStarts: number[] = [];
  const lengths: number[] = [];
  let windowStart = -1;
  let windowEnd = -1;
  let covered = 0;
  let content = '';
  const close = (): void => {
    if (windowStart < 0) return;
    if (contentStarts.length > 0) content += '\n';
    contentStarts.push(content.length);
    textStarts.push(windowStart);
    lengths.push(windowEnd - windowStart);
    content += text.slice(windowStart, windowEnd);
    covered += windowEnd - windowStart;
  };
  triggers.lastIndex = 0;
  for (let m = triggers.exec(text); m !== null; m = triggers.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const end = reach(text, lineStart);
    // Adjacent or overlapping windows are one (the line break between them is the text's own).
    if (windowStart >= 0 && lineStart <= windowEnd + 1) windowEnd = Math.max(windowEnd, end);
    else {
      close();
      windowStart = lineStart;
      windowEnd = end;
    }
    // Every trigger on this line has the same window: go on from the next line.
    triggers.lastIndex = lineEnd(text, m.index) + 1;
  }
  close();
  if (covered > text.length / 2) return undefined;
  return { content, contentStarts, textStarts, lengths };
}

/** The end of the line at `lineStart` plus the lines down to the LINES_BELOW-th non-blank one. */
function reach(text: string, lineStart: number): number {
  let end = lineEnd(text, lineStart);
  let nonBlank = 0;
  while (nonBlank < LINES_BELOW && end < text.length) {
    const next = end + 1;
    end = lineEnd(text, next);
    if (!isBlank(text, next, end)) nonBlank++;
  }
  return end;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Whether text[from, to) is all white space in the sense of the regex `\s`. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isRegexSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A range in `content` as a range in the text, or undefined if it is not inside one window. */
export function toTextRange(w: Windows, range: readonly [number, number]): Range | undefined {
  const [start, end] = range;
  if (w.contentStarts.length === 0) return undefined;
  const lo = lastAtOrBefore(w.contentStarts, start);
  const from = w.contentStarts[lo];
  if (start < from || end > from + w.lengths[lo]) return undefined;
  const delta = w.textStarts[lo] - from;
  return [start + delta, end + delta];
}
