import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document } from '../../../../src/core/documents/document';
import { bool, get, num, scalar, visit, type TreeNode } from '../../../../src/core/documents/tree';
import { isSourceMap, treesOf } from '../../../../src/core/documents/trees';
import { scanText } from '../../../../src/core/scan';
import { cpuNow } from '../../helpers/cpu-clock';

const trees = (path: string, text: string) => treesOf(new Document(path, text));
const slice = (text: string, n: TreeNode | undefined) => (n ? text.slice(n.range[0], n.range[1]) : undefined);

describe('format-neutral trees', () => {
  it('reads JSON with comments and trailing commas, keeping offsets', () => {
    const text = '{\n  // db\n  "db": { "public": true, "port": 5432, },\n}';
    const [t] = trees('a.json', text);
    assert.equal(bool(get(t, 'db', 'public')), true);
    assert.equal(num(get(t, 'db', 'port')), 5432);
    assert.equal(slice(text, get(t, 'db', 'port')), '5432');
  });

  it('reads every YAML document and keeps CloudFormation tags', () => {
    const text = 'a: 1\n---\nResources:\n  Db:\n    Properties:\n      Name: !Ref DbName\n      Port: "5432"\n';
    const ts = trees('t.yaml', text);
    assert.equal(ts.length, 2);
    const name = get(ts[1], 'Resources', 'Db', 'Properties', 'Name');
    assert.equal(name?.kind === 'scalar' && name.tag, '!Ref');
    assert.equal(scalar(name), 'DbName');
    assert.equal(slice(text, get(ts[1], 'Resources', 'Db', 'Properties', 'Port')), '"5432"');
  });

  it('applies YAML merge keys with local keys winning', () => {
    const [t] = trees('c.yml', 'base: &b\n  auth: false\n  port: 1\nsvc:\n  <<: *b\n  auth: true\n');
    assert.equal(bool(get(t, 'svc', 'auth')), true);
    assert.equal(num(get(t, 'svc', 'port')), 1);
  });

  it('survives an alias bomb without expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = cpuNow();
    const [t] = trees('bomb.yaml', lines.join('\n'));
    let count = 0;
    visit(t, () => {
      count++;
      return count < 100_000;
    });
    assert.ok(cpuNow() - started < 2000);
    assert.ok(t);
  });

  it('returns partial or no trees for malformed input, never throws', () => {
    assert.doesNotThrow(() => trees('x.json', '{"a": [1, 2, {"b": }'));
    assert.doesNotThrow(() => trees('x.yaml', 'a: [1, 2\n  b: : :\n\t- c'));
    assert.deepEqual(trees('x.txt', 'hello'), []);
  });

  it('bounds nesting depth', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    assert.doesNotThrow(() => trees('deep.json', deep));
  });
});

describe('source maps', () => {
  // Made-up token with a real provider's shape, assembled so the source holds none whole.
  const GH = ['ghp', '8Kq2xVn4Lm7Pz3Rt9Wc5Yb1Hd6Fj0Ga2Sx4E'].join('_');
  const map = (content: string) =>
    JSON.stringify({ version: 3, file: 'app.js', sources: ['../src/app.ts'], sourcesContent: [content], names: [], mappings: 'AAAA,SAASA' });

  it('get no tree, while a .map file of another shape and plain JSON still do', () => {
    assert.deepEqual(treesOf(new Document('dist/app.js.map', map('export const a = 1;\n'))), []);
    assert.equal(isSourceMap(new Document('dist/app.js.map', map(''))), true);
    // Pretty-printed, version not first.
    const pretty = `{\n  "file": "app.js",\n  "version": 3,\n  "mappings": "AAAA"\n}\n`;
    assert.equal(isSourceMap(new Document('dist/app.js.map', pretty)), true);
    // Not a source map: a JSON file that happens to be named .map, and a source map's JSON under another name.
    const other = '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"PubliclyAccessible": true}}}}';
    assert.equal(treesOf(new Document('infra/site.map', other)).length, 1);
    assert.equal(treesOf(new Document('dist/app.json', map(''))).length, 1);
    assert.equal(isSourceMap(new Document('dist/v2.js.map', '{"version": 2, "mappings": ""}')), false);
  });

  it('are still scanned for secrets in the sources they carry', async () => {
    const findings = await scanText({ path: 'dist/app.js.map', text: map(`const token = "${GH}";\n`) });
    assert.ok(
      findings.some((f) => f.ruleId === 'secret/github-token'),
      findings.map((f) => f.ruleId).join(', '),
    );
  });
});
