#!/usr/bin/env node
// The GitHub Action's scan step (action.yml): maps the action's inputs to a `mamori scan`
// command line, runs the CLI from the action's own checkout, and hands its exit code to the
// later steps instead of failing here, so that the SARIF is uploaded to code scanning first and
// the job fails after. Node built-ins only: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * An input as GitHub passes it to an action: `INPUT_<NAME>` with the name upper-cased and
 * spaces made underscores (a hyphen stays: `INPUT_FAIL-ON`). The underscore spelling
 * (`INPUT_FAIL_ON`) is read too, since a composite action's `env:` sets it that way.
 */
export function input(env, name) {
  const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  return (env[key] ?? env[key.replace(/-/g, '_')] ?? '').trim();
}

/** The paths input: one per line when it has several lines (names with spaces), else split at spaces. */
export function splitPaths(value) {
  const parts = value.includes('\n') ? value.split('\n') : value.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * The `mamori scan` arguments for the action's inputs: SARIF into `sarif-file`, URIs relative to
 * the repository's checkout (GITHUB_WORKSPACE) so alerts land on the right files wherever the
 * job runs, and each optional input as its flag only when given. With `history-since`, the
 * command is `mamori history --since REF` instead: every commit the ref does not reach (a pull
 * request's), so a secret added by one commit and deleted by a later one is found too.
 */
export function commandLine(env) {
  const paths = splitPaths(input(env, 'paths'));
  const since = input(env, 'history-since');
  const args = since ? ['history', ...(paths.length > 0 ? paths : ['.']), '--since', since] : ['scan', ...(paths.length > 0 ? paths : ['.'])];
  args.push('--format', 'sarif', '--output', input(env, 'sarif-file') || 'mamori.sarif');
  args.push('--fail-on', input(env, 'fail-on') || 'error');
  const optional = [
    ['config', '--config'],
    ['baseline', '--baseline'],
    ['changed-since', '--changed-since'],
    ['category', '--sarif-category'],
  ];
  for (const [name, flag] of optional) {
    const value = input(env, name);
    if (value) args.push(flag, value);
  }
  if (env.GITHUB_WORKSPACE) args.push('--root', env.GITHUB_WORKSPACE);
  return args;
}

/** Appends `name=value` lines to the step's output file (GITHUB_OUTPUT), when there is one. */
function setOutputs(env, outputs) {
  if (!env.GITHUB_OUTPUT) return;
  fs.appendFileSync(
    env.GITHUB_OUTPUT,
    Object.entries(outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
}

/** Runs the scan; returns the exit code for the action's last step. */
export function main(env = process.env) {
  const actionPath = env.GITHUB_ACTION_PATH || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const cli = path.join(actionPath, 'dist', 'cli.js');
  const args = commandLine(env);
  const sarif = path.resolve(args[args.indexOf('--output') + 1]);
  // Shown in the log as a shell would take it, for anyone reproducing the run locally.
  process.stdout.write(`mamori ${args.map((a) => (/^[\w./:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
  const code = r.status ?? 2;
  if (r.error) process.stderr.write(`mamori: could not run ${cli}: ${r.error.message}\n`);
  setOutputs(env, { 'exit-code': code, 'sarif-file': sarif, 'sarif-written': fs.existsSync(sarif) ? 'true' : 'false' });
  return code;
}

// Run as a script (not when a test imports it): never fail this step, the last one does.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
