// Large stores stay fast and produce one finding; broken or hostile input ends quickly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { myNumberCheckDigit } from '../../../../src/core/rules/pii-data/analysis/identifiers';
import { scanText } from '../../../../src/core/scan';
import type { Finding } from '../../../../src/core/types';
import { cpuNow } from '../../helpers/cpu-clock';

async function pii(path: string, text: string): Promise<Finding[]> {
  return (await scanText({ path, text })).filter((f) => f.category === 'pii-data');
}

/** A fabricated My Number for row i: eleven digits from i, then the right check digit. */
const NAMES = ['佐藤 一郎', '鈴木 花', '高橋 健', '田中 美咲', '伊藤 翔太', '渡辺 結衣', '山本 大輔'];

function myNumber(i: number): string {
  const base = String(38219460573 + i * 7919)
    .padStart(11, '0')
    .slice(-11);
  return base + myNumberCheckDigit(base);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = cpuNow();
  const r = await fn();
  return [r, cpuNow() - t0];
}

describe('pii-data at scale', () => {
  it('points a headerless store at its first personal row, however many rows come before and after', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 7; i++) rows.push(`item-${i},${i * 3},ok`);
    for (let i = 0; i < 40; i++) rows.push(`${NAMES[i % 7]},090-${3821 + i}-${2047 + i * 7},u${i}.sato@gmail.com`);
    const text = rows.join('\r\n') + '\r\n';
    const store = (await pii('export/list.csv', text)).filter((f) => f.ruleId === 'pii-data/personal-data-store');
    assert.equal(store.length, 1);
    const start = text.indexOf(NAMES[0]);
    assert.deepEqual(store[0].range, [start, text.indexOf('\r\n', start)]);
  });

  it('reads a 100,000-row CSV in one pass: one store finding with the count, five identifier findings', async () => {
    const rows = ['氏名,電話番号,メールアドレス,マイナンバー'];
    for (let i = 0; i < 100_000; i++) {
      rows.push(`${NAMES[i % 7]},090-${3821 + (i % 5000)}-${2047 + ((i * 7) % 7000)},u${i}.sato@gmail.com,${myNumber(i)}`);
    }
    const [findings, ms] = await timed(() => pii('export/customers.csv', rows.join('\n') + '\n'));
    const store = findings.filter((f) => f.ruleId === 'pii-data/personal-data-store');
    assert.equal(store.length, 1);
    assert.equal(store[0].data.count, '100,000');
    assert.equal(store[0].severity, 'error');
    // My Numbers bring the My Number Act to the front of the citation.
    assert.equal(store[0].guidelines[0], 'ppc-mn-act-29-4');
    assert.ok(store[0].guidelines.includes('ppc-mn-faq-17-10'));
    assert.equal(store[0].data.fieldsEn, 'My Number, name, phone number and e-mail address');
    const ids = findings.filter((f) => f.ruleId === 'pii-data/my-number');
    assert.equal(ids.length, 5);
    assert.equal(ids[4].messageId, 'foundMore');
    assert.ok(Number(ids[4].data.more) > 90_000);
    // A loose bound: it catches quadratic work (minutes at this size), not a benchmark.
    assert.ok(ms < 20_000, `took ${Math.round(ms)} ms`);
  });

  it('counts a 20,000-row SQL INSERT and a JSON array', async () => {
    const tuples = Array.from(
      { length: 20_000 },
      (_, i) => `(${i},'${NAMES[i % 7]}','h${i}.suzuki@yahoo.co.jp','080-${5821 + (i % 4000)}-${3047 + (i % 6000)}')`,
    );
    const sql = await pii('db/dump.sql', `INSERT INTO customers (id, name, email, tel) VALUES ${tuples.join(',\n')};\n`);
    assert.equal(sql.find((f) => f.ruleId === 'pii-data/personal-data-store')?.data.count, '20,000');
    const json = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ name: NAMES[i % 7], email: `h${i}.suzuki@yahoo.co.jp` })));
    assert.equal((await pii('fixtures/users.json', json)).find((f) => f.ruleId === 'pii-data/personal-data-store')?.data.count, '20,000');
  });

  it('ends quickly on hostile input', async () => {
    const inputs: [string, string][] = [
      ['a.csv', '"' + 'a,'.repeat(200_000)],
      ['a.csv', 'name,email\n' + '"x""'.repeat(50_000)],
      ['a.sql', "INSERT INTO t (a, b) VALUES ('" + "x\\'".repeat(100_000)],
      ['a.sql', 'INSERT INTO t VALUES ' + '('.repeat(100_000)],
      ['a.json', '['.repeat(50_000) + '{"name":'.repeat(10_000)],
      ['a.yaml', '- '.repeat(20_000) + 'name: x\n'],
      ['a.log', ('card=' + '4'.repeat(1000) + ' ').repeat(200)],
      ['a.ts', ('const card = "' + '1234 '.repeat(300) + '";\n').repeat(200)],
      ['a.txt', ('passport: ' + 'AB'.repeat(500) + '\n').repeat(100)],
      ['a.log', ('email=' + 'a'.repeat(60) + '@' + 'b.'.repeat(400) + '\n').repeat(100)],
    ];
    for (const [path, text] of inputs) {
      const [, ms] = await timed(() => pii(path, text));
      assert.ok(ms < 5000, `${path} took ${Math.round(ms)} ms`);
    }
  });
});
