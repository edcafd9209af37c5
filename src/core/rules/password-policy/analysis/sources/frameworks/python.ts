import type { Document } from '../../../../../documents/document';
import type { PolicyFacts } from '../../model';
import { mentionsAny } from '../../../../../literals';
import { groupRange, matches } from '../text';
import { minLengthPolicy, setsPassword } from './context';

/** Words of which every Python field validation holds one (declared by the password-policy rules: Rule.literals). */
export const PYTHON_FIELD_WORDS = ['min_length', 'length('];

/** Python: pydantic `Field(min_length=8)` / `constr(min_length=8)`, Django forms, marshmallow. */
export function pythonFields(doc: Document, out: PolicyFacts[]): void {
  // Every match holds `min_length` or `Length(`, as written (the pattern is case-sensitive):
  // a file with neither in any case (nearly every Python file, told by the shared literal
  // pass) or as written is not searched line by line.
  if (!mentionsAny(doc, PYTHON_FIELD_WORDS) || (!doc.text.includes('min_length') && !doc.text.includes('Length('))) return;
  const re = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*[:=][^\n]*?\b(?:min_length[ \t]*=|Length\([ \t]*min[ \t]*=)[ \t]*(\d{1,4})/dgm;
  for (const m of matches(re, doc.text)) {
    if (!setsPassword(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('Python validation', groupRange(m, 1) ?? [m.index, m.index], m, 2);
    if (f) out.push(f);
  }
}
