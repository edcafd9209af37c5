import type { Lang } from '../core/messages';

/**
 * The CLI's manners: how it reads its command line and speaks about a wrong one (a mistyped
 * option or command gets the closest right one, in the user's language), and whether it
 * colours its output.
 */

/** A wrong command line: the message says what and, where it can, what was meant. Exit code 2. */
export class UsageError extends Error {}

/** The commands `mamori` knows. */
export const COMMANDS = ['scan', 'history', 'rules', 'help'] as const;

/** Edit distance (insertions, deletions, substitutions, and swaps of two neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `word`, when it is close enough to be what was meant: at most a
 * third of the word's letters wrong (at least one, at most three), or the one candidate that
 * begins with the word (`--form` for `--format`). Words of fewer than three letters get none.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  // One or two letters say too little to guess from (`-x` is not a typo of `-f`).
  if (w.replace(/^-+/, '').length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = editDistance(w, c.toLowerCase());
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= Math.min(3, Math.max(1, Math.floor(w.length / 3)))) return best;
  const prefixed = candidates.filter((c) => w.length >= 3 && c.toLowerCase().startsWith(w));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** The language asked for on the command line (`--lang ja`, `--lang=ja`), read before parsing. */
export function langFromArgs(argv: readonly string[], fallback: Lang): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value === 'ja' || value === 'en') return value;
  }
  return fallback;
}

/** Every option the help text lists (`--format`, `-f` …): what a mistyped option may have meant. */
export function optionSpellings(help: string): string[] {
  const out = new Set<string>();
  for (const line of help.split('\n')) {
    const m = /^\s+(?:(-[A-Za-z]), )?(--[a-z][a-z-]*)/.exec(line);
    if (!m) continue;
    if (m[1]) out.add(m[1]);
    out.add(m[2]);
  }
  return [...out];
}

/**
 * The CLI's message for an error of `parseArgs`: an unknown option names the closest known one,
 * a missing value says which option needs one, in the user's language.
 */
export function parseProblem(error: unknown, spellings: readonly string[], lang: Lang): UsageError {
  const e = error as Error & { code?: string };
  const ja = lang === 'ja';
  // "Unknown option '--formt'", "Option '-f, --format <value>' argument missing": the long name.
  const quoted = /'(?:-[A-Za-z], )?(-{1,2}[^' <,]+)/.exec(e.message ?? '')?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const flag = quoted.split('=')[0];
    const hint = closest(flag, spellings);
    return new UsageError(
      ja
        ? `不明なオプション ${flag} です。${hint ? `${hint} のことですか？` : ''}（'-' で始まるパスは '--' の後に書いてください）`
        : `unknown option ${flag}.${hint ? ` Did you mean ${hint}?` : ''} (A path that begins with '-' goes after '--'.)`,
    );
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    const needsValue = /argument missing/.test(e.message);
    return new UsageError(
      needsValue
        ? ja
          ? `${quoted} には値が必要です（例: ${quoted} <値>）。`
          : `${quoted} needs a value (${quoted} <value>).`
        : ja
          ? `${quoted} は値をとりません。`
          : `${quoted} takes no value.`,
    );
  }
  return new UsageError(e instanceof Error ? e.message : String(error));
}

/** The message for a command that is not one of COMMANDS. */
export function unknownCommand(command: string, lang: Lang): UsageError {
  const hint = closest(command, COMMANDS);
  return new UsageError(
    lang === 'ja'
      ? `不明なコマンド「${command}」です。${hint ? `「mamori ${hint}」のことですか？` : `使えるコマンド: ${COMMANDS.join(', ')}。`}`
      : `unknown command "${command}".${hint ? ` Did you mean "mamori ${hint}"?` : ` Commands: ${COMMANDS.join(', ')}.`}`,
  );
}

/**
 * Whether to colour terminal output. In order: `--no-color` never; `FORCE_COLOR` set to anything
 * but `0` or `false` always (CI logs that render colours), as Node itself reads it; `NO_COLOR`
 * set to anything non-empty never (no-color.org); a report written to a file never; otherwise
 * when standard output is a terminal.
 */
export function useColor(o: { noColorFlag: boolean; toFile: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (o.noColorFlag || o.toFile) return false;
  const force = o.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (o.env.NO_COLOR) return false;
  return o.isTTY;
}

/** The message for an option value that is not one of `allowed`, naming the closest one. */
export function badChoice(option: string, value: string, allowed: readonly string[], lang: Lang): UsageError {
  const hint = closest(value, allowed);
  return new UsageError(
    lang === 'ja'
      ? `${option} に「${value}」は指定できません。${hint ? `「${hint}」のことですか？` : ''}指定できる値: ${allowed.join(', ')}`
      : `${option} cannot be "${value}".${hint ? ` Did you mean "${hint}"?` : ''} One of: ${allowed.join(', ')}`,
  );
}

/** The message for an option that needs a number in a range. */
export function badNumber(option: string, lang: Lang, what: { en: string; ja: string }): UsageError {
  return new UsageError(lang === 'ja' ? `${option} には${what.ja}を指定してください。` : `${option} must be ${what.en}.`);
}
