/**
 * A global regex's matches, tried only where a literal that every match holds allows a match
 * to start, instead of at every position of the text: for a pattern whose words are common
 * (`pat` in `path`, `mysql` in a project about MySQL), most of its cost.
 */

/** Every non-empty match of a global regex, in order (what `anchoredSearch` must find). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(m);
  }
  return out;
}

/**
 * The matches (non-empty, in order) that a global search with `sticky`'s pattern finds in
 * `text`, given that every match starting at s holds one of `anchors` (exact case) at h with
 * s + lo <= h <= s + hi (`at`, default [0, 0]: the match starts with it). `sticky` is the
 * pattern with the `y` flag instead of `g`. The starts are tried anchor by anchor, in order, from
 * h - hi to h - lo (never before the end of the last match, where the global search would go
 * on from): the first start that matches is the one the global search finds next, since no
 * start before it (tried or not) could match.
 */
export function anchoredSearch(sticky: RegExp, text: string, anchors: readonly string[], at: readonly [number, number] = [0, 0]): RegExpExecArray[] {
  const [lo, hi] = at;
  const positions: number[] = [];
  for (const a of anchors) for (let h = text.indexOf(a); h >= 0; h = text.indexOf(a, h + 1)) positions.push(h);
  if (anchors.length > 1) positions.sort((x, y) => x - y);
  const out: RegExpExecArray[] = [];
  // Where the next match may start, and the first start not yet tried.
  let from = 0;
  let untried = 0;
  for (const h of positions) {
    let s = Math.max(from, untried, h - hi);
    for (; s <= h - lo; s++) {
      sticky.lastIndex = s;
      const m = sticky.exec(text);
      if (m === null || m[0].length === 0) continue;
      out.push(m);
      from = s + m[0].length;
      break;
    }
    untried = Math.max(untried, s);
  }
  return out;
}

/** `re` (global) as a sticky regex, for `anchoredSearch`: built once, when a rule is built. */
export function stickyOf(re: RegExp): RegExp {
  if (re.ignoreCase) throw new Error(`an anchored search needs a case-sensitive pattern: ${re.source}`);
  return new RegExp(re.source, re.flags.replace('g', '') + 'y');
}
