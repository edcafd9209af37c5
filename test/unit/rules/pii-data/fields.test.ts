import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  classifyKey,
  isAddress,
  isBirthDate,
  isJapanesePhone,
  isPersonalEmail,
  isPersonalMask,
  KIND_BIT,
  isPersonName,
  isPostalCode,
  type FieldKind,
} from '../../../../src/core/rules/pii-data/analysis/fields';
import { isPlaceholderDigits, placeholderDigitsIn } from '../../../../src/core/rules/pii-data/analysis/identifiers';

describe('column and key names', () => {
  const cases: [string, FieldKind | undefined][] = [
    ['氏名', 'name'],
    ['お名前', 'name'],
    ['顧客氏名', 'name'],
    ['フリガナ', 'kana'],
    ['氏名（カナ）', 'kana'],
    ['住所', 'address'],
    ['生年月日', 'birthdate'],
    ['電話番号', 'phone'],
    ['携帯電話', 'phone'],
    ['メールアドレス', 'email'],
    ['マイナンバー', 'myNumber'],
    ['個人番号', 'myNumber'],
    ['旅券番号', 'passport'],
    ['パスポート番号', 'passport'],
    ['郵便番号', 'postal'],
    ['passport_no', 'passport'],
    ['card_number', 'card'],
    ['cardNumber', 'card'],
    ['name', 'name'],
    ['first_name', 'name'],
    ['E-Mail', 'email'],
    ['customer_email', 'email'],
    ['phone', 'phone'],
    ['address', 'address'],
    ['birthday', 'birthdate'],
    ['dob', 'birthdate'],
    ['my_number', 'myNumber'],
    ['zip_code', 'postal'],
    ['filename', undefined],
    ['username', undefined],
    ['product_name', undefined],
    ['店舗名', undefined],
    ['担当者名', 'name'],
    ['顧客名', 'name'],
    ['会社名', undefined],
    ['法人名', undefined],
    ['created_at', undefined],
    ['id', undefined],
  ];
  for (const [key, kind] of cases) it(`${key} → ${kind ?? 'nothing'}`, () => assert.equal(classifyKey(key), kind));
});

describe('values', () => {
  it('phones: real shapes yes, samples and toll-free no', () => {
    for (const v of ['090-3841-2270', '09038412270', '03-3581-4321', '+81 90-3841-2270', '(03)3581-4321', '0466-22-4187']) assert.ok(isJapanesePhone(v), v);
    for (const v of ['090-0000-0000', '03-1234-5678', '090-1234-5678', '080-1111-2222', '0120-123-456', '0570-064-556', '12345', '090-3841-227']) {
      assert.ok(!isJapanesePhone(v), v);
    }
  });

  it('e-mail: documentation domains and no-reply addresses are not personal', () => {
    assert.ok(isPersonalEmail('ichiro.sato@gmail.com'));
    for (const v of ['taro@example.com', 'taro@example.jp', 'a@test.com', 'a@foo.test', 'noreply@company.co.jp', 'x@invalid'])
      assert.ok(!isPersonalEmail(v), v);
  });

  it('birth dates, postal codes, addresses, names', () => {
    for (const v of ['1985-04-12', '1985/4/12', '1985年4月12日', '昭和60年4月12日', 'H2.3.4', '19850412']) assert.ok(isBirthDate(v), v);
    for (const v of ['1900-01-01', '1985-13-01', '2024', 'yesterday']) assert.ok(!isBirthDate(v), v);
    assert.ok(isPostalCode('〒100-0001'));
    assert.ok(isPostalCode('1540015'));
    assert.ok(!isPostalCode('000-0000'));
    assert.ok(isAddress('千代田区千代田1-1'), 'the fiction-like address is still an address');
    assert.ok(!isAddress('住所'), 'a label, not a value');
    assert.ok(isPersonName('佐藤 一郎'));
    assert.ok(!isPersonName('山田太郎'), 'the standard sample name');
    assert.ok(!isPersonName('テスト'));
    assert.ok(!isPersonName('氏名'));
  });
});

describe('phones and e-mail addresses, against their definitions', () => {
  // The checks as first written (a string per step): the rule's allocation-free forms must agree.
  const phoneDefinition = (value: string): boolean => {
    const v = value.trim();
    if (!/^(?:\+81[\s-]?|\(?0)\d{1,4}\)?[\s-]?\d{1,4}[\s-]?\d{3,4}$/.test(v)) return false;
    let d = v.replace(/[\s()-]/g, '');
    if (d.startsWith('+81')) d = '0' + d.slice(3);
    if (!/^0\d{9,10}$/.test(d)) return false;
    if (/^0[5789]0|^020/.test(d) !== (d.length === 11)) return false;
    if (/^0120|^0800|^0570|^0990/.test(d)) return false;
    const subscriber = d.slice(-8);
    const exchange = subscriber.slice(0, 4);
    return !isPlaceholderDigits(subscriber) && !/^(\d)\1{3}$/.test(exchange) && exchange !== '1234';
  };
  it('reads phone numbers as the string-by-string definition does, on random input', () => {
    const unit = fc.constantFrom(
      '0',
      '1',
      '2',
      '3',
      '5',
      '7',
      '8',
      '9',
      '0',
      '4',
      '6',
      '+81',
      '+',
      '(',
      ')',
      '-',
      ' ',
      '\u3000',
      '\t',
      'a',
      '１',
      '090',
      '0120',
      '03',
    );
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 16 }), (units) => {
        const v = units.join('');
        assert.equal(isJapanesePhone(v), phoneDefinition(v), JSON.stringify(v));
      }),
      { numRuns: 5000 },
    );
    // Well-formed numbers, so the later checks (mobile length, toll-free, samples) are reached.
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.constantFrom('090', '080', '070', '050', '020', '03', '06', '0466', '0120', '0570', '0800', '0990', '+81 90', '(03)', '+8190'),
        digits,
        fc.integer({ min: 3, max: 4 }),
        (head, d, last) => {
          for (const v of [`${head}-${d.slice(0, 4)}-${d.slice(4, 4 + last)}`, `${head}${d.slice(0, 8)}`, ` ${head}-${d.slice(0, 3)}-${d.slice(3, 7)} `]) {
            assert.equal(isJapanesePhone(v), phoneDefinition(v), JSON.stringify(v));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  /** The local-part checks as first written (on a lower-cased copy); the domain check is unchanged. */
  const localPartPersonal = (value: string): boolean => {
    const v = value.trim();
    if (!/^[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})$/.test(v)) return false;
    const local = v.slice(0, v.indexOf('@')).toLowerCase();
    if (/^(?:no-?reply|do-?not-?reply|test|dummy|sample|example|user|foo|bar|hoge|xxx+)\d*$/.test(local)) return false;
    return !/^(?:info|contact|support|help|sales|office|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|press|pr|media|hr|jobs|recruit|careers|inquiry|inquiries|otoiawase|toiawase|customer|service|billing|accounts?|marketing|news|newsletter|team|hello|mail|root|system|notifications?|alerts?|bounce|mailer-daemon)(?:[._+-][\w.-]*)?$/.test(
      local,
    );
  };
  it('reads e-mail addresses as the copy-and-lower-case definition does, on random input', () => {
    const local = fc.constantFrom(
      'ichiro',
      'Sato',
      'INFO',
      'info',
      'Info.Tokyo',
      'support-jp',
      'NoReply',
      'no-reply',
      'user12',
      'User',
      'test',
      'Tester',
      'xxx',
      'xX',
      'hr',
      'HR_team',
      'a.b',
      'taro+tag',
      '.',
      '-',
      '%',
    );
    const domain = fc.constantFrom('gmail.com', 'Example.COM', 'example.jp', 'corp.co.jp', 'test', 'mail.example.org', 'x', 'docomo.ne.jp', 'foo.test');
    fc.assert(
      fc.property(fc.array(local, { minLength: 1, maxLength: 3 }), domain, fc.constantFrom('', ' ', '\t', '\u3000'), (parts, d, pad) => {
        const v = `${pad}${parts.join('')}@${d}${pad}`;
        // (The domain is judged as for a plainly personal local part.)
        const expected = localPartPersonal(v) && isPersonalEmail(`ichiro@${d}`);
        assert.equal(isPersonalEmail(v), expected, JSON.stringify(v));
      }),
      { numRuns: 3000 },
    );
    // A space before the address no longer hides a sample or role mailbox.
    assert.equal(isPersonalEmail(' user1@gmail.com'), false);
    assert.equal(isPersonalEmail('\tinfo@corp.co.jp'), false);
  });
});

describe('placeholder digits, against their definition', () => {
  // The check as first written, on a string: the array form (and the string form built on it) must agree.
  const definition = (d: string): boolean => {
    if (d.length === 0) return true;
    if (new Set(d).size <= 2) return true;
    if (/(\d)\1{5}/.test(d)) return true;
    const s = d.slice(0, Math.max(d.length - 1, 4));
    let up = true;
    let down = true;
    for (let i = 1; i < s.length; i++) {
      if (Number(s[i]) !== (Number(s[i - 1]) + 1) % 10) up = false;
      if (Number(s[i - 1]) !== (Number(s[i]) + 1) % 10) down = false;
    }
    if (up || down) return true;
    const head = d.length > 8 ? d.slice(0, d.length - 4) : d;
    for (let p = 1; p <= 4 && p * 2 <= head.length; p++) if ([...head].every((c, i) => i < p || c === head[i - p])) return true;
    return false;
  };
  it('reads digits in an array, and in a string, as the definition does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (digits, pad) => {
        const a = new Uint8Array(pad + digits.length + 2).fill(7);
        a.set(digits, pad);
        const d = digits.join('');
        assert.equal(placeholderDigitsIn(a, pad, digits.length), definition(d), d);
        assert.equal(isPlaceholderDigits(d), definition(d), d);
      }),
      { numRuns: 5000 },
    );
    // Runs, sequences and short periods, which random digits seldom make.
    for (const d of [
      '11111122',
      '4777777291',
      '4777772913',
      '12345670',
      '98765439',
      '12345678',
      '98765432',
      '12121212',
      '12312312',
      '41424142',
      '38412270',
      '90123456',
      '0000',
      '',
    ]) {
      assert.equal(placeholderDigitsIn(Uint8Array.from(d, Number), 0, d.length), definition(d), d);
      assert.equal(isPlaceholderDigits(d), definition(d), d);
    }
  });
});

describe('names, against their definition', () => {
  // The checks as first written, one regex each: the rule's faster form must agree with them.
  const ORG_JA =
    /(?:株式会社|有限会社|合同会社|[（(]株[）)]|会社|店|支店|本店|営業所|事務所|病院|医院|クリニック|学校|大学|高校|中学校|小学校|幼稚園|保育園|駅|ビル|センター|協会|組合|財団|法人|役場|庁|省|局|課|部|[都道府県市区町村郡])$/;
  const definition = (v: string) =>
    !/[@/\\<>{}=:;#$%_]|https?:|\d/.test(v) && (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(v) || (v.replace(/\s/g, '').length <= 12 && !ORG_JA.test(v)));
  const pieces = fc.constantFrom(
    '佐藤',
    '太郎',
    'さくら',
    'サトウ',
    ' ',
    '\u3000',
    '\u00a0',
    '\t',
    '株式会社',
    '（株）',
    '(株',
    '店',
    'センター',
    '区',
    'ビル',
    '学',
    '1',
    '１',
    '@',
    ':',
    '_',
    'https:',
    'Ichiro',
    'Sato',
    '.',
    '-',
    'ー',
  );
  it('agrees with the one-regex-per-check definition on random names', () => {
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 8 }), (parts) => {
        const v = parts.join('');
        // isPersonName also needs letters only and more; where the definition says no, so must it.
        if (!definition(v.trim())) assert.equal(isPersonName(v), false, JSON.stringify(v));
      }),
      { numRuns: 2000 },
    );
  });
  it('still takes the names the definition allows', () => {
    for (const v of [
      '佐藤 太郎',
      '佐藤\u3000さくら',
      'サトウ タロウ',
      '佐藤 太郎店員',
      'Ichiro Sato',
      '佐藤太郎さくら\u3000佐藤太郎さ',
      '佐藤太郎さくら\u00a0佐藤太郎さ',
    ]) {
      // (The last two: twelve letters, the most a Japanese name has, and a space that is not ' '.)
      assert.equal(isPersonName(v), true, v);
      assert.equal(definition(v), true, v);
    }
    for (const v of ['佐藤 太郎 佐藤 太郎 佐藤 太郎 佐藤', 'さくら郡', '佐藤株式会社', '佐藤（株）', '佐藤センター', 'さくら区', '佐藤1', 'Ichiro_Sato'])
      assert.equal(isPersonName(v), false, v);
  });
});

describe('personal records', () => {
  const rec = (...k: FieldKind[]) => isPersonalMask(k.reduce((m, kind) => m | KIND_BIT[kind], 0));
  it('needs who plus a way to reach or recognise them, or a strong identifier', () => {
    assert.ok(rec('name', 'email'));
    assert.ok(rec('email', 'phone'));
    assert.ok(rec('myNumber'));
    assert.ok(rec('card'));
    assert.ok(!rec('name', 'kana'));
    assert.ok(!rec('address', 'phone'), 'a shop list');
    assert.ok(!rec('email'));
  });
});
