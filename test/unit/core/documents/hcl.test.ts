import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Document } from '../../../../src/core/documents/document';
import { blocks, hclTree, parseHcl } from '../../../../src/core/documents/hcl';
import { bool, get, num, scalar, visit, type TreeNode } from '../../../../src/core/documents/tree';
import { treesOf } from '../../../../src/core/documents/trees';
import { cpuNow } from '../../helpers/cpu-clock';

const slice = (text: string, n: TreeNode | undefined) => (n ? text.slice(n.range[0], n.range[1]) : undefined);

const TF = `# comment
terraform {
  required_version = ">= 1.0"
}

resource "aws_db_instance" "main" {
  engine              = "postgres" // trailing comment
  publicly_accessible = true
  port                = 5432
  tags = {
    Name = "db-\${var.env}"
    "team" : "data",
  }
  vpc_security_group_ids = [aws_security_group.db.id, "sg-1"]
}

resource "aws_security_group" "db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = -1
    to_port     = 0
    cidr_blocks = [
      "10.0.0.0/8",
      var.extra_cidr,
    ]
  }
}

resource "aws_s3_bucket_policy" "p" {
  policy = <<POLICY
{
  "Statement": [{"Effect": "Allow", "Principal": "*"}]
}
POLICY
}

resource "aws_s3_bucket_policy" "q" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" } }]
  })
  count = var.on ? 1 : 0
  name  = [for s in var.list : upper(s)]
}
`;

describe('HCL tree', () => {
  const root = parseHcl(TF);

  it('keeps every block of a type, with labels', () => {
    const res = blocks(root, 'resource');
    assert.equal(res.length, 4);
    assert.deepEqual(res[0].labels, ['aws_db_instance', 'main']);
    assert.equal(blocks(root, 'resource', 'aws_s3_bucket_policy').length, 2);
    assert.deepEqual(blocks(root, 'terraform')[0].labels, []);
  });

  it('reads attributes as scalars with offsets', () => {
    const [db] = blocks(root, 'resource', 'aws_db_instance');
    assert.equal(bool(get(db, 'publicly_accessible')), true);
    assert.equal(slice(TF, get(db, 'publicly_accessible')), 'true');
    assert.equal(num(get(db, 'port')), 5432);
    const engine = get(db, 'engine');
    assert.equal(scalar(engine), 'postgres');
    assert.equal(engine?.kind === 'scalar' && engine.quoted, true);
    assert.equal(slice(TF, engine), '"postgres"');
  });

  it('reads object and tuple expressions, tagging what it cannot evaluate', () => {
    const [db] = blocks(root, 'resource', 'aws_db_instance');
    assert.equal(scalar(get(db, 'tags', 'team')), 'data');
    const name = get(db, 'tags', 'Name');
    assert.equal(name?.kind === 'scalar' && name.tag, 'expr');
    const ids = get(db, 'vpc_security_group_ids');
    assert.equal(ids?.kind, 'array');
    const first = get(ids, 0);
    assert.equal(first?.kind === 'scalar' && first.tag, 'expr');
    assert.equal(scalar(first), 'aws_security_group.db.id');
    assert.equal(scalar(get(ids, 1)), 'sg-1');
  });

  it('keeps repeated nested blocks and multi-line tuples', () => {
    const [sg] = blocks(root, 'resource', 'aws_security_group');
    const ingress = blocks(sg, 'ingress');
    assert.equal(ingress.length, 2);
    assert.equal(scalar(get(ingress[0], 'cidr_blocks', 0)), '0.0.0.0/0');
    assert.equal(num(get(ingress[1], 'from_port')), -1);
    assert.equal(scalar(get(ingress[1], 'cidr_blocks', 1)), 'var.extra_cidr');
  });

  it('reads heredocs and function calls', () => {
    const [p, q] = blocks(root, 'resource', 'aws_s3_bucket_policy');
    const heredoc = get(p, 'policy');
    assert.equal(heredoc?.kind === 'scalar' && heredoc.tag, 'heredoc');
    const policy = JSON.parse(String(scalar(heredoc))) as { Statement: { Principal: string }[] };
    assert.deepEqual(policy.Statement[0].Principal, '*');
    const call = get(q, 'policy');
    assert.equal(call?.kind === 'array' && call.tag, 'call:jsonencode');
    assert.equal(scalar(get(call, 0, 'Statement', 0, 'Principal', 'AWS')), '*');
    assert.equal(scalar(get(q, 'count')), 'var.on ? 1 : 0');
    assert.equal(scalar(get(q, 'name')), '[for s in var.list : upper(s)]');
  });

  it('decodes escapes and keeps literal template markers', () => {
    const t = parseHcl('a = "x\\"y\\n$${z}"\nb = "\\u00e9"\n');
    assert.equal(scalar(get(t, 'a')), 'x"y\n${z}');
    assert.equal(scalar(get(t, 'b')), 'é');
  });

  it('strips indentation of <<- heredocs', () => {
    const t = parseHcl('a = <<-EOT\n    hello\n      world\n    EOT\nb = 1\n');
    assert.equal(scalar(get(t, 'a')), 'hello\n  world\n');
    assert.equal(num(get(t, 'b')), 1);
  });

  it('reads one-line blocks', () => {
    const t = parseHcl('variable "x" { default = "y" }\nlocals { a = 1 }\n');
    assert.equal(scalar(get(blocks(t, 'variable')[0], 'default')), 'y');
    assert.equal(num(get(blocks(t, 'locals')[0], 'a')), 1);
  });

  it('is registered for .tf files and memoised', () => {
    const doc = new Document('main.tf', TF);
    assert.equal(treesOf(doc).length, 1);
    assert.equal(hclTree(doc), hclTree(doc));
  });

  it('gives partial results for malformed input and never throws', () => {
    const bad = [
      'resource "a" "b" {\n  x = \n  y = [1, 2\n}\nresource "c" "d" { z = true }\n',
      'a = "unterminated\nb = 2\n',
      '}}}] ) = = {\n',
      'a = <<EOF\nnever closed',
      'a = "${"${"${',
      '/* open comment',
      'x = {\n a = 1\n ] b = 2\n}\ny = 3\n',
    ];
    for (const text of bad) assert.doesNotThrow(() => parseHcl(text), text);
    const t = parseHcl(bad[0]);
    assert.equal(bool(get(blocks(t, 'resource', 'c')[0], 'z')), true);
    assert.equal(num(get(parseHcl(bad[1]), 'b')), 2);
    assert.equal(num(get(parseHcl(bad[6]), 'y')), 3);
  });

  it('stays linear on deep nesting and large files', () => {
    const deep = 'a = ' + '['.repeat(20000) + ']'.repeat(20000) + '\nb = ' + '{x = '.repeat(5000) + '1' + '}'.repeat(5000);
    let started = cpuNow();
    const t = parseHcl(deep);
    assert.ok(cpuNow() - started < 2000);
    let count = 0;
    visit(t, () => void count++);
    assert.ok(count > 0);
    const blocksDeep = 'a {'.repeat(3000) + '}'.repeat(3000);
    assert.doesNotThrow(() => parseHcl(blocksDeep));
    const big = 'resource "x" "y" {\n  a = "b"\n  c = [1, 2, 3]\n}\n'.repeat(20000);
    started = cpuNow();
    assert.equal(blocks(parseHcl(big), 'resource').length, 20000);
    assert.ok(cpuNow() - started < 3000);
  });
});

describe('HCL tokens kept from file to file', () => {
  // The reader reuses its token objects: a file must read the same whatever was read before it.
  const piece = fc.constantFrom(
    'a = 1\n',
    'b = "x"\n',
    'c = "${var.x}"\n',
    'd = "$${lit}"\n',
    'e = [1, "two", three]\n',
    'f = { g = "h" }\n',
    'resource "t" "n" {\n  k = true\n}\n',
    'x = <<EOT\nhello ${y}\nEOT\n',
    'y = -2\n',
    'z = f(1, "a")\n',
    '# note\n',
    '\n',
    'w = a.b[0]\n',
  );
  it('gives a file the tree it gives it alone, after any other file', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 12 }), (a, b) => {
        const textA = a.join('');
        const textB = b.join('');
        const alone = parseHcl(textB);
        parseHcl(textA);
        assert.deepEqual(parseHcl(textB), alone);
      }),
      { numRuns: 500 },
    );
  });

  it('tags a plain string plainly after a template string stood at its place', () => {
    parseHcl('a = "${var.x}"\n');
    const tree = parseHcl('a = "plain"\n');
    assert.deepEqual(get(tree, 'a'), { kind: 'scalar', range: [4, 11], value: 'plain', quoted: true });
  });
});
