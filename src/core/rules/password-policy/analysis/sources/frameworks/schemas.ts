import type { Document } from '../../../../../documents/document';
import type { Range } from '../../../../../types';
import { stated, type PolicyFacts } from '../../model';
import { matches, numberReplacer } from '../text';
import { PASSWORD_FIELD, setsPassword } from './context';

/** zod / yup / Joi chains: `password: z.string().min(8)`. */
export function schemaChains(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  // Found by the `.string()` call, then the `field: z` before it: a regex that starts with the
  // field name is tried at every identifier of a file (a fifth of the password-policy time).
  for (const call of matches(/\.\s*string\s*\(\s*\)/dg, text)) {
    const from = Math.max(0, call.index - 200);
    const head = /(?<![\w$])(['"]?)([A-Za-z_$][\w$]{0,60})\1\s*:\s*(z|yup|Yup|Joi|joi)\s*$/d.exec(text.slice(from, call.index));
    if (!head?.indices) continue;
    const field = head[2];
    if (!PASSWORD_FIELD.test(field)) continue;
    const at = from + head.index;
    // The chain runs to the next top-level comma, brace or semicolon.
    const start = call.index + call[0].length;
    let end = start;
    let depth = 0;
    for (; end < Math.min(text.length, start + 600); end++) {
      const c = text[end];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if ((c === ',' || c === ';') && depth === 0) break;
    }
    const chain = /\.\s*min\s*\(\s*(\d{1,4})\s*[,)]/d.exec(text.slice(start, end));
    if (!chain?.indices) continue;
    if (!setsPassword(doc, at, field)) continue;
    const numAt = start + chain.indices[1][0];
    const r: Range = [numAt, numAt + chain[1].length];
    const n = Number(chain[1]);
    const anchor: Range = [from + head.indices[2][0], from + head.indices[2][1]];
    if (n >= 2) out.push({ product: head[3].toLowerCase() === 'z' ? 'zod' : head[3], anchor, minLength: stated(n, r, numberReplacer(r)) });
  }
}
