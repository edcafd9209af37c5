/**
 * Format detection, by file name first and content second. The format decides which
 * parsers and rules see a file, and which comment syntax and fix style suit it.
 */

export type Format =
  | 'json'
  | 'yaml'
  | 'hcl'
  | 'toml'
  | 'ini'
  | 'dotenv'
  | 'properties'
  | 'csv'
  | 'tsv'
  | 'xml'
  | 'sql'
  | 'shell'
  | 'dockerfile'
  | 'markdown'
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'java'
  | 'csharp'
  | 'go'
  | 'ruby'
  | 'php'
  | 'kotlin'
  | 'rust'
  | 'swift'
  | 'c'
  | 'bicep'
  | 'firebase-rules'
  | 'conf'
  | 'pem'
  | 'text';

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  tfstate: 'json',
  ipynb: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  tf: 'hcl',
  tfvars: 'hcl',
  hcl: 'hcl',
  nomad: 'hcl',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  cnf: 'ini',
  env: 'dotenv',
  properties: 'properties',
  csv: 'csv',
  tsv: 'tsv',
  xml: 'xml',
  config: 'xml',
  csproj: 'xml',
  plist: 'xml',
  sql: 'sql',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ps1: 'shell',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  vue: 'javascript',
  svelte: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  pyw: 'python',
  java: 'java',
  groovy: 'java',
  gradle: 'java',
  scala: 'java',
  cs: 'csharp',
  go: 'go',
  rb: 'ruby',
  erb: 'ruby',
  php: 'php',
  kt: 'kotlin',
  kts: 'kotlin',
  rs: 'rust',
  swift: 'swift',
  c: 'c',
  h: 'c',
  cc: 'c',
  cpp: 'c',
  hpp: 'c',
  m: 'c',
  bicep: 'bicep',
  rules: 'firebase-rules',
  conf: 'conf',
  pem: 'pem',
  key: 'pem',
  crt: 'pem',
  cer: 'pem',
  ppk: 'pem',
  p12: 'pem',
  pfx: 'pem',
  txt: 'text',
  log: 'text',
};

const BY_NAME: Readonly<Record<string, Format>> = {
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  '.npmrc': 'ini',
  '.pypirc': 'ini',
  '.gitconfig': 'ini',
  '.editorconfig': 'ini',
  '.netrc': 'conf',
  _netrc: 'conf',
  '.git-credentials': 'text',
  '.htpasswd': 'text',
  'pg_hba.conf': 'conf',
  id_rsa: 'pem',
  id_dsa: 'pem',
  id_ecdsa: 'pem',
  id_ed25519: 'pem',
  gemfile: 'ruby',
  rakefile: 'ruby',
  jenkinsfile: 'java',
  makefile: 'shell',
  '.bashrc': 'shell',
  '.zshrc': 'shell',
  '.profile': 'shell',
};

/** The last path segment, lower-cased. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/** Detects a file's format from its name and, when the name says nothing, its first bytes. */
export function detectFormat(path: string, text: string): Format {
  return formatFromName(path) ?? sniff(text);
}

/** A file's format as its name tells it, or undefined when only its content can. */
export function formatFromName(path: string): Format | undefined {
  const name = baseName(path);
  const byName = own(BY_NAME, name);
  if (byName) return byName;
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'dotenv';
  if (name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? own(BY_EXTENSION, name.slice(dot + 1)) : undefined;
}

/** A table's own entry: a file named `constructor` or `x.__proto__` is no format. */
function own(table: Readonly<Record<string, Format>>, key: string): Format | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function sniff(text: string): Format {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '');
  const trimmed = head.trimStart();
  if (trimmed.startsWith('-----BEGIN ') || trimmed.startsWith('PuTTY-User-Key-File')) return 'pem';
  if (trimmed.startsWith('#!')) {
    const first = trimmed.slice(0, trimmed.indexOf('\n') >>> 0);
    if (/python/.test(first)) return 'python';
    if (/node|deno|bun/.test(first)) return 'javascript';
    if (/ruby/.test(first)) return 'ruby';
    return 'shell';
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[{') || trimmed.startsWith('[\n')) return 'json';
  if (trimmed.startsWith('<?xml') || trimmed.startsWith('<')) return 'xml';
  if (/^(---|%YAML)/.test(trimmed) || /^[A-Za-z_][\w.-]*:\s/m.test(trimmed)) return 'yaml';
  // Blanks within the line only: `\s*` would run across every following blank line from each
  // line start (quadratic on a file of blank lines).
  if (/^[ \t]*\[[^\]\n]+\][ \t\r]*$/m.test(trimmed) && /^[ \t]*[\w.-]+[ \t]*=/m.test(trimmed)) return 'ini';
  if (/^[A-Z_][A-Z0-9_]*=/m.test(trimmed)) return 'dotenv';
  return 'text';
}

/** Line-comment prefix used for suppression directives, by format (undefined: no comments). */
export function lineComment(format: Format): string | undefined {
  switch (format) {
    case 'javascript':
    case 'typescript':
    case 'java':
    case 'csharp':
    case 'go':
    case 'php':
    case 'kotlin':
    case 'rust':
    case 'swift':
    case 'c':
    case 'bicep':
    case 'firebase-rules':
    case 'json':
      return '//';
    case 'yaml':
    case 'hcl':
    case 'toml':
    case 'dotenv':
    case 'properties':
    case 'shell':
    case 'python':
    case 'ruby':
    case 'dockerfile':
    case 'conf':
    case 'text':
      return '#';
    case 'ini':
      return ';';
    case 'sql':
      return '--';
    default:
      return undefined;
  }
}
