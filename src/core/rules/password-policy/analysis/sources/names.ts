/**
 * Setting and variable names that say what they hold: a password minimum length
 * (`os_pw_min_length`, `minimum_password_length`, `passwordMinLength`, `X_PASSWD_MINLEN`).
 */

/** Words of a name that say it is about passwords. */
export const PW_WORDS: ReadonlySet<string> = new Set(['pass', 'passwd', 'password', 'pw', 'pwd', 'pwquality', 'cracklib', 'passwdqc', 'pam']);

// Words that say a name is about something else than the minimum length (age, files, classes,
// the maximum, history) even next to "min" and "length".
const NOT_LENGTH_WORDS = new Set([
  'age',
  'days',
  'file',
  'path',
  'class',
  'classes',
  'credit',
  'repeat',
  'warn',
  'max',
  'maxlen',
  'history',
  'remember',
  'generated',
  'generator',
  'random',
  'salt',
  'hash',
  'token',
  'otp',
  'pin',
  'username',
]);

/** The lower-case words of a name: split at `_`, `.`, `-` and camelCase humps. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.\-\s]+/)
    .filter((w) => w.length > 0);
}

/** Whether a name says it is about passwords. */
export function namesPassword(name: string): boolean {
  return splitWords(name).some((w) => PW_WORDS.has(w));
}

/** Whether a name names a password minimum length: a password word, a "min" word and a "length" word. */
export function isMinLengthSetting(name: string): boolean {
  if (name.length > 120) return false;
  const words = splitWords(name);
  if (!words.some((w) => PW_WORDS.has(w)) || words.some((w) => NOT_LENGTH_WORDS.has(w))) return false;
  if (words.includes('minlen')) return true;
  return words.some((w) => w === 'min' || w === 'minimum') && words.some((w) => w === 'len' || w === 'length');
}
