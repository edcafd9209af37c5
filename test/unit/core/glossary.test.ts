// The glossary applied to every Japanese string Mamori shows: rule texts, engine messages, CLI
// strings, the extension's l10n bundle and manifest strings, report templates and outputs, the
// catalog, the profiles and the reporting assessment. One term per concept, no doubled
// particles, no English severity words.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../src/core/documents/lines';
import { GUIDELINES } from '../../../src/core/guidelines/catalog';
import { PROFILES } from '../../../src/core/guidelines/profiles';
import { checkJapanese, GLOSSARY } from '../../../src/core/l10n-glossary';
import { ENGINE_MESSAGES } from '../../../src/core/messages';
import { formatHtml } from '../../../src/core/report/html';
import { formatMarkdown } from '../../../src/core/report/markdown';
import { locate, type ScanReport } from '../../../src/core/report/model';
import { ruleMarkdown, rulesMarkdown } from '../../../src/core/report/rules-table';
import { formatText } from '../../../src/core/report/text';
import { assessIncidents, type Incident } from '../../../src/core/reporting/duty';
import { DUTY_LABELS, dutySummary } from '../../../src/core/reporting/render';
import { RULES } from '../../../src/core/rules/index';
import { scanText } from '../../../src/core/scan';

const ROOT = path.resolve(__dirname, '../../..');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every `ja` string in a value, walked. */
function jaStrings(value: unknown, out: string[] = [], key = ''): string[] {
  if (typeof value === 'string') {
    if (key === 'ja' || JAPANESE.test(value)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) jaStrings(v, out, key);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== 'en' && k !== 'ref' && k !== 'source') jaStrings(v, out, k);
  return out;
}

/** Japanese string literals of a TypeScript source, comments left out. */
function sourceLiterals(file: string): string[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .map((l) => l.replace(/\s\/\/ .*$/, ''))
    .join('\n');
  // A quote inside a regular-expression literal can pair with another: such spans are code, not text.
  return (text.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [])
    .filter((s) => JAPANESE.test(s) && !/\\[wdsb]|\.test\(/.test(s))
    .map((s) => s.slice(1, -1));
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

async function sampleReport(): Promise<ScanReport> {
  const files: Record<string, string> = {
    '.env': 'DATABASE_URL=postgres://app:Pa55w0rd-Prod@db.internal:5432/app\n',
    'db/customers.csv':
      '氏名,電話番号,メールアドレス,マイナンバー\n' +
      Array.from({ length: 6 }, (_, i) => `佐藤 一郎${i},090-3841-22${10 + i},u${i}.sato@gmail.com,\n`).join(''),
    'infra/main.tf':
      'resource "aws_s3_bucket_acl" "docs" {\n  bucket = "hr-mynumber-scans"\n  acl    = "public-read"\n}\nresource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 6\n}\n',
  };
  const findings = [];
  for (const [p, text] of Object.entries(files)) {
    const lines = new LineIndex(text);
    for (const f of await scanText({ path: p, text })) findings.push(locate(f, lines, p));
  }
  return { version: '0.0.0', root: '/repo', filesScanned: 3, findings, skipped: [{ path: 'big.bin', reason: 'binary' }] };
}

describe('Japanese glossary', () => {
  it('has one term per concept', () => {
    const concepts = GLOSSARY.map((t) => t.concept);
    assert.equal(new Set(concepts).size, concepts.length);
    for (const t of GLOSSARY) for (const b of t.banned) assert.ok(!t.ja.includes(b.text), `${t.concept}: the chosen term is banned`);
  });

  it('is written out for people in docs/glossary.ja.md, term by term', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/glossary.ja.md'), 'utf8');
    for (const t of GLOSSARY) {
      assert.ok(doc.includes(`| ${t.ja} |`), `docs/glossary.ja.md lacks ${t.ja}`);
      for (const b of t.banned) assert.ok(doc.includes(b.text), `docs/glossary.ja.md lacks the banned ${b.text}`);
    }
  });

  it('finds what it should (the check can fail)', () => {
    for (const bad of [
      '接続文字列の の認証情報',
      'URL の のパスワード',
      '走査を始めます',
      '弱いパスワードポリシー',
      '不正の目的による漏えい',
      'キーをローテーションしてください',
      '重大度 error',
      'JTB 事案の教訓',
      '約793万件の顧客情報が流出し',
    ]) {
      assert.ok(checkJapanese(bad).length > 0, bad);
    }
    for (const good of ['「旅行業界情報流出事案検討会」', '--fail-on error|warning|info', '`log_level: info`', '入出力のエラー'])
      assert.deepEqual(checkJapanese(good), [], good);
  });

  const problems = (strings: Iterable<string>) => [...new Set(strings)].flatMap((s) => checkJapanese(s)).map((p) => `${p.problem}: ${p.text.slice(0, 120)}`);

  it('passes every rule title, description and message', () => {
    assert.deepEqual(problems(RULES.flatMap((r) => [r.title.ja, r.description.ja, ...Object.values(r.messages).map((m) => m.ja)])), []);
  });

  it('passes the engine messages, the catalog, the profiles and the reporting assessment', () => {
    const incidents: Incident[][] = [
      [{ kinds: ['personal'], exposure: 'internet' }],
      [{ kinds: ['myNumber', 'card', 'passport', 'personal'], exposure: 'internet', records: 5000 }],
      [{ kinds: ['myNumber', 'card', 'personal'], exposure: 'committed', records: 50, encrypted: false }],
      [{ kinds: ['myNumber', 'personal'], exposure: 'committed', records: 50, encrypted: true }],
    ];
    const duty = incidents.flatMap((i) => {
      const a = assessIncidents(i);
      return [...jaStrings(a), ...dutySummary(a, 'ja')];
    });
    assert.deepEqual(problems([...jaStrings(ENGINE_MESSAGES), ...jaStrings(GUIDELINES), ...jaStrings(PROFILES), ...jaStrings(DUTY_LABELS.ja), ...duty]), []);
  });

  it('passes the report outputs and rule pages in Japanese', async () => {
    const r = await sampleReport();
    const outputs = [
      formatText(r, 'ja'),
      formatMarkdown(r, 'ja', '2026-11-21T00:00:00Z'),
      formatHtml(r, 'ja', '2026-11-21T00:00:00Z'),
      rulesMarkdown('ja'),
      ...RULES.map((x) => ruleMarkdown(x.id, 'ja') ?? ''),
    ];
    // Lines that quote a file (paths, excerpts of config) are the user's, not Mamori's words.
    const lines = outputs.flatMap((o) => o.split('\n')).filter((l) => JAPANESE.test(l) && !/^(?:````|\s{4})/.test(l));
    assert.deepEqual(problems(lines), []);
  });

  it('passes the extension strings (l10n bundle, manifest) and README.ja.md', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
    const readme = fs.existsSync(path.join(ROOT, 'README.ja.md'))
      ? fs
          .readFileSync(path.join(ROOT, 'README.ja.md'), 'utf8')
          .split('\n')
          .filter((l) => JAPANESE.test(l))
      : [];
    assert.deepEqual(problems([...Object.values(bundle), ...Object.values(nls), ...readme]), []);
  });

  it('passes every Japanese string literal in the source (CLI, extension, core)', () => {
    const files = walk(path.join(ROOT, 'src')).filter((f) => !f.endsWith('l10n-glossary.ts'));
    const found = files.flatMap((f) => problems(sourceLiterals(f)).map((p) => `${path.relative(ROOT, f)}: ${p}`));
    assert.deepEqual(found, []);
  });
});
