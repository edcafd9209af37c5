// The rule scaffold (npm run new-rule), run as a process on a copy of the project: for each
// category it creates a rule that typechecks and passes lint, registers it, and creates an ng
// case the new rule reports and an ok case it does not, scanned by the rule harness's own code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CATEGORIES = ['secret', 'exposure', 'pii-data', 'password-policy'];
const NAME = 'scaffold-probe';

function node(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run new-rule', () => {
  let copy = '';
  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-new-rule-'));
    for (const rel of ['src', 'scripts', 'test/unit/helpers']) fs.cpSync(path.join(ROOT, rel), path.join(copy, rel), { recursive: true });
    for (const rel of ['tsconfig.json', 'eslint.config.mjs', 'package.json', '.prettierrc.json', '.prettierignore'])
      fs.copyFileSync(path.join(ROOT, rel), path.join(copy, rel));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  });
  after(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('prints the files with --dry-run and writes nothing', () => {
    const r = node(['scripts/new-rule.mjs', 'exposure', 'dry-probe', '--dry-run', '--root', copy], ROOT);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /==> src\/core\/rules\/exposure\/dry-probe\.ts\n/);
    assert.match(r.out, /==> test\/rules\/exposure\/dry-probe\/ng\/basic\//);
    assert.ok(!fs.existsSync(path.join(copy, 'src/core/rules/exposure/dry-probe.ts')));
    assert.ok(!fs.existsSync(path.join(copy, 'test/rules/exposure/dry-probe')));
  });

  it('refuses an unknown category, a bad name and an existing rule', () => {
    assert.equal(node(['scripts/new-rule.mjs', 'network', NAME, '--root', copy], ROOT).code, 2);
    assert.equal(node(['scripts/new-rule.mjs', 'exposure', 'Bad_Name', '--root', copy], ROOT).code, 2);
    assert.equal(node(['scripts/new-rule.mjs', 'exposure', 'mongod-open', '--root', copy], ROOT).code, 2);
  });

  it('creates, in every category, a registered rule that typechecks and passes lint, and its ng and ok cases', () => {
    for (const category of CATEGORIES) {
      const r = node(['scripts/new-rule.mjs', category, NAME, '--root', copy], ROOT);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /UPDATE_SNAPSHOTS=1 node test\/run-unit\.mjs rule-cases/);
      assert.ok(fs.existsSync(path.join(copy, `src/core/rules/${category}/${NAME}.ts`)), category);
    }
    // A second time is refused: nothing is overwritten.
    assert.equal(node(['scripts/new-rule.mjs', 'secret', NAME, '--root', copy], ROOT).code, 2);

    const tsc = node([path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit'], copy);
    assert.equal(tsc.code, 0, tsc.out);
    const changed = CATEGORIES.flatMap((c) => [`src/core/rules/${c}/${NAME}.ts`, `src/core/rules/${c}/index.ts`]);
    const lint = node([path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), ...changed], copy);
    assert.equal(lint.code, 0, lint.out);
    const pretty = node([path.join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', ...changed], copy);
    assert.equal(pretty.code, 0, pretty.out);

    // The copy's engine, with the new rules registered, scans the new cases as the harness does.
    const probe = path.join(copy, 'probe.ts');
    fs.writeFileSync(
      probe,
      [
        "import { RULES } from './src/core/rules/index';",
        "import { ruleCases, scanCase } from './test/unit/helpers/rule-cases';",
        'void (async () => {',
        '  const out: Record<string, string[]> = {};',
        `  for (const r of RULES.filter((x) => x.id.endsWith('/${NAME}')))`,
        '    for (const c of ruleCases(r.id)) out[`${r.id} ${c.kind}/${c.name}`] = (await scanCase(c)).filter((f) => f.rule === r.id).map((f) => f.range);',
        '  process.stdout.write(JSON.stringify(out));',
        '})();',
      ].join('\n'),
    );
    const run = node(['--import', 'tsx', probe], copy);
    assert.equal(run.code, 0, run.out);
    const found = JSON.parse(run.out) as Record<string, string[]>;
    const want: Record<string, string[]> = {};
    for (const c of CATEGORIES) {
      // The placeholder word where it stands in each template's case; a secret's fabricated token after `NAME_API_KEY=`.
      want[`${c}/${NAME} ng/basic`] = [c === 'pii-data' ? '2:3-2:29' : c === 'secret' ? '2:24-2:70' : '2:10-2:36'];
      want[`${c}/${NAME} ok/basic`] = [];
    }
    assert.deepEqual(found, want);
  });
});
