import type { Document } from '../../../documents/document';
import type { Format } from '../../../documents/detect';
import { visit, type TreeNode } from '../../../documents/tree';
import { treesOf } from '../../../documents/trees';
import { literalHits, mentionsAny } from '../../../literals';
import type { Range } from '../../../types';
import { classifyKey } from './keys';

/**
 * Key/value pairs that may hold a credential, found in any file format: `key = "value"`,
 * `key: value`, `"key": "value"`, `key := "v"`, `$key .= "v"`, `setProperty("KEY", "v")`,
 * `setPassword("v")`, `<keyToken>v</keyToken>`, `<add key="Password" value="v"/>`,
 * `--password v`, Dockerfile `ENV KEY v`, and in JSON/YAML the `value`/`Default` of an entry
 * named by a sibling `name` or by its parent (`- name: DB_PASSWORD` / `value: …`,
 * CloudFormation parameter defaults, ARM parameter files).
 *
 * Extraction is per line with precompiled regexes and a cheap keyword prefilter, so it stays
 * linear in the text; only lines that mention a secret-ish word are examined.
 */
export interface Candidate {
  /** The name the value is stored under (for container keys, the name they stand for). */
  key: string;
  /** The value as written, without quotes. */
  value: string;
  /** Offsets of the value without quotes. */
  valueRange: Range;
  /** Offsets of the whole literal, quotes and string prefix included (what a fix replaces). */
  literalRange: Range;
  /** The quote character, if the value was quoted. */
  quote?: string;
  /** `fallback`: the literal default of an environment read (see `fallbackCandidatesOf`). */
  origin: 'assign' | 'call' | 'setter' | 'xml' | 'attr' | 'flag' | 'env' | 'tree' | 'fallback';
}

/** Formats whose unquoted right-hand sides are expressions, never literals. */
const CODE_FORMATS: ReadonlySet<Format> = new Set<Format>([
  'javascript',
  'typescript',
  'python',
  'java',
  'csharp',
  'go',
  'ruby',
  'php',
  'kotlin',
  'rust',
  'swift',
  'c',
  'bicep',
  'firebase-rules',
  'hcl',
  'json',
]);

/** True when an unquoted value in this format is an expression rather than a literal. */
export function unquotedIsExpression(format: Format): boolean {
  return CODE_FORMATS.has(format);
}

/** Lines worth parsing mention one of these words (any case). */
const HINT_WORDS = [
  'pass',
  'pw',
  'secret',
  'token',
  'key',
  'auth',
  'cred',
  'bearer',
  'erlang',
  'pasu',
  'ansh',
  'ansy',
  'himit',
  'パスワード',
  '暗証',
  '秘密',
  'シークレット',
  'トークン',
  'キー',
  '認証',
];
const HINT = new RegExp(HINT_WORDS.join('|'), 'i');

/** `key <op> ` — the key may be quoted, dotted or `$`-prefixed; the operator is one of many. */
const ASSIGN =
  /(?<![\w$@.\-\\])[$@]?(?:(\\?["'`])([^"'`\\\r\n]{1,100}?)\1|([A-Za-z0-9_\u3040-\u30ff\u4e00-\u9fff][\w.\-\u3040-\u30ff\u4e00-\u9fff]{0,99}))[ \t]*(?:\][ \t]*)?(:=|=>|\.=|\+=|\?=|\|\|=|<-|=|:)(?![=:/>~])[ \t]*/g;

/**
 * `"KEY", "value"` opening a call or a tuple: `setProperty("API_TOKEN", "…")`, `("password", "…")`.
 * Only at the start of the argument list: further along, strings in a list are not pairs.
 */
const CALL_PAIR = /([([{][ \t]*)(["'])([A-Za-z_][\w.-]{0,99})\2[ \t]*,[ \t]*/g;

/**
 * Calls whose arguments are a name and its value (`setProperty`, `putenv`, `headers.set`,
 * `setItem`, `Map.of`), or a bare tuple. Other calls (`scrypt('password', 'salt')`) take
 * positional arguments that only look like a pair.
 */
const PAIR_CALLEE = /^(?:(?:set|put|add|append|with|define|register|store|save)\w{0,60}|of|entry|pair|tuple|Tuple|Pair|setenv|putenv|header|headers|env)$/;

/** `setPassword("…")`, `.setApiKey('…')`. */
const SETTER = /\bset([A-Z][A-Za-z0-9]{1,60})[ \t]*\([ \t]*/g;

/** The name of a source or settings file, as a file and line reference starts (`password_resets_controller.rb`). */
const SOURCE_FILE = /\.(?:rb|py|js|mjs|cjs|ts|tsx|jsx|go|java|kt|php|cs|swift|rs|c|cc|cpp|h|hpp|ex|exs|scala|vue|erb|haml|slim|ya?ml|json|toml|sh)$/;

/** `--password value`, `--api-key=value`. */
const FLAG = /(?<![\w-])--([a-zA-Z][\w-]{1,40})(?:=|[ \t]+)(?=[^-\s])/g;

/** Dockerfile `ENV KEY value` (the form without `=`). */
const DOCKER_ENV = /^[ \t]*ENV[ \t]+([A-Za-z_]\w{0,99})[ \t]+(?!\S*=)/;

/** `<add key="Password" value="…"/>`, `<property name="password" value="…"/>`. */
const XML_ATTR_PAIR = /\b(?:key|name)[ \t]*=[ \t]*(["'])([^"'<>]{1,100})\1[^<>]{0,300}?\bvalue[ \t]*=[ \t]*(["'])/g;

/** Names of anti-forgery form fields: `_token`, `data[_Token][fields]`, `csrf_token`, `authenticity_token`. */
const FORM_TOKEN_NAME = /(?:^|[[\]])_token\b|csrf|xsrf|authenticity_token|__RequestVerificationToken/i;

/** Whether the match at `at` lies in an `<input type="hidden" …>` tag of the line. */
function hiddenInputAround(line: string, at: number): boolean {
  const open = line.lastIndexOf('<', at);
  if (open < 0 || !/^<input\b/i.test(line.slice(open, open + 7))) return false;
  const close = line.indexOf('>', at);
  return /\btype[ \t]*=[ \t]*["']?hidden\b/i.test(line.slice(open, close < 0 ? Math.min(line.length, at + 600) : close));
}

/** `<tokenName>value</tokenName>`, the value possibly on its own line. */
const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,80})(?:[ \t][^<>]{0,200})?>([^<]{1,600})<\/\1>/g;

/** Keys that hold the value of something named elsewhere (a sibling `name`, or the parent). */
const CONTAINER_KEYS = new Set(['value', 'Value', 'VALUE', 'default', 'Default', 'defaultValue', 'default_value', 'DefaultValue']);
const NAME_KEYS = ['name', 'Name', 'key', 'Key', 'ParameterKey', 'parameterKey', 'variable', 'Variable', 'env', 'OptionName'];

interface ParsedValue {
  value: string;
  valueRange: Range;
  literalRange: Range;
  quote?: string;
}

/**
 * Reads the value that starts at `at` in `text` (which ends at `end`, the end of the line):
 * a quoted string (with escapes) or, where the format allows, a bare scalar up to a comment.
 */
export function parseValueAt(text: string, at: number, end: number, format: Format): ParsedValue | undefined {
  let i = at;
  // A YAML anchor names the node after it (`x-secret: &secret-env` with the map on the next
  // lines, `password: &pw value`), and an alias (`*pw`) refers to a node written elsewhere.
  if (format === 'yaml' && (text[i] === '&' || text[i] === '*') && /[\w-]/.test(text[i + 1] ?? '')) {
    if (text[i] === '*') return undefined;
    while (i < end && !/[ \t]/.test(text[i])) i++;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= end) return undefined;
  }
  // String prefixes: Python r"", b"", f""; C# @"", $"".
  let litStart = i;
  // (Asked only where such prefixes exist: every YAML value used to cut a piece for it.)
  const prefixed = format !== 'yaml' && format !== 'dotenv' && format !== 'shell' && format !== 'text';
  const pm = prefixed ? /^(?:[rRbBuUfF]{1,2}|@|\$@?|@\$)(?=["'])/.exec(text.slice(i, Math.min(end, i + 3))) : null;
  if (pm) {
    litStart = i;
    i += pm[0].length;
  }
  const c = text[i];
  // Prose names a variable in inline code (`POSTGRES_PASSWORD=` (for postgres)): the backtick
  // after the operator closes the code span the key is in; it opens no value.
  if (c === '`' && (format === 'markdown' || format === 'text') && insideCodeSpan(text, i)) return undefined;
  if (c === '"' || c === "'" || c === '`') {
    // Escaped JSON inside a string (`\"pass\": \"…\"`) shows up as a backslash before the quote.
    let j = i + 1;
    while (j < end) {
      const ch = text[j];
      if (ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === c) break;
      j++;
    }
    const close = Math.min(j, end);
    let value = text.slice(i + 1, close);
    // A value quoted with escaped quotes ends at the next `\"`.
    if (value.endsWith('\\')) value = value.slice(0, -1);
    return { value, valueRange: [i + 1, i + 1 + value.length], literalRange: [litStart, j < end ? j + 1 : close], quote: c };
  }
  if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) {
    // `\"pass\": \"value\"` — JSON escaped inside another string.
    const q = text[i + 1];
    const close = text.indexOf('\\' + q, i + 2);
    const stop = close < 0 || close > end ? end : close;
    const value = text.slice(i + 2, stop);
    return { value, valueRange: [i + 2, stop], literalRange: [i, close < 0 || close > end ? stop : close + 2], quote: q };
  }
  if (unquotedIsExpression(format)) return undefined;
  // In YAML a `#` after a blank opens a comment: `secret: ##KEYWORD##` holds no value.
  if (format === 'yaml' && c === '#') return undefined;
  let stop = end;
  // Inside an inline code span (`DB_PASSWORD=value` in prose) the value ends where the span does.
  if ((format === 'markdown' || format === 'text') && insideCodeSpan(text, i)) {
    const close = text.slice(i, end).indexOf('`');
    if (close >= 0) stop = i + close;
    // A call's keyword arguments in the span (`connect(password=None, host=None)`): the value
    // ends before the comma that opens the next one.
    const next = NEXT_KEYWORD_ARGUMENT.exec(text.slice(i, stop));
    if (next) stop = i + next.index;
  }
  const rest = text.slice(i, stop);
  const comment = format === 'properties' ? -1 : rest.search(/[ \t](?:#|\/\/|;)/);
  if (comment >= 0) stop = i + comment;
  // Trailing blanks, then separators of inline lists and statements (string ops: no regex backtracking).
  let value = trimTrailing(text.slice(i, stop), ' \t');
  value = trimTrailing(value, ',;');
  if (format === 'yaml' || format === 'text' || format === 'markdown') value = trimTrailing(value, '}]');
  if (value.length === 0) return undefined;
  return { value, valueRange: [i, i + value.length], literalRange: [i, i + value.length] };
}

/** `, name=` or `, name:` after a bare value: the next keyword argument or field of a list. */
const NEXT_KEYWORD_ARGUMENT = /,[ \t]*[A-Za-z_][\w.-]{0,60}[ \t]*[=:]/;

/**
 * Whether `at` lies inside an open parenthesis of the line (a call's keyword arguments).
 * Matches on a line come in increasing order, so the depth is carried forward in `parens`
 * instead of recounted from the line start (which was quadratic: 85 s on a 1 MB minified line).
 */
function insideParens(line: string, at: number, parens: { at: number; depth: number }): boolean {
  for (let i = parens.at; i < at; i++) {
    if (line[i] === '(') parens.depth++;
    else if (line[i] === ')' && parens.depth > 0) parens.depth--;
  }
  parens.at = Math.max(parens.at, at);
  return parens.depth > 0;
}

/**
 * Whether a `{{` opens before `at` on the line and no `}}` closes it in between: `at` is inside a
 * Go, Jinja or Handlebars template action. Only the 512 characters before are looked at.
 */
function insideTemplateAction(line: string, at: number): boolean {
  const before = line.slice(Math.max(0, at - 512), at);
  const open = before.lastIndexOf('{{');
  return open >= 0 && before.indexOf('}}', open) < 0;
}

/**
 * Whether an odd number of backticks precede `at` on its line: a code span is open there. Only
 * the 512 characters before are looked at (an inline code span is short), so a long line with
 * many assignments costs no more than a short one.
 */
function insideCodeSpan(text: string, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= 0 && k >= at - 512 && text[k] !== '\n'; k--) if (text[k] === '`') n++;
  return n % 2 === 1;
}

/** `s` without the trailing characters listed in `chars`. */
function trimTrailing(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return s.slice(0, end);
}

/** The identifier that ends `s` (blanks allowed after it), or undefined. */
function trailingIdentifier(s: string): string | undefined {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && /[\w$]/.test(s[start - 1])) start--;
  return start < end ? s.slice(start, end) : undefined;
}

/**
 * Calls `each` with the start and end of every line (ended by CR, LF or CRLF) that mentions a
 * hint word, once per line, and the index in `hits` of the line's first hint. The text is not
 * split into lines: most lines of most files mention none, and a line is only delimited around
 * a hit. `hits` are the hint words' start and end offsets, in order (see `literalHits`).
 */
function hintedLines(text: string, hits: readonly number[], each: (start: number, end: number, firstHit: number) => void): void {
  let done = 0;
  for (let k = 0; k < hits.length; k += 2) {
    if (hits[k] < done) continue;
    let s = hits[k];
    while (s > done) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 || c === 13) break;
      s--;
    }
    let e = hits[k + 1];
    while (e < text.length) {
      const c = text.charCodeAt(e);
      if (c === 10 || c === 13) break;
      e++;
    }
    each(s, e, k);
    done = e + 1;
  }
}

function push(out: Candidate[], key: string, p: ParsedValue, origin: Candidate['origin']): void {
  out.push({ key, value: p.value, valueRange: p.valueRange, literalRange: p.literalRange, ...(p.quote ? { quote: p.quote } : {}), origin });
}

/**
 * Lines longer than this (minified code, one-line JSON) are read for assignments only around
 * the hint words they contain: every `a=b` of a 1 MB bundle is a regex match, and the ones
 * far from any hint word name nothing a secret rule reads.
 */
const LONG_LINE = 2000;
/** How far from a hint word an assignment is looked for on a long line. */
const HINT_REACH = 200;
function scanLine(text: string, s: number, e: number, hits: readonly number[], firstHit: number, format: Format, out: Candidate[]): void {
  const line = text.slice(s, e);
  const parens = { at: 0, depth: 0 };
  // Every operator of ASSIGN holds `:` or `=`, but `<-`: a hint word's line without them (a
  // Python `pass`, prose about a key) has no assignment to read.
  const operator = line.includes('=') || line.includes(':') || line.includes('<-');
  if (!operator) {
    otherPairs(text, s, e, line, format, out);
    return;
  }
  if (line.length <= LONG_LINE) {
    assignments(text, s, e, line, 0, line.length, format, parens, out);
  } else {
    // Around each hint word of the line (offsets in the line); a hint inside or overlapping
    // the last one read, or before where reading stopped, adds nothing.
    let done = 0;
    let next = 0;
    for (let k = firstHit; k < hits.length && hits[k] < e; k += 2) {
      const from = hits[k] - s;
      if (from < next) continue;
      const to = hits[k + 1] - s + HINT_REACH;
      done = Math.max(done, assignments(text, s, e, line, Math.max(done, from - HINT_REACH), to, format, parens, out));
      next = Math.max(hits[k + 1] - s, done);
    }
  }
  otherPairs(text, s, e, line, format, out);
}

/**
 * Reads the `key <op> value` assignments of a line that start between `from` and `to`
 * (offsets in the line); returns where reading stopped (past the last value read).
 */
function assignments(
  text: string,
  s: number,
  e: number,
  line: string,
  from: number,
  to: number,
  format: Format,
  parens: { at: number; depth: number },
  out: Candidate[],
): number {
  ASSIGN.lastIndex = from;
  // Template actions are looked for only on lines that open one.
  const actions = line.includes('{{');
  let m: RegExpExecArray | null;
  while ((m = ASSIGN.exec(line)) !== null) {
    if (m.index > to) return m.index;
    const key = m[2] ?? m[3];
    let at = s + m.index + m[0].length;
    // `password: str = "…"` (annotations in TypeScript and Python): the value follows the `=`.
    if (m[4] === ':' && unquotedIsExpression(format)) {
      const ann = /^[\w.<>[\]|?, ]{1,60}?[ \t]*=(?!=)[ \t]*/.exec(text.slice(at, e));
      if (ann && !/^["'`]/.test(text.slice(at, e))) at += ann[0].length;
    }
    // Query parameters of image URLs (`badge.svg?token=…`) are published read-only tokens.
    if (
      (line[m.index - 1] === '?' || line[m.index - 1] === '&') &&
      /\.(?:svg|png|gif|jpe?g|webp)$/i.test(
        line
          .slice(Math.max(0, m.index - 400), m.index - 1)
          .split(/[\s("'[]/)
          .pop() ?? '',
      )
    )
      continue;
    // `$pw = ComputePassword` (PowerShell), `my $pass = shift;` (Perl), `$key = $key ?? ''` (PHP
    // in a template): after a `$` variable a bare word is a command or function that runs, or
    // another variable, never the text itself.
    if (
      line[m.index] === '$' &&
      m[3] !== undefined &&
      /^[A-Za-z_($]/.test(line.slice(m.index + m[0].length, m.index + m[0].length + 1)) &&
      !unquotedIsExpression(format)
    )
      continue;
    // `(defmethod process-token :default`, `[app.ui.password :refer [page]]`, Ruby's `validates
    // :password`: a blank before the colon and none after it make a keyword or symbol (Clojure,
    // EDN, Ruby, Elixir), the name of something, not a key and its value.
    if (m[4] === ':' && m[0].endsWith(':') && /[ \t]:$/.test(m[0]) && /^[A-Za-z_]/.test(line.slice(m.index + m[0].length, m.index + m[0].length + 1))) continue;
    // `app/controllers/password_controller.rb:25-27` (a file and its lines in a report, a stack
    // trace or a linter's output): the name of a source file is no key, its line number no value.
    if (m[4] === ':' && m[0].endsWith(':') && /^\d/.test(line.slice(m.index + m[0].length, m.index + m[0].length + 1)) && SOURCE_FILE.test(key)) continue;
    // Inside a Go template action (`{{- range $secret := .Values.extraSecrets }}` in a Helm
    // chart) a bare right-hand side is a template expression, never a literal.
    if (actions && insideTemplateAction(line, m.index) && !/^["'`]/.test(text.slice(at, e))) continue;
    // `allowPassword ? 'password_signin' : 'email_signin'`: a quoted string before the `:` of a
    // conditional expression is its first branch, not a key.
    if (m[2] !== undefined && m[4] === ':' && unquotedIsExpression(format) && /\?[ \t]*$/.test(line.slice(Math.max(0, m.index - 40), m.index))) continue;
    // `user, password = "u", "p"`: tuple targets take values by position, not by this key.
    if (unquotedIsExpression(format) && m[4] === '=' && /,[ \t]*$/.test(line.slice(Math.max(0, m.index - 20), m.index)) && !insideParens(line, m.index, parens))
      continue;
    let p = parseValueAt(text, at, e, format);
    // `-H "Authorization: Bearer …"`: a pair inside a quoted string ends at that quote; and
    // `'Password:'` followed by the string's closing quote is a label with no value.
    const outer = line[m.index - 1];
    if (p && m[3] !== undefined && (outer === '"' || outer === "'")) {
      if (p.quote === outer) p = undefined;
      else if (!p.quote) p = cutAt(p, outer);
    }
    if (p?.quote && unquotedIsExpression(format) && (builtByCode(line, m.index, p, s) || concatenated(text, p.literalRange[1], e, format))) p = undefined;
    if (p) {
      push(out, key, p, 'assign');
      // Continue after the value so that text inside it is not read as another key.
      ASSIGN.lastIndex = Math.max(ASSIGN.lastIndex, p.literalRange[1] - s);
    }
  }
  return line.length;
}

/**
 * Whether a bare key stands inside a string literal of the code (an odd number of the value's
 * quote before it on the line) and that quote, right after the operator, closes the literal
 * instead of opening a value: `"--from-literal=PASSWORD=" + pw`, `.append(", password=").append(pw)`.
 * What follows the quote is then code (`+`, `.`, `)`, `,`), and the value is added at run time.
 */
function builtByCode(line: string, keyAt: number, p: ParsedValue, s: number): boolean {
  if (p.literalRange[0] !== p.valueRange[0] - 1 || !/^[ \t]*[+.),;\]}&|]/.test(p.value)) return false;
  let n = 0;
  for (let i = 0; i < keyAt; i++) if (line[i] === p.quote && line[i - 1] !== '\\') n++;
  return n % 2 === 1 && line[p.literalRange[0] - s - 1] !== '\\';
}

/**
 * Whether the string literal that ends at `at` is concatenated with a value computed at run
 * time (`'prefix_' . $email . '_suffix'` in PHP, `"pw-" + suffix`): the literal is a fragment of
 * a value the code builds, not the value. A literal joined to another literal is still written
 * out, and a `.` after a literal is a method call outside PHP (`"secret".encode()`).
 */
function concatenated(text: string, at: number, end: number, format: Format): boolean {
  const rest = text.slice(at, Math.min(end, at + 40));
  return /^[ \t]*\+(?![+=])[ \t]*[$A-Za-z_(]/.test(rest) || (format === 'php' && /^[ \t]*\.(?!=)[ \t]*[$A-Za-z_(]/.test(rest));
}

/**
 * Call pairs, setters, flags, Dockerfile `ENV` and XML attribute pairs of one line. Each pattern
 * is tried only on a line holding the literal every match of it holds (a comma, `set`, `--`,
 * `value`), found with `includes`: most hinted lines have none of these shapes.
 */
function otherPairs(text: string, s: number, e: number, line: string, format: Format, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  if (line.includes(',')) callPairs(text, s, e, line, format, out);
  if (line.includes('set')) {
    SETTER.lastIndex = 0;
    while ((m = SETTER.exec(line)) !== null) {
      const p = parseValueAt(text, s + m.index + m[0].length, e, format);
      if (p?.quote) push(out, m[1], p, 'setter');
    }
  }
  if (line.includes('--')) {
    FLAG.lastIndex = 0;
    while ((m = FLAG.exec(line)) !== null) {
      const p = parseValueAt(text, s + m.index + m[0].length, e, 'shell');
      if (!p) continue;
      // A bare flag value ends at the first blank; a bare word after a flag is prose
      // ("the --password option"), a real one has digits or symbols.
      const cut = p.quote ? p : trimAtSpace(p);
      // Also at the end of a clause ("like --password1 does.", "With --password1 option,").
      if (!p.quote && /^[A-Za-z]+[.,;:!?)]?$/.test(cut.value)) continue;
      push(out, m[1], cut, 'flag');
    }
  }
  if (format === 'dockerfile') {
    const d = DOCKER_ENV.exec(line);
    if (d) {
      const p = parseValueAt(text, s + d[0].length, e, 'shell');
      if (p) push(out, d[1], p, 'env');
    }
  }
  if (line.includes('value')) {
    XML_ATTR_PAIR.lastIndex = 0;
    while ((m = XML_ATTR_PAIR.exec(line)) !== null) {
      // A form's anti-forgery token in a hidden input (`name="_token"`, `data[_Token][key]`,
      // `authenticity_token`) is issued per session and sent to every visitor: not a credential.
      if (FORM_TOKEN_NAME.test(m[2]) && hiddenInputAround(line, m.index)) continue;
      const p = parseValueAt(text, s + m.index + m[0].length - 1, e, format);
      if (p?.quote) push(out, m[2], p, 'attr');
    }
  }
}

/** The call pairs of a line (`setProperty("KEY", "v")`, `("password", "v")`); the caller has checked it holds a comma. */
function callPairs(text: string, s: number, e: number, line: string, format: Format, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  CALL_PAIR.lastIndex = 0;
  while ((m = CALL_PAIR.exec(line)) !== null) {
    let paired = false;
    if (m[1].startsWith('(')) {
      const callee = trailingIdentifier(line.slice(Math.max(0, m.index - 200), m.index));
      if (callee !== undefined && !PAIR_CALLEE.test(callee)) continue;
      paired = callee !== undefined;
    }
    const p = parseValueAt(text, s + m.index + m[0].length, e, format);
    if (!p?.quote) continue;
    // A bare tuple or list is a pair only with two items (`("password", "…")`); a longer list
    // (`["password", "admin", "1234"]`, `contains(["PASSWORD", "EMAIL_OTP", …])`) is an enum or a blocklist.
    if (!paired && !closesGroup(text, p.literalRange[1], e)) continue;
    // Two upper-case constants side by side (`["PASSWORD", "EMAIL_OTP"]`) are members of an enum.
    if (!paired && /^[A-Z][A-Z0-9_]*$/.test(m[3]) && /^[A-Z][A-Z0-9_]*$/.test(p.value)) continue;
    // So are two lower-case words in a list (`'enum' => ['pass', 'fail']`, `["password", "otp"]`).
    if (!paired && m[1].startsWith('[') && /^[a-z]+$/.test(m[3]) && /^[a-z]+$/.test(p.value)) continue;
    push(out, m[3], p, 'call');
  }
}

/** Whether the group (tuple, list, braces) ends right after `at`, a trailing comma allowed. */
function closesGroup(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === ',') {
    i++;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    // A comma that ends the line continues a list on the next one.
    if (i >= end) return false;
  }
  return i >= end || text[i] === ')' || text[i] === ']' || text[i] === '}';
}

function cutAt(p: ParsedValue, ch: string): ParsedValue | undefined {
  const at = p.value.indexOf(ch);
  if (at < 0) return p;
  if (at === 0) return undefined;
  const value = p.value.slice(0, at);
  return { value, valueRange: [p.valueRange[0], p.valueRange[0] + at], literalRange: [p.literalRange[0], p.literalRange[0] + at] };
}

function trimAtSpace(p: ParsedValue): ParsedValue {
  const sp = p.value.search(/\s/);
  if (sp < 0) return p;
  const value = p.value.slice(0, sp);
  return { value, valueRange: [p.valueRange[0], p.valueRange[0] + sp], literalRange: [p.literalRange[0], p.literalRange[0] + sp] };
}

/** Literals the XML and tree passes need (one of them in every match), asked of the shared search. */

/** `<key>value</key>` elements; the caller has checked that the text holds a `</`. */
function scanXmlElements(text: string, out: Candidate[]): void {
  XML_ELEMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = XML_ELEMENT.exec(text)) !== null) {
    if (!HINT.test(m[1])) continue;
    const inner = m[2];
    const lead = inner.length - inner.trimStart().length;
    const value = inner.trim();
    if (!value || /[\r\n]/.test(value)) continue;
    const start = m.index + m[0].indexOf('>') + 1 + lead;
    out.push({ key: m[1], value, valueRange: [start, start + value.length], literalRange: [start, start + value.length], origin: 'xml' });
  }
}

function scalarCandidate(doc: Document, key: string, node: TreeNode): Candidate | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string' || node.tag) return undefined;
  const [a, b] = node.range;
  const q = doc.text[a];
  if (q === '"' || q === "'") {
    return { key, value: node.value, valueRange: [a + 1, Math.max(a + 1, b - 1)], literalRange: [a, b], quote: q, origin: 'tree' };
  }
  if (/^[|>]/.test(q ?? '')) return undefined;
  return { key, value: node.value, valueRange: [a, b], literalRange: [a, b], origin: 'tree' };
}

function scanTrees(doc: Document, out: Candidate[]): void {
  if (doc.format !== 'json' && doc.format !== 'yaml') return;
  if (!mentionsAny(doc, ['value', 'default']) || !/"?(?:value|Value|VALUE|default|Default|defaultValue|default_value|DefaultValue)"?\s*:/.test(doc.text))
    return;
  let trees: TreeNode[];
  try {
    trees = treesOf(doc);
  } catch {
    return;
  }
  for (const tree of trees) {
    visit(tree, (node, path) => {
      if (node.kind !== 'object') return;
      for (const e of node.entries) {
        if (!CONTAINER_KEYS.has(e.key)) continue;
        let name: string | undefined;
        for (const k of NAME_KEYS) {
          const sib = node.entries.find((x) => x.key === k);
          if (sib?.value.kind === 'scalar' && typeof sib.value.value === 'string') {
            name = sib.value.value;
            break;
          }
        }
        if (name === undefined) {
          const parent = path[path.length - 1];
          if (typeof parent === 'string') name = parent;
        }
        if (name === undefined) continue;
        const c = scalarCandidate(doc, name, e.value);
        if (c) out.push(c);
      }
    });
  }
}

/** Every candidate of a document, computed once and shared by the rules that read them. */
export function candidatesOf(doc: Document): Candidate[] {
  return doc.memo('secret:candidates', findCandidates);
}

function findCandidates(doc: Document): Candidate[] {
  const out: Candidate[] = [];
  const text = doc.text;
  const hits = literalHits(doc);
  hintedLines(text, hits, (s, e, firstHit) => scanLine(text, s, e, hits, firstHit, doc.format, out));
  if (mentionsAny(doc, ['</'])) scanXmlElements(text, out);
  scanTrees(doc, out);
  return out;
}

/**
 * Environment reads with a literal default: `os.environ.get("X", "lit")`, `os.getenv("X", "lit")`,
 * `env.str("X", default="lit")`, `env("X", default="lit")`, `config("X", default="lit")`,
 * Ruby `ENV.fetch("X", "lit")`. The call may end its line, with the arguments on the next.
 * Found by these call names (with `indexOf`: a regex tried at every word of a file cost 8x on
 * Python), then read with sticky regexes.
 */
const ENV_CALLS = ['environ.get(', 'getenv(', 'env.str(', 'env(', 'config(', 'ENV.fetch('];
const ENV_NAME = /[ \t]*(["'])([A-Za-z_][\w.-]{0,99})\1[ \t]*,[ \t]*(default[ \t]*=[ \t]*)?/y;

/**
 * Literal defaults of environment reads in Python, Ruby, Elixir and JavaScript code: the value a
 * program runs with when the variable is unset, hardcoded all the same. The key is the variable's
 * name, or the assignment target when the name says nothing (`SECRET_KEY = env("DJANGO_KEY", default=…)`).
 */
export function fallbackCandidatesOf(doc: Document): Candidate[] {
  return doc.memo('secret:fallbacks', findFallbacks);
}

/**
 * An environment read followed by an operator that supplies a default: `ENV["X"] || "lit"`,
 * `System.get_env("X") || "lit"`, `os.environ.get("X") or "lit"`, `process.env.X ?? "lit"`,
 * Ruby `ENV.fetch("X") { "lit" }`, tried (sticky) where one of `ENV_OR_STARTS` occurs. The name
 * is group 2 (quoted forms) or group 3 (`process.env.X`).
 */
const ENV_OR_STARTS = ['ENV[', 'ENV.fetch(', 'System.get_env(', 'os.environ.get(', 'os.getenv(', 'process.env'];

const ENV_OR =
  /(?:ENV\[[ \t]*|ENV\.fetch\([ \t]*|System\.get_env\([ \t]*|os\.environ\.get\([ \t]*|os\.getenv\([ \t]*|process\.env\[[ \t]*)(["'])([A-Za-z_]\w{0,99})\1[ \t]*[\])][ \t]*(?:\|\||\?\?|\bor\b|\{)|process\.env\.([A-Za-z_]\w{0,99})[ \t]*(?:\|\||\?\?)/y;

/** Formats whose environment reads with defaults are read here. */
const FALLBACK_FORMATS: ReadonlySet<Format> = new Set<Format>(['python', 'ruby', 'javascript', 'typescript', 'text']);

/** A letter, digit or underscore (`\w`), by code unit. */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A blank or line break (space, tab, CR, LF). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Where each of `needles` occurs in the text, after a character that cannot continue a name
 * (`.` allowed when `dot`). Only needles that the shared literal pass found are searched for.
 */
function needleHits(doc: Document, needles: readonly string[], dot: boolean): number[] {
  const text = doc.text;
  const out: number[] = [];
  for (const n of needles) {
    if (!mentionsAny(doc, [n])) continue;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (isWordCode(before) || before === 36 || (!dot && before === 46)) continue;
      out.push(i);
    }
  }
  return out.sort((x, y) => x - y);
}

function findFallbacks(doc: Document): Candidate[] {
  if (!FALLBACK_FORMATS.has(doc.format)) return [];
  const out: Candidate[] = [];
  if (mentionsAny(doc, ['process.env', 'env[', 'get_env', 'environ', 'getenv', 'env.fetch'])) orFallbacks(doc, out);
  if (doc.format !== 'python' && doc.format !== 'ruby') return out;
  if (!mentionsAny(doc, ['environ', 'getenv', 'env(', 'env.str', 'env.fetch', 'config('])) return out;
  const text = doc.text;
  let done = 0;
  for (const callStart of needleHits(doc, ENV_CALLS, true)) {
    if (callStart < done) continue;
    // `env(` and `config(` stand alone; the dotted names may follow a module (`os.getenv(`).
    const name = ENV_CALLS.find((n) => text.startsWith(n, callStart)) ?? '';
    if ((name === 'env(' || name === 'config(') && text[callStart - 1] === '.') continue;
    let at = callStart + name.length;
    // The arguments may start on the next line (`os.environ.get(\n    "X", "lit")`).
    const limit = Math.min(text.length, at + 200);
    while (at < limit && isBlank(text.charCodeAt(at))) at++;
    ENV_NAME.lastIndex = at;
    const n = ENV_NAME.exec(text);
    if (!n) continue;
    // `config(…)` is an environment read only with a `default=` (python-decouple).
    if (name === 'config(' && !n[3]) continue;
    let key = n[2];
    if (classifyKey(key) === undefined) {
      // The assignment target, before the call's dotted name (`SECRET_KEY = os.environ.get(`).
      let nameStart = callStart;
      while (nameStart > 0 && (isWordCode(text.charCodeAt(nameStart - 1)) || text[nameStart - 1] === '.') && callStart - nameStart < 40) nameStart--;
      const target = assignmentTarget(text, nameStart);
      if (target) key = target;
    }
    // Most reads name nothing secret (`HOST`, `DEBUG`): their defaults are not read at all.
    if (classifyKey(key) === undefined && !/secret|cookie|credential/i.test(key)) continue;
    const valueAt = at + n[0].length;
    let end = text.indexOf('\n', valueAt);
    if (end < 0) end = text.length;
    const p = parseValueAt(text, valueAt, Math.min(end, valueAt + 2000), doc.format);
    if (!p?.quote) continue;
    // The literal must close the call's argument (`, "lit")`, `, default="lit", cast=…`).
    const after = text.slice(p.literalRange[1], p.literalRange[1] + 2).trimStart();
    if (after !== '' && !/^[),\r\n]/.test(after)) continue;
    out.push({ key, value: p.value, valueRange: p.valueRange, literalRange: p.literalRange, quote: p.quote, origin: 'fallback' });
    done = p.literalRange[1];
  }
  return out;
}

/**
 * The name assigned the expression that starts at `at`: `NAME = `, `"NAME": `, `NAME: `,
 * `x["NAME"] = ` (read backwards by hand: a regex tried at every start of the line was the cost
 * of a file of a thousand environment reads).
 */
function assignmentTarget(text: string, at: number): string | undefined {
  let i = at;
  const blank = () => {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  };
  blank();
  if (i === 0 || (text[i - 1] !== '=' && text[i - 1] !== ':')) return undefined;
  i--;
  blank();
  if (text[i - 1] === ']') {
    i--;
    blank();
  }
  if (text[i - 1] === '"' || text[i - 1] === "'") i--;
  const end = i;
  while (i > 0 && end - i < 100 && isWordCode(text.charCodeAt(i - 1))) i--;
  return i < end && /^[A-Za-z_]/.test(text[i]) ? text.slice(i, end) : undefined;
}

/** The `||`, `or`, `??` and block defaults of environment reads; the literal may start the next line. */
function orFallbacks(doc: Document, out: Candidate[]): void {
  const text = doc.text;
  for (const start of needleHits(doc, ENV_OR_STARTS, false)) {
    ENV_OR.lastIndex = start;
    const m = ENV_OR.exec(text);
    if (!m) continue;
    const key = m[2] ?? m[3];
    if (classifyKey(key) === undefined && !/secret|cookie|credential/i.test(key)) continue;
    let at = m.index + m[0].length;
    const limit = Math.min(text.length, at + 200);
    while (at < limit && isBlank(text.charCodeAt(at))) at++;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const p = parseValueAt(text, at, Math.min(end, at + 2000), doc.format);
    if (!p?.quote || p.quote === '`') continue;
    // The literal is the whole default (`|| "lit"`, `{ "lit" }`), not the start of an expression.
    const after = text.slice(p.literalRange[1], p.literalRange[1] + 2).trimStart();
    if (after !== '' && !/^[),;}\]\r\n]/.test(after)) continue;
    out.push({ key, value: p.value, valueRange: p.valueRange, literalRange: p.literalRange, quote: p.quote, origin: 'fallback' });
  }
}

/**
 * The words assignment extraction asks about (Rule.literals of every rule that extracts
 * candidates): the call names of environment reads with defaults, XML and JSON `value`/`default`
 * shapes. The hint words are positional (ASSIGNMENT_POSITIONAL): extraction reads the lines
 * that hold them.
 */
export const ASSIGNMENT_LITERALS: readonly string[] = [
  '</',
  'value',
  'default',
  'environ',
  'getenv',
  'env(',
  'env.str',
  'env.fetch',
  'config(',
  'process.env',
  'env[',
  'get_env',
  ...ENV_CALLS,
  ...ENV_OR_STARTS,
];
export const ASSIGNMENT_POSITIONAL: readonly string[] = HINT_WORDS;
