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

/**
 * Key names whose value is a secret: a key ending in one of these words (`masterauth`,
 * `requirepass`, `db_password`, `aws_secret_access_key`, `api-token` …).
 */
const SECRET_KEY = /(?:pass(?:word|wd|phrase)?|pwd|secret|token|auth|credentials?|(?:api|access|private|secret|master|encryption|signing)[_-]?key)$/i;

/** A word every key that SECRET_KEY accepts contains (a cheap test before the key/value patterns). */
const SECRET_KEY_WORD = /pass|pwd|secret|token|auth|credential|key/i;

/** A key and what follows it: `key: value`, `key = value`, `"key": "value"`, `key => value`. */
const KEY_VALUE = /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,64})(["']?[ \t]*(?:[:=]|=>)[ \t]*["']?)([^\s"',;{}()[\]]{1,200})/g;
/** A directive at a line's start: `masterauth value` (redis.conf, nginx and the like). */
const DIRECTIVE = /^([ \t]*)([A-Za-z0-9_.-]{1,64})([ \t]+["']?)(?![:=])([^\s"',;{}()[\]]{1,200})/gm;
/** Values that are not secrets: switches, empty-ish words, references to a value kept elsewhere. */
const PLAIN_VALUE = /^(?:yes|no|true|false|on|off|none|null|nil|required|optional|disabled?|enabled?|md5|trust|reject|\d{1,12})$|^[$%<&*{]|\*\*/i;
/**
 * A run of token characters: what provider keys, random passwords and base64 secrets are made
 * of. Masked when it looks made by a machine (see `tokenShaped`).
 */
const RUN = /[A-Za-z0-9_+/=-]{16,}/g;

/** Whether a run of token characters looks like a generated secret rather than a word or path. */
function tokenShaped(run: string): boolean {
  if (!/\d/.test(run) || !/[A-Za-z]/.test(run)) return false;
  // Long single-case runs too (hex keys), but not paths, whose parts are words.
  return (/[a-z]/.test(run) && /[A-Z]/.test(run)) || (run.length >= 32 && !run.includes('/'));
}

/**
 * The one masking step every excerpt and message argument passes through before it leaves the
 * engine (see scan.ts): whatever a rule put there, a value after a secret-named key
 * (`masterauth …`, `password: …`) and every machine-made-looking run of token characters (a
 * token inside an identifier, a key on a file's first line) come out masked. A rule's own
 * masking stays as it is (masked text is not masked again). Linear in the text's length.
 */
export function redact(text: string): string {
  if (text.length < 4) return text;
  // Most excerpts name no secret key at all (`0.0.0.0/0`, `publicly_accessible = true`): only their runs are read.
  if (!SECRET_KEY_WORD.test(text)) return text.replace(RUN, (run) => (tokenShaped(run) ? maskSecret(run) : run));
  let out = text.replace(DIRECTIVE, (m, lead: string, key: string, gap: string, value: string) =>
    SECRET_KEY.test(key) && !PLAIN_VALUE.test(value) ? `${lead}${key}${gap}${maskSecret(value)}` : m,
  );
  out = out.replace(KEY_VALUE, (m, key: string, sep: string, value: string) =>
    SECRET_KEY.test(key) && !PLAIN_VALUE.test(value) ? `${key}${sep}${maskSecret(value)}` : m,
  );
  return out.replace(RUN, (run) => (tokenShaped(run) ? maskSecret(run) : run));
}
