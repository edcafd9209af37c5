import type { Document } from '../../../documents/document';
import type { Localized } from '../../../guidelines/catalog';
import type { Fix, OtherFileEdit, Range, TextEdit } from '../../../types';
import { candidatesOf, type Candidate } from './assignments';

/**
 * "Replace the literal with an environment-variable reference", as engine data. The edit is
 * offered only where the result is valid in the file's language: JS/TS, Python, Java/Kotlin
 * (and Groovy/Scala), C#, Go, Ruby, PHP, and docker-compose YAML (which interpolates `${NAME}`).
 * JSON, .env, HCL, INI, properties and the rest get no edit: there is no reference syntax there,
 * or (HCL) the right one (`var.name`) needs a declaration the fix cannot write.
 */

/** Message of the fix, for the `messages` table of every rule that offers it. */
export const ENV_FIX_MESSAGE: Localized = {
  en: 'Read it from the environment variable {name}',
  ja: '環境変数 {name} から読み込むように置き換える',
};

/** Message id of the fix. */
export const ENV_FIX_ID = 'fix.env';

/** UPPER_SNAKE environment-variable name derived from a key (`clientSecret` → CLIENT_SECRET). */
export function envVarName(key: string, fallback = 'SECRET'): string {
  // Words split at separators and at camel-case humps; digits stay with the word they follow
  // (`s3Bucket` → S3_BUCKET, `api_key_9f8e` → API_KEY_9F8E, `AWSSecretKey` → AWS_SECRET_KEY).
  const k = key.replace(/^[$@:]+/, '').slice(0, 200);
  const isUpper = (c: string) => c >= 'A' && c <= 'Z';
  const isLower = (c: string) => c >= 'a' && c <= 'z';
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let name = '';
  for (let i = 0; i < k.length; i++) {
    const c = k[i];
    if (!isUpper(c) && !isLower(c) && !isDigit(c)) {
      if (name && !name.endsWith('_')) name += '_';
      continue;
    }
    const prev = k[i - 1] ?? '';
    const next = k[i + 1] ?? '';
    // A hump: `tS` in clientSecret, `3B` in s3Bucket, and `SS` + lower in AWSSecret.
    const hump = isUpper(c) && (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(next)));
    if (hump && name && !name.endsWith('_')) name += '_';
    name += c.toUpperCase();
  }
  name = name.replace(/_+$/, '');
  if (!name || /^\d/.test(name) || name.length < 3) return fallback;
  return name.slice(0, 80);
}

/** Which reference syntax a document takes, if any. */
type Flavour = 'js' | 'python' | 'jvm' | 'csharp' | 'go' | 'ruby' | 'php' | 'compose';

function flavourOf(doc: Document): Flavour | undefined {
  const ext = /\.([^./\\]+)$/.exec(doc.name)?.[1] ?? '';
  switch (doc.format) {
    case 'javascript':
    case 'typescript':
      // .vue and .svelte map to JavaScript but a literal may sit in HTML, where this is wrong.
      return /^(?:[cm]?[jt]sx?)$/.test(ext) ? 'js' : undefined;
    case 'python':
      return 'python';
    case 'java':
    case 'kotlin':
      return 'jvm';
    case 'csharp':
      return 'csharp';
    case 'go':
      return 'go';
    case 'ruby':
      return ext === 'erb' ? undefined : 'ruby';
    case 'php':
      return 'php';
    case 'yaml':
      return /^(?:docker-)?compose(?:[.-][\w.-]*)?\.ya?ml$/.test(doc.name) ? 'compose' : undefined;
    default:
      return undefined;
  }
}

function referenceFor(flavour: Flavour, name: string): string {
  switch (flavour) {
    case 'js':
      return `process.env.${name}`;
    case 'python':
      return `os.environ["${name}"]`;
    case 'jvm':
      return `System.getenv("${name}")`;
    case 'csharp':
      return `System.Environment.GetEnvironmentVariable("${name}")`;
    case 'go':
      return `os.Getenv("${name}")`;
    case 'ruby':
      return `ENV.fetch("${name}")`;
    case 'php':
      return `getenv('${name}')`;
    case 'compose':
      return `\${${name}}`;
  }
}

/** The text of the line before an offset (its last 300 characters: enough for a declaration). */
function lineBefore(text: string, offset: number): string {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 300);
  return text.slice(start, offset);
}

/** Places where a constant expression is required, so a call would not compile. */
function needsConstant(flavour: Flavour, text: string, at: number): boolean {
  const before = lineBefore(text, at);
  switch (flavour) {
    case 'js':
      return (
        /^\s*(?:export\s+)?(?:declare\s+)?(?:type|enum|const\s+enum)\b/.test(before) || /\bcase\s*$/.test(before) || insideBlock(text, at, /\benum\s+\w+\s*\{/)
      );
    case 'jvm':
      return /@\w[\w.]*\s*\(/.test(before) || /\bcase\b/.test(before) || /\bconst\s+val\b/.test(before);
    case 'csharp':
      return /\bconst\b/.test(before) || /\[\s*\w[\w.]*\s*\(/.test(before) || /\bcase\b/.test(before);
    case 'go':
      return /^\s*const\b/.test(before) || insideBlock(text, at, /^\s*const\s*\(/m, ')');
    case 'php':
      // Class constants and property defaults take constant expressions only.
      return (
        /\bconst\b/.test(before) || /(?:^|[{;])\s*(?:(?:public|private|protected|var|static|readonly)\s+)+[^=;]*=\s*$/.test(before) || /\bcase\b/.test(before)
      );
    case 'python':
    case 'ruby':
    case 'compose':
      return false;
  }
}

/** Whether `at` lies inside the nearest preceding block that `open` starts and `close` ends. */
function insideBlock(text: string, at: number, open: RegExp, close = '}'): boolean {
  const window = text.slice(Math.max(0, at - 4000), at);
  let lastOpen = -1;
  const re = new RegExp(open.source, open.flags.includes('g') ? open.flags : open.flags + 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(window)) !== null) lastOpen = m.index + m[0].length;
  if (lastOpen < 0) return false;
  return !window.slice(lastOpen).includes(close);
}

/** Edits that add the import the reference needs, if the file lacks it. */
function importEdits(flavour: Flavour, text: string): TextEdit[] {
  // Line by line, each line bounded: the import checks never see more than one short line.
  const lines = text.split('\n');
  const has = (re: RegExp) => lines.some((l) => l.length < 500 && re.test(l));
  if (flavour === 'python') {
    if (has(/^\s*import\s+(?:[\w.]+\s*,\s*){0,20}os\b/) || has(/^\s*from\s+os\s+import\b/)) return [];
    // After a shebang, an encoding line and `from __future__` imports, which must come first.
    let at = 0;
    let offset = 0;
    for (const l of lines) {
      if (/^#!|^#.{0,80}coding[:=]|^from\s+__future__\s+import\b/.test(l)) at = offset + l.length + 1;
      else if (l.trim() !== '' && !l.startsWith('#')) break;
      offset += l.length + 1;
    }
    return [{ range: [Math.min(at, text.length), Math.min(at, text.length)], newText: 'import os\n' }];
  }
  if (flavour === 'go') {
    if (has(/^\s*import\s+(?:\w+\s+)?"os"/) || has(/^\s*(?:\w+\s+)?"os"\s*$/)) return [];
    let offset = 0;
    for (const l of lines) {
      if (/^package\s+\w+/.test(l)) {
        const at = offset + l.length + 1;
        return [{ range: [Math.min(at, text.length), Math.min(at, text.length)], newText: '\nimport "os"\n' }];
      }
      offset += l.length + 1;
    }
    return [];
  }
  return [];
}

/**
 * The "use an environment variable" fix for a literal, or undefined where the file type has no
 * valid way to write it. `literalRange` covers the whole literal (quotes and string prefix);
 * `valueRange` only its content; `quote` says whether the source quoted it.
 */
export function envFix(doc: Document, lit: { literalRange: Range; valueRange: Range; quote?: string }, name: string): Fix | undefined {
  const flavour = flavourOf(doc);
  if (!flavour) return undefined;
  const ref = referenceFor(flavour, name);
  if (flavour === 'compose') {
    return { titleId: ENV_FIX_ID, data: { name }, edits: [{ range: lit.valueRange, newText: ref }], others: envFiles(name), safe: false };
  }
  if (!lit.quote) return undefined;
  const [start] = lit.literalRange;
  const prefix = doc.text.slice(start, lit.valueRange[0] - 1);
  // Byte strings must stay bytes; an env lookup returns text.
  if (flavour === 'python' && /[bB]/.test(prefix)) return undefined;
  if (needsConstant(flavour, doc.text, start)) return undefined;
  const edits: TextEdit[] = [...importEdits(flavour, doc.text), { range: lit.literalRange, newText: ref }];
  return { titleId: ENV_FIX_ID, data: { name }, edits, others: envFiles(name), safe: false };
}

/**
 * The env fix's changes beside the edit: the variable listed in `.env.example` (so the next
 * developer knows to set it) and `.env` git-ignored (so the value set there is not committed).
 */
export function envFiles(name: string): OtherFileEdit[] {
  return [
    { path: '.env.example', kind: 'env-example', entry: name },
    { path: '.gitignore', kind: 'gitignore', entry: '.env' },
  ];
}

/**
 * The new text of a `.env.example` that lists `name` (an empty assignment), given the current
 * text (undefined when the file does not exist). Unchanged when the name is already there.
 * Pure: the extension applies it as a workspace edit.
 */
export function envExampleEdit(existingText: string | undefined, name: string): string {
  const text = existingText ?? '';
  // Compared line by line: no pattern is ever built from a name taken from a file.
  const wanted = name.replace(/[^\w]/g, '');
  const present = text.split(/\r?\n/).some((line) => {
    const rest = line.replace(/^[ \t]*(?:export[ \t]+)?/, '');
    return rest.startsWith(wanted) && /^[ \t]*=/.test(rest.slice(wanted.length));
  });
  if (present) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return `${text}${sep}${name}=${eol}`;
}

/**
 * The new text of a `.gitignore` that ignores `entry` (default `.env`), given the current text.
 * Unchanged when a line already ignores it.
 */
export function gitignoreEdit(existingText: string | undefined, entry = '.env'): string {
  const text = existingText ?? '';
  const bare = entry.replace(/^\//, '');
  const covered = text.split(/\r?\n/).some((l) => {
    const t = l.trim();
    return t === bare || t === `/${bare}` || t === '*.env' || t === `${bare}*` || t === `/${bare}*` || t === `**/${bare}`;
  });
  if (covered) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length === 0 || text.endsWith('\n') ? '' : eol;
  return `${text}${sep}${entry}${eol}`;
}

/** The document's assignment candidates by where their value starts, for fixes of many tokens. */
function candidatesByStart(doc: Document): Map<number, Candidate[]> {
  return doc.memo('secret:candidates-by-start', indexCandidates);
}

function indexCandidates(doc: Document): Map<number, Candidate[]> {
  const m = new Map<number, Candidate[]>();
  for (const c of candidatesOf(doc)) {
    const list = m.get(c.valueRange[0]);
    if (list) list.push(c);
    else m.set(c.valueRange[0], [c]);
  }
  return m;
}

/** The first candidate whose value spans exactly `range`. */
export function candidateAt(doc: Document, range: Range): Candidate | undefined {
  return candidatesByStart(doc)
    .get(range[0])
    ?.find((c) => c.valueRange[1] === range[1]);
}

/**
 * The variable name a fix suggests for a value under `key`: the key's own name, or `fallback`
 * when that is too short to say anything, or (with `headers`) names an HTTP header (`X_…`).
 */
export function envNameFor(key: string, fallback: string, headers = false): string {
  const name = envVarName(key, fallback);
  if (name.length <= 3 || key.length <= 2) return fallback;
  if (headers && name.startsWith('X_')) return fallback;
  return name;
}

/** The env fix for a token that is a whole string literal, named after its key when there is one. */
export function tokenFix(doc: Document, range: Range, fallbackEnv: string): Fix | undefined {
  const c = candidateAt(doc, range);
  if (c) return envFix(doc, c, envNameFor(c.key, fallbackEnv));
  const q = doc.text[range[0] - 1];
  if ((q === '"' || q === "'" || q === '`') && doc.text[range[1]] === q) {
    return envFix(doc, { literalRange: [range[0] - 1, range[1] + 1], valueRange: range, quote: q }, fallbackEnv);
  }
  return undefined;
}
