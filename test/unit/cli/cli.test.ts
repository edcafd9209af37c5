// The CLI contract, checked against the real bundled CLI as a separate process:
// exit codes 0/1/2, the three formats, and no secret ever printed in full.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');
const PG_PASSWORD = 'Xk9mP2vL7qR4';

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every project folder made, removed when the suite ends. */
const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-cli-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function assertNoSecret(...outputs: string[]) {
  for (const o of outputs) {
    assert.ok(!o.includes(SLACK), 'Slack token printed in full');
    assert.ok(!o.includes(PG_PASSWORD), 'database password printed in full');
  }
}

describe('mamori CLI', () => {
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  let dirty: string;
  let clean: string;
  before(() => {
    // dist/cli.js is built by test/run-unit.mjs before any test runs.
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run the unit tests with node test/run-unit.mjs');
    dirty = project({
      '.env': `SLACK_TOKEN=${SLACK}\nDATABASE_URL=postgres://app:${PG_PASSWORD}@db.example.jp:5432/app\n`,
      'src/app.js': 'console.log("hello");\n',
    });
    clean = project({ 'src/app.js': 'console.log(process.env.SLACK_TOKEN);\n' });
  });

  it('exits 0 on a clean tree and says what it scanned', () => {
    const r = run(['scan', '.'], clean);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Scanned 1 file/);
  });

  it('exits 1 with compiler-style text and a guideline link when something is found', () => {
    const r = run(['scan'], dirty);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^\.env:1:13 {2}error {2}secret\/slack-token {2}/m);
    assert.match(r.stdout, /https:\/\/www\.ppc\.go\.jp\//);
    assertNoSecret(r.stdout, r.stderr);
  });

  // --fail-on's thresholds: see fail-on.test.ts.

  it('exits 2 with a clear message for a missing path', () => {
    const r = run(['scan', 'does-not-exist'], clean);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /path not found: does-not-exist/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run(['scan', '--format', 'xml'], clean).code, 2);
    assert.equal(run(['scan', '--fail-on', 'fatal'], clean).code, 2);
    assert.equal(run(['scan', '--bogus'], clean).code, 2);
    assert.equal(run(['frobnicate'], clean).code, 2);
    assert.equal(run(['scan', '--profile', 'lax'], clean).code, 2);
    assert.equal(run(['scan', '--lang', 'fr'], clean).code, 2);
    assert.equal(run([], clean).code, 2);
  });

  it('exits 2 when the output file cannot be written', () => {
    const r = run(['scan', '--output', path.join(dirty, '.env', 'out.json'), '--format', 'json'], dirty);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write/);
  });

  it('writes the documented JSON shape', () => {
    const r = run(['scan', '--format', 'json'], dirty);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.stdout) as { version: string; findings: Record<string, unknown>[]; skipped: unknown[] };
    assert.equal(typeof j.version, 'string');
    assert.ok(Array.isArray(j.skipped));
    const f = j.findings.find((x) => x.ruleId === 'secret/slack-token');
    assert.ok(f);
    for (const k of ['ruleId', 'category', 'severity', 'path', 'line', 'column', 'endLine', 'endColumn', 'message', 'guidelines'])
      assert.ok(k in f, `missing ${k}`);
    assert.equal(f.path, '.env');
    assert.equal(f.category, 'secret');
    const [g] = f.guidelines as { id: string; title: string; url: string }[];
    assert.ok(g.id && g.title && g.url.startsWith('https://www.ppc.go.jp/'));
    assertNoSecret(r.stdout);
  });

  it('writes SARIF 2.1.0 ready for code scanning, to --output', () => {
    const out = path.join(dirty, 'out', 'mamori.sarif');
    const r = run(['scan', '.', '--format', 'sarif', '--output', out, '--exclude', 'out/'], dirty);
    assert.equal(r.code, 1, r.stderr);
    const text = fs.readFileSync(out, 'utf8');
    assertNoSecret(text, r.stdout, r.stderr);
    const s = JSON.parse(text) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri: string; properties: { category: string } }[] } };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: {
          ruleId: string;
          ruleIndex: number;
          locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    assert.equal(s.version, '2.1.0');
    const [runObj] = s.runs;
    assert.equal(runObj.tool.driver.name, 'Mamori');
    assert.ok(runObj.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'));
    const result = runObj.results.find((x) => x.ruleId === 'secret/slack-token');
    assert.ok(result);
    const rule = runObj.tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, 'secret/slack-token');
    assert.equal(rule.properties.category, 'secret');
    // The rule's page, which links its guidelines (the help text links them too).
    assert.equal(rule.helpUri, 'https://github.com/mamori-security/mamori/blob/main/docs/rules/secret/slack-token.md');
    const loc = result.locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: '.env', uriBaseId: '%SRCROOT%' });
    assert.deepEqual([loc.region.startLine, loc.region.startColumn], [1, 13]);
  });

  it("names a rule that fails on a file, in both languages, and keeps the other rules' findings", () => {
    const dir = project({ 'redis.conf': `# mamori-fault-probe\nbind 0.0.0.0\nprotected-mode no\nSLACK_TOKEN=${SLACK}\n` });
    for (const lang of ['en', 'ja']) {
      const r = run(['scan', '.', '--lang', lang, '--jobs', '1'], dir, { MAMORI_FAULT_RULE: 'exposure/redis-open' });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /secret\/slack-token/);
      assert.ok(r.stdout.includes('redis.conf') && r.stdout.includes('exposure/redis-open'), r.stdout);
      assertNoSecret(r.stdout, r.stderr);
    }
    // Without the switch the rule reports as usual: the test above saw the fault, not a quiet rule.
    assert.match(run(['scan', '.', '--jobs', '0'], dir).stdout, /exposure\/redis-open/);
  });

  it('gives two tokens in one file two SARIF fingerprints that survive a line inserted above', () => {
    const other = ['xoxb', '5829304817', '9182736450', 'pQ7wE3rT9yU1iO5aS8dF2gH6'].join('-');
    const dir = project({ '.env': `SLACK_TOKEN=${SLACK}\nSLACK_BOT_TOKEN=${other}\n` });
    const prints = () => {
      const r = run(['scan', '.', '--format', 'sarif', '--jobs', '0'], dir);
      assertNoSecret(r.stdout);
      assert.ok(!r.stdout.includes(other));
      const results = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] }).runs[0].results;
      return results.filter((x) => x.ruleId === 'secret/slack-token').map((x) => x.partialFingerprints['mamori/v2']);
    };
    const before = prints();
    assert.equal(before.length, 2);
    assert.notEqual(before[0], before[1]);
    fs.writeFileSync(path.join(dir, '.env'), `# moved down\nAPP=1\nSLACK_TOKEN=${SLACK}\nSLACK_BOT_TOKEN=${other}\n`);
    assert.deepEqual(prints(), before);
  });

  it('speaks Japanese with --lang ja and from LANG', () => {
    const a = run(['scan', '--lang', 'ja'], dirty);
    assert.match(a.stdout, /ハードコード/);
    const b = run(['scan'], dirty, { LANG: 'ja_JP.UTF-8' });
    assert.match(b.stdout, /ハードコード/);
    assert.match(run(['scan', 'nope'], dirty, { LANG: 'ja_JP.UTF-8' }).stderr, /パスが見つかりません/);
  });

  it("names the scanned folder (not the current one) and the time in the user's zone, and ends the Japanese text with the reporting summary", () => {
    const elsewhere = project({ 'readme.txt': 'not scanned\n' });
    const csv = '氏名,電話番号,メールアドレス\n' + Array.from({ length: 8 }, (_, i) => `佐藤 一郎${i},090-3841-22${10 + i},u${i}.sato@gmail.com\n`).join('');
    const target = project({ 'db/customers.csv': csv });
    const md = run(['scan', target, '--format', 'markdown', '--lang', 'ja'], elsewhere, { TZ: 'Asia/Tokyo' });
    assert.equal(md.code, 0, md.stderr);
    assert.ok(md.stdout.includes(`- **対象**: ${fs.realpathSync(target)}`) || md.stdout.includes(`- **対象**: ${target}`), md.stdout.slice(0, 400));
    assert.ok(!md.stdout.includes(`- **対象**: ${elsewhere}`));
    assert.match(md.stdout, /- \*\*作成日時\*\*: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+09:00 \(Asia\/Tokyo\)/);
    const text = run(['scan', target, '--lang', 'ja'], elsewhere);
    const lines = text.stdout.trimEnd().split('\n');
    assert.equal(lines[lines.length - 1], 'Mamori 漏えい等報告の確認、詳細: https://www.ppc.go.jp/personalinfo/legal/leakAction/');
    assert.ok(lines.includes('── 漏えい等報告の確認 ──'));
    assert.match(text.stdout, /customers\.csv:1:1 {2}警告 {2}pii-data\/personal-data-store/);
  });

  it('reports skipped files instead of dropping them', () => {
    const dir = project({ 'big.txt': 'x'.repeat(3000), 'bin.dat': 'a\u0000b' });
    const r = run(['scan', '--max-file-size', '1', '--format', 'json'], dir);
    const j = JSON.parse(r.stdout) as { skipped: { path: string; reason: string }[] };
    assert.deepEqual(j.skipped.map((s) => `${s.path}:${s.reason}`).sort(), ['big.txt:too-large', 'bin.dat:binary']);
  });

  it('prints help and version', () => {
    assert.match(run(['--help'], clean).stdout, /Usage: mamori scan/);
    assert.match(run(['--version'], clean).stdout, /^mamori \d+\.\d+\.\d+/);
  });
});
