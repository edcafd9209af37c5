// The CLI's SARIF checked by Microsoft's own validator (@microsoft/sarif-multitool, a .NET
// self-contained binary per platform) under its three rule sets: the SARIF specification's,
// GitHub code scanning's and Azure DevOps Advanced Security's. 0 errors and 0 warnings each.
// Also: --root, the stable rule list and the fingerprints, from the real bundled CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBuilt } from '../helpers/built';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLE = path.join(ROOT, 'test/fixtures/sample-project');

/** The validator's binary for this platform, or why there is none. */
function validatorBinary(): string | Error {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package exports the binary's path
    const bin = require('@microsoft/sarif-multitool') as string;
    fs.accessSync(bin, fs.constants.X_OK);
    return bin;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
const VALIDATOR = validatorBinary();

type Level = 'error' | 'warning' | 'note' | 'none';
interface ValidatorRun {
  results: { ruleId: string; level?: Level; message: { id?: string; text?: string; arguments?: string[] } }[];
}

/** Runs `sarif-multitool validate` on a file with the given rule kinds; returns its findings. */
function validate(file: string, ruleKind: string): ValidatorRun['results'] {
  assert.ok(typeof VALIDATOR === 'string');
  const out = `${file}.${ruleKind.replace(/\W/g, '')}.validation.sarif`;
  fs.rmSync(out, { force: true });
  // Called directly, not through its npm bin: that one runs through a shell, and `;` in a rule
  // kind list would end the command there.
  const r = spawnSync(VALIDATOR, ['validate', '--rule-kind', ruleKind, '--level', 'Error;Warning;Note', '--output', out, file], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 120_000,
  });
  assert.ok(fs.existsSync(out), `the validator wrote no log (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  return (JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: ValidatorRun[] }).runs[0].results;
}

/** The validator's errors and warnings, readable. */
function problems(results: ValidatorRun['results']): string[] {
  return results
    .filter((x) => x.level === 'error' || x.level === 'warning' || x.level === undefined)
    .map((x) => `${x.ruleId} ${x.level ?? 'warning'}: ${x.message.id ?? ''} ${(x.message.arguments ?? []).join(' | ')}`);
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Variables Azure Pipelines sets in every job (values of a made-up pipeline). */
const AZURE_ENV = {
  TF_BUILD: 'True',
  SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
  SYSTEM_TEAMPROJECT: 'shop',
  SYSTEM_DEFINITIONID: '42',
  BUILD_DEFINITIONNAME: 'shop-ci',
  SYSTEM_PHASEID: '4c1e6d0a-7b5e-4a8e-9c3f-0d2b1a6e8f10',
  SYSTEM_PHASENAME: 'Scan',
  BUILD_SOURCEBRANCH: 'refs/heads/main',
  BUILD_BUILDID: '1234',
};

describe('SARIF that code scanning trusts', () => {
  let dir: string;
  before(() => {
    // dist/ is built once by test/run-unit.mjs before any test file starts.
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-sarif-'));
    // A monorepo: the project under apps/shop, the job run from there.
    fs.cpSync(SAMPLE, path.join(dir, 'apps/shop'), { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [kind, env] of [
    ['Sarif', {}],
    ['Gh', {}],
    ['Ado', AZURE_ENV],
  ] as const) {
    it(`passes Microsoft's validator with 0 errors and 0 warnings under the ${kind} rule set`, (t) => {
      if (typeof VALIDATOR !== 'string') return t.skip(`no sarif-multitool binary for ${process.platform}-${process.arch}: ${VALIDATOR.message}`);
      const file = path.join(dir, `mamori-${kind}.sarif`);
      const r = run(['scan', '.', '--format', 'sarif', '--output', file, '--root', '../..'], path.join(dir, 'apps/shop'), env);
      assert.equal(r.code, 1, r.stderr);
      const results = validate(file, kind);
      assert.deepEqual(problems(results), []);
    });
  }

  it('the validator does report a log that lacks what Azure DevOps needs (the check can fail)', (t) => {
    if (typeof VALIDATOR !== 'string') return t.skip(`no sarif-multitool binary: ${VALIDATOR.message}`);
    const file = path.join(dir, 'plain.sarif');
    assert.equal(run(['scan', '.', '--format', 'sarif', '--output', file], path.join(dir, 'apps/shop')).code, 1);
    assert.ok(
      problems(validate(file, 'Ado')).some((p) => p.startsWith('GHAzDO')),
      'outside Azure Pipelines the run has no pipeline details',
    );
  });

  it('--root makes URIs relative to the given folder, every rule listed and indexed right', () => {
    const r = run(['scan', '.', '--format', 'sarif', '--root', '../..', '--jobs', '0'], path.join(dir, 'apps/shop'));
    assert.equal(r.code, 1, r.stderr);
    const s = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[];
      }[];
    };
    const [runObj] = s.runs;
    assert.equal(runObj.originalUriBaseIds['%SRCROOT%'].uri, `${new URL(`file://${fs.realpathSync(dir)}/`).href}`);
    assert.ok(runObj.results.length > 0);
    for (const res of runObj.results) {
      assert.equal(runObj.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      const loc = res.locations[0].physicalLocation.artifactLocation;
      assert.equal(loc.uriBaseId, '%SRCROOT%');
      assert.match(loc.uri, /^apps\/shop\//);
    }
    const rulesOut = run(['rules'], dir);
    const listed = rulesOut.stdout.match(/^\| `[^`]+`/gm)?.length ?? 0;
    assert.equal(runObj.tool.driver.rules.length, listed, 'every rule, not only those that fired');
    assert.ok(listed > 100);
  });

  it('refuses a --root that is not a folder', () => {
    const r = run(['scan', '.', '--root', 'no-such-folder'], path.join(dir, 'apps/shop'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--root/);
  });
});
