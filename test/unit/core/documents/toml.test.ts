import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document } from '../../../../src/core/documents/document';
import { parseToml, tomlTree } from '../../../../src/core/documents/toml';
import { bool, get, num, scalar, type TreeNode } from '../../../../src/core/documents/tree';
import { treesOf } from '../../../../src/core/documents/trees';

const slice = (text: string, n: TreeNode | undefined) => (n ? text.slice(n.range[0], n.range[1]) : undefined);

const SUPABASE = `project_id = "demo"

[api]
enabled = true
port = 54321

[auth]
site_url = "http://127.0.0.1:3000"
minimum_password_length = 6

[auth.email]
enable_confirmations = false

[storage.buckets.avatars]
public = true
file_size_limit = "50MiB"
allowed_mime_types = ["image/png", "image/jpeg"]

[[functions]]
name = "a"
[[functions]]
name = "b"
limits = { memory = 128, "max-time" = 10 }
`;

describe('TOML tree', () => {
  it('reads tables, dotted tables and values with offsets', () => {
    const t = parseToml(SUPABASE);
    assert.equal(scalar(get(t, 'project_id')), 'demo');
    assert.equal(num(get(t, 'api', 'port')), 54321);
    assert.equal(num(get(t, 'auth', 'minimum_password_length')), 6);
    assert.equal(bool(get(t, 'auth', 'email', 'enable_confirmations')), false);
    const pub = get(t, 'storage', 'buckets', 'avatars', 'public');
    assert.equal(bool(pub), true);
    assert.equal(slice(SUPABASE, pub), 'true');
    assert.equal(scalar(get(t, 'storage', 'buckets', 'avatars', 'allowed_mime_types', 1)), 'image/jpeg');
  });

  it('reads arrays of tables and inline tables', () => {
    const t = parseToml(SUPABASE);
    assert.equal(scalar(get(t, 'functions', 0, 'name')), 'a');
    assert.equal(num(get(t, 'functions', 1, 'limits', 'max-time')), 10);
  });

  it('reads dotted keys and keeps the key range', () => {
    const text = 'a.b.c = 1\n[x]\ny.z = "q"\n';
    const t = parseToml(text);
    assert.equal(num(get(t, 'a', 'b', 'c')), 1);
    assert.equal(scalar(get(t, 'x', 'y', 'z')), 'q');
    const x = t?.entries.find((e) => e.key === 'x');
    assert.equal(x && text.slice(x.keyRange[0], x.keyRange[1]), 'x');
  });

  it('is registered for .toml files and memoised', () => {
    const doc = new Document('supabase/config.toml', SUPABASE);
    assert.equal(treesOf(doc).length, 1);
    assert.equal(tomlTree(doc), tomlTree(doc));
  });

  it('keeps what parsed in a malformed file and never throws', () => {
    const bad = 'a = 1\nb = = 2\nc = 3\n[t]\nd = [1,\ne = true\n';
    assert.doesNotThrow(() => parseToml(bad));
    const t = parseToml(bad);
    assert.equal(num(get(t, 'a')), 1);
    assert.equal(num(get(t, 'c')), 3);
    for (const text of ['[', '"', 'a = """', '[[a]]\n[a]\n', 'a = {', '\u0000\u0001', 'x = 1\nx = 2\n']) {
      assert.doesNotThrow(() => parseToml(text), text);
    }
  });
});
