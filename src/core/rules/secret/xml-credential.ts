import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { mentionsAny } from '../../literals';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { SECRET_DESCRIPTION, SECRET_GUIDELINES } from './common';
import { genericTakes } from './generic-overlap';
import { credentialKey, literalCredential, literalCredentialFinding, type LiteralStrength } from './analysis/structured-value';

/**
 * Passwords in XML configuration: elements (`<password>…</password>` in ClickHouse
 * `users.xml`, Maven `settings.xml`, Tomcat and JBoss data sources, and elements named by an
 * attribute such as Hibernate's `<property name="hibernate.connection.password">`), attributes
 * (`<user username="…" password="…"/>` in `tomcat-users.xml`) and name/value pairs
 * (`<property name="password" value="…"/>`, `<add key="DbPassword" value="…"/>`). The element
 * or attribute says the value is a password, so a weak one (`secret`, `tomcat`) is reported as
 * weak; what the generic hardcoded-password rule already reports is left to it. Comments,
 * placeholders, `${…}` properties, encrypted values (`{…}`) and hashes are skipped.
 */

interface Hit {
  range: Range;
  key: string;
  strength: LiteralStrength;
}

/** Lines worth reading name a credential. */
const HINT = /pass|pwd|secret|credential/i;

/** `<tag …>value</tag>` on one line (no markup inside). */
const ELEMENT = /<([A-Za-z_][\w.:-]{0,80})((?:[ \t][^<>]{0,200})?)>([^<]{1,300})<\/\1>/g;
/** The `name`/`key` attribute that names a generic element (`<property name="hibernate.connection.password">`). */
const NAMED = /\b(?:name|key)[ \t]*=[ \t]*["']([^"'<>]{1,100})["']/;
/** `password="…"` attributes. */
const ATTRIBUTE = /[ \t]([A-Za-z_][\w.:-]{0,80})[ \t]*=[ \t]*(["'])([^"'<>]{0,300})\2/g;
/** `name="password" value="…"` pairs. */
const PAIR = /\b(?:key|name)[ \t]*=[ \t]*(["'])([^"'<>]{1,100})\1[^<>]{0,300}?\bvalue[ \t]*=[ \t]*(["'])([^"'<>]{0,300})\3/g;

/** Start and end offsets of the document's comments, in order. */
function comments(text: string): Range[] {
  const out: Range[] = [];
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at + 4)) {
    const end = text.indexOf('-->', at + 4);
    out.push([at, end < 0 ? text.length : end + 3]);
    if (end < 0) break;
    at = end;
  }
  return out;
}

function judge(key: string, raw: string, at: number, out: Hit[]): void {
  if (!credentialKey(key)) return;
  const value = raw.trim();
  // Three characters or fewer (`abc`) are stubs in these files, not passwords anyone sets.
  if (value.length < 4) return;
  // Maven's encrypted passwords (`{COQLCE6DU6GtcS5P=}`) and other wrapped values.
  if (/^\{[^{}]{8,}\}$/.test(value)) return;
  const strength = literalCredential(value, { key, restating: true });
  if (!strength) return;
  const start = at + raw.indexOf(value);
  out.push({ range: [start, start + value.length], key, strength });
}

/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = ['pass', 'pwd', 'secret', 'credential'];

function hits(doc: Document): Hit[] {
  return doc.memo('secret:xml', () => {
    const out: Hit[] = [];
    if (doc.format !== 'xml' || !mentionsAny(doc, ['pass', 'pwd', 'secret', 'credential'])) return out;
    const text = doc.text;
    const found: Hit[] = [];
    // Line by line, and only the lines that name a credential: XML files can be large.
    let at = 0;
    for (const line of text.split('\n')) {
      const s = at;
      at += line.length + 1;
      if (line.length > 4000 || !HINT.test(line)) continue;
      let m: RegExpExecArray | null;
      ELEMENT.lastIndex = 0;
      while ((m = ELEMENT.exec(line)) !== null) {
        const key = NAMED.exec(m[2])?.[1] ?? m[1].split(':').pop() ?? m[1];
        judge(key, m[3], s + m.index + m[1].length + m[2].length + 2, found);
      }
      ATTRIBUTE.lastIndex = 0;
      while ((m = ATTRIBUTE.exec(line)) !== null) {
        if (/^(?:key|name|value)$/i.test(m[1])) continue;
        judge(m[1], m[3], s + m.index + m[0].length - 1 - m[3].length, found);
      }
      PAIR.lastIndex = 0;
      while ((m = PAIR.exec(line)) !== null) judge(m[2], m[4], s + m.index + m[0].length - 1 - m[4].length, found);
    }
    if (found.length === 0) return out;
    const hidden = comments(text);
    const taken = genericTakes(doc);
    const seen = new Set<number>();
    for (const h of found) {
      if (seen.has(h.range[0]) || taken(h.range) || hidden.some(([a, b]) => h.range[0] >= a && h.range[1] <= b)) continue;
      seen.add(h.range[0]);
      out.push(h);
    }
    return out.sort((a, b) => a.range[0] - b.range[0]);
  });
}

/** A password in an XML configuration file. */
export const xmlCredential: Rule = {
  id: 'secret/xml-credential',
  risk: risk(7.5, 'medium', CWE.PASSWORD),
  literals: LITERALS,
  // An XML file is read only when it mentions one of these (`hits`).
  requires: LITERALS,
  category: 'secret',
  severity: 'warning',
  guidelines: SECRET_GUIDELINES,
  title: { en: 'Password in XML configuration', ja: 'XML 設定に書かれたパスワード' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A password is written in XML configuration ({key}: {masked}). Read it from an environment variable or a secret store, and change it.',
      ja: 'XML 設定にパスワードが書かれています（{key}: {masked}）。環境変数やシークレットストアから読み込み、パスワードを変更してください。',
    },
    weak: {
      en: 'A weak, hardcoded password is written in XML configuration ({key}: {masked}). It is easy to guess and anyone with the repository knows it: read a strong one from an environment variable or a secret store.',
      ja: 'XML 設定に推測しやすいパスワードがハードコードされています（{key}: {masked}）。リポジトリを読める人は誰でも知っています。強いパスワードを環境変数やシークレットストアから読み込んでください。',
    },
  },
  formats: ['xml'],
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => literalCredentialFinding(doc.text, h, ': '));
  },
};
