/**
 * What a field of a record holds, decided by its key (a CSV header, a JSON/YAML key, an SQL
 * column, a `key=value` in a log line), and whether its value really looks like that kind of
 * personal data. Keys decide; values only confirm (or, for e-mail and phone numbers, which
 * have an unmistakable shape, decide when there is no key).
 */
import { isRegexSpace } from '../../../documents/chars';
import type { Localized } from '../../../guidelines/catalog';
import { digitsOf, isCardNumber, isMyNumber, isPassportNumber, isPlaceholderDigits, isSsn, placeholderDigitsIn } from './identifiers';

/** Kinds of personal field, in the order messages list them. */
export const FIELD_KINDS = ['myNumber', 'passport', 'card', 'ssn', 'name', 'kana', 'birthdate', 'address', 'postal', 'phone', 'email'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Strong identifiers: reported value by value, and they make a record personal on their own. */
export const STRONG_KINDS: ReadonlySet<FieldKind> = new Set(['myNumber', 'passport', 'card', 'ssn']);

/**
 * What a key says about its field: a kind; 'namePart' for a given or family name on its own
 * (first_name: a single word is a whole value there); 'business' for a key that marks a place
 * or business listing.
 */
export type KeyKind = FieldKind | 'business' | 'namePart';

/** Kinds that name who a record is about; a bulk store needs one of them plus a contact. */
const WHO: ReadonlySet<FieldKind> = new Set(['name', 'kana', 'email']);

/** Display names of the kinds. */
export const KIND_LABEL: Readonly<Record<FieldKind, Localized>> = {
  myNumber: { en: 'My Number', ja: 'マイナンバー' },
  passport: { en: 'passport number', ja: '旅券番号' },
  card: { en: 'card number', ja: 'カード番号' },
  ssn: { en: 'US Social Security number', ja: '米国社会保障番号（SSN）' },
  name: { en: 'name', ja: '氏名' },
  kana: { en: 'name reading', ja: 'フリガナ' },
  birthdate: { en: 'date of birth', ja: '生年月日' },
  address: { en: 'address', ja: '住所' },
  postal: { en: 'postal code', ja: '郵便番号' },
  phone: { en: 'phone number', ja: '電話番号' },
  email: { en: 'e-mail address', ja: 'メールアドレス' },
};

/** Lower-cases a key and drops separators: "Passport_No" → "passportno", "E-Mail" → "email". */
export function normalizeKey(key: string): string {
  // Every record of a file repeats the same keys: normalise each once.
  let n = NORMALISED.get(key);
  if (n === undefined) {
    // NFKC folds full-width letters (ｅｍａｉｌ) and half-width kana; most keys need neither.
    const k = /[^\u0020-\u007e\u3040-\u30ff\u4e00-\u9fff]/.test(key) ? key.normalize('NFKC') : key;
    n = k.toLowerCase().replace(/[\s_\-.:：・()（）[\]【】「」"'`]/g, '');
    if (NORMALISED.size >= 20_000) NORMALISED.clear();
    NORMALISED.set(key, n);
  }
  return n;
}
const NORMALISED = new Map<string, string>();

/** The cached answer "no kind" (undefined cannot be told from a missing entry). */
const NO_KIND = '';

// English keys, normalised. Exact matches, or the listed suffixes after a known owner word
// (customer_email, user_phone): a bare substring test would turn "filename" into a name.
const EXACT: ReadonlyArray<readonly [FieldKind, readonly string[]]> = [
  ['myNumber', ['mynumber', 'mynum', 'mynumberno', 'kojinbango', 'kojinbangou', 'individualnumber', 'personalnumber', 'socialsecurityandtaxnumber']],
  ['passport', ['passport', 'passportno', 'passportnumber', 'passportnum', 'passportid', 'ryokenbango', 'ryokenbangou']],
  [
    'card',
    [
      'card',
      'cardno',
      'cardnum',
      'cardnumber',
      'creditcard',
      'creditcardno',
      'creditcardnumber',
      'ccnumber',
      'ccnum',
      'ccno',
      'cc',
      'pan',
      'primaryaccountnumber',
      'paymentcard',
      'paymentcardnumber',
    ],
  ],
  ['ssn', ['ssn', 'socialsecuritynumber', 'socialsecurityno', 'socialsecurity', 'socsecno', 'ssnumber', 'ssnno', 'usssn']],
  [
    'kana',
    [
      'kana',
      'namekana',
      'kananame',
      'furigana',
      'namefurigana',
      'lastnamekana',
      'firstnamekana',
      'familynamekana',
      'givennamekana',
      'seikana',
      'meikana',
      'fullnamekana',
      'ruby',
      'sei',
      'mei',
    ],
  ],
  [
    'name',
    [
      'name',
      'fullname',
      'firstname',
      'lastname',
      'familyname',
      'givenname',
      'surname',
      'middlename',
      'personname',
      'realname',
      'legalname',
      'customername',
      'membername',
      'patientname',
      'contactname',
      'holdername',
      'cardholder',
      'cardholdername',
      'applicantname',
      'employeename',
      'studentname',
      'fname',
      'lname',
      'forename',
      'shimei',
      'namae',
    ],
  ],
  ['birthdate', ['birthday', 'birthdate', 'dateofbirth', 'dob', 'birth', 'birthdt', 'bday', 'borndate', 'seinengappi']],
  [
    'address',
    [
      'address',
      'address1',
      'address2',
      'address3',
      'addr',
      'addr1',
      'addr2',
      'streetaddress',
      'street',
      'homeaddress',
      'mailingaddress',
      'postaladdress',
      'residence',
      'jusho',
      'jyusho',
    ],
  ],
  ['postal', ['zip', 'zipcode', 'postalcode', 'postcode', 'postal', 'postno', 'yubinbango', 'yubin']],
  [
    'phone',
    [
      'phone',
      'phonenumber',
      'phoneno',
      'tel',
      'telno',
      'telnumber',
      'telephone',
      'telephonenumber',
      'mobile',
      'mobilephone',
      'mobilenumber',
      'mobileno',
      'cell',
      'cellphone',
      'cellphonenumber',
      'keitai',
      'denwa',
      'denwabango',
      'contactnumber',
      'fax',
    ],
  ],
  ['email', ['email', 'mail', 'emailaddress', 'mailaddress', 'emailaddr', 'mailaddr', 'contactemail']],
];
/** The same keys in German, French, Spanish, Italian and Portuguese headers (Vorname, Teléfono, Adresse …). */
const EXACT_OTHER: ReadonlyArray<readonly [FieldKind, readonly string[]]> = [
  [
    'name',
    [
      'vorname',
      'nachname',
      'familienname',
      'nombre',
      'apellido',
      'apellidos',
      'nombrecompleto',
      'prenom',
      'prénom',
      'nomdefamille',
      'nomcomplet',
      'cognome',
      'nome',
      'sobrenome',
      'nomecompleto',
    ],
  ],
  ['birthdate', ['geburtsdatum', 'geburtstag', 'fechadenacimiento', 'datedenaissance', 'datadinascita', 'datadenascimento']],
  ['address', ['adresse', 'anschrift', 'strasse', 'straße', 'direccion', 'dirección', 'domicilio', 'indirizzo', 'endereco', 'endereço', 'rue']],
  ['postal', ['plz', 'postleitzahl', 'codigopostal', 'códigopostal', 'codepostal', 'cep']],
  [
    'phone',
    [
      'telefon',
      'telefonnummer',
      'handy',
      'mobiltelefon',
      'telefono',
      'teléfono',
      'telefone',
      'celular',
      'movil',
      'móvil',
      'cellulare',
      'portable',
      'numerodetelephone',
      'numérodetéléphone',
    ],
  ],
  ['email', ['correo', 'correoelectronico', 'correoelectrónico', 'courriel', 'adressemail', 'adresseemail']],
];
const EXACT_MAP = new Map<string, FieldKind>([...EXACT, ...EXACT_OTHER].flatMap(([kind, keys]) => keys.map((k) => [k, kind] as const)));

/** Owner words that may precede an English key: customer_email, user_phone, billing_address. */
const OWNER =
  /^(?:customer|user|member|client|contact|person|patient|employee|staff|student|guest|applicant|holder|account|billing|shipping|home|primary|personal|owner|buyer|recipient|sender|emergency|parent|guardian|kokyaku|kaiin)/;

// Japanese keys: the term may carry a prefix or suffix (顧客氏名, 氏名（漢字）, 電話番号1).
const JA: ReadonlyArray<readonly [FieldKind, RegExp]> = [
  ['myNumber', /マイナンバー|個人番号/],
  ['passport', /旅券番号|パスポート/],
  ['card', /カード番号|クレジットカード/],
  ['kana', /フリガナ|ふりがな|カナ|かな|よみ|ヨミ|セイ$|^メイ$/],
  ['birthdate', /生年月日|誕生日/],
  ['postal', /郵便番号|^〒$/],
  ['address', /住所|^都道府県|^市区町村|^番地|^所在地$/],
  ['phone', /電話|携帯|^tel$|^fax$/],
  ['email', /メール|^e?mail$/],
  // 顧客名, 会員名, 担当者名, 契約者名, 受取人名, 宛名: a person's name by the role they play.
  ['name', /氏名|名前|^姓$|^名$|^氏$|^姓名$|^ご?芳名$|(?:者|客|員|(?<!法)人)名$|^宛名$/],
];

/** Classifies a key; undefined when it names no personal field. */
export function classifyKey(key: string): FieldKind | undefined {
  // Asked of every key and, through isPlaceholderText, of short values (a column of names):
  // the answers are kept, as the same strings come back row after row.
  let kind = CLASSIFIED.get(key);
  if (kind === undefined) {
    const n = normalizeKey(key);
    kind = classifyNormalised(n) ?? classifyEnding(key, n) ?? NO_KIND;
    if (CLASSIFIED.size >= 20_000) CLASSIFIED.clear();
    CLASSIFIED.set(key, kind);
  }
  return kind === NO_KIND ? undefined : kind;
}
const CLASSIFIED = new Map<string, FieldKind | typeof NO_KIND>();

function classifyNormalised(k: string): FieldKind | undefined {
  if (k.length === 0 || k.length > 40) return undefined;
  const exact = EXACT_MAP.get(k);
  if (exact) return exact;
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(k)) {
    for (const [kind, re] of JA) if (re.test(k)) return kind;
    return undefined;
  }
  const owner = OWNER.exec(k);
  if (owner) {
    const rest = EXACT_MAP.get(k.slice(owner[0].length));
    // user_name, account_name and owner_name are logins and handles, not a person's name.
    if (rest && !(rest === 'name' && /^(?:user|account|owner)$/.test(owner[0]))) return rest;
  }
  return undefined;
}

/**
 * Key endings that name a personal field whatever owner comes before them (empFirstName,
 * contact_phone_number): long enough that no other word ends so.
 */
const ENDINGS: ReadonlyArray<readonly [string, FieldKind]> = [
  ['firstname', 'name'],
  ['lastname', 'name'],
  ['givenname', 'name'],
  ['familyname', 'name'],
  ['middlename', 'name'],
  ['surname', 'name'],
  ['phonenumber', 'phone'],
  ['telephone', 'phone'],
  ['emailaddress', 'email'],
  ['dateofbirth', 'birthdate'],
  ['birthdate', 'birthdate'],
  ['postalcode', 'postal'],
  ['zipcode', 'postal'],
  ['socialsecuritynumber', 'ssn'],
  ['passportnumber', 'passport'],
];

/**
 * Short words that name a personal field as the last part of a key (au_lname, cust_email,
 * EMP_PHONE, contactTel): only as a whole part, so "hotel" or "gzip" never count.
 */
const LAST_PART: ReadonlyMap<string, FieldKind> = new Map([
  ['fname', 'name'],
  ['lname', 'name'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['tel', 'phone'],
  ['mobile', 'phone'],
  ['zip', 'postal'],
  ['dob', 'birthdate'],
  ['ssn', 'ssn'],
  ['kana', 'kana'],
  ['furigana', 'kana'],
]);

function classifyEnding(key: string, normalised: string): FieldKind | undefined {
  if (normalised.length === 0 || normalised.length > 40 || !/^[a-z0-9]+$/.test(normalised)) return undefined;
  for (const [ending, kind] of ENDINGS) if (normalised.endsWith(ending)) return kind;
  const part = lastPart(key);
  return part === undefined ? undefined : LAST_PART.get(part);
}

/**
 * A key's last part, lower-cased: after its last separator, or the last capitalised word of
 * camelCase; undefined for a key of one part (exact keys are the EXACT table's).
 */
function lastPart(key: string): string | undefined {
  const k = key.trim();
  const sep = Math.max(k.lastIndexOf('_'), k.lastIndexOf('-'), k.lastIndexOf('.'), k.lastIndexOf(' '));
  let part = k.slice(sep + 1);
  const camel = /[A-Z][a-z0-9]+$/.exec(part);
  if (camel && camel.index > 0) part = camel[0];
  return part.length > 0 && part.length < k.length ? part.toLowerCase() : undefined;
}

/** Keys for one part of a name (a first or a last name), where one word is the whole value. */
const NAME_PART =
  /^(?:firstname|lastname|givenname|familyname|middlename|surname|fname|lname|forename|vorname|nachname|familienname|apellidos?|prenom|prénom|nomdefamille|cognome|sobrenome|[a-z0-9]{1,20}(?:firstname|lastname|givenname|familyname|middlename|surname|fname|lname))$/;

/**
 * What a key says about its field: a kind, 'namePart' for a first or last name alone,
 * 'business' for a key that marks a place or business listing, or undefined. Cached across
 * documents: the same keys come back in every record and in every scan of a file being edited.
 */
export function keyKind(key: string): KeyKind | undefined {
  let kind = KEY_KINDS.get(key);
  if (kind === undefined) {
    const k = classifyKey(key);
    kind = k === 'name' && NAME_PART.test(normalizeKey(key)) ? 'namePart' : (k ?? (isBusinessKey(key) ? 'business' : NO_KIND));
    if (KEY_KINDS.size >= 20_000) KEY_KINDS.clear();
    KEY_KINDS.set(key, kind);
  }
  return kind === NO_KIND ? undefined : kind;
}
const KEY_KINDS = new Map<string, KeyKind | typeof NO_KIND>();

/** Keys that mark a record as a place or business listing rather than a person. */
const BUSINESS_KEYS = new Set([
  'lat',
  'lng',
  'lon',
  'latitude',
  'longitude',
  'coordinates',
  'geo',
  'geometry',
  'rating',
  'reviews',
  'cuisine',
  'openinghours',
  'businesshours',
  'placeid',
  'venue',
  'storename',
  'shopname',
  'branchname',
  'facilityname',
  '緯度',
  '経度',
  '営業時間',
  '定休日',
  '店舗名',
  '施設名',
  '支店名',
]);

/** Nouns of what a table or file lists when its rows are organisations or places, not people. */
const BUSINESS_ENTITIES = new Set([
  'agency',
  'company',
  'supplier',
  'vendor',
  'shipper',
  'carrier',
  'airline',
  'store',
  'shop',
  'branch',
  'office',
  'bank',
  'hotel',
  'restaurant',
  'organization',
  'organisation',
  'business',
  'merchant',
  'dealer',
  'manufacturer',
  'warehouse',
  'location',
  'venue',
  'facility',
  'clinic',
  'hospital',
  'school',
  'publisher',
  'brand',
  'department',
  'institution',
  'university',
  'provider',
  'distributor',
  'retailer',
  'firm',
  'corporation',
  'enterprise',
  'site',
  'plant',
  'outlet',
  'showroom',
]);

/**
 * Whether a table or file name says its rows are organisations or places (TravelAgency,
 * suppliers, store_locations): its last word, singular, is such a noun.
 */
export function isBusinessEntityName(name: string): boolean {
  const stem = name.replace(/\.[A-Za-z0-9]{1,8}$/, '').slice(-80);
  const words = stem.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length > 0);
  const last = words[words.length - 1]?.toLowerCase();
  if (!last) return false;
  const singular = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.endsWith('sses') || last.endsWith('ches') ? last.slice(0, -2) : last.replace(/s$/, '');
  return BUSINESS_ENTITIES.has(last) || BUSINESS_ENTITIES.has(singular);
}

/** Whether a key marks a place or business record. */
export function isBusinessKey(key: string): boolean {
  return BUSINESS_KEYS.has(normalizeKey(key));
}

const PLACEHOLDER_TEXT =
  /^(?:-|n\/?a|null|nil|none|undefined|true|false|test|dummy|sample|example|xxx+|x+|\*+|\?+|…|\.\.\.|tbd|todo|テスト|ダミー|サンプル|なし|無し|不明|未設定|未入力|[○〇●◯×＊*]+.*|<[^>]*>|\{\{.*\}\}|\$\{.*\}|%\w+%|:\w+|@\w+|\?)$/i;

/** Names that stand for "some person" in Japanese and English samples. */
const SAMPLE_NAMES =
  /^(?:山田\s?太郎|山田\s?花子|ヤマダ\s?タロウ|ヤマダ\s?ハナコ|やまだ\s?たろう|名無し|john\s+doe|jane\s+doe|john\s+smith|foo|bar|baz|hoge|fuga|piyo|alice|bob)$/i;

/** Mail domains reserved or used for documentation (RFC 2606, RFC 6761 and the usual stand-ins). */
const EXAMPLE_DOMAIN =
  /(?:^|\.)(?:example\.(?:com|net|org|jp|co\.jp|ne\.jp|or\.jp)|example|test|invalid|localhost|local|test\.com|test\.jp|test\.co\.jp|sample\.com|sample\.jp|dummy\.com|dummy\.jp|foo\.com|bar\.com|hoge\.com|hoge\.jp|fuga\.com|domain\.com|email\.com|mail\.com|your-?domain\.\w+|company\.com|acme\.com|users\.noreply\.github\.com)$/i;

/** Role mailboxes, read on the whole address up to its one `@`, whatever the case. */
const ROLE_LOCAL =
  /^(?:info|contact|support|help|sales|office|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|press|pr|media|hr|jobs|recruit|careers|inquiry|inquiries|enquiry|enquiries|booking|bookings|reservations?|reception|orders?|shop|store|otoiawase|toiawase|customer|service|billing|accounts?|marketing|news|newsletter|team|hello|mail|root|system|notifications?|alerts?|bounce|mailer-daemon)(?:[._+-][\w.-]*)?@/i;

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24})$/;
/** Local parts of sample addresses (read on the whole address, up to its one `@`). */
const SAMPLE_LOCAL = /^(?:no-?reply|do-?not-?reply|test|dummy|sample|example|user|foo|bar|hoge|xxx+)\d*@/i;

/** An organisation's role mailbox (info@, sales@, support@ …): it reaches a business, not a person. */
export function isRoleMailbox(value: string): boolean {
  const v = value.trim();
  return EMAIL.test(v) && ROLE_LOCAL.test(v);
}

/** A deliverable-looking e-mail address outside documentation domains. */
export function isPersonalEmail(value: string): boolean {
  const v = value.trim();
  const m = EMAIL.exec(v);
  if (!m) return false;
  // The local part is read in place, whatever its case (no copy, no lower-cased copy).
  if (SAMPLE_LOCAL.test(v)) return false;
  // Role mailboxes belong to an organisation, not a person.
  if (ROLE_LOCAL.test(v)) return false;
  return !EXAMPLE_DOMAIN.test(m[1]);
}

/**
 * A Japanese phone number: 11-digit mobile/IP numbers (070/080/090/050/020) or 10-digit
 * landlines, written with or without hyphens or parentheses, or with +81. Samples are not
 * personal: a number whose last eight digits are a run, a sequence or a short repeating
 * pattern (090-0000-0000, 03-1234-5678, 090-1234-5678), or whose four digits before the last
 * four are one digit repeated or 1234 (090-1111-2345, 03-1234-9876). Toll-free and navigation
 * numbers (0120, 0800, 0570, 0990) belong to businesses.
 */
export function isJapanesePhone(value: string): boolean {
  const v = value.trim();
  if (!PHONE_SHAPE.test(v)) return false;
  // The shape leaves digits, + ( ) - and white space: read the digits in order, +81 as 0,
  // into one kept array (this runs for every phone cell of a CSV: no string per step).
  const d = PHONE_DIGITS;
  let n = 0;
  let i = 0;
  if (v.charCodeAt(0) === 43 /* + */) {
    d[n++] = 0;
    i = 3;
  }
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) d[n++] = c;
  }
  if (d[0] !== 0 || (n !== 10 && n !== 11)) return false;
  // Mobile and IP numbers (050, 070, 080, 090, 020) have 11 digits, landlines 10.
  const mobile = d[2] === 0 && (d[1] === 5 || d[1] === 7 || d[1] === 8 || d[1] === 9 || d[1] === 2);
  if (mobile !== (n === 11)) return false;
  // 0120, 0800, 0570, 0990.
  if (d[3] === 0 && ((d[1] === 1 && d[2] === 2) || (d[1] === 8 && d[2] === 0) || (d[1] === 5 && d[2] === 7) || (d[1] === 9 && d[2] === 9))) return false;
  // The subscriber part is the last eight digits; its exchange, the first four of them.
  const s = n - 8;
  if (d[s] === d[s + 1] && d[s + 1] === d[s + 2] && d[s + 2] === d[s + 3]) return false;
  if (d[s] === 1 && d[s + 1] === 2 && d[s + 2] === 3 && d[s + 3] === 4) return false;
  return !placeholderDigitsIn(d, s, 8);
}
const PHONE_SHAPE = /^(?:\+81[\s-]?|\(?0)\d{1,4}\)?[\s-]?\d{1,4}[\s-]?\d{3,4}$/;
/** The digits of the number `isJapanesePhone` is reading (13 at most). */
const PHONE_DIGITS = new Uint8Array(16);

/** Dates of birth as people write them: 1985-04-12, 1985/4/12, 1985年4月12日, 昭和60年4月12日, 19850412. */
export function isBirthDate(value: string): boolean {
  const v = value.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*)?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return plausibleDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
  if (m) return plausibleDate(Number(m[3]), Number(m[1]), Number(m[2])) || plausibleDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(?:明治|大正|昭和|平成|令和|[MTSHR])\s?(\d{1,2}|元)[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(v);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31;
}

function plausibleDate(y: number, mo: number, d: number): boolean {
  // 1900-01-01 and 2000-01-01 are the usual "no date" defaults.
  if ((mo === 1 && d === 1 && (y === 1900 || y === 1970 || y === 2000)) || y < 1900 || y > 2030) return false;
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/** A Japanese postal code, 〒123-4567 or 1234567, that is not a run of one digit. */
export function isPostalCode(value: string): boolean {
  const m = /^〒?\s?(\d{3})-?(\d{4})$/.exec(value.trim());
  return m !== null && !/^(\d)\1*$/.test(m[1] + m[2]) && m[1] + m[2] !== '1234567';
}

const PREFECTURE =
  /(?:北海道|東京都|大阪府|京都府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)/;

/**
 * An address: a prefecture or a municipality (市区町村) with a place; Japanese text with a
 * block number (丁目, 番地, digits); or Latin text written like an address (words with spaces
 * or commas, e.g. "2-14-7 Sakurashinmachi, Setagaya"). Single tokens such as
 * "aws_security_group.web" or "10.0.0.1" are identifiers, and "住所を入力してください" is a label.
 */
export function isAddress(value: string): boolean {
  const v = value.trim();
  if (v.length < 2 || v.length > 200 || isPlaceholderText(v) || /ください|入力|選択/.test(v)) return false;
  if (PREFECTURE.test(v) || /[\u4e00-\u9fff]{1,6}[市区町村郡]/.test(v)) return true;
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(v)) return /[0-9０-９]|丁目|番地/.test(v);
  return /[A-Za-z]{2}/.test(v) && /[\s,]/.test(v) && !/[@=<>{}$\\]|:\/\//.test(v);
}

/** Words that end the names of organisations and places, not people. */
const ORG_JA =
  /(?:株式会社|有限会社|合同会社|[（(]株[）)]|会社|店|支店|本店|営業所|事務所|病院|医院|クリニック|学校|大学|高校|中学校|小学校|幼稚園|保育園|駅|ビル|センター|協会|組合|財団|法人|役場|庁|省|局|課|部|[都道府県市区町村郡])$/;
/** The last characters of `ORG_JA`'s words: a name ending otherwise is not searched. */
const ORG_JA_LAST = new Set('社）)店所院ク校学園駅ルー会合団人場庁省局課部都道府県市区町村郡');
const ORG_EN =
  /\b(?:Inc|Corp|Corporation|Co|Ltd|LLC|LLP|GmbH|KK|Store|Shop|Hotel|Bank|Station|University|College|School|Hospital|Clinic|Center|Centre|Office|Branch|Company|Group|Services?|Foundation|Association|Department|Dept|Team|Project|Street|Park|Travel|Tours?|Airlines?|Airways|Agency|Consulting|Solutions|Systems|Partners|Holdings|Trading|Industries|Enterprises?|Media|Labs?|Studios?|Software|Technologies|Logistics|Motors|Foods|Restaurant|Cafe|Bakery|Market|Pharmacy|Publishing|Books|Press)\.?$/;

/**
 * A name: letters (kanji, kana or Latin), not a number, not an address, not a known sample.
 * Japanese names are short and free of sentence endings; names of shops, companies and places
 * (…店, 株式会社…, …区, …Inc.) are not people. Names in Latin letters need two words and a
 * capital ("Ichiro Sato", "SATO ICHIRO"): one lower-case word under a `name` key is a
 * resource, a branch, a package.
 */
export function isPersonName(value: string): boolean {
  const v = value.trim();
  if (v.length < 2 || v.length > 60 || isPlaceholderText(v) || SAMPLE_NAMES.test(v)) return false;
  // Letters, marks, spaces and . ' ’ - only: no digits, URLs or symbols.
  if (!/^[\p{L}\p{M}][\p{L}\p{M}\s.'’-]*$/u.test(v)) return false;
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(v)) {
    return nonSpaceLength(v) <= 12 && !(ORG_JA_LAST.has(v[v.length - 1]) && ORG_JA.test(v)) && !PREFECTURE.test(v) && !/ください|入力|してい|です|ます/.test(v);
  }
  return /^[A-Z][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*){1,3}$/u.test(v) && !/^(?:The|A|An|My|Our|New|Default|Test|Sample)\s/.test(v) && !ORG_EN.test(v);
}

/** Code units that are not white space (as `\s` means it). */
function nonSpaceLength(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) if (!isRegexSpace(v.charCodeAt(i))) n++;
  return n;
}

/** A name reading: kana (or romaji) only. */
export function isKana(value: string): boolean {
  const v = value.trim();
  if (v.length < 2 || v.length > 60 || isPlaceholderText(v) || SAMPLE_NAMES.test(v)) return false;
  return /^[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f\s]+$/.test(v) || /^[A-Za-z][A-Za-z\s'-]+$/.test(v);
}

function isPlaceholderText(v: string): boolean {
  // A value that is itself a field label ("氏名", "Address") is a form or translation, not data.
  return PLACEHOLDER_TEXT.test(v.trim()) || (v.length <= 24 && classifyKey(v) !== undefined);
}

/** Whether a value, under a key of the given kind, really is that kind of personal data. */
export function valueFits(kind: FieldKind, value: string): boolean {
  switch (kind) {
    case 'myNumber':
      return isMyNumber(value.trim());
    case 'passport':
      return isPassportNumber(value.trim());
    case 'card':
      return isCardNumber(value.trim());
    case 'ssn':
      return isSsn(value.trim());
    case 'name':
      return isPersonName(value);
    case 'kana':
      return isKana(value);
    case 'birthdate':
      return isBirthDate(value);
    case 'address':
      return isAddress(value);
    case 'postal':
      return isPostalCode(value) || isForeignPostalCode(value);
    case 'phone':
      return isJapanesePhone(value) || isForeignPhone(value) || isNanpPhone(value) || isGroupedPhone(value);
    case 'email':
      return isPersonalEmail(value);
  }
}

/** A phone number in international notation under a phone key: +44 20 7946 0958. */
export function isForeignPhone(value: string): boolean {
  const v = value.trim();
  if (!/^\+\d[\d\s().-]{7,18}\d$/.test(v)) return false;
  const d = digitsOf(v.replace(/[().+]/g, ''));
  return d.length >= 9 && d.length <= 15 && !isPlaceholderDigits(d.slice(-7));
}

/**
 * A North American number under a phone key: ten digits (eleven with the country code 1)
 * whose area code and exchange start with 2–9, as 415 658-9932, (608) 555-1023, 1.515.555.0100
 * or 6085551023. Its last seven digits must not be a placeholder.
 */
export function isNanpPhone(value: string): boolean {
  const v = value.trim();
  if (!NANP_SHAPE.test(v)) return false;
  let d = digitsOf(v.replace(/[().+]/g, ''));
  if (d.length === 11 && d[0] === '1') d = d.slice(1);
  return d.length === 10 && d[0] >= '2' && d[3] >= '2' && !isPlaceholderDigits(d.slice(3));
}
const NANP_SHAPE = /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}$/;

/** A postal code of another country under a postal key: US ZIP (94705, 94705-1234), UK, Canada. */
function isForeignPostalCode(value: string): boolean {
  const v = value.trim();
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(v);
  if (zip) return !isPlaceholderDigits(zip[1]) && zip[1] !== '12345';
  return /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$|^[A-Z]\d[A-Z] ?\d[A-Z]\d$/.test(v);
}

/**
 * One part of a name under a first/last name key: a single word is the whole value there
 * ("Franklin", "FRANKLIN", "佐藤"), but not a role or a placeholder ("Admin", "User").
 */
export function isNamePart(value: string): boolean {
  const v = value.trim();
  if (isPersonName(v)) return true;
  if (v.length < 2 || v.length > 30 || isPlaceholderText(v) || SAMPLE_NAMES.test(v) || ROLE_NAMES.test(v)) return false;
  return /^\p{Lu}(?:\p{Ll}[\p{Ll}'’-]*|[\p{Lu}'’-]+)$/u.test(v);
}
const ROLE_NAMES = /^(?:admin|administrator|user|guest|system|root|demo|anonymous|unknown|default|owner|manager|staff|member|customer|first|last|name)$/i;

/** An international number in groups, with or without its +: 44.1632.960024, 49 30 8853 0. */
const GROUPED_PHONE = /^\+?\d{1,4}(?:[.\s-]\d{1,6}){2,5}$/;

export function isGroupedPhone(v: string): boolean {
  if (!GROUPED_PHONE.test(v)) return false;
  const digits = v.replace(/\D/g, '');
  return digits.length >= 9 && digits.length <= 15 && !isPlaceholderDigits(digits.slice(-7));
}

/** Kinds decidable from the value alone (no key): only shapes nothing else has. */
export function kindFromValue(value: string): FieldKind | undefined {
  const v = value.trim();
  if (v.includes('@')) return isPersonalEmail(v) ? 'email' : undefined;
  // (First character + ( or 0, by code: this runs for every value of an unnamed column.)
  const c = v.charCodeAt(0);
  if ((c === 43 || c === 40 || c === 48) && isJapanesePhone(v) && /[-\s()]/.test(v)) return 'phone';
  return undefined;
}

/** Kinds that say how to reach or recognise the person a record is about. */
const LOCATORS: ReadonlySet<FieldKind> = new Set(['birthdate', 'address', 'postal', 'phone', 'email']);

/** Each kind's bit in a kind mask (a record's kinds as one number: no set per record). */
export const KIND_BIT = Object.fromEntries(FIELD_KINDS.map((k, i) => [k, 1 << i])) as Readonly<Record<FieldKind, number>>;
const maskOf = (kinds: ReadonlySet<FieldKind>): number => [...kinds].reduce((m, k) => m | KIND_BIT[k], 0);
/** The strong identifiers as a kind mask. */
export const STRONG_MASK = maskOf(STRONG_KINDS);
const LOCATOR_MASK = maskOf(LOCATORS);
const WHO_BITS = [...WHO].map((k) => KIND_BIT[k]);

/**
 * Whether a record with these kinds (a mask) is personal: it holds a strong identifier, or says
 * who (name, reading or e-mail) together with how to reach or recognise them (a different
 * field: date of birth, address, postal code, phone or e-mail). A name with its reading alone
 * is not enough.
 */
export function isPersonalMask(mask: number): boolean {
  if ((mask & STRONG_MASK) !== 0) return true;
  for (const who of WHO_BITS) if ((mask & who) !== 0 && (mask & LOCATOR_MASK & ~who) !== 0) return true;
  return false;
}

/** The kinds of a mask, in the order of FIELD_KINDS. */
export function kindsOfMask(mask: number): FieldKind[] {
  return FIELD_KINDS.filter((k) => (mask & KIND_BIT[k]) !== 0);
}
