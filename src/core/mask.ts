/**
 * Masking of secret values. Nothing outside this module ever needs a secret in full:
 * findings carry only offsets and a masked preview.
 */

/**
 * Masks a secret for display: a short prefix (which names the key type, e.g. `ghp_` or
 * `AKIA`) and asterisks. At most a quarter of the value, and never more than four
 * characters, is shown; values shorter than eight characters show nothing.
 */
export function maskSecret(value: string): string {
  const v = value.trim();
  const shown = v.length < 8 ? 0 : Math.min(4, Math.floor(v.length / 4));
  const stars = Math.min(Math.max(v.length - shown, 4), 12);
  return `${v.slice(0, shown)}${'*'.repeat(stars)}`;
}

/** Replaces the ranges of `text` (relative offsets) with masked values. */
export function maskRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += text.slice(at, s) + maskSecret(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}
