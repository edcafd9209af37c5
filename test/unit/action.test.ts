// The GitHub Action, as far as it can be checked offline: action.yml's inputs reach the scan
// script as GitHub passes them (INPUT_*), the script maps them to the CLI's flags, runs the CLI
// against a fixture repository and hands the exit code on, the upload comes before the step
// that fails the job.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { assertBuilt } from './helpers/built';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/action-run.mjs');
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string; description: string }>;
  runs: { using: string; steps: Step[] };
}

const script = () => import(pathToFileURL(SCRIPT).href) as Promise<{ commandLine: (env: NodeJS.ProcessEnv) => string[]; splitPaths: (v: string) => string[] }>;

describe('GitHub Action', () => {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
  const steps = action.runs.steps;
  const scan = steps.find((s) => s.id === 'scan');

  it('is a composite action with the documented inputs', () => {
    assert.equal(action.runs.using, 'composite');
    for (const name of ['paths', 'config', 'baseline', 'fail-on', 'changed-since', 'history-since', 'sarif-file', 'upload'])
      assert.ok(action.inputs[name], `input ${name}`);
    assert.equal(action.inputs.upload.default, 'true');
    assert.equal(action.inputs['fail-on'].default, 'error');
  });

  it('passes every input but upload to the scan script as INPUT_*', () => {
    assert.ok(scan?.run?.includes('scripts/action-run.mjs'));
    for (const name of Object.keys(action.inputs).filter((n) => n !== 'upload')) {
      const key = `INPUT_${name.toUpperCase().replace(/-/g, '_')}`;
      assert.equal(scan?.env?.[key], `\${{ inputs.${name} }}`, key);
    }
  });

  it('uploads through GitHub’s own action, then fails the job by the exit code', () => {
    const upload = steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@v3'));
    const fail = steps.findIndex((s) => s.run?.includes('exit "$MAMORI_EXIT"'));
    const scanAt = steps.indexOf(scan!);
    assert.ok(scanAt >= 0 && scanAt < upload && upload < fail && fail === steps.length - 1, 'scan, upload, fail: in that order');
    assert.match(steps[upload].if ?? '', /inputs\.upload == 'true'/);
    assert.equal(steps[upload].with?.sarif_file, '${{ steps.scan.outputs.sarif-file }}');
    assert.match(steps[fail].if ?? '', /steps\.scan\.outputs\.exit-code != '0'/);
  });

  it('maps inputs to flags, each optional one only when given', async () => {
    const { commandLine, splitPaths } = await script();
    assert.deepEqual(commandLine({ INPUT_PATHS: '.', 'INPUT_FAIL-ON': 'error', 'INPUT_SARIF-FILE': 'mamori.sarif' }), [
      'scan',
      '.',
      '--format',
      'sarif',
      '--output',
      'mamori.sarif',
      '--fail-on',
      'error',
    ]);
    assert.deepEqual(
      commandLine({
        INPUT_PATHS: 'apps/web infra',
        INPUT_CONFIG: '.mamori.json',
        INPUT_BASELINE: '.mamori-baseline.json',
        'INPUT_FAIL-ON': 'warning',
        'INPUT_CHANGED-SINCE': 'origin/main',
        'INPUT_SARIF-FILE': 'out/m.sarif',
        INPUT_CATEGORY: 'web',
        GITHUB_WORKSPACE: '/home/runner/work/shop/shop',
      }),
      [
        'scan',
        'apps/web',
        'infra',
        '--format',
        'sarif',
        '--output',
        'out/m.sarif',
        '--fail-on',
        'warning',
        '--config',
        '.mamori.json',
        '--baseline',
        '.mamori-baseline.json',
        '--changed-since',
        'origin/main',
        '--sarif-category',
        'web',
        '--root',
        '/home/runner/work/shop/shop',
      ],
    );
    // The underscore spelling a composite action's env: uses, and empty inputs left out.
    assert.deepEqual(commandLine({ INPUT_FAIL_ON: 'info', INPUT_CONFIG: '', INPUT_PATHS: '' }), [
      'scan',
      '.',
      '--format',
      'sarif',
      '--output',
      'mamori.sarif',
      '--fail-on',
      'info',
    ]);
    assert.deepEqual(splitPaths('docs/my notes\nsrc\n'), ['docs/my notes', 'src']);
    // history-since: the commits instead of the files, with the same report flags.
    assert.deepEqual(commandLine({ INPUT_HISTORY_SINCE: 'origin/main', INPUT_CATEGORY: 'history', GITHUB_WORKSPACE: '/w' }), [
      'history',
      '.',
      '--since',
      'origin/main',
      '--format',
      'sarif',
      '--output',
      'mamori.sarif',
      '--fail-on',
      'error',
      '--sarif-category',
      'history',
      '--root',
      '/w',
    ]);
  });

  describe('the scan script against a fixture repository', () => {
    let repo: string;
    let outputs: string;
    before(() => {
      // dist/ is built once by test/run-unit.mjs before any test file starts.
      assertBuilt();
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-action-'));
      fs.mkdirSync(path.join(repo, 'apps/web'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'apps/web/.env'), `SLACK_TOKEN=${SLACK}\n`);
      fs.writeFileSync(path.join(repo, 'README.md'), '# shop\n');
      const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
      git('init', '-q');
      git('-c', 'user.name=ci', '-c', 'user.email=ci@example.jp', 'add', '.');
      git('-c', 'user.name=ci', '-c', 'user.email=ci@example.jp', 'commit', '-q', '-m', 'init');
      outputs = path.join(repo, '..', `${path.basename(repo)}-output`);
    });
    after(() => {
      fs.rmSync(repo, { recursive: true, force: true });
      fs.rmSync(outputs, { force: true });
    });

    /** Runs the script as the Scan step does: from the workspace, with GitHub's variables. */
    const step = (inputs: Record<string, string>) => {
      fs.writeFileSync(outputs, '');
      const r = spawnSync(process.execPath, [SCRIPT], {
        cwd: repo,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, GITHUB_WORKSPACE: repo, GITHUB_OUTPUT: outputs, GITHUB_ACTION_PATH: ROOT, INPUT_UPLOAD: 'true', ...inputs },
        timeout: 120_000,
      });
      const out = Object.fromEntries(
        fs
          .readFileSync(outputs, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      return { ...r, out };
    };

    it('writes the SARIF, relative to the workspace, and hands exit code 1 to the last step without failing itself', () => {
      const r = step({ INPUT_PATHS: 'apps/web', INPUT_FAIL_ON: 'error', INPUT_SARIF_FILE: 'mamori.sarif' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.out['exit-code'], '1');
      assert.equal(r.out['sarif-written'], 'true');
      assert.equal(r.out['sarif-file'], path.join(repo, 'mamori.sarif'));
      const sarif = fs.readFileSync(r.out['sarif-file'], 'utf8');
      assert.ok(!sarif.includes(SLACK));
      const result = (
        JSON.parse(sarif) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }
      ).runs[0].results[0];
      assert.equal(result.ruleId, 'secret/slack-token');
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'apps/web/.env');
      assert.match(r.stdout, /^mamori scan apps\/web --format sarif --output mamori\.sarif --fail-on error --root /m);
    });

    it('hands on 0 for a clean path, and 2 with no SARIF for a wrong input', () => {
      const clean = step({ INPUT_PATHS: 'README.md', INPUT_SARIF_FILE: 'clean.sarif' });
      assert.equal(clean.out['exit-code'], '0');
      assert.equal(clean.out['sarif-written'], 'true');
      const wrong = step({ INPUT_PATHS: '.', INPUT_FAIL_ON: 'fatal', INPUT_SARIF_FILE: 'wrong.sarif' });
      assert.equal(wrong.status, 0);
      assert.equal(wrong.out['exit-code'], '2');
      assert.equal(wrong.out['sarif-written'], 'false');
      assert.match(wrong.stderr, /--fail-on/);
    });

    it('with history-since, finds a secret that a later commit deleted, which the files no longer show', () => {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.jp', ...args], { cwd: repo, encoding: 'utf8' }).trim();
      const base = git('rev-parse', 'HEAD');
      const github = ['ghp', 'R7tW5yZ1cB4aK8mP2xQ9vL3nR7tW5yZ1cB4x'].join('_');
      fs.writeFileSync(path.join(repo, 'leak.env'), `GITHUB_TOKEN=${github}\n`);
      git('add', 'leak.env');
      git('commit', '-q', '-m', 'add a token');
      const added = git('rev-parse', 'HEAD');
      git('rm', '-q', 'leak.env');
      git('commit', '-q', '-m', 'remove it again');
      const files = step({ INPUT_CHANGED_SINCE: base, INPUT_SARIF_FILE: 'files.sarif' });
      assert.equal(files.out['exit-code'], '0', files.stderr);
      const commits = step({ INPUT_HISTORY_SINCE: base, INPUT_SARIF_FILE: 'commits.sarif' });
      assert.equal(commits.out['exit-code'], '1', commits.stderr);
      const sarif = fs.readFileSync(commits.out['sarif-file'], 'utf8');
      assert.ok(!sarif.includes(github));
      const results = (JSON.parse(sarif) as { runs: { results: { ruleId: string; properties?: { commit?: string } }[] }[] }).runs[0].results;
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.properties?.commit]),
        [['secret/github-token', added]],
      );
      assert.match(commits.stdout, /^mamori history \. --since [0-9a-f]{40} --format sarif/m);
    });
  });
});
