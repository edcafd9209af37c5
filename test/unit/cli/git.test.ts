// Git-aware scanning, checked against the real bundled CLI on real repositories made in temp
// folders: git's file set, --no-git, --staged, --changed-since, history, and the messages when
// git is missing or the folder is not a repository.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBuilt } from '../helpers/built';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SLACK = ['xoxb', '2948573910', '4827361920', 'aK8mP2xQ9vL3nR7tW5yZ1cB4'].join('-');
const GITHUB = ['ghp', 'R7tW5yZ1cB4aK8mP2xQ9vL3nR7tW5yZ1cB4x'].join('_');

/** Every folder made, removed when the suite ends. */
const made: string[] = [];
let home: string;

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** An environment in which git reads no system or user configuration but its own temp HOME. */
function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.jp',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.jp',
    ...extra,
  };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8' }).trim();
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** A new repository on branch main, with user settings in its own config. */
function repo(): string {
  const dir = tempDir('mamori-git-');
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.jp');
  return dir;
}

function commit(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertNoSecret(...outputs: string[]) {
  for (const o of outputs) {
    assert.ok(!o.includes(SLACK), 'Slack token printed in full');
    assert.ok(!o.includes(GITHUB), 'GitHub token printed in full');
  }
}

type JsonFinding = { ruleId: string; path: string; line: number; commit?: string; commitDate?: string; inHead?: boolean; excerpt?: string };
type JsonReport = { findings: JsonFinding[]; skipped: { path: string; reason: string }[] };

describe('mamori and git', () => {
  before(() => {
    execFileSync('git', ['--version']);
    home = tempDir('mamori-git-home-');
    // dist/ is built once by test/run-unit.mjs before any test file starts.
    assertBuilt();
  });
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('scan: git file set', () => {
    let dir: string;
    before(() => {
      dir = repo();
      write(dir, { '.env': `SLACK_TOKEN=${SLACK}\n`, 'src/app.js': 'console.log(1);\n', 'gone.txt': 'bye\n' });
      commit(dir, 'first');
      // Listed in .gitignore after it was committed: still in the repository.
      write(dir, { '.gitignore': '.env\nbuild/\n', 'build/out.js': `const t = "${GITHUB}";\n`, 'notes.txt': 'untracked, not ignored\n' });
      fs.symlinkSync('src/app.js', path.join(dir, 'link.js'));
      git(dir, 'add', '.gitignore', 'link.js');
      git(dir, 'commit', '-q', '-m', 'ignore .env');
      fs.rmSync(path.join(dir, 'gone.txt'));
      // A repository inside this one (as a submodule's folder is): git lists the folder only.
      const nested = path.join(dir, 'vendor/lib');
      fs.mkdirSync(nested, { recursive: true });
      git(nested, 'init', '-q', '-b', 'main');
      write(nested, { 'key.env': `SLACK_TOKEN=${SLACK}\n` });
      commit(nested, 'nested');
    });

    it('reports a committed .env that .gitignore now lists, and skips ignored untracked files', () => {
      const r = run(['scan', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      assertNoSecret(r.stdout, r.stderr);
      const j = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(
        j.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`),
        ['.env:1 secret/slack-token'],
      );
      // The tracked link and the tracked file deleted from the work tree are said, with why.
      const skipped = Object.fromEntries(j.skipped.map((s) => [s.path, s.reason]));
      assert.equal(skipped['link.js'], 'symlink');
      assert.equal(skipped['gone.txt'], 'deleted');
      assert.equal(skipped['vendor/lib'], 'submodule');
    });

    it('counts untracked files that are not ignored, and says why each file was skipped', () => {
      const r = run(['scan'], dir);
      // .env, .gitignore, src/app.js, notes.txt
      assert.match(r.stdout, /Scanned 4 file\(s\): 1 error\(s\), 0 warning\(s\), 0 info, 3 skipped/);
      assert.match(r.stdout, /vendor\/lib {2}skipped {2}submodule or nested repository/);
      assert.match(r.stdout, /link\.js {2}skipped {2}symbolic link in git/);
      assert.match(r.stdout, /gone\.txt {2}skipped {2}tracked by git but deleted from the working tree/);
    });

    it('--no-git walks the folder as before: .gitignore hides the .env', () => {
      const r = run(['scan', '--no-git', '--format', 'json'], dir);
      const j = JSON.parse(r.stdout) as JsonReport;
      // The walker enters the nested repository's folder, and never sees the ignored .env.
      assert.deepEqual(
        j.findings.map((f) => f.path),
        ['vendor/lib/key.env'],
      );
      const text = run(['scan', '--no-git'], dir);
      // .gitignore, link.js (the walker follows a link inside the folder), notes.txt, src/app.js, vendor/lib/key.env
      assert.match(text.stdout, /Scanned 5 file\(s\): 1 error\(s\)/);
    });

    it("honours --exclude and .mamoriignore on git's list", () => {
      write(dir, { '.mamoriignore': '.env\n' });
      try {
        const r = run(['scan', '--format', 'json'], dir);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual((JSON.parse(r.stdout) as JsonReport).findings, []);
      } finally {
        fs.rmSync(path.join(dir, '.mamoriignore'));
      }
      const r = run(['scan', '--format', 'json', '--exclude', '*.env'], dir);
      assert.equal(r.code, 0, r.stderr);
    });

    it('scans a sub-folder of the repository as git lists it', () => {
      write(dir, { 'src/.env.local': `SLACK_TOKEN=${SLACK}\n` });
      fs.appendFileSync(path.join(dir, '.gitignore'), '.env.local\n');
      try {
        const r = run(['scan', 'src', '--format', 'json'], dir);
        // Ignored and untracked: not scanned.
        assert.equal(r.code, 0, r.stderr);
        git(dir, 'add', '-f', 'src/.env.local');
        const tracked = run(['scan', 'src', '--format', 'json'], dir);
        assert.equal(tracked.code, 1, tracked.stderr);
        assert.deepEqual(
          (JSON.parse(tracked.stdout) as JsonReport).findings.map((f) => f.path),
          ['src/.env.local'],
        );
      } finally {
        git(dir, 'rm', '-q', '--cached', 'src/.env.local');
        fs.rmSync(path.join(dir, 'src/.env.local'));
        git(dir, 'checkout', '-q', '--', '.gitignore');
      }
    });
  });

  describe('scan --staged', () => {
    it('scans the staged copy, not the work tree, and points at its line', () => {
      const dir = repo();
      write(dir, { 'README.md': '# app\n' });
      commit(dir, 'first');
      write(dir, { 'config/app.yml': `name: app\nlevel: 1\ntoken: ${SLACK}\n` });
      git(dir, 'add', 'config/app.yml');
      // Edited away in the work tree after staging: the commit would still hold the secret.
      write(dir, { 'config/app.yml': 'name: app\n', 'other.env': `SLACK_TOKEN=${SLACK}\n` });
      const r = run(['scan', '--staged', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      assertNoSecret(r.stdout, r.stderr);
      const j = JSON.parse(r.stdout) as JsonReport;
      // other.env is not staged: not scanned.
      assert.deepEqual(
        j.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`),
        ['config/app.yml:3 secret/slack-token'],
      );
      // The work tree alone has no secret in config/app.yml.
      const tree = run(['scan', 'config', '--format', 'json'], dir);
      assert.equal(tree.code, 0, tree.stderr);
      // Nothing staged after the commit.
      git(dir, 'commit', '-q', '-m', 'config');
      const none = run(['scan', '--staged'], dir);
      assert.equal(none.code, 0, none.stderr);
      assert.match(none.stdout, /Scanned 0 file\(s\)/);
    });
  });

  describe('scan --changed-since', () => {
    it('on a branch, reports only the files changed since the merge base', () => {
      const dir = repo();
      write(dir, { 'old.env': `SLACK_TOKEN=${SLACK}\n`, 'app.js': 'console.log(1);\n' });
      commit(dir, 'main');
      git(dir, 'checkout', '-q', '-b', 'feature');
      write(dir, { 'new.yml': `token: ${GITHUB}\n` });
      commit(dir, 'feature');
      // main moves on: its later files are not the branch's changes.
      git(dir, 'checkout', '-q', 'main');
      write(dir, { 'later.env': `SLACK_TOKEN=${SLACK}\n` });
      commit(dir, 'main later');
      git(dir, 'checkout', '-q', 'feature');
      const r = run(['scan', '--changed-since', 'main', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      assertNoSecret(r.stdout, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.path),
        ['new.yml'],
      );
      // An edit in the work tree counts as a change too.
      write(dir, { 'app.js': `const token = "${GITHUB}";\n` });
      const edited = run(['scan', '--changed-since', 'main', '--format', 'json'], dir);
      assert.deepEqual((JSON.parse(edited.stdout) as JsonReport).findings.map((f) => f.path).sort(), ['app.js', 'new.yml']);
      const bad = run(['scan', '--changed-since', 'no-such-branch'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /"no-such-branch" names no commit/);
    });
  });

  describe('history', () => {
    let dir: string;
    let added: string;
    before(() => {
      dir = repo();
      write(dir, { 'app.js': 'console.log(1);\n' });
      commit(dir, 'first');
      write(dir, { 'deploy/.env': `SLACK_TOKEN=${SLACK}\n` });
      added = commit(dir, 'add env');
      fs.rmSync(path.join(dir, 'deploy/.env'));
      commit(dir, 'remove env');
      write(dir, { 'kept.yml': `token: ${GITHUB}\n` });
      commit(dir, 'kept');
    });

    it('reports a secret committed then deleted, with its commit and "not in HEAD"', () => {
      const r = run(['history'], dir);
      assert.equal(r.code, 1, r.stderr);
      assertNoSecret(r.stdout, r.stderr);
      assert.match(
        r.stdout,
        new RegExp(`^deploy/\\.env:1:13 {2}error {2}secret/slack-token .*\\n {4}↳ commit ${added.slice(0, 7)} \\(\\d{4}-\\d{2}-\\d{2}\\), not in HEAD`, 'm'),
      );
      assert.match(r.stdout, /^kept\.yml:1:\d+ .*\n {4}↳ commit [0-9a-f]{7} \(.*\), still in HEAD/m);
      assert.match(r.stderr, /4 commit\(s\) read, 3 unique blob\(s\) scanned/);
      // The summary counts what history scans: unique file versions, from commits.
      assert.match(r.stdout, /Scanned 3 unique file version\(s\) from 4 commit\(s\): 2 error\(s\)/);
      const ja = run(['history', '--lang', 'ja'], dir);
      assert.match(ja.stdout, /履歴 4 コミットの異なるファイル内容 3 件をスキャン: 重大 2 件/);
      assert.match(ja.stdout, new RegExp(`コミット ${added.slice(0, 7)}（\\d{4}-\\d{2}-\\d{2}）、HEAD にはありません`));
    });

    it('refuses to write a baseline from part of the project (history, --staged, --changed-since)', () => {
      for (const args of [['history'], ['scan', '--staged'], ['scan', '--changed-since', 'HEAD~1']]) {
        const r = run([...args, '--write-baseline', path.join(dir, '..', `partial-${args.length}.json`)], dir);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /--write-baseline records a scan of the whole project/);
        assert.ok(!fs.existsSync(path.join(dir, '..', `partial-${args.length}.json`)));
      }
    });

    it("names the commit in JSON and SARIF, and SARIF carries the run's revision", () => {
      const j = JSON.parse(run(['history', '--format', 'json'], dir).stdout) as JsonReport;
      const env = j.findings.find((f) => f.path === 'deploy/.env');
      assert.ok(env);
      assert.equal(env.commit, added);
      assert.equal(env.inHead, false);
      assert.match(env.commitDate ?? '', /^\d{4}-\d{2}-\d{2}T/);
      const sarifRun = run(['history', '--format', 'sarif'], dir);
      assertNoSecret(sarifRun.stdout);
      const s = JSON.parse(sarifRun.stdout) as {
        runs: {
          versionControlProvenance: { repositoryUri: string; revisionId: string; branch: string }[];
          results: { properties: { commit: string; inHead: boolean } }[];
        }[];
      };
      const [vcp] = s.runs[0].versionControlProvenance;
      assert.equal(vcp.revisionId, git(dir, 'rev-parse', 'HEAD'));
      assert.equal(vcp.branch, 'main');
      assert.ok(vcp.repositoryUri.startsWith('file://'));
      assert.ok(s.runs[0].results.some((x) => x.properties.commit === added && x.properties.inHead === false));
      for (const format of ['markdown', 'html']) {
        const out = run(['history', '--format', format], dir);
        assert.equal(out.code, 1);
        assertNoSecret(out.stdout);
        assert.ok(out.stdout.includes(added.slice(0, 7)), `${format} names the commit`);
      }
    });

    it('--since a ref scans only later commits; a path limits it', () => {
      const r = run(['history', '--since', added, '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.path),
        ['kept.yml'],
      );
      const limited = run(['history', 'deploy', '--format', 'json'], dir);
      assert.deepEqual(
        (JSON.parse(limited.stdout) as JsonReport).findings.map((f) => f.path),
        ['deploy/.env'],
      );
      const future = run(['history', '--since', '2099-01-01'], dir);
      assert.equal(future.code, 0, future.stderr);
    });

    it('--all reads branches HEAD does not reach', () => {
      git(dir, 'checkout', '-q', '-b', 'side');
      // (Not the content of deploy/.env: that blob is scanned once, where it came first.)
      write(dir, { 'side.env': `SIDE_SLACK_TOKEN=${SLACK}\n` });
      commit(dir, 'side');
      git(dir, 'checkout', '-q', 'main');
      const head = JSON.parse(run(['history', '--format', 'json'], dir).stdout) as JsonReport;
      assert.ok(!head.findings.some((f) => f.path === 'side.env'));
      const all = JSON.parse(run(['history', '--all', '--format', 'json'], dir).stdout) as JsonReport;
      assert.ok(all.findings.some((f) => f.path === 'side.env'));
    });

    it('says when the clone is shallow', () => {
      const shallow = path.join(tempDir('mamori-shallow-'), 'clone');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow], { env: gitEnv() });
      const r = run(['history'], shallow);
      assert.match(r.stderr, /this clone is shallow/);
      assert.ok(!/shallow/.test(run(['history'], dir).stderr));
    });

    it('scans a blob held by 50 commits and paths once', () => {
      const many = repo();
      // Built with git fast-import: 50 commits, each adding the same content at a new path.
      const content = `SLACK_TOKEN=${SLACK}\n`;
      let stream = `blob\nmark :1\ndata ${Buffer.byteLength(content)}\n${content}\n`;
      for (let i = 0; i < 50; i++) {
        const message = `copy ${i}`;
        stream += `commit refs/heads/main\ncommitter Test <test@example.jp> ${1700000000 + i * 60} +0900\ndata ${message.length}\n${message}\n`;
        stream += `M 100644 :1 env/copy-${String(i).padStart(2, '0')}.env\n\n`;
      }
      execFileSync('git', ['fast-import', '--quiet'], { cwd: many, env: gitEnv(), input: stream });
      git(many, 'reset', '-q', '--hard', 'main');
      const r = run(['history', '--format', 'json'], many);
      assert.equal(r.code, 1, r.stderr);
      const j = JSON.parse(r.stdout) as JsonReport;
      assert.equal(j.findings.length, 1);
      assert.equal(j.findings[0].path, 'env/copy-00.env');
      assert.equal(j.findings[0].inHead, true);
      assert.match(r.stderr, /50 commit\(s\) read, 1 unique blob\(s\) scanned/);
    });

    it('lists a finding once, with the commit that brought it in; a value changed on its line is a new finding', () => {
      const d = repo();
      const rotated = SLACK.replace(/.{4}$/, 'Qz9x');
      write(d, { 'app.env': `SLACK_TOKEN=${SLACK}\nDEBUG=0\n` });
      const introduced = commit(d, 'token');
      // Two later versions that change other lines: the token's line is the same line.
      write(d, { 'app.env': `# settings\nSLACK_TOKEN=${SLACK}\nDEBUG=0\n` });
      commit(d, 'comment');
      write(d, { 'app.env': `# settings\nSLACK_TOKEN=${SLACK}\nDEBUG=1\n` });
      commit(d, 'debug');
      const first = run(['history', '--format', 'json'], d);
      assert.equal(first.code, 1, first.stderr);
      const once = (JSON.parse(first.stdout) as JsonReport).findings.filter((f) => f.ruleId === 'secret/slack-token');
      assert.equal(once.length, 1, JSON.stringify(once));
      assert.equal(once[0].commit, introduced);
      // HEAD's version still has the line: the finding listed is still in HEAD.
      assert.equal(once[0].inHead, true);
      assert.match(first.stderr, /2 finding\(s\) still unchanged in later versions of their file are listed once/);
      assert.match(run(['history', '--lang', 'ja'], d).stderr, /後の版でも同じ行のまま残っていた検出 2 件/);

      // The key replaced in place: a second secret, listed with its own commit; the first one is
      // no longer in HEAD.
      write(d, { 'app.env': `# settings\nSLACK_TOKEN=${rotated}\nDEBUG=1\n` });
      const replaced = commit(d, 'rotate');
      const second = (JSON.parse(run(['history', '--format', 'json'], d).stdout) as JsonReport).findings.filter((f) => f.ruleId === 'secret/slack-token');
      assert.deepEqual(
        second.map((f) => [f.commit, f.inHead]),
        [
          [introduced, false],
          [replaced, true],
        ],
      );
      assertNoSecret(first.stdout, first.stderr);
      assert.ok(!JSON.stringify(second).includes(rotated));
    });

    it('a finding on an unchanged line that another line brought about is new where that line changed', () => {
      const d = repo();
      const group = (port: number) =>
        [
          'resource "aws_security_group" "db" {',
          '  ingress {',
          `    from_port   = ${port}`,
          `    to_port     = ${port}`,
          '    protocol    = "tcp"',
          '    cidr_blocks = ["0.0.0.0/0"]',
          '  }',
          '}',
          '',
        ].join('\n');
      write(d, { 'main.tf': group(443) });
      commit(d, 'https');
      const opened = (JSON.parse(run(['history', '--format', 'json'], d).stdout) as JsonReport).findings;
      assert.ok(!opened.some((f) => f.path === 'main.tf' && /0\.0\.0\.0/.test(f.excerpt ?? '')), JSON.stringify(opened));
      write(d, { 'main.tf': group(5432) });
      const db = commit(d, 'database port');
      const r = run(['history', '--format', 'json'], d);
      const found = (JSON.parse(r.stdout) as JsonReport).findings.filter((f) => f.path === 'main.tf' && f.ruleId.startsWith('exposure/'));
      assert.ok(found.length > 0, r.stdout);
      for (const f of found) assert.equal(f.commit, db, `${f.ruleId} names the commit that opened the port`);
    });

    it('--since lists only findings that came in within the range, with or without a cache', () => {
      const d = repo();
      write(d, { 'app.env': `SLACK_TOKEN=${SLACK}\nDEBUG=0\n` });
      const base = commit(d, 'token before the range');
      // In the range: an unrelated line edited beside the old token, and a new token added.
      write(d, { 'app.env': `SLACK_TOKEN=${SLACK}\nDEBUG=1\nGITHUB_TOKEN=${GITHUB}\n` });
      const added = commit(d, 'new token');
      write(d, { 'app.env': `# settings\nSLACK_TOKEN=${SLACK}\nDEBUG=1\nGITHUB_TOKEN=${GITHUB}\n` });
      commit(d, 'comment');
      const listed = (r: ReturnType<typeof run>) =>
        (JSON.parse(r.stdout) as JsonReport).findings.filter((f) => f.ruleId.startsWith('secret/')).map((f) => [f.ruleId, f.commit, f.inHead]);
      const want = [['secret/github-token', added, true]];
      const since = run(['history', '--since', base, '--format', 'json'], d);
      assert.equal(since.code, 1, since.stderr);
      assert.deepEqual(listed(since), want);
      assert.match(since.stderr, /1 finding\(s\) were already there before the scanned range and are not listed/);
      assert.match(run(['history', '--since', base, '--lang', 'ja'], d).stderr, /スキャンした範囲より前から同じ行にあった検出 1 件/);
      // The whole history still lists the old token, with its own commit.
      assert.deepEqual(listed(run(['history', '--format', 'json'], d)), [['secret/slack-token', base, true], ...want]);
      // A cache written by a run of the whole history does not say what the version before the
      // range had: that blob is scanned again, and the result is the same.
      const cache = path.join(tempDir('mamori-since-cache-'), 'history.json');
      run(['history', '--cache', cache, '--format', 'json'], d);
      assert.deepEqual(listed(run(['history', '--since', base, '--cache', cache, '--format', 'json'], d)), want);
      assert.deepEqual(listed(run(['history', '--since', base, '--cache', cache, '--format', 'json'], d)), want);
      assertNoSecret(since.stdout, since.stderr);
    });
  });

  describe('history: the same findings as scan, and --cache', () => {
    /** A finding without what only history adds (its commit), for comparing with a scan's. */
    const bare = (f: JsonFinding) => {
      const rest: Partial<JsonFinding> = { ...f };
      delete rest.commit;
      delete rest.commitDate;
      delete rest.inHead;
      return JSON.stringify(rest);
    };

    it("finds in the blobs exactly what scan finds in the same files (every rule's fixtures)", () => {
      const dir = repo();
      // Every rule's cases and the other fixtures: secrets, exposures, personal data and password
      // policies in every format, with binaries and files over the size limit among them.
      fs.cpSync(path.join(ROOT, 'test/fixtures'), path.join(dir, 'fixtures'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'test/rules'), path.join(dir, 'rules'), { recursive: true });
      // History scans each blob once, at one of the paths that hold it: files with the same
      // content as one before them (in path order) are left out, so that scan sees each once too.
      const seen = new Set<string>();
      const walk = (d: string): string[] =>
        fs
          .readdirSync(d, { withFileTypes: true })
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
          .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      for (const f of walk(dir).filter((f) => !f.includes(`${path.sep}.git${path.sep}`))) {
        const content = fs.readFileSync(f).toString('base64');
        if (seen.has(content)) fs.rmSync(f);
        else seen.add(content);
      }
      commit(dir, 'fixtures');
      const scan = run(['scan', '--format', 'json'], dir);
      const history = run(['history', '--format', 'json'], dir);
      assert.equal(history.code, scan.code, history.stderr);
      const s = JSON.parse(scan.stdout) as JsonReport;
      const h = JSON.parse(history.stdout) as JsonReport;
      assert.ok(s.findings.length > 100, `the fixtures give findings (${s.findings.length})`);
      assert.deepEqual(h.findings.map(bare).sort(), s.findings.map(bare).sort());
      // Scanned in the main thread (no worker threads): the same, and the process ends.
      const single = run(['history', '--format', 'json', '--jobs', '0'], dir);
      assert.deepEqual((JSON.parse(single.stdout) as JsonReport).findings.map(bare).sort(), s.findings.map(bare).sort());
      // The same files left out, for the same reasons (history names them with their commit).
      assert.deepEqual(h.skipped.map((x) => `${x.path.replace(/@[0-9a-f]{7}$/, '')} ${x.reason}`).sort(), s.skipped.map((x) => `${x.path} ${x.reason}`).sort());
    });

    it('--cache: a second run reads only new blobs; another configuration or a bad file starts afresh', () => {
      const dir = repo();
      write(dir, { 'a.env': `SLACK_TOKEN=${SLACK}\n`, 'b.yml': `token: ${GITHUB}\n` });
      commit(dir, 'first');
      const cache = path.join(tempDir('mamori-hcache-'), 'history-cache.json');
      const first = run(['history', '--cache', cache, '--format', 'json'], dir);
      assert.equal(first.code, 1, first.stderr);
      const firstReport = JSON.parse(first.stdout) as JsonReport;
      assert.deepEqual(firstReport.findings.map((f) => f.path).sort(), ['a.env', 'b.yml']);
      const written = fs.readFileSync(cache, 'utf8');
      assertNoSecret(written);
      // Unchanged history: the same report from the cache.
      const again = run(['history', '--cache', cache, '--format', 'json'], dir);
      assert.deepEqual(JSON.parse(again.stdout), firstReport);
      // The cache is what the second run used: an entry emptied by hand is not scanned again.
      const data = JSON.parse(written) as { key: string; blobs: Record<string, unknown> };
      const aKey = Object.keys(data.blobs).find((k) => k.endsWith(' a.env'));
      assert.ok(aKey);
      data.blobs[aKey] = {};
      fs.writeFileSync(cache, JSON.stringify(data));
      const emptied = JSON.parse(run(['history', '--cache', cache, '--format', 'json'], dir).stdout) as JsonReport;
      assert.deepEqual(
        emptied.findings.map((f) => f.path),
        ['b.yml'],
      );
      // A new commit: its blob is scanned, the others still come from the cache.
      write(dir, { 'c.env': `OTHER_SLACK_TOKEN=${SLACK}\n` });
      commit(dir, 'second');
      const next = JSON.parse(run(['history', '--cache', cache, '--format', 'json'], dir).stdout) as JsonReport;
      assert.deepEqual(next.findings.map((f) => f.path).sort(), ['b.yml', 'c.env']);
      // Another configuration is another cache: everything is scanned again.
      write(dir, { '.mamori.json': '{ "rules": { "secret/github-token": "warning" } }\n' });
      const configured = JSON.parse(run(['history', '--cache', cache, '--format', 'json'], dir).stdout) as JsonReport;
      assert.deepEqual(configured.findings.map((f) => f.path).sort(), ['a.env', 'b.yml', 'c.env']);
      // A file that is not a history cache is ignored with a warning, and written afresh.
      fs.writeFileSync(cache, '{"key": 1}');
      const bad = run(['history', '--cache', cache, '--format', 'json'], dir);
      assert.match(bad.stderr, /is not a Mamori history cache; it is ignored and written afresh/);
      assert.equal((JSON.parse(bad.stdout) as JsonReport).findings.length, 3);
      assert.equal((JSON.parse(fs.readFileSync(cache, 'utf8')) as { blobs: object }).blobs !== undefined, true);
    });
  });

  describe('without git, or outside a repository', () => {
    it('says that the folder is not a repository (en and ja), exit 2', () => {
      const plain = tempDir('mamori-nogit-');
      write(plain, { 'a.txt': 'hello\n' });
      const h = run(['history'], plain);
      assert.equal(h.code, 2);
      assert.match(h.stderr, /is not inside a git repository/);
      const ja = run(['scan', '--staged', '--lang', 'ja'], plain);
      assert.equal(ja.code, 2);
      assert.match(ja.stderr, /git リポジトリの中にありません/);
      // A plain scan of a folder outside git walks it as before.
      const scan = run(['scan'], plain);
      assert.equal(scan.code, 0, scan.stderr);
      assert.match(scan.stdout, /Scanned 1 file/);
    });

    it('says that git is missing: history fails (exit 2), scan walks the folder and warns', () => {
      const dir = repo();
      write(dir, { '.env': `SLACK_TOKEN=${SLACK}\n`, '.gitignore': '.env\n' });
      commit(dir, 'first');
      // No PATH at all: node runs by its full path, git cannot be found.
      const env = gitEnv({ PATH: '' });
      const h = run(['history'], dir, env);
      assert.equal(h.code, 2);
      assert.match(h.stderr, /git was not found/);
      const ja = run(['history', '--lang', 'ja'], dir, env);
      assert.match(ja.stderr, /git が見つかりません/);
      const scan = run(['scan'], dir, env);
      assert.equal(scan.code, 0, scan.stderr);
      assert.match(scan.stderr, /warning: git was not found, so \. is walked without git/);
    });

    it('refuses options of the other command, and --staged with --changed-since', () => {
      const dir = repo();
      assert.match(run(['scan', '--since', 'main'], dir).stderr, /--since is an option of 'mamori history'/);
      assert.match(run(['history', '--staged'], dir).stderr, /--staged is an option of 'mamori scan'/);
      assert.equal(run(['scan', '--staged', '--changed-since', 'main'], dir).code, 2);
      assert.equal(run(['scan', '--no-git', '--staged'], dir).code, 2);
      // An empty repository has no history: nothing to report.
      assert.equal(run(['history'], dir).code, 0);
    });
  });
});
