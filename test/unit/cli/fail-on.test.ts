// --fail-on, checked against the real bundled CLI as a separate process: every threshold
// (error, warning, info, and none given: error) against trees whose findings' severities are
// known (none, info only, warning only, error only, all three). Exit 1 exactly when a finding
// at or above the threshold exists, else 0; the severities are read from the JSON report
// first, so the matrix cannot pass on trees that do not hold what it assumes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
/** Fabricated, assembled here so no token sits in the source. */
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A file that gives exactly one finding of each severity. */
const FILES = {
  // A database port published on every interface, with a password from a file: a warning.
  warning: {
    'docker-compose.yml':
      'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n',
  },
  // A strong IAM password policy that still forces periodic change: an info.
  info: {
    'iam.tf':
      'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 14\n  require_symbols = true\n  require_numbers = true\n  require_uppercase_characters = true\n  require_lowercase_characters = true\n  password_reuse_prevention = 24\n  max_password_age = 90\n}\n',
  },
  // A Slack bot token in a .env file: an error.
  error: { '.env': `SLACK_TOKEN=${SLACK}\n` },
};

const TREES: Record<string, Record<string, string>> = {
  none: { 'app.js': 'console.log(process.env.SLACK_TOKEN);\n' },
  info: FILES.info,
  warning: FILES.warning,
  error: FILES.error,
  all: { ...FILES.info, ...FILES.warning, ...FILES.error },
};

/** The severities each tree's findings have, sorted. */
const SEVERITIES: Record<string, string[]> = { none: [], info: ['info'], warning: ['warning'], error: ['error'], all: ['error', 'info', 'warning'] };

const RANK: Record<string, number> = { info: 1, warning: 2, error: 3 };

describe('mamori scan --fail-on', () => {
  const dirs = new Map<string, string>();
  before(() => {
    // dist/cli.js is built by test/run-unit.mjs before any test runs.
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run the unit tests with node test/run-unit.mjs');
    for (const [name, files] of Object.entries(TREES)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mamori-fail-on-${name}-`));
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
      dirs.set(name, dir);
    }
  });
  after(() => {
    for (const dir of dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs on trees whose findings have the severities the matrix assumes', () => {
    for (const [name, dir] of dirs) {
      const r = run(['scan', '--format', 'json', '--fail-on', 'info'], dir);
      const found = (JSON.parse(r.stdout) as { findings: { severity: string }[] }).findings.map((f) => f.severity).sort();
      assert.deepEqual(found, SEVERITIES[name], `${name}: ${r.stderr}`);
    }
  });

  for (const threshold of [undefined, 'error', 'warning', 'info'] as const) {
    it(`exits 1 only for a finding at or above ${threshold ?? 'the default (error)'}`, () => {
      const got: Record<string, number | null> = {};
      const want: Record<string, number> = {};
      for (const [name, dir] of dirs) {
        got[name] = run(['scan', ...(threshold ? ['--fail-on', threshold] : [])], dir).code;
        want[name] = SEVERITIES[name].some((s) => RANK[s] >= RANK[threshold ?? 'error']) ? 1 : 0;
      }
      assert.deepEqual(got, want);
    });
  }

  it('refuses a threshold that is no severity (exit 2)', () => {
    for (const bad of ['none', 'warn', 'fatal', '']) assert.equal(run(['scan', '--fail-on', bad], dirs.get('error') ?? '.').code, 2, bad);
  });
});
