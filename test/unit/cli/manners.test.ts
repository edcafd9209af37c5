// The CLI's manners, from the real bundled CLI: help when run bare, a suggestion for a mistyped
// command, option or value (in the user's language), FORCE_COLOR and NO_COLOR, output paths
// refused before the scan, and one file from standard input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closest, optionSpellings, useColor } from '../../../src/cli/args';
import { assertBuilt } from '../helpers/built';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');
const ESC = '\u001b[';

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI manners', () => {
  let dir: string;
  before(() => {
    // dist/ is built once by test/run-unit.mjs before any test file starts.
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-manners-'));
    fs.writeFileSync(path.join(dir, '.env'), `SLACK_TOKEN=${SLACK}\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the help when run with no arguments (exit 2: a script that runs it bare is wrong)', () => {
    const r = run([], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /^Usage: mamori scan/);
    assert.match(run([], dir, { LANG: 'ja_JP.UTF-8' }).stdout, /^使い方: mamori scan/);
  });

  it('suggests the closest command, in English or Japanese', () => {
    const en = run(['scna'], dir);
    assert.equal(en.code, 2);
    assert.match(en.stderr, /unknown command "scna"\. Did you mean "mamori scan"\?/);
    const ja = run(['scna'], dir, { LANG: 'ja_JP.UTF-8' });
    assert.equal(ja.code, 2);
    assert.match(ja.stderr, /不明なコマンド「scna」です。「mamori scan」のことですか？/);
    assert.match(run(['--lang', 'ja', 'rulse'], dir).stderr, /「mamori rules」のことですか？/);
    const far = run(['frobnicate'], dir);
    assert.equal(far.code, 2);
    assert.doesNotMatch(far.stderr, /Did you mean/);
    assert.match(far.stderr, /Commands: scan, history, rules, help/);
  });

  it('suggests the closest option and value, and says which option lacks its value', () => {
    const flag = run(['scan', '--formt', 'json'], dir);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /unknown option --formt\. Did you mean --format\?/);
    assert.match(run(['scan', '--no-colour'], dir).stderr, /Did you mean --no-color\?/);
    assert.match(run(['scan', '--fail-on', 'warn'], dir, { LANG: 'ja_JP.UTF-8' }).stderr, /--fail-on に「warn」は指定できません。「warning」のことですか？/);
    assert.match(run(['scan', '--format', 'jsn'], dir).stderr, /--format cannot be "jsn"\. Did you mean "json"\?/);
    assert.match(run(['scan', '--output'], dir).stderr, /--output needs a value/);
    assert.match(run(['scan', '--lang', 'ja', '--output'], dir).stderr, /--output には値が必要です/);
  });

  it('honours FORCE_COLOR and NO_COLOR (and --no-color over both)', () => {
    const text = (env: NodeJS.ProcessEnv, extra: string[] = []) => run(['scan', '.', '--jobs', '0', ...extra], dir, env).stdout;
    assert.ok(!text({}).includes(ESC), 'no colour into a pipe by default');
    assert.ok(text({ FORCE_COLOR: '1' }).includes(ESC), 'FORCE_COLOR=1 colours a pipe');
    assert.ok(!text({ FORCE_COLOR: '0' }).includes(ESC));
    assert.ok(!text({ FORCE_COLOR: '1' }, ['--no-color']).includes(ESC));
    assert.ok(!text({ NO_COLOR: '1' }).includes(ESC));
  });

  it('decides colour in this order: --no-color, a file, FORCE_COLOR, NO_COLOR, a terminal', () => {
    const c = (o: Partial<Parameters<typeof useColor>[0]>) => useColor({ noColorFlag: false, toFile: false, isTTY: false, env: {}, ...o });
    assert.equal(c({ isTTY: true }), true);
    assert.equal(c({ isTTY: true, env: { NO_COLOR: '1' } }), false);
    assert.equal(c({ isTTY: true, env: { NO_COLOR: '' } }), true, 'an empty NO_COLOR is unset (no-color.org)');
    assert.equal(c({ env: { FORCE_COLOR: 'true' } }), true);
    assert.equal(c({ isTTY: true, env: { FORCE_COLOR: 'false' } }), false);
    assert.equal(c({ env: { FORCE_COLOR: '1' }, toFile: true }), false);
    assert.equal(c({ env: { FORCE_COLOR: '1' }, noColorFlag: true }), false);
  });

  it('guesses only what is close', () => {
    assert.equal(closest('scna', ['scan', 'rules']), 'scan');
    assert.equal(closest('-x', ['-f', '-o']), undefined);
    assert.equal(closest('--form', ['--format', '--fail-on']), '--format');
    assert.equal(closest('--zzzzzz', ['--format']), undefined);
    assert.deepEqual(optionSpellings('  -f, --format FMT  x\n      --no-color  y\nUsage: --not-this'), ['-f', '--format', '--no-color']);
  });

  it('refuses an output path it cannot write before scanning', () => {
    fs.mkdirSync(path.join(dir, 'reports'), { recursive: true });
    const folder = run(['scan', '.env', '--output', path.join(dir, 'reports')], dir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /cannot write the report to .*reports: it is a folder \(EISDIR\)/);
    assert.doesNotMatch(folder.stderr, /finding/, 'nothing was scanned');
    const underFile = run(['scan', '.env', '--cache', path.join(dir, '.env', 'cache.json')], dir);
    assert.equal(underFile.code, 2);
    assert.match(underFile.stderr, /ENOTDIR/);
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), `SLACK_TOKEN=${SLACK}\n`);
  });

  it('scans one file from standard input with `-`, its format given by --stdin-filename', () => {
    const env = run(['scan', '-', '--stdin-filename', 'config/.env', '--format', 'json'], dir, {}, `SLACK_TOKEN=${SLACK}\n`);
    assert.equal(env.code, 1, env.stderr);
    assert.ok(!env.stdout.includes(SLACK));
    const found = (JSON.parse(env.stdout) as { findings: { ruleId: string; path: string; line: number }[] }).findings;
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.path, f.line]),
      [['secret/slack-token', 'config/.env', 1]],
    );
    // The name decides the format: the same compose text is an exposure only as a compose file.
    const compose = 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n';
    const asCompose = run(['scan', '-', '--stdin-filename', 'docker-compose.yml', '--format', 'json', '--fail-on', 'info'], dir, {}, compose);
    assert.ok(
      (JSON.parse(asCompose.stdout) as { findings: { category: string }[] }).findings.some((f) => f.category === 'pii-exposure'),
      asCompose.stdout,
    );
    const asText = run(['scan', '-', '--stdin-filename', 'notes.txt', '--format', 'json'], dir, {}, compose);
    assert.equal((JSON.parse(asText.stdout) as { findings: unknown[] }).findings.length, 0);
    // No name: "stdin".
    const plain = run(['scan', '-', '--format', 'json'], dir, {}, `SLACK_TOKEN=${SLACK}\n`);
    assert.equal((JSON.parse(plain.stdout) as { findings: { path: string }[] }).findings[0]?.path, 'stdin');
  });

  it('refuses - beside other paths, and --stdin-filename without -', () => {
    assert.equal(run(['scan', '-', '.'], dir, {}, '').code, 2);
    const r = run(['scan', '.', '--stdin-filename', '.env'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--stdin-filename/);
  });
});
