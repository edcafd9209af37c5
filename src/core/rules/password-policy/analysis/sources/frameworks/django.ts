import type { Document } from '../../../../../documents/document';
import type { Range, TextEdit } from '../../../../../types';
import { omitted, stated, type PolicyFacts } from '../../model';
import { closing, matches, numberReplacer } from '../text';

/**
 * A length validator's name in AUTH_PASSWORD_VALIDATORS: Django's own, or a project's class
 * named for a minimum length (`accounts.validators.MinLengthValidator`).
 */
const DJANGO_LENGTH_NAME = /['"]NAME['"]\s*:\s*['"]([\w.]{0,200}?(MinimumLength|Min(?:imum)?_?Length|PasswordLength|LengthValidator)\w{0,40})['"]/dg;

/** Django settings: AUTH_PASSWORD_VALIDATORS and the minimum length it leaves. */
export function django(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  djangoValidatorClasses(doc, out);
  // `AUTH_PASSWORD_VALIDATORS = [` or with a type annotation (`: list[dict[str, str]] = [`).
  const m = /^AUTH_PASSWORD_VALIDATORS[ \t]*(?::[^=\n]{0,80})?=\s*\[/dm.exec(text);
  if (!m) return;
  const open = m.index + m[0].length - 1;
  const close = closing(text, open);
  if (close === undefined) return;
  const body = text.slice(open, close);
  const anchor: Range = [m.index, m.index + 'AUTH_PASSWORD_VALIDATORS'.length];
  const found = [...matches(DJANGO_LENGTH_NAME, body)];
  if (found.length === 0) {
    // Test and local development settings often drop validators on purpose, to create users
    // quickly; production and shared settings do not.
    const where = doc.path.split(/[\\/]/).slice(-2).join('/');
    if (/(^|[\\/_.-])(tests?|testing|dev|develop|development|local)([\\/_.-]|$)/i.test(where)) return;
    out.push({ product: 'Django', anchor, minLength: omitted(anchor) });
    return;
  }
  for (const v of found) {
    const at = v.index;
    const next = body.slice(at + 1).search(/['"]NAME['"]/);
    const segment = body.slice(at, next < 0 ? undefined : at + 1 + next);
    // The same validator entry may name OPTIONS before NAME: look back to the entry's brace.
    const entryStart = body.lastIndexOf('{', at);
    const before = entryStart >= 0 ? body.slice(entryStart, at) : '';
    const base = open + at;
    // The finding points at the validator's NAME line, where the policy is declared.
    const nameRange: Range = [base, base + v[0].length];
    const min = /['"]min_length['"]\s*:\s*(\d{1,4})/d.exec(segment);
    const minBefore = min ? undefined : /['"]min_length['"]\s*:\s*(\d{1,4})/d.exec(before);
    if (min?.indices) {
      const r: Range = [base + min.indices[1][0], base + min.indices[1][1]];
      out.push({ product: 'Django', anchor: nameRange, minLength: stated(Number(min[1]), r, numberReplacer(r)) });
      continue;
    }
    if (minBefore?.indices) {
      const b = open + entryStart;
      const r: Range = [b + minBefore.indices[1][0], b + minBefore.indices[1][1]];
      out.push({ product: 'Django', anchor: nameRange, minLength: stated(Number(minBefore[1]), r, numberReplacer(r)) });
      continue;
    }
    // A project's own validator class has its own default, which the settings do not show.
    if (v[2] !== 'MinimumLength' || !/(^|\.)MinimumLengthValidator$/.test(v[1])) continue;
    const quoteEnd = base + v[0].length;
    const insert =
      /OPTIONS/.test(segment) || /OPTIONS/.test(before)
        ? undefined
        : (n: number): TextEdit => ({ range: [quoteEnd, quoteEnd], newText: `, 'OPTIONS': {'min_length': ${n}}` });
    // Django's MinimumLengthValidator defaults to 8.
    out.push({ product: 'Django', anchor: nameRange, minLength: omitted<number>(nameRange, 8, insert) });
  }
}

/**
 * A project's validator class built on Django's MinimumLengthValidator that fixes its own
 * minimum: `def __init__(self, min_length=6)` or `super().__init__(min_length=6)`.
 */
function djangoValidatorClasses(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!text.includes('MinimumLengthValidator')) return;
  for (const c of matches(/^class[ \t]+(\w{1,80})[ \t]*\([^)\n]{0,200}\bMinimumLengthValidator\b[^)\n]{0,200}\)[ \t]*:/dgm, text)) {
    // The class body runs to the next line that starts without indentation.
    const from = c.index + c[0].length;
    const rest = text.slice(from, from + 6000);
    const stop = rest.search(/\n(?=\S)/);
    const body = stop < 0 ? rest : rest.slice(0, stop);
    const init = /\bdef[ \t]+__init__[ \t]*\([^)]{0,300}?\bmin_length[ \t]*(?::[ \t]*int[ \t]*)?=[ \t]*(\d{1,4})\b/d.exec(body);
    const sup = init ? undefined : /\b__init__[ \t]*\([ \t]*(?:self[ \t]*,[ \t]*)?(?:min_length[ \t]*=[ \t]*)?(\d{1,4})[ \t]*[,)]/d.exec(body);
    const attr = init || sup ? undefined : /^[ \t]+min_length[ \t]*(?::[ \t]*int[ \t]*)?=[ \t]*(\d{1,4})\b/dm.exec(body);
    const hit = init ?? sup ?? attr;
    if (!hit?.indices) continue;
    const r: Range = [from + hit.indices[1][0], from + hit.indices[1][1]];
    out.push({ product: 'Django', anchor: [c.index, from], minLength: stated(Number(hit[1]), r, numberReplacer(r)) });
  }
}
