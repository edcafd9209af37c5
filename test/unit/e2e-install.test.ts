// The end-to-end tools (Node 24, code-server) are installed by npm processes that run-e2e.sh
// starts from inside `npm test`. An npm process exports its configuration to its children as
// npm_config_* variables, and a nested npm reads them back as its own: code-server's postinstall
// then saw the outer npm's "node/v20" user agent and refused to install. These tests run the
// install helper from inside `npm run`, as `npm test` does, with the outer npm's configuration
// poisoned, and check what the nested npm's install scripts see.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const FRESH_NPM = path.join(ROOT, 'test/e2e/fresh-npm.sh');
const RUN_E2E = path.join(ROOT, 'test/e2e/run-e2e.sh');

describe('end-to-end tool installs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-fresh-npm-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A package whose install script records what an installing npm tells it, like code-server's.
  fs.mkdirSync(path.join(dir, 'dep'));
  fs.writeFileSync(
    path.join(dir, 'dep/package.json'),
    JSON.stringify({
      name: 'mamori-probe-dep',
      version: '1.0.0',
      scripts: { postinstall: 'node -e "require(\'fs\').writeFileSync(process.env.PROBE_OUT, JSON.stringify(process.env))"' },
    }),
  );
  const install = (helper: string) => `cd ../target && ${helper} install --foreground-scripts --offline --no-audit --no-fund ../dep`;
  fs.mkdirSync(path.join(dir, 'outer'));
  fs.writeFileSync(
    path.join(dir, 'outer/package.json'),
    JSON.stringify({
      name: 'outer',
      private: true,
      scripts: {
        plain: install('npm'),
        fresh: install(`bash ${JSON.stringify(FRESH_NPM)} npm_config_nodedir=/from/the/caller`),
      },
    }),
  );

  /** Runs `npm run <script>` in the outer package, as `npm test` runs run-e2e.sh; returns the dep's environment. */
  function runFromNpm(script: string): Record<string, string> {
    const target = path.join(dir, 'target');
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'package.json'), '{ "private": true }');
    const out = path.join(dir, `${script}.json`);
    fs.rmSync(out, { force: true });
    const r = spawnSync('npm', ['run', '-s', script], {
      cwd: path.join(dir, 'outer'),
      encoding: 'utf8',
      env: {
        ...process.env,
        PROBE_OUT: out,
        // What an outer npm on another Node would hand down.
        npm_config_user_agent: 'npm/0.0.0 node/v0.0.0 poisoned',
        npm_config_nodedir: '/poisoned/nodedir',
      },
    });
    assert.equal(r.status, 0, `npm run ${script} failed:\n${r.stdout}\n${r.stderr}`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, string>;
  }

  it("the hazard is real: a plain nested npm hands the caller's user agent to install scripts", () => {
    // If npm ever stops doing this, fresh-npm.sh is no longer needed, and this test says so.
    const env = runFromNpm('plain');
    assert.match(env.npm_config_user_agent ?? '', /poisoned/);
  });

  it('fresh_npm gives install scripts the user agent of the node it runs on, and only the settings it is given', () => {
    const env = runFromNpm('fresh');
    assert.doesNotMatch(env.npm_config_user_agent ?? '', /poisoned/);
    assert.match(env.npm_config_user_agent ?? '', new RegExp(`node/${process.version.replace(/\./g, '\\.')}\\b`));
    assert.equal(env.npm_config_nodedir, '/from/the/caller');
  });

  it('run-e2e.sh installs its tools only through fresh_npm', () => {
    const script = fs.readFileSync(RUN_E2E, 'utf8');
    const toolInstalls = script.split('\n').filter((line) => /npm\s+install\b/.test(line) && !/^\s*#/.test(line) && !/\blog\b/.test(line));
    assert.ok(toolInstalls.length >= 1, 'run-e2e.sh installs no tool?');
    for (const line of toolInstalls) assert.match(line, /fresh_npm\b/, `bare npm install in run-e2e.sh: ${line.trim()}`);
    // The code-server install passes its settings as assignments to fresh_npm, not as exports
    // that a later bare npm would also see.
    assert.match(script, /fresh_npm PATH="\$NODE24_DIR\/bin:\$PATH" npm_config_nodedir="\$NODE24_DIR"/);
  });

  it('run-e2e.sh installs only while it holds the cache lock, so two runs sharing a cache take turns', () => {
    const lines = fs.readFileSync(RUN_E2E, 'utf8').split('\n');
    const take = lines.findIndex((l) => /^\s*flock 9\s*$/.test(l));
    const release = lines.findIndex((l) => /^\s*flock -u 9\s*$/.test(l));
    assert.ok(take >= 0 && release > take, 'no flock 9 … flock -u 9 around the installs');
    const installs = lines.map((l, i) => [l, i] as const).filter(([l]) => /fresh_npm\b/.test(l) && !/^\s*#/.test(l) && !/^\s*(?:source|\.)\s/.test(l));
    assert.ok(installs.length >= 2);
    for (const [l, i] of installs) assert.ok(i > take && i < release, `install outside the lock: ${l.trim()}`);
  });
});
