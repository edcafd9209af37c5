// The catalog proves its own facts: every section number, link, edition and figure it shows
// carries where the reference read it and how it was verified, and nothing ships that the
// reference marks UNVERIFIED. CI has only the repository, so the test checks the catalog's
// recorded provenance, not the reference file itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GUIDELINES, OFFICIAL_HOSTS, type Guideline } from '../../../src/core/guidelines/catalog';
import { MAMORI_DEFAULT, PROFILES, withinMonths, type Basis } from '../../../src/core/guidelines/profiles';
import { RULES, ruleById } from '../../../src/core/rules/index';

/** The numbers a text shows, with thousands separators dropped and full-width digits folded. */
function numbers(text: string): string[] {
  const folded = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return (folded.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,(?=\d{3}\b)/g, ''));
}

/** Every number a verified fact of the entry backs: its section, edition and figure keys. */
function backed(g: Guideline): Set<string> {
  const out = new Set<string>();
  for (const [key, p] of Object.entries(g.facts)) {
    if (p.level === 'unverified') continue;
    const text = key === 'section' ? (g.section ?? '') : key === 'edition' ? (g.edition ?? '') : key === 'url' ? '' : key;
    for (const n of numbers(text)) {
      out.add(n);
      // A dotted number backs its parts too ("4.0.1" shows 4, 0 and 1 when split by a dash).
      for (const part of n.split('.')) out.add(part);
    }
  }
  return out;
}

describe('guideline catalog provenance', () => {
  for (const g of Object.values(GUIDELINES)) {
    describe(g.id, () => {
      it('ships no unverified fact, and each shown fact has a source and the reference line', () => {
        for (const [key, p] of Object.entries(g.facts)) {
          assert.notEqual(p.level, 'unverified', `${key} is unverified`);
          assert.ok(p.source.trim(), `${key} has no source`);
          assert.match(p.ref, /^§\d+[AB]? /, `${key}: the reference line must start with its section (§1, §1A …)`);
        }
        if (g.section !== undefined) assert.ok(g.facts.section, 'a section number without a verified source');
        if (g.url !== undefined) assert.ok(g.facts.url, 'a URL without a verified source');
        if (g.edition !== undefined) assert.ok(g.facts.edition, 'an edition without a verified source');
      });

      it('is labelled with its lowest level', () => {
        const levels = Object.values(g.facts).map((p) => p.level);
        const lowest = levels.includes('secondary') ? 'secondary' : 'official';
        // An entry may be labelled lower than its facts (content read only in a quotation, as
        // the summary says), never higher.
        // An official entry may hold a secondary fact only when its summary says so in place.
        if (lowest === 'secondary' && g.level !== 'secondary') {
          assert.ok(g.summary.en.includes('secondary source') && g.summary.ja.includes('二次情報'), 'an entry with a secondary fact is shown as official');
        }
      });

      it('shows no figure without a verified fact behind it', () => {
        const ok = backed(g);
        for (const text of [g.title.en, g.title.ja, g.summary.en, g.summary.ja]) {
          for (const n of numbers(text)) {
            const parts = n.split('.');
            assert.ok(ok.has(n) || parts.every((p) => ok.has(p)), `${n} in "${text.slice(0, 80)}…" has no verified fact`);
          }
        }
      });
    });
  }

  it('drops the ids and numbers the revised reference retired or marks unverified', () => {
    for (const id of ['nisc-tkb-6.1.1', 'ppc-gl-3-5-1-1', 'ppc-mynumber-faq-17-1', 'pci-dss-4']) assert.equal(GUIDELINES[id], undefined, id);
    for (const g of Object.values(GUIDELINES)) {
      for (const text of [g.title.en, g.title.ja, g.summary.en, g.summary.ja, g.section ?? '']) {
        assert.doesNotMatch(text, /\b6\.1\.1\b/, `${g.id}: the 統一基準 number is unverified`);
        assert.doesNotMatch(text, /第13版/, `${g.id}: the FISC edition is unverified`);
      }
    }
  });

  it('counts only public bodies as official hosts (an industry body is not one)', () => {
    assert.ok(!OFFICIAL_HOSTS.includes('dxcriteria.cto-a.org'));
    for (const g of Object.values(GUIDELINES)) {
      if (g.url && OFFICIAL_HOSTS.includes(new URL(g.url).host)) assert.notEqual(g.origin, 'industry', g.id);
    }
  });
});

describe('citations of the rules', () => {
  const lead = (id: string) => ruleById(id)?.guidelines[0];

  it('My Numbers lead with the My Number Act; card numbers with the card regime, never as identification codes', () => {
    assert.equal(lead('pii-data/my-number'), 'ppc-mn-act-29-4');
    const my = ruleById('pii-data/my-number')?.guidelines ?? [];
    for (const id of ['ppc-mn-rule-art2', 'ppc-mn-faq-17-10', 'ppc-mn-gl-annex1-f']) assert.ok(my.includes(id), id);
    assert.equal(lead('pii-data/card-number'), 'cc-kappu-35-16');
    const card = ruleById('pii-data/card-number')?.guidelines ?? [];
    for (const id of ['cc-sec-gl', 'pci-dss-v4-req3', 'ppc-rule-art7']) assert.ok(card.includes(id), id);
    assert.ok(!card.includes('ppc-gl-2-2'), 'card numbers are not individual identification codes');
    const cardRule = ruleById('pii-data/card-number');
    for (const t of [cardRule?.description.ja ?? '', cardRule?.title.ja ?? '']) assert.doesNotMatch(t, /個人識別符号である|個人識別符号で、/);
    assert.equal(lead('pii-data/passport-number'), 'ppc-gl-2-2');
  });

  it('exposure rules cite 3-5-1-2 and the reporting duty, and no rule text the retired numbers', () => {
    for (const r of RULES) {
      if (r.category === 'pii-exposure') {
        for (const id of ['ppc-gl-3-5-1-2', 'ppc-rule-art7', 'ppc-gl-3-5-3', 'ppc-gl-3-5-4']) assert.ok(r.guidelines.includes(id), `${r.id} lacks ${id}`);
      }
      for (const t of [r.description.en, r.description.ja, ...Object.values(r.messages).flatMap((m) => [m.en, m.ja])]) {
        assert.doesNotMatch(t, /3-5-1-1/, `${r.id} cites the old number`);
        assert.doesNotMatch(t, /Q17-1\b[^0-9]/, `${r.id} cites Q17-1 (the opposite case) for a leak`);
      }
    }
  });
});

describe('password profiles trace every number', () => {
  const check = (where: string, basis: Basis | undefined, fields: Record<string, number | undefined>) => {
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const t = basis?.trace?.[field];
      assert.ok(t, `${where}.${field} = ${value} has no source and is not marked Mamori's default`);
      if (t !== MAMORI_DEFAULT) {
        assert.notEqual(t.level, 'unverified', `${where}.${field}`);
        assert.ok(t.ref.includes(String(value)), `${where}.${field}: the reference line does not show ${value}: ${t.ref}`);
      }
    }
  };
  for (const p of Object.values(PROFILES)) {
    it(p.id, () => {
      check(`${p.id}.length`, p.length, {
        min: p.length.min,
        withMfa: p.length.withMfa,
        errorBelow: p.length.errorBelow,
        'withExpiry.min': p.length.withExpiry?.min,
        'withExpiry.maxAgeMonths': p.length.withExpiry?.maxAgeMonths,
      });
      if (p.composition.mode === 'require') assert.ok(p.composition.trace?.groups, `${p.id}: composition has no source`);
      check(`${p.id}.reuse`, p.reuse, { minHistory: p.reuse?.minHistory });
      check(`${p.id}.lockout`, p.lockout, { maxAttempts: p.lockout?.maxAttempts, minMinutes: p.lockout?.minMinutes });
      for (const b of [p.length, p.composition, p.reuse, p.lockout, p.expiry]) {
        for (const id of b?.guidelines ?? []) assert.ok(GUIDELINES[id], `${p.id}: unknown guideline ${id}`);
      }
    });
  }

  it("the jp-baseline error line (8) is said to be Mamori's own default", () => {
    assert.equal(PROFILES['jp-baseline'].length.trace?.errorBelow, MAMORI_DEFAULT);
  });

  it('"2か月" is two calendar months, not 60 days', () => {
    assert.equal(PROFILES['mhlw-medical'].length.withExpiry?.maxAgeMonths, 2);
    assert.equal(withinMonths(59, 2), true);
    // 60 days from 1 January end on 1 March: past two months.
    assert.equal(withinMonths(60, 2), false);
    assert.equal(withinMonths(28, 1), true);
    assert.equal(withinMonths(29, 1), false);
    assert.equal(withinMonths(365, 12), true);
  });
});

describe('exposures of My Number stores', () => {
  it('lead with the My Number Act when the file names My Numbers, and only then', async () => {
    const { scanText } = await import('../../../src/core/scan');
    const tf = (bucket: string) => `resource "aws_s3_bucket_acl" "docs" {\n  bucket = "${bucket}"\n  acl    = "public-read"\n}\n`;
    const mine = (await scanText({ path: 'main.tf', text: tf('hr-mynumber-scans') })).filter((f) => f.category === 'pii-exposure');
    assert.ok(mine.length > 0, 'no exposure finding on the sample');
    for (const f of mine) {
      assert.equal(f.guidelines[0], 'ppc-mn-act-29-4');
      assert.ok(f.guidelines.includes('ppc-mn-faq-17-10'));
      assert.equal(f.data.dataKind, 'myNumber');
    }
    const other = (await scanText({ path: 'main.tf', text: tf('hr-payslips') })).filter((f) => f.category === 'pii-exposure');
    assert.ok(other.length > 0);
    for (const f of other) {
      assert.equal(f.guidelines[0], 'ppc-gl-3-5-1-2');
      assert.equal(f.data.dataKind, undefined);
    }
  });
});
