// Records from JSON and YAML trees: which objects are records, what they merge, where a finding
// is anchored, and that values which can never count change nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanText } from '../../../../src/core/scan';
import type { Finding } from '../../../../src/core/types';

async function store(path: string, text: string): Promise<Finding | undefined> {
  return (await scanText({ path, text })).find((f) => f.ruleId === 'pii-data/personal-data-store');
}

const PEOPLE = [
  ['佐藤 一郎', 'ichiro.sato@gmail.com', '090-3821-2047'],
  ['鈴木 花子', 'hanako.suzuki@yahoo.co.jp', '080-5821-3047'],
  ['高橋 健', 'ken.takahashi@gmail.com', '070-4382-1190'],
  ['田中 美咲', 'misaki.tanaka@outlook.jp', '090-7731-5502'],
  ['伊藤 蓮', 'ren.ito@icloud.com', '080-6149-2873'],
];

describe('pii-data records from nested data', () => {
  it('counts array elements as records and anchors the finding on the first value of the first one', async () => {
    const text = JSON.stringify({ customers: PEOPLE.map(([name, email]) => ({ name, email })) }, null, 2);
    const f = await store('data/customers.json', text);
    assert.equal(f?.data.count, '5');
    const first = text.indexOf('{', text.indexOf('['));
    assert.equal(f?.range[0], first);
    // The record's range ends at the end of its first value (here the name, without the quote).
    assert.equal(f?.range[1], text.indexOf('佐藤 一郎') + '佐藤 一郎'.length);
  });

  it('merges plain objects under a record into it (a name above, the contact inside)', async () => {
    const yaml = PEOPLE.map(([name, , phone], i) => `- id: ${i}\n  name: ${name}\n  contact:\n    tel: "${phone}"\n`).join('');
    assert.equal((await store('fixtures/members.yml', yaml))?.data.count, '5');
    // Without the merge no record has a contact: nothing to report.
    const apart = PEOPLE.map(([name, , phone], i) => `- id: ${i}\n  name: ${name}\n- contact:\n    tel: "${phone}"\n`).join('');
    assert.equal(await store('fixtures/members.yml', apart), undefined);
  });

  it('treats an object holding only objects as a container of records', async () => {
    const yaml = PEOPLE.map(([name, email], i) => `user${i}:\n  name: ${name}\n  email: ${email}\n`).join('');
    const f = await store('fixtures/users.yml', yaml);
    assert.equal(f?.data.count, '5');
    assert.equal(f?.range[0], yaml.indexOf('name:'));
  });

  it('counts the same records whatever values that can never count sit beside them', async () => {
    const plain = PEOPLE.map(([name, email]) => ({ name, email }));
    const noisy = PEOPLE.map(([name, email], i) => ({
      id: i,
      url: `https://example.com/u/${i}`,
      name,
      tags: ['a', 'b'],
      email,
      score: 3.5,
      active: true,
      meta: { created: '2024-01-02' },
    }));
    const a = await store('a.json', JSON.stringify(plain));
    const b = await store('a.json', JSON.stringify(noisy));
    assert.equal(a?.data.count, '5');
    assert.equal(b?.data.count, '5');
    assert.equal(b?.data.fieldsEn, a?.data.fieldsEn);
  });

  it('counts e-mail addresses and phone numbers under keys that say nothing, by their shape', async () => {
    const mails = PEOPLE.map(([name, email]) => ({ name, contact: email }));
    assert.equal((await store('data/list.json', JSON.stringify(mails)))?.data.count, '5');
    // The tally trims: a phone number with spaces around it still has the shape.
    const phones = PEOPLE.map(([, email, phone]) => ({ login: email, reach: ` (${phone.slice(0, 3)}) ${phone.slice(4)} ` }));
    assert.equal((await store('data/list.json', JSON.stringify(phones)))?.data.fieldsEn, 'phone number and e-mail address');
  });

  it('reads numbers from the source: a phone number with a leading zero written as a YAML number', async () => {
    // YAML reads 0312345678 as the integer 312345678; the digits in the file are what count.
    const yaml = PEOPLE.map(([name], i) => `- name: ${name}\n  tel: 03${4820 + i}${7310 + i}\n`).join('');
    const f = await store('fixtures/members.yml', yaml);
    assert.equal(f?.data.count, '5');
    assert.equal(f?.data.fieldsEn, 'name and phone number');
  });

  it('skips attribution subtrees and business listings', async () => {
    const people = PEOPLE.map(([name, email]) => ({ name, email }));
    assert.equal(await store('data/site.json', JSON.stringify({ maintainers: people })), undefined);
    const shops = PEOPLE.map(([name, , phone], i) => ({ name, tel: phone, lat: 35.6 + i / 100, lng: 139.7 }));
    assert.equal(await store('data/places.json', JSON.stringify(shops)), undefined);
  });
});
