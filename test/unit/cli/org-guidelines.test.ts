// The organisation's own guideline entries in .mamori.json reach the reports beside the official
// ones, labelled as the organisation's; Restricted Mode drops them with the other links.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseProjectConfig, restrictProjectConfig } from '../../../src/core/project-config';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');
const made: string[] = [];

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-org-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const CONFIG = JSON.stringify({
  guidelines: [
    {
      id: 'isms-a-5-17',
      title: { en: 'Internal standard 4.2: secrets', ja: '社内基準 4.2 秘密情報' },
      url: 'https://intra.example.jp/std/4-2',
      appliesTo: ['secret'],
    },
  ],
});

describe('organisation guidelines from .mamori.json', () => {
  after(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  it('appear beside the official guidelines of the rules they name, in JSON and Markdown', () => {
    const dir = project({ '.mamori.json': CONFIG, '.env': `SLACK_TOKEN=${SLACK}\n` });
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const f = (JSON.parse(r.stdout) as { findings: { ruleId: string; guidelines: { id: string; url?: string }[] }[] }).findings.find(
      (x) => x.ruleId === 'secret/slack-token',
    );
    assert.ok(f, r.stdout);
    const ids = f.guidelines.map((g) => g.id);
    assert.ok(ids.includes('org:isms-a-5-17'), ids.join(', '));
    assert.ok(ids.indexOf('org:isms-a-5-17') > 0, 'the official guideline stays first');
    const md = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'markdown', '--lang', 'ja'], { cwd: dir, encoding: 'utf8' });
    assert.match(md.stdout, /社内基準 4\.2 秘密情報/);
    assert.ok(!md.stdout.includes(SLACK) && !r.stdout.includes(SLACK));
  });

  it('are not applied without the file, and a broken entry is a warning, not a failure', () => {
    const dir = project({ '.mamori.json': JSON.stringify({ guidelines: [{ title: 'no id' }] }), '.env': `SLACK_TOKEN=${SLACK}\n` });
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /guidelines\[0\]/);
    assert.ok(!r.stdout.includes('org:'));
  });

  it('are dropped in Restricted Mode with the other links', () => {
    const { config } = parseProjectConfig(CONFIG);
    assert.equal(config.guidelines?.length, 1);
    const restricted = restrictProjectConfig(config);
    assert.equal(restricted.config.guidelines, undefined);
    assert.ok(restricted.ignored.includes('guidelines'));
  });
});
