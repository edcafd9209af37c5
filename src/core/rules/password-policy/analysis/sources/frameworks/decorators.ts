import type { Document } from '../../../../../documents/document';
import { mentionsAny } from '../../../../../literals';
import type { PolicyFacts } from '../../model';
import { matches } from '../text';
import { decoratedName, minLengthPolicy, setsPassword } from './context';

export const DECORATOR_WORDS = ['@size', '@length', '@minlength'];

/** class-validator (`@MinLength(8) password`) and Bean Validation (`@Size(min = 8) String password`). */
export function decorators(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!mentionsAny(doc, DECORATOR_WORDS)) return;
  const re =
    doc.format === 'java' || doc.format === 'kotlin'
      ? /@(?:Size|Length)\s*\([^()\n]{0,200}?\bmin\s*=\s*(\d{1,4})[^()\n]{0,200}\)/dg
      : /@(?:MinLength|Length)\s*\(\s*(\d{1,4})\b[^()\n]{0,200}\)/dg;
  for (const m of matches(re, text)) {
    const field = decoratedName(text, m.index + m[0].length);
    if (!field || !setsPassword(doc, m.index, field)) continue;
    const f = minLengthPolicy(doc.format === 'java' ? 'Bean Validation' : 'class-validator', [m.index, m.index + m[0].length], m, 1);
    if (f) out.push(f);
  }
}
