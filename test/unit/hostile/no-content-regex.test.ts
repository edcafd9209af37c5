// No regular expression is ever built from scanned text. A repository may be hostile: a pattern
// compiled from a file's field (as pg-hba-open once compiled a pg_hba.conf method) lets that file
// choose a pattern that hangs the scan or throws. Every RegExp the engine constructs while it
// scans text full of planted markers is recorded, and none may hold a marker.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RULES } from '../../../src/core/rules/index';
import { envExampleEdit, gitignoreEdit } from '../../../src/core/rules/secret/analysis/env-fix';
import { scanText } from '../../../src/core/scan';
import { caseFiles } from '../helpers/rule-cases';

/** A word no source pattern holds; planted as names, keys, values, methods and file names. */
const MARK = 'Qz7RxMark';

/** Texts a hostile repository could hold, each carrying the marker where a rule reads a field. */
const HOSTILE: [string, string][] = [
  ['pg_hba.conf', `host all all 0.0.0.0/0 ${MARK}(a+)+$ x\nhost all all 0.0.0.0/0 ${MARK}\nhost ${MARK} all 0.0.0.0/0 trust\n`],
  ['.env', `${MARK}_PASSWORD=${MARK}Xy7Lk2Pq9\n${MARK}=Zz9Kk2Ll4Mm6Nn8Pp0Qq\n`],
  [
    'docker-compose.yml',
    `services:\n  ${MARK}:\n    image: ${MARK}/postgres:16\n    command: postgres -c listen_addresses=${MARK}\n    ports:\n      - "5432:5432"\n    environment:\n      ${MARK}_PASSWORD: ${MARK}\n`,
  ],
  [
    'main.tf',
    `variable "${MARK}_password" {\n  default = "${MARK}Pw9"\n}\nresource "aws_db_instance" "${MARK}" {\n  publicly_accessible = true\n  password = "${MARK}Pw9"\n  minimum_password_length = var.${MARK} ? 8 : 6\n}\n`,
  ],
  ['redis.conf', `bind 0.0.0.0 ${MARK}\nrequirepass ${MARK}\nrename-command ${MARK} ""\n`],
  [
    'users.csv',
    `name,email,phone\n${Array.from({ length: 8 }, (_, i) => `${MARK} ${i},${MARK}${i}@mail.jp,090-1234-56${String(i).padStart(2, '0')}`).join('\n')}\n`,
  ],
  ['seed.sql', `INSERT INTO ${MARK} (${MARK}, password) VALUES ('${MARK}', '${MARK}Pw9');\nCREATE USER ${MARK} WITH PASSWORD '${MARK}Pw9';\n`],
  ['realm.json', JSON.stringify({ realm: MARK, passwordPolicy: `length(${MARK})`, clients: [{ clientId: MARK, secret: `${MARK}Sec9` }] })],
  [`${MARK}.yaml`, `${MARK}: ${MARK}\npassword: "${MARK}"\n`],
];

describe('patterns come from the source code only', () => {
  const built: string[] = [];
  const Original = globalThis.RegExp;
  before(() => {
    // Every `new RegExp(…)` and `RegExp(…)` the engine makes goes through here (literals are source).
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string | RegExp, string?]) {
        const source = args[0] instanceof Original ? args[0].source : String(args[0]);
        built.push(source);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args: [string | RegExp, string?]) {
        built.push(args[0] instanceof Original ? args[0].source : String(args[0]));
        return Reflect.apply(target, self, args);
      },
    });
  });
  after(() => {
    globalThis.RegExp = Original;
  });

  it('builds no pattern from hostile files or from any rule case or example with the marker planted in it', async () => {
    const texts: [string, string][] = [...HOSTILE];
    for (const rule of RULES) {
      for (const ex of caseFiles([rule])) {
        // The marker in front of every word of the example: keys, values, names and fields.
        texts.push([ex.path, ex.text.replace(/\b([A-Za-z_][\w-]{2,})/g, `${MARK}$1`)]);
      }
    }
    for (const [file, text] of texts) await scanText({ path: `/repo/${file}`, text });
    assert.ok(built.length > 0, 'the recorder saw no RegExp construction: the test would prove nothing');
    const fromContent = built.filter((s) => s.toLowerCase().includes(MARK.toLowerCase()));
    assert.deepEqual(fromContent, []);
  });

  it('builds no pattern from the names its fixes write', () => {
    const before = built.length;
    envExampleEdit(`A=1\nexport ${MARK}_KEY=\n`, `${MARK}_KEY`);
    envExampleEdit('A=1\n', `${MARK}(a+)+$`);
    gitignoreEdit('node_modules\n', `${MARK}.env`);
    assert.deepEqual(
      built.slice(before).filter((s) => s.includes(MARK)),
      [],
    );
  });
});
