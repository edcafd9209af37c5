import type { TextEdit } from '../../../src/core/types';

/** Applies a fix's edits to the text it was computed on: from the end, so earlier offsets stay valid; same-offset inserts keep their order. */
export function applyFixEdits(text: string, edits: readonly Pick<TextEdit, 'range' | 'newText'>[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.range[0] - a.e.range[0] || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, e.range[0]) + e.newText + out.slice(e.range[1]);
  return out;
}
