// Masking is structural: every excerpt and message argument passes one masking step in the
// engine (redact, in scan.ts), so whatever a rule quotes (a redis.conf line with a password, a
// file's first line, an identifier with a token in it) leaves masked, in every report format and
// in the cache.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/documents/lines';
import { redact } from '../../../src/core/mask';
import { fixTitle } from '../../../src/core/messages';
import { ScanCache } from '../../../src/core/pool/cache';
import { formatHtml } from '../../../src/core/report/html';
import { formatJson } from '../../../src/core/report/json';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { locate, type LocatedFinding, type ScanReport } from '../../../src/core/report/model';
import { formatSarif } from '../../../src/core/report/sarif';
import { formatText } from '../../../src/core/report/text';
import { scanText } from '../../../src/core/scan';
import { caseFiles } from '../helpers/rule-cases';
import { scanPaths } from '../../../src/core/scan-paths';

const j = (...p: string[]) => p.join('');

/** Every output a report can take, in both languages, and its findings as a cache holds them. */
function outputs(report: ScanReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of ['en', 'ja'] as const) {
    out[`text.${lang}`] = formatText(report, lang);
    out[`json.${lang}`] = formatJson(report, lang);
    out[`sarif.${lang}`] = formatSarif(report, lang);
    out[`markdown.${lang}`] = formatMarkdown(report, lang, '2026-01-01T00:00:00Z');
    out[`html.${lang}`] = formatHtml(report, lang, '2026-01-01T00:00:00Z');
  }
  // Quick-fix titles as the editor shows them (a fix's name may come from a token-made key);
  // upper-cased too, since an environment variable's name is the key in capitals.
  const titles = report.findings.flatMap((f) => (f.fixes ?? []).flatMap((fx) => [fixTitle(f, fx, 'en'), fixTitle(f, fx, 'ja')])).join('\n');
  out.fixTitles = titles;
  out.fixTitlesUpper = titles.toUpperCase();
  const cache = new ScanCache('k');
  const byPath = new Map<string, LocatedFinding[]>();
  for (const f of report.findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  for (const [file, found] of byPath) cache.set(file, { size: 1, mtimeMs: 0 }, found, false);
  const file = path.join(os.tmpdir(), `mamori-mask-${process.pid}.json`);
  cache.save(file);
  out.cache = fs.readFileSync(file, 'utf8');
  fs.rmSync(file, { force: true });
  return out;
}

/** Where a secret, or any 12 characters of it (a mask shows at most 4), appears. */
function leaks(secrets: readonly string[], outs: Record<string, string>): string[] {
  const found: string[] = [];
  for (const s of secrets) {
    for (const [name, text] of Object.entries(outs)) {
      for (let i = 0; i + 12 <= s.length; i++) {
        const piece = name === 'fixTitlesUpper' ? s.slice(i, i + 12).toUpperCase() : s.slice(i, i + 12);
        if (text.includes(piece)) {
          found.push(`${name}: ${s.slice(0, 4)}… (at ${i})`);
          break;
        }
      }
    }
  }
  return found;
}

async function report(files: Record<string, string>): Promise<ScanReport> {
  const findings: LocatedFinding[] = [];
  for (const [name, text] of Object.entries(files)) {
    const found = await scanText({ path: `/p/${name}`, text });
    const lines = new LineIndex(text);
    for (const f of found) findings.push(locate(f, lines, name));
  }
  return { version: '0', root: '/p', filesScanned: Object.keys(files).length, findings, skipped: [] };
}

describe('masking is structural', () => {
  it('masks a redis.conf masterauth password, a quoted first line and a token in a key, in every format and the cache', async () => {
    const password = j('Hunter2', 'pass!word9');
    const token = j('ghp_', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E');
    const value = j('Zx9LmQ2w', 'Pk7vRt4nBq');
    const r = await report({
      'redis.conf': `bind 0.0.0.0\nprotected-mode no\nmasterauth ${password}\nport 6379\n`,
      'mongod.conf': `# deploy key ${token}\nnet:\n  port: 27017\n`,
      'keys.yaml': `${token}_secret: "${value}"\n`,
      'app.js': `const ${token}_password = "${value}";\n`,
    });
    // The findings that used to quote them are there.
    // (redis.conf: the masterauth password is reported as a credential; Redis open with it would quote the line.)
    assert.ok(r.findings.some((f) => f.path === 'redis.conf'));
    assert.ok(r.findings.some((f) => f.ruleId === 'exposure/mongod-open' && f.excerpt?.startsWith('# deploy key ')));
    assert.ok(r.findings.some((f) => f.path === 'keys.yaml' && f.category === 'secret'));
    assert.deepEqual(leaks([password, token, value], outputs(r)), []);
  });

  it('masks through the real scan and the on-disk cache too', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-mask-'));
    const password = j('Qz8vL2', 'nRw5tYpX');
    fs.writeFileSync(path.join(root, 'redis.conf'), `masterauth ${password}\nport 6379\n`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, 'redis.conf'), old, old);
    const cache = new ScanCache(ScanCache.keyFor());
    const r = await scanPaths([root], { root, maxFileSize: 1 << 20, jobs: 0, cache });
    assert.ok(r.findings.length > 0);
    const file = path.join(root, 'cache.json');
    cache.save(file);
    assert.deepEqual(leaks([password], { json: formatJson(r, 'en'), cache: fs.readFileSync(file, 'utf8') }), []);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('leaves plain settings readable', () => {
    for (const plain of [
      'bind 0.0.0.0',
      'authorization: disabled',
      'PASSWORD_MIN_LENGTH = 6',
      'password: ${DB_PASSWORD}',
      'host all all 0.0.0.0/0 trust',
      'node_modules/pkg/dist/index2.js',
      'password = Xy7*********',
    ]) {
      assert.equal(redact(plain), plain);
    }
  });

  it('finds no planted random secret in any output, placed as values, keys, names and first lines of every rule example', async () => {
    const examples = [...caseFiles()];
    assert.ok(examples.length > 100, `${examples.length} examples`);
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    // Token-shaped: letters of both cases and digits, 20 to 40 of them, some with a provider's prefix.
    const secretArb = fc
      .tuple(fc.constantFrom('', 'ghp_', 'AKIA', 'sk_live_', 'xoxb-', 'glpat-'), fc.array(fc.constantFrom(...chars), { minLength: 20, maxLength: 40 }))
      .map(([prefix, cs]) => prefix + cs.join(''))
      .filter((s) => /\d/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...examples), fc.array(secretArb, { minLength: 5, maxLength: 5 }), async (example, secrets) => {
        const [first, key, value, name, directive] = secrets;
        let n = 0;
        const variants: Record<string, string> = {
          // A file's first line, as mongod-open used to quote.
          first: `# ${first}\n${example.text}`,
          // A key made of a token, and a value after a secret-named key.
          key: `${example.text}\n${key}_secret: "${value}"\n`,
          // Every value after ':' or '=' replaced by a token.
          values: example.text.replace(/([:=][ \t]*["']?)([A-Za-z0-9_.-]{3,})/g, (_m, sep: string) => `${sep}${n++ % 2 ? value : name}`),
          // Quoted names (resource names, hosts) replaced by a token.
          names: example.text.replace(/"([A-Za-z0-9_.-]{3,})"/g, `"${name}"`),
          // A directive with a password, as in redis.conf.
          directive: `masterauth ${directive}\n${example.text}`,
        };
        const r = await report(Object.fromEntries(Object.entries(variants).map(([k, text]) => [`${k}/${example.path}`, text])));
        assert.deepEqual(leaks(secrets, outputs(r)), [], `${example.rule} ${example.path}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('quick-fix titles', () => {
  it('mask a token-made name the fix takes from its key, and keep the real name for the edit', async () => {
    const hex = '9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c';
    const text = `const api_key_${hex} = "Zq8Lm3Np7Rt2Vx5Kw9";\n`;
    const found = await scanText({ path: 'config.js', text });
    const fixes = found.flatMap((f) => (f.fixes ?? []).map((fx) => ({ f, fx })));
    // The edit needs the real name: the fix's data keeps it, a long name made from the key.
    const named = fixes.filter(({ fx }) => (fx.data?.name?.length ?? 0) >= 40);
    assert.ok(named.length > 0, JSON.stringify(found.map((f) => f.fixes)));
    for (const { f, fx } of named) {
      const name = fx.data?.name ?? '';
      assert.ok(fx.edits.some((e) => e.newText.includes(name)));
      for (const lang of ['en', 'ja'] as const) {
        const title = fixTitle(f, fx, lang);
        assert.ok(!title.includes(name.slice(8, 24)), title);
      }
    }
  });
});
