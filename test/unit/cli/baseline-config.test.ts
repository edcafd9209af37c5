// Baselines (--write-baseline, --baseline) and the project file (.mamori.json), checked against
// the real bundled CLI as a separate process in temporary folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBuilt } from '../helpers/built';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
// Made-up tokens with real providers' shapes, assembled so this source holds none whole.
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');
const GITHUB = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');
const NOTIFY = ['xoxp', '5820394817', '7392018465', '8301746529', 'f3a9c1e7b5d2f4a6c8e0b1d3f5a7c9e2'].join('-');
const PG_PASSWORD = 'Xk9mP2vL7qR4';
const PLANTED = [SLACK, GITHUB, NOTIFY, PG_PASSWORD];

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-baseline-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Every run of 8 characters of a planted value: none may appear in a file Mamori wrote. */
function assertNoSecretIn(text: string, what: string) {
  for (const value of PLANTED) {
    for (let i = 0; i + 8 <= value.length; i++) {
      assert.ok(!text.includes(value.slice(i, i + 8)), `${what} holds "${value.slice(i, i + 8)}", part of a planted value`);
    }
  }
}

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  fingerprint: string;
  baseline?: string;
  guidance?: string;
}

function findings(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

const ENV = `SLACK_TOKEN=${SLACK}\nDATABASE_URL=postgres://app:${PG_PASSWORD}@db.example.jp:5432/app\n`;

describe('baselines', () => {
  before(() => {
    // dist/ is built once by test/run-unit.mjs before any test file starts.
    assertBuilt();
  });
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("silences today's findings, and a new secret still fails even with lines added above the old ones", () => {
    const dir = project({ '.env': ENV, 'src/config.js': `const token = "${GITHUB}";\n` });
    assert.equal(run(['scan'], dir).code, 1, 'the tree has findings to begin with');

    const write = run(['scan', '--write-baseline', 'mamori-baseline.json'], dir);
    assert.equal(write.code, 0, write.stderr);
    assert.match(write.stderr, /recorded \d+ finding\(s\) in the baseline mamori-baseline\.json/);

    const known = run(['scan', '--baseline', 'mamori-baseline.json'], dir);
    assert.equal(known.code, 0, known.stdout + known.stderr);
    assert.match(known.stdout, /\(known from the baseline\)/);
    assert.match(known.stdout, /Baseline mamori-baseline\.json: 3 finding\(s\) known from the baseline \(not counted for the exit code\), 0 new, 0 fixed/);
    // The summary line stays last (a text report is known by it).
    assert.match(known.stdout, /\nScanned \d+ file\(s\): [^\n]* skipped\n$/);

    // Unrelated lines above the old findings move them; their identity stays.
    fs.writeFileSync(path.join(dir, '.env'), `# settings\nAPP_NAME=shop\nDEBUG=false\n${ENV}`);
    fs.writeFileSync(path.join(dir, 'src/config.js'), `// config\n\nconst a = 1;\nconst token = "${GITHUB}";\n`);
    const moved = run(['scan', '--baseline', 'mamori-baseline.json', '--format', 'json'], dir);
    assert.equal(moved.code, 0, moved.stdout + moved.stderr);
    assert.ok(findings(moved.stdout).every((f) => f.baseline === 'unchanged'));

    // A new secret, above the old ones: exit 1, and only it is new.
    fs.writeFileSync(path.join(dir, '.env'), `NOTIFY_TOKEN=${NOTIFY}\n# settings\nAPP_NAME=shop\nDEBUG=false\n${ENV}`);
    const added = run(['scan', '--baseline', 'mamori-baseline.json', '--format', 'json'], dir);
    assert.equal(added.code, 1, added.stdout + added.stderr);
    const fresh = findings(added.stdout).filter((f) => f.baseline === 'new');
    assert.deepEqual(
      fresh.map((f) => [f.path, f.line]),
      [['.env', 1]],
    );
    assert.equal(findings(added.stdout).filter((f) => f.baseline === 'unchanged').length, 3);
    assert.equal((JSON.parse(added.stdout) as { baseline: { known: number; new: number } }).baseline.new, 1);

    // SARIF says the same with baselineState.
    const sarif = run(['scan', '--baseline', 'mamori-baseline.json', '--format', 'sarif'], dir);
    const results = (
      JSON.parse(sarif.stdout) as { runs: { results: { baselineState: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }
    ).runs[0].results;
    assert.deepEqual(results.map((r) => r.baselineState).sort(), ['new', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('holds rule, path, fingerprint and severity only: no secret, no excerpt, nothing a value could be recovered from', () => {
    const dir = project({ '.env': `${ENV}GH=${GITHUB}\n` });
    assert.equal(run(['scan', '--write-baseline', 'base.json'], dir).code, 0);
    const text = fs.readFileSync(path.join(dir, 'base.json'), 'utf8');
    assertNoSecretIn(text, 'the baseline');
    const body = JSON.parse(text) as { tool: string; version: number; fingerprints: string; findings: Record<string, unknown>[] };
    assert.equal(body.tool, 'mamori-baseline');
    assert.equal(body.version, 1);
    assert.ok(body.findings.length >= 3);
    for (const f of body.findings) assert.deepEqual(Object.keys(f).sort(), ['fingerprint', 'path', 'ruleId', 'severity']);
    // Scanned again (it sits in the tree), the baseline itself is no finding.
    const again = run(['scan', '--format', 'json', '--no-config'], dir);
    assert.ok(findings(again.stdout).every((f) => f.path !== 'base.json'));
  });

  it('counts a baseline entry whose finding is gone as fixed', () => {
    const dir = project({ '.env': ENV, 'b.env': `GH=${GITHUB}\n` });
    assert.equal(run(['scan', '--write-baseline', 'base.json'], dir).code, 0);
    fs.writeFileSync(path.join(dir, 'b.env'), 'GH=\n');
    const r = run(['scan', '--baseline', 'base.json'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /, 0 new, 1 fixed/);
    // A scan of part of the tree fixes nothing outside it.
    fs.writeFileSync(path.join(dir, 'b.env'), `GH=${GITHUB}\n`);
    assert.match(run(['scan', '.env', '--baseline', 'base.json'], dir).stdout, /, 0 new, 0 fixed/);
  });

  it('refuses a missing or corrupt baseline with exit 2, naming the file and what to do, in English and Japanese', () => {
    const dir = project({ '.env': ENV, 'broken.json': '{"tool": "mamori-baseline", "version": 1, "fing', 'other.json': '{"findings": []}\n' });
    const missing = run(['scan', '--baseline', 'nope.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the baseline nope\.json does not exist\. Record today's findings first with `mamori scan --write-baseline nope\.json`/);
    const broken = run(['scan', '--baseline', 'broken.json'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /the baseline broken\.json is not valid JSON .*Write it again with `mamori scan --write-baseline broken\.json`/);
    const other = run(['scan', '--baseline', 'other.json'], dir);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /other\.json is not a Mamori baseline/);
    const ja = run(['scan', '--baseline', 'broken.json', '--lang', 'ja'], dir);
    assert.equal(ja.code, 2);
    assert.match(ja.stderr, /ベースライン broken\.json は JSON として読めません.*書き出し直してください/);
    assert.equal(ja.stdout, '', 'nothing is scanned with an unusable baseline');
    // A baseline entry of the wrong shape.
    fs.writeFileSync(
      path.join(dir, 'shape.json'),
      JSON.stringify({
        tool: 'mamori-baseline',
        version: 1,
        fingerprints: 'mamori/v2',
        findings: [{ ruleId: 'x', path: 'a', severity: 'error', fingerprint: 'secret' }],
      }),
    );
    const shape = run(['scan', '--baseline', 'shape.json'], dir);
    assert.equal(shape.code, 2);
    assert.match(shape.stderr, /entry 1 of the baseline shape\.json is malformed/);
  });

  it('refuses to write the baseline over a scanned file', () => {
    const dir = project({ '.env': ENV });
    const r = run(['scan', '.', '--write-baseline', '.env'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the baseline path \.env is an existing file inside the scanned folder/);
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), ENV);
    const self = run(['scan', '.env', '--write-baseline', '.env'], dir);
    assert.equal(self.code, 2);
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), ENV);
    // A path that cannot be written: exit 2, with what is in the way.
    const blocked = run(['scan', '--write-baseline', '.env/base.json'], dir);
    assert.equal(blocked.code, 2);
    assert.match(blocked.stderr, /cannot write the baseline to \.env\/base\.json: a file is in the way/);
  });
});

describe('.mamori.json', () => {
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('turns a rule off for the CLI, read as JSONC (comments, trailing commas)', () => {
    const dir = project({ '.env': `GH=${GITHUB}\nSLACK_TOKEN=${SLACK}\n` });
    const before = findings(run(['scan', '--format', 'json'], dir).stdout).map((f) => f.ruleId);
    assert.ok(before.includes('secret/github-token'));
    fs.writeFileSync(
      path.join(dir, '.mamori.json'),
      `// The team's choices\n{\n  /* GitHub tokens here are test fixtures */\n  "rules": { "secret/github-token": "off", },\n}\n`,
    );
    const r = run(['scan', '--format', 'json'], dir);
    const after = findings(r.stdout).map((f) => f.ruleId);
    assert.ok(!after.includes('secret/github-token'), r.stdout + r.stderr);
    assert.ok(after.includes('secret/slack-token'));
    // --no-config leaves the file out; --config names another.
    assert.ok(findings(run(['scan', '--format', 'json', '--no-config'], dir).stdout).some((f) => f.ruleId === 'secret/github-token'));
    assert.equal(run(['scan', '--config', 'x.json', '--no-config'], dir).code, 2);
    fs.writeFileSync(path.join(dir, 'other.jsonc'), '{ "rules": { "secret/slack-token": "off" } }');
    const other = findings(run(['scan', '--format', 'json', '--config', 'other.jsonc'], dir).stdout).map((f) => f.ruleId);
    assert.ok(other.includes('secret/github-token') && !other.includes('secret/slack-token'));
  });

  it('lets flags win over the file: --category replaces its categories, --profile its profile', () => {
    const dir = project({ '.env': ENV, '.mamori.json': '{ "categories": { "secret": false } }' });
    assert.ok(findings(run(['scan', '--format', 'json'], dir).stdout).every((f) => !f.ruleId.startsWith('secret/')));
    assert.ok(findings(run(['scan', '--format', 'json', '--category', 'secret'], dir).stdout).some((f) => f.ruleId.startsWith('secret/')));
  });

  it('applies its excludes, allow-lists and baseline, relative to its own folder', () => {
    const dir = project({
      '.env': ENV,
      'fixtures/sample.env': `GH=${GITHUB}\n`,
      'vendor/lib.env': `GH=${GITHUB}\n`,
      'docs/example.env': `SLACK_TOKEN=${SLACK}\n`,
    });
    fs.writeFileSync(path.join(dir, '.mamori.json'), JSON.stringify({ exclude: ['vendor/'], allow: { paths: ['fixtures/**'] } }));
    const paths = findings(run(['scan', '--format', 'json'], dir).stdout).map((f) => f.path);
    assert.ok(paths.includes('.env') && paths.includes('docs/example.env'));
    assert.ok(!paths.includes('fixtures/sample.env'), 'allowed by path');
    assert.ok(!paths.includes('vendor/lib.env'), 'excluded');

    // Allowed by value: a literal the finding's text contains (never a pattern).
    fs.writeFileSync(path.join(dir, '.mamori.json'), JSON.stringify({ allow: { values: [SLACK.slice(-10)] } }));
    const byValue = findings(run(['scan', '--format', 'json'], dir).stdout);
    assert.ok(!byValue.some((f) => f.ruleId === 'secret/slack-token'));

    // Allowed by fingerprint: exactly that finding.
    const all = findings(run(['scan', '--format', 'json', '--no-config'], dir).stdout);
    const target = all.find((f) => f.path === 'docs/example.env');
    assert.ok(target);
    fs.writeFileSync(path.join(dir, '.mamori.json'), JSON.stringify({ allow: { fingerprints: [target.fingerprint] } }));
    const byPrint = findings(run(['scan', '--format', 'json'], dir).stdout);
    assert.equal(byPrint.length, all.length - 1);
    assert.ok(!byPrint.some((f) => f.fingerprint === target.fingerprint));

    // The baseline it names applies without --baseline; the first --write-baseline makes it.
    fs.writeFileSync(path.join(dir, '.mamori.json'), '{ "baseline": "ci/mamori-baseline.json" }');
    assert.equal(run(['scan'], dir).code, 2, 'a named baseline that does not exist is an error');
    const first = run(['scan', '--write-baseline', 'ci/mamori-baseline.json'], dir);
    assert.equal(first.code, 0, first.stderr);
    const r = run(['scan'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Baseline ci\/mamori-baseline\.json: /);
  });

  it("shows the organisation's guidance in text, JSON, Markdown and SARIF help", () => {
    const dir = project({
      '.env': ENV,
      '.mamori.json': JSON.stringify({
        guidance: { secret: 'https://wiki.example.co.jp/security/secrets', 'secret/slack-token': 'https://wiki.example.co.jp/security/slack' },
      }),
    });
    const text = run(['scan'], dir).stdout;
    assert.match(text, /Your organisation's guidance: https:\/\/wiki\.example\.co\.jp\/security\/slack/);
    assert.match(run(['scan', '--lang', 'ja'], dir).stdout, /組織のガイダンス: https:\/\/wiki\.example\.co\.jp\/security\/slack/);
    const json = findings(run(['scan', '--format', 'json'], dir).stdout);
    assert.equal(json.find((f) => f.ruleId === 'secret/slack-token')?.guidance, 'https://wiki.example.co.jp/security/slack');
    assert.ok(
      json
        .filter((f) => f.ruleId !== 'secret/slack-token' && f.ruleId.startsWith('secret/'))
        .every((f) => f.guidance === 'https://wiki.example.co.jp/security/secrets'),
    );
    assert.match(run(['scan', '--format', 'markdown'], dir).stdout, /<https:\/\/wiki\.example\.co\.jp\/security\/slack>/);
    assert.match(
      run(['scan', '--format', 'html'], dir).stdout,
      /Your organisation&#39;s guidance: <a href="https:\/\/wiki\.example\.co\.jp\/security\/slack">/,
    );
    const sarif = JSON.parse(run(['scan', '--format', 'sarif'], dir).stdout) as {
      runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } } }[];
    };
    const slack = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'secret/slack-token');
    assert.match(slack?.help.text ?? '', /Your organisation's guidance: <https:\/\/wiki\.example\.co\.jp\/security\/slack>/);
  });

  it('refuses a file with errors (exit 2, what is wrong, where), warns about unknown names', () => {
    const dir = project({
      '.env': ENV,
      '.mamori.json': '{\n  "rules": { "secret/slack-token": "of" },\n  "guidance": { "secret": "http://insecure.example" },\n  "colour": "blue"\n}\n',
    });
    const r = run(['scan'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /the configuration file \.mamori\.json has errors, so nothing was scanned/);
    assert.match(r.stderr, /"rules\.secret\/slack-token" must be error, warning, info or off, not "of"/);
    assert.match(r.stderr, /"guidance\.secret" must be an https:\/\/ URL/);
    assert.match(r.stderr, /warning: \.mamori\.json: unknown setting "colour"/);
    assert.match(r.stderr, /--no-config/);
    const syntax = project({ '.env': ENV, '.mamori.json': '{\n  "rules": {\n' });
    const s = run(['scan', '--lang', 'ja'], syntax);
    assert.equal(s.code, 2);
    assert.match(s.stderr, /設定ファイル \.mamori\.json に誤りがあるためスキャンしません/);
    assert.match(s.stderr, /\d+ 行目: JSONC として読めません/);
    const missing = run(['scan', '--config', 'nope.json'], syntax);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /the configuration file nope\.json does not exist/);
  });

  it('is found in the one folder scanned when the current folder has none', () => {
    const parent = project({ 'repo/.env': `GH=${GITHUB}\n`, 'repo/.mamori.json': '{ "rules": { "secret/github-token": "off" } }' });
    const r = run(['scan', 'repo', '--format', 'json'], parent);
    assert.ok(!findings(r.stdout).some((f) => f.ruleId === 'secret/github-token'), r.stdout + r.stderr);
  });
});
