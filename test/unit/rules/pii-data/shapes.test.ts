// Keys by their last part, name parts, North American and grouped phones, SSNs, business
// entity names, column profiles, and the SQL shapes: INSERT without INTO, INSERT ALL, one value
// per line with calls, seed rows passed to a declared routine, COPY blocks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  classifyKey,
  isBusinessEntityName,
  isGroupedPhone,
  isNamePart,
  isNanpPhone,
  keyKind,
  valueFits,
  type FieldKind,
} from '../../../../src/core/rules/pii-data/analysis/fields';
import { isSsn } from '../../../../src/core/rules/pii-data/analysis/identifiers';
import { scanLineIdentifiers } from '../../../../src/core/rules/pii-data/analysis/lines';
import { profileColumns } from '../../../../src/core/rules/pii-data/analysis/profile';
import { sqlRecords } from '../../../../src/core/rules/pii-data/analysis/sql';
import { IdHits, StoreTally } from '../../../../src/core/rules/pii-data/analysis/tally';

describe('keys by their last part', () => {
  const cases: [string, FieldKind | undefined][] = [
    ['au_fname', 'name'],
    ['emp_lname', 'name'],
    ['empFirstName', 'name'],
    ['cust_email', 'email'],
    ['contactTel', 'phone'],
    ['EMP_PHONE', 'phone'],
    ['home_zip', 'postal'],
    ['ssn', 'ssn'],
    ['social_security_number', 'ssn'],
    ['applicantSsn', 'ssn'],
    ['hotel', undefined],
    ['use_gzip', undefined],
    ['customerPost', undefined],
    ['file_name', undefined],
    ['fname', 'name'],
    ['Vorname', 'name'],
    ['Teléfono', 'phone'],
    ['PLZ', 'postal'],
    ['Adresse', 'address'],
    ['courriel', 'email'],
    ['Geburtsdatum', 'birthdate'],
  ];
  for (const [key, kind] of cases) it(`${key} → ${kind ?? 'nothing'}`, () => assert.equal(classifyKey(key), kind));

  it('first and last name keys take one word as a whole name; a name key does not', () => {
    for (const k of ['first_name', 'LastName', 'au_lname', 'surname', 'Nachname', 'Apellido']) assert.equal(keyKind(k), 'namePart', k);
    assert.equal(keyKind('name'), 'name');
    assert.ok(isNamePart('Franklin') && isNamePart('FRANKLIN') && isNamePart('佐藤'));
    for (const v of ['franklin', 'Admin', 'User', 'F', 'Franklin2', 'テスト']) assert.ok(!isNamePart(v), v);
  });
});

describe('phones, postal codes and SSNs of other countries', () => {
  it('North American numbers under a phone key', () => {
    for (const v of ['415 658-9932', '(608) 555-1023', '1.515.555.0100', '6085551023', '+1 317 623 4104']) assert.ok(isNanpPhone(v), v);
    for (const v of ['015 658-9932', '415 058-9932', '555-1023', '415 555-5555', '+1 317 123 4104']) assert.ok(!isNanpPhone(v), v);
    assert.ok(valueFits('phone', '503 271-8846'));
  });

  it('grouped international numbers, with or without their +', () => {
    for (const v of ['44.1632.960024', '+49 30 8853 0417', '33 1 42 68 53 00']) assert.ok(isGroupedPhone(v), v);
    for (const v of ['2024.01.15', '10.0.0.1', '1.2.3', '44.1111.111111']) assert.ok(!isGroupedPhone(v), v);
  });

  it('ZIP and UK postcodes under a postal key', () => {
    for (const v of ['94705', '94705-1234', 'SW1A 1AA', 'K1A 0B1', '〒100-0001']) assert.ok(valueFits('postal', v), v);
    for (const v of ['00000', '12345', '1234']) assert.ok(!valueFits('postal', v), v);
  });

  it('SSNs by the SSA rules: no area 000, 666 or 9xx, no group 00, no serial 0000, no published sample', () => {
    for (const v of ['538-50-2616', '245 09 6304', '429390747']) assert.ok(isSsn(v), v);
    for (const v of ['000-50-2616', '666-09-6304', '912-39-0747', '429-00-0747', '429-39-0000', '078-05-1120', '123-45-6789', '111-11-1111', '53-850-2616']) {
      assert.ok(!isSsn(v), v);
    }
  });

  it('finds an SSN only next to its own name on the line', () => {
    const found = (line: string): number => {
      const ids = new IdHits();
      scanLineIdentifiers(line, 0, ids);
      return ids.totals.get('ssn') ?? 0;
    };
    assert.equal(found('applicant ssn: 538-50-2616'), 1);
    assert.equal(found('"social_security_number": "245-09-6304"'), 1);
    assert.equal(found('serial: 538-50-2616'), 0);
    assert.equal(found('ssn_hash: 538-50-2616 part_no: 245-09-6304'), 0);
    assert.equal(found('SSN 666-12-3456'), 0);
  });
});

describe('business entity names', () => {
  it('reads the last word of a table or file name', () => {
    for (const n of ['sap.fe.cap.travel-TravelAgency.csv', 'suppliers', 'store_locations', 'Companies.json', 'Shippers']) assert.ok(isBusinessEntityName(n), n);
    for (const n of ['Passenger.csv', 'customers', 'agency_contacts_people', 'employees.sql', 'users']) assert.ok(!isBusinessEntityName(n), n);
  });
});

describe('column profiles', () => {
  const rows = (lines: string[], d = ','): { text: string }[][] => lines.map((l) => l.split(d).map((text) => ({ text })));

  it('reads phones, postal codes, addresses and names from their values', () => {
    const kinds = [
      ...profileColumns(
        rows([
          '〒064-0808,北海道札幌市中央区南八条西4-12-3,石井 陽介,011-531-7284',
          '〒980-0014,宮城県仙台市青葉区本町2-6-11,村上 彩,022-264-8391',
          '〒371-0023,群馬県前橋市本町1-9-4,岡田 拓海,027-235-1946',
        ]),
        () => false,
      ),
    ];
    assert.deepEqual(kinds, ['postal', 'address', 'name', 'phone']);
  });

  it('takes two adjacent one-word columns before the address for a first and a last name, not a city and a state after it', () => {
    const data = rows([
      '1,Clara,Benson,418 Juniper St.,Boulder,Colorado',
      '2,Felix,Marsh,27 Quarry Rd.,Golden,Nevada',
      '3,Irene,Vasquez,1630 Aspen Way,Denver,Utah',
    ]);
    assert.deepEqual([...profileColumns(data, () => false)], [undefined, 'namePart', 'namePart', 'address']);
    const stores = rows(['Boulder,Colorado,418 Juniper St.', 'Golden,Nevada,27 Quarry Rd.', 'Denver,Utah,1630 Aspen Way']);
    assert.deepEqual([...profileColumns(stores, () => false)], ['namePart', 'namePart', 'address'], 'without an address after them, two words may be names');
    const cities = rows(['418 Juniper St.,Boulder,Colorado', '27 Quarry Rd.,Golden,Nevada', '1630 Aspen Way,Denver,Utah']);
    assert.deepEqual([...profileColumns(cities, () => false)], ['address']);
  });

  it('leaves columns with a telling name, and columns of mixed values, alone', () => {
    const data = rows(['Clara Benson,090-3841-2270,x', 'Felix Marsh,080-5512-9043,y', 'Irene Vasquez,03-3581-4321,z', 'Jonah Pryor,,w', 'Leah Sutton,n/a,v']);
    assert.deepEqual([...profileColumns(data, (c) => c === 0)], [undefined, 'phone']);
    assert.deepEqual([...profileColumns(rows(['a,1', 'b,2']), () => false)], []);
  });

  it('needs five records, or six when only a profile made them personal, or three with a strong identifier', () => {
    const tally = (n: number, profiled: boolean, card = false): boolean => {
      const t = new StoreTally('csv', new IdHits());
      const cards = ['4539763729746235', '5186774047242099', '4929465819274007'];
      for (let i = 0; i < n; i++) {
        t.beginRecord();
        t.addField(profiled ? undefined : 'name', 'Clara Benson', 0, 1, profiled ? 'name' : undefined);
        t.addField(undefined, `clara${i}@fastmail.com`, 2, 3, undefined);
        if (card) t.addField('card_no', cards[i % 3], 4, 5, undefined);
        t.endRecord([0, 1]);
      }
      return t.summary() !== undefined;
    };
    assert.ok(!tally(4, false));
    assert.ok(tally(5, false));
    assert.ok(!tally(5, true));
    assert.ok(tally(6, true));
    assert.ok(tally(3, false, true));
    assert.ok(!tally(2, false, true));
  });
});

describe('SQL shapes', () => {
  const read = (text: string): Map<string, { columns: readonly string[] | undefined; values: string[] }[]> => {
    const out = new Map<string, { columns: readonly string[] | undefined; values: string[] }[]>();
    sqlRecords(text, {
      table: (name) => void out.set(name, []),
      tuple: (name, columns, values, count) => void out.get(name)?.push({ columns, values: values.slice(0, count).map((v) => v.text) }),
    });
    return out;
  };

  it('reads INSERT without INTO (T-SQL) and INSERT ALL', () => {
    const t = read(
      "insert people\n values('a1', 'Ada', '503 271-8846')\nINSERT ALL\n  INTO staff (id, n) VALUES (1, 'x')\n  INTO staff (id, n) VALUES (2, 'y')\nSELECT * FROM dual;\n",
    );
    assert.deepEqual(
      t.get('people')?.map((r) => r.values),
      [['a1', 'Ada', '503 271-8846']],
    );
    assert.deepEqual(
      t.get('staff')?.map((r) => r.values),
      [
        ['1', 'x'],
        ['2', 'y'],
      ],
    );
  });

  it('reads calls with strings: the first string under a column list, every string without one', () => {
    const noCols = read(
      "INSERT INTO c VALUES\n  ( 101\n  , 'Ada'\n  , addr_typ('12 Elm St', '46901', 'Kokomo')\n  , TO_DATE('17-06-2013', 'dd-MM-yyyy')\n  );\n",
    );
    assert.deepEqual(noCols.get('c')?.[0].values, ['101', 'Ada', '12 Elm St', '46901', 'Kokomo', '17-06-2013', 'dd-MM-yyyy']);
    const cols = read("INSERT INTO c (id, name, addr, born) VALUES (101, 'Ada', addr_typ('12 Elm St', '46901'), TO_DATE('17-06-2013', 'dd-MM-yyyy'));\n");
    assert.deepEqual(cols.get('c')?.[0].values, ['101', 'Ada', '12 Elm St', '17-06-2013']);
  });

  it('reads seed rows passed to a routine declared in the file, named by its parameters', () => {
    const t = read(
      "CREATE OR REPLACE FUNCTION add_member(IN memberName VARCHAR, p_tel IN VARCHAR, @zip VARCHAR(8))\nRETURNS INTEGER AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\nSELECT add_member('三浦 健太', '090-3841-2270', '260-0013');\nSELECT count(*) FROM member;\n",
    );
    assert.deepEqual([...t.keys()], ['add_member']);
    assert.deepEqual(t.get('add_member')?.[0], { columns: ['memberName', 'p_tel', 'zip'], values: ['三浦 健太', '090-3841-2270', '260-0013'] });
  });

  it('reads COPY rows, \\N as empty, up to the \\. line', () => {
    const t = read('COPY public.person (id, first_name, email) FROM stdin;\n1\tMARTA\t\\N\r\n2\tRUBEN\tr@x.de\n\\.\nSELECT 1;\n');
    assert.deepEqual(
      t.get('person')?.map((r) => r.values),
      [
        ['1', 'MARTA', ''],
        ['2', 'RUBEN', 'r@x.de'],
      ],
    );
  });
});
