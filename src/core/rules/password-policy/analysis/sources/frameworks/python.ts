import type { Document } from '../../../../../documents/document';
import type { PolicyFacts } from '../../model';
import { groupRange, matches } from '../text';
import { minLengthPolicy, setsPassword } from './context';

/** Python: pydantic `Field(min_length=8)` / `constr(min_length=8)`, Django forms, marshmallow. */
export function pythonFields(doc: Document, out: PolicyFacts[]): void {
  const re = /^[ \t]*([A-Za-z_]\w{0,60})[ \t]*[:=][^\n]*?\b(?:min_length[ \t]*=|Length\([ \t]*min[ \t]*=)[ \t]*(\d{1,4})/dgm;
  for (const m of matches(re, doc.text)) {
    if (!setsPassword(doc, m.index, m[1])) continue;
    const f = minLengthPolicy('Python validation', groupRange(m, 1) ?? [m.index, m.index], m, 2);
    if (f) out.push(f);
  }
}
