// Deterministic synthetic inputs for the benchmark: a large repository of configs, code and
// data files in many formats, and 5,000-line files per format for the on-type latency figures.
// Every "secret" here is made up at run time from a seeded generator; none is a real credential.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Small seeded PRNG (mulberry32), so every run generates the same tree. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'service',
  'account',
  'region',
  'cache',
  'queue',
  'worker',
  'api',
  'user',
  'order',
  'billing',
  'report',
  'timeout',
  'retry',
  'limit',
  'bucket',
  'table',
];
const SEI = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const MEI = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜', '大輔', '結衣', '翔太', 'さくら'];
const PREF = ['東京都', '大阪府', '神奈川県', '愛知県', '福岡県', '北海道', '京都府', '兵庫県'];

function pick(r, xs) {
  return xs[Math.floor(r() * xs.length)];
}
function word(r) {
  return pick(r, WORDS);
}
function alnum(r, n) {
  const cs = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += cs[Math.floor(r() * cs.length)];
  return s;
}
function digits(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}
/** A made-up token with a real provider's shape, about one line in `rate`. */
function maybeSecret(r, rate = 400) {
  if (r() * rate >= 1) return undefined;
  return pick(r, [
    () => ['ghp', alnum(r, 36)].join('_'),
    () => ['AKIA', alnum(r, 16).toUpperCase()].join(''),
    () => ['xoxb', digits(r, 11), digits(r, 12), alnum(r, 24)].join('-'),
  ])();
}

/** Line generators per format: each returns `lines` lines of plausible content. */
export const FORMATS = {
  yaml(r, lines) {
    const out = ['# generated', 'services:'];
    while (out.length < lines) {
      out.push(`  ${word(r)}-${out.length}:`, `    image: registry.example.com/${word(r)}:${Math.floor(r() * 9)}.${Math.floor(r() * 20)}`, '    environment:');
      out.push(`      ${word(r).toUpperCase()}_URL: https://${word(r)}.example.com/${word(r)}`);
      const s = maybeSecret(r, 50);
      out.push(`      ${word(r).toUpperCase()}_TOKEN: ${s ?? '${' + word(r).toUpperCase() + '_TOKEN}'}`);
      out.push('    ports:', `      - "127.0.0.1:${8000 + Math.floor(r() * 1000)}:80"`, `    restart: unless-stopped`);
    }
    return out.slice(0, lines).join('\n') + '\n';
  },
  json(r, lines) {
    const out = ['{', '  "items": ['];
    while (out.length < lines - 3) {
      const s = maybeSecret(r, 80);
      out.push(
        '    {',
        `      "id": ${out.length},`,
        `      "name": "${word(r)}-${word(r)}",`,
        `      "endpoint": "https://${word(r)}.example.com",`,
        `      "token": "${s ?? 'placeholder'}",`,
        `      "retries": ${Math.floor(r() * 5)}`,
        '    },',
      );
    }
    out.push('    { "id": 0 }', '  ]', '}');
    return out.join('\n') + '\n';
  },
  hcl(r, lines) {
    const out = [];
    while (out.length < lines) {
      const n = out.length;
      out.push(`resource "aws_s3_bucket" "b${n}" {`, `  bucket = "${word(r)}-${n}"`, '  tags = {', `    Name = "${word(r)}"`, '  }', '}', '');
      out.push(
        `resource "aws_security_group" "sg${n}" {`,
        '  ingress {',
        `    from_port   = ${pick(r, [443, 80, 5432, 3306])}`,
        `    to_port     = ${pick(r, [443, 80, 5432, 3306])}`,
        `    cidr_blocks = ["${pick(r, ['10.0.0.0/8', '0.0.0.0/0', '192.168.0.0/16'])}"]`,
        '  }',
        '}',
        '',
      );
    }
    return out.slice(0, lines).join('\n') + '\n';
  },
  env(r, lines) {
    const out = [];
    while (out.length < lines) {
      const s = maybeSecret(r, 60);
      out.push(
        `${word(r).toUpperCase()}_${word(r).toUpperCase()}_${out.length}=${s ?? pick(r, ['true', '30', 'https://api.example.com', 'changeme-later', '${OTHER}'])}`,
      );
    }
    return out.join('\n') + '\n';
  },
  js(r, lines) {
    const out = ["'use strict';", "const http = require('node:http');"];
    while (out.length < lines) {
      const n = out.length;
      const s = maybeSecret(r, 200);
      out.push(
        `function ${word(r)}${n}(req, res) {`,
        `  const ${word(r)} = req.headers['x-${word(r)}'] || ${JSON.stringify(s ?? word(r))};`,
        `  if (!${word(r)}) return res.end(JSON.stringify({ ok: false, n: ${n} }));`,
        `  return fetch('https://${word(r)}.example.com/' + ${n}).then((r) => r.json());`,
        '}',
        '',
      );
    }
    return out.slice(0, lines).join('\n') + '\n';
  },
  csv(r, lines) {
    const out = ['id,name,prefecture,phone,email,amount'];
    while (out.length < lines) {
      const n = out.length;
      out.push(
        `${n},${pick(r, SEI)} ${pick(r, MEI)},${pick(r, PREF)},0${digits(r, 2)}-${digits(r, 4)}-${digits(r, 4)},user${n}@example.com,${Math.floor(r() * 100000)}`,
      );
    }
    return out.join('\n') + '\n';
  },
  toml(r, lines) {
    const out = ['[package]', 'name = "bench"'];
    while (out.length < lines) {
      out.push('', `[${word(r)}_${out.length}]`, `url = "https://${word(r)}.example.com"`, `timeout = ${Math.floor(r() * 60)}`, `enabled = ${r() < 0.5}`);
    }
    return out.slice(0, lines).join('\n') + '\n';
  },
  properties(r, lines) {
    const out = [];
    while (out.length < lines)
      out.push(`${word(r)}.${word(r)}.${out.length}=${pick(r, ['jdbc:postgresql://db.internal:5432/app', 'true', '100', '${ENV_VALUE}'])}`);
    return out.join('\n') + '\n';
  },
  sql(r, lines) {
    const out = ['CREATE TABLE orders (id int, item text, qty int);'];
    while (out.length < lines) out.push(`INSERT INTO orders VALUES (${out.length}, '${word(r)}', ${Math.floor(r() * 10)});`);
    return out.join('\n') + '\n';
  },
  py(r, lines) {
    const out = ['import os', ''];
    while (out.length < lines) {
      const n = out.length;
      out.push(
        `def ${word(r)}_${n}(x):`,
        `    """${word(r)} ${word(r)}."""`,
        `    value = os.environ.get("${word(r).toUpperCase()}", "${word(r)}")`,
        `    return {"n": ${n}, "v": value}`,
        '',
      );
    }
    return out.slice(0, lines).join('\n') + '\n';
  },
};

/** File names per format in the generated repository. */
const NAMES = {
  yaml: (i) => (i % 7 === 0 ? `docker-compose.${i}.yml` : `config/app-${i}.yaml`),
  json: (i) => `data/settings-${i}.json`,
  hcl: (i) => `infra/main-${i}.tf`,
  env: (i) => `env/.env.${i}`,
  js: (i) => `src/module-${i}.js`,
  csv: (i) => `exports/customers-${i}.csv`,
  toml: (i) => `config/app-${i}.toml`,
  properties: (i) => `src/main/resources/application-${i}.properties`,
  sql: (i) => `db/seed-${i}.sql`,
  py: (i) => `app/handler_${i}.py`,
};

/**
 * Writes a repository of about `targetMb` megabytes under `dir`: many small and medium files of
 * every format, spread over nested folders. Returns the file count and bytes.
 */
export function generateRepository(dir, targetMb, seed = 42) {
  const r = rng(seed);
  const formats = Object.keys(FORMATS);
  let bytes = 0;
  let files = 0;
  const target = targetMb * 1024 * 1024;
  while (bytes < target) {
    const format = formats[files % formats.length];
    // Mostly small files, a few large ones, as in a real repository.
    const lines = r() < 0.9 ? 20 + Math.floor(r() * 400) : 2000 + Math.floor(r() * 8000);
    const text = FORMATS[format](r, lines);
    const file = path.join(dir, `pkg${Math.floor(files / 200)}`, NAMES[format](files));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { files, bytes };
}

/** One file of `lines` lines per format, with the name that makes the engine detect the format. */
export function latencyInputs(lines = 5000, seed = 7) {
  const r = rng(seed);
  const names = {
    yaml: 'docker-compose.yml',
    json: 'settings.json',
    hcl: 'main.tf',
    env: '.env',
    js: 'server.js',
    csv: 'customers.csv',
    toml: 'config.toml',
    properties: 'application.properties',
    sql: 'seed.sql',
    py: 'handler.py',
  };
  return Object.entries(FORMATS).map(([format, gen]) => ({ format, path: `/bench/${names[format]}`, text: gen(r, lines) }));
}
