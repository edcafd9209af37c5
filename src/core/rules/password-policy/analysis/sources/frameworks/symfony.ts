import type { Document } from '../../../../../documents/document';
import type { PolicyFacts } from '../../model';
import { inLineComment, matches } from '../text';
import { minLengthPolicy, setsPassword } from './context';

/**
 * Symfony Validator: `new Length(['min' => 6])` on a form's password field (the maker's
 * registration form), or `#[Assert\Length(min: 8)]` / `@Assert\Length(min=8)` on a password property.
 */
export function symfonyLength(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!text.includes('Length')) return;
  const re = /(?:\bnew\s+(?:Assert\\)?Length\s*\(|[@#]\[?\s*Assert\\Length\s*\()[^()]{0,300}?(?:['"]min['"]\s*=>|\bmin\s*[:=])\s*(\d{1,4})/dg;
  for (const m of matches(re, text)) {
    if (inLineComment(text, m.index, ['//'])) continue;
    let field: string | undefined;
    if (text[m.index] === 'n') {
      // A form builder: the field is the nearest `->add('name'` before the constraint.
      const before = text.slice(Math.max(0, m.index - 1200), m.index);
      let last: RegExpMatchArray | undefined;
      for (const a of before.matchAll(/->\s*add\s*\(\s*['"](\w{1,60})['"]/g)) last = a;
      field = last?.[1];
    } else {
      // An attribute or annotation: the property declared after it.
      field = /\$(\w{1,60})/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 400))?.[1];
    }
    if (!field || !setsPassword(doc, m.index, field)) continue;
    const f = minLengthPolicy('Symfony Validator', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
}
