import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildTestBundle } from '../helpers/bundle';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { ScanPool } from '../../../src/core/pool/pool';

/**
 * Catastrophic-backtracking audit of every regular expression in src/core, with recheck
 * (its native or pure-JS backend, whichever loads: both run offline).
 *
 * Regexes are gathered two ways: every regex literal and `new RegExp("literal")` in the
 * source (TypeScript's parser), and every RegExp object reachable from the modules' exports
 * (rules build some from tables at load time).
 *
 * - exponential backtracking anywhere fails the test;
 * - for polynomial backtracking, recheck's attack string is grown to 20 KB and scanned as a
 *   file of every common format, on worker threads with a time limit: the engine must finish
 *   each within seconds, which shows that the rule bounds the text it runs the regex on (a
 *   line, a value) or that the shape cannot occur where it is used. (Some of these regexes
 *   take minutes on such a string on their own; the engine never hands them one.) Verdicts
 *   are cached in the OS temp folder by regex and recheck version, so only new or changed
 *   regexes are checked again.
 */

const ROOT = path.resolve(__dirname, '../../..');
const CORE = path.join(ROOT, 'src/core');
const RECHECK_VERSION = (JSON.parse(fs.readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version;
const CACHE = path.join(os.tmpdir(), `mamori-recheck-${RECHECK_VERSION}.json`);

interface Found {
  source: string;
  flags: string;
  where: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Regex literals and `new RegExp('literal', 'flags')` calls in the source. */
function literalRegexes(): Found[] {
  const out: Found[] = [];
  for (const file of sourceFiles(CORE)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const where = (n: ts.Node) => `${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const slash = text.lastIndexOf('/');
        out.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: where(n) });
      } else if (
        ts.isNewExpression(n) &&
        ts.isIdentifier(n.expression) &&
        n.expression.text === 'RegExp' &&
        n.arguments?.[0] &&
        ts.isStringLiteral(n.arguments[0])
      ) {
        const flags = n.arguments[1] && ts.isStringLiteral(n.arguments[1]) ? n.arguments[1].text : '';
        out.push({ source: n.arguments[0].text, flags, where: where(n) });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** RegExp objects reachable from every core module's exports (rule tables build some at load). */
function exportedRegexes(): Found[] {
  const out: Found[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, where: string, depth: number): void => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 8) return;
    seen.add(v);
    if (v instanceof RegExp) {
      out.push({ source: v.source, flags: v.flags, where });
      return;
    }
    if (typeof v === 'function') return;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, `${where}.${k}`, depth + 1);
  };
  for (const file of sourceFiles(CORE)) {
    if (file.endsWith('worker.ts')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every module, loaded by path
    const mod = require(file) as Record<string, unknown>;
    walk(mod, path.relative(ROOT, file), 0);
  }
  return out;
}

type Verdict = Pick<Diagnostics, 'status'> & { complexity?: string; exponential?: boolean; attack?: { prefix: string; pump: string }[]; suffix?: string };

function loadCache(): Record<string, Verdict> {
  try {
    return JSON.parse(fs.readFileSync(CACHE, 'utf8')) as Record<string, Verdict>;
  } catch {
    return {};
  }
}

async function verdict(source: string, flags: string): Promise<Verdict> {
  // g and y change where matching starts, not how it backtracks.
  const d = await check(source, flags.replace(/[gy]/g, ''), { timeout: 20_000 });
  if (d.status !== 'vulnerable') return { status: d.status, ...(d.status === 'safe' ? { complexity: d.complexity.summary } : {}) };
  return {
    status: d.status,
    complexity: d.complexity.summary,
    exponential: d.complexity.type === 'exponential',
    attack: d.attack.pumps.map((p) => ({ prefix: p.prefix, pump: p.pump })),
    suffix: d.attack.suffix,
  };
}

/** recheck's attack with its pumps repeated until the string is about `size` characters. */
function grow(v: Verdict, size: number): string {
  const pumps = v.attack ?? [];
  const unit = pumps.reduce((n, p) => n + p.pump.length, 0) || 1;
  const times = Math.max(1, Math.floor(size / unit));
  return pumps.map((p) => p.prefix + p.pump.repeat(times)).join('') + (v.suffix ?? '');
}

/** Attack size, and the time the engine may take on one such file (it takes tens of ms when safe). */
const ATTACK_SIZE = 20_000;
const ENGINE_LIMIT_MS = 5_000;

/** Generic formats, and the file names that rules for specific servers and tools look for. */
const FILES = [
  '.env',
  'config.yaml',
  'settings.json',
  'main.tf',
  'app.js',
  'data.csv',
  'application.properties',
  'notes.txt',
  'dump.sql',
  'app.py',
  'config.toml',
  'Dockerfile',
  'docker-compose.yml',
  'redis.conf',
  'postgresql.conf',
  'pg_hba.conf',
  'my.cnf',
  'mongod.conf',
  'elasticsearch.yml',
  'nginx.conf',
  'realm.json',
  'values.yaml',
  'main.bicep',
  'firestore.rules',
];

describe('regular expressions in src/core', () => {
  it('have no catastrophic backtracking the engine can reach', { timeout: 900_000 }, async () => {
    const all = [...literalRegexes(), ...exportedRegexes()];
    const unique = new Map<string, Found>();
    for (const r of all) if (!unique.has(`${r.flags}/${r.source}`)) unique.set(`${r.flags}/${r.source}`, r);
    assert.ok(unique.size > 100, `only ${unique.size} regexes found`);

    const cache = loadCache();
    const todo = [...unique.entries()].filter(([k]) => !cache[k]);
    // The first check starts recheck's agent; the rest share it, 16 at a time.
    const first = todo.shift();
    if (first) cache[first[0]] = await verdict(first[1].source, first[1].flags);
    for (let i = 0; i < todo.length; i += 16) {
      await Promise.all(todo.slice(i, i + 16).map(async ([k, r]) => (cache[k] = await verdict(r.source, r.flags))));
      fs.writeFileSync(CACHE, JSON.stringify(cache));
    }

    const exponential: string[] = [];
    const polynomial: { found: Found; verdict: Verdict }[] = [];
    for (const [k, r] of unique) {
      const v = cache[k];
      if (v.status !== 'vulnerable') continue;
      if (v.exponential) exponential.push(`${r.where}  /${r.source}/${r.flags}`);
      else polynomial.push({ found: r, verdict: v });
    }

    // The engine on each attack, as a file of every common format, on worker threads with a
    // time limit: a regex that backtracks on the attack shows up as a timed-out file.
    const workerJs = await buildTestBundle('src/core/worker.ts', path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-redos-')), 'worker.js'));
    const pool = new ScanPool({ size: 2, workerPath: workerJs, fileTimeoutMs: ENGINE_LIMIT_MS });
    const slow: string[] = [];
    await Promise.all(
      polynomial.flatMap(({ found, verdict: v }) => {
        // Rules split text into lines: recheck's failing suffix (often a newline) is also tried
        // as the line terminators that survive the split (\r, U+2028).
        const base = grow(v, ATTACK_SIZE);
        const texts = [base, base.replace(/\n(?=[^\n]*$)/, '\r!'), base.replace(/\n(?=[^\n]*$)/, '\u2028!')];
        return [...new Set(texts)].flatMap((text) =>
          FILES.map(async (file) => {
            const r = await pool.run({ path: `/audit/${file}`, display: file, maxFileSize: 1 << 30, text });
            if (r.kind !== 'scanned')
              slow.push(`${found.where}  /${found.source}/${found.flags}  (${v.complexity}): ${r.kind === 'skipped' ? r.skip.detail : r.kind} as ${file}`);
          }),
        );
      }),
    );
    await pool.dispose();
    fs.rmSync(path.dirname(workerJs), { recursive: true, force: true });
    // The record: which regexes recheck calls polynomial (the engine bounds them; see above).
    console.log(
      `recheck ${RECHECK_VERSION}: ${unique.size} regexes, ${polynomial.length} polynomial:\n  ${polynomial.map((p) => `${p.found.where}  ${p.verdict.complexity}`).join('\n  ')}`,
    );
    assert.deepEqual(exponential, [], 'exponential backtracking');
    assert.deepEqual(slow, [], `polynomial backtracking the engine reaches on ${ATTACK_SIZE / 1000} KB of text`);
  });
});
