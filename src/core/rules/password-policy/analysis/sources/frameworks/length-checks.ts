import type { Document } from '../../../../../documents/document';
import { mentionsAny } from '../../../../../literals';
import type { Range } from '../../../../../types';
import { stated, type PolicyFacts } from '../../model';
import { inLineComment, numberReplacer } from '../text';
import { isSetPasswordField, LOGIN_CONTEXT, NOT_POLICY_FIELD, PASSWORD_FIELD, PASSWORD_WORDS, SERVICE_CREDENTIAL, SET_CONTEXT } from './context';

// Function heads: `function f`, `def f`, `func f`/`func (r T) f`, `fun f`, `const f = (…) =>`,
// and methods (`async register(dto) {`, `public function f`).
const FUNCTION_HEADS = [
  /\b(?:function|def|func|fun)\s+(?:\([^()\n]{0,80}\)\s*)?([A-Za-z_$][\w$]*)/g,
  /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^()]{0,200}\)\s*(?::[^=\n]{0,80})?=>)/g,
  /^[ \t]*(?:(?:public|private|protected|static|async|override)\s+){0,4}([A-Za-z_$][\w$]*)\s*\([^()]{0,200}\)\s*(?::[^{\n]{0,80})?\{/gm,
];

const NOT_FUNCTION = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function']);

/** The name of the function whose body holds `offset`, if its head is close by. */
function enclosingFunction(text: string, offset: number): string | undefined {
  const from = Math.max(0, offset - 3000);
  const window = text.slice(from, offset);
  let best: { at: number; name: string } | undefined;
  for (const re of FUNCTION_HEADS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(window)) !== null) {
      if (!NOT_FUNCTION.has(m[1]) && (!best || m.index >= best.at)) best = { at: m.index, name: m[1] };
    }
  }
  return best?.name;
}

/**
 * Hand-written checks where a password is set: `if len(password) < 8`, `password.length < 6`,
 * `strlen($password) < 8`, `newPassword.length() < 8`. `< N` asks for N characters, `<= N`
 * for N + 1.
 */
export function lengthChecks(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  if (!mentionsAny(doc, PASSWORD_WORDS)) return;
  // Found by the cheap `.length` / `len(` hit, then the comparison after it and the operand
  // before it are read in a small window: most `.length` uses compare nothing.
  const hit = /\.length\b|\b(?:len|strlen|mb_strlen|RuneCountInString)\s*\(/g;
  const compare = /\s*(?:\(\s*\))?\s*(<=?)\s*(\d{1,3})\b/y;
  let m: RegExpExecArray | null;
  let found = 0;
  while ((m = hit.exec(text)) !== null && found < 50) {
    let operand: string | undefined;
    let after: number;
    if (m[0] === '.length') {
      after = m.index + m[0].length;
      // Most `.length` uses compare nothing: test the comparison before reading the operand.
      compare.lastIndex = after;
      if (!compare.test(text)) continue;
      const before = /\$?([\w.]{1,80})$/.exec(text.slice(Math.max(0, m.index - 80), m.index));
      operand = before?.[1];
    } else {
      const close = text.indexOf(')', m.index + m[0].length);
      if (close < 0 || close - m.index > 120) continue;
      operand = text
        .slice(m.index + m[0].length, close)
        .trim()
        .replace(/^\$/, '');
      if (!/^[\w.>\-[\]'"]{1,80}$/.test(operand)) continue;
      after = close + 1;
    }
    compare.lastIndex = after;
    const c = compare.exec(text);
    const field = operand ? /([A-Za-z_]\w{0,60})['"\]]*$/.exec(operand)?.[1] : undefined;
    if (!c || !field || !PASSWORD_FIELD.test(field) || inLineComment(text, m.index, ['//', '#'])) continue;
    // Stricter than schemas: the enclosing function itself must set a password (a file name
    // is not enough for a bare comparison), or the field must be the new password.
    if (NOT_POLICY_FIELD.test(field) || SERVICE_CREDENTIAL.test(field)) continue;
    const name = enclosingFunction(text, m.index);
    if (!isSetPasswordField(field) && !(name && SET_CONTEXT.test(name) && !LOGIN_CONTEXT.test(name))) continue;
    const numAt = after + c[0].length - c[2].length;
    const r: Range = [numAt, numAt + c[2].length];
    const n = Number(c[2]) + (c[1] === '<=' ? 1 : 0);
    if (n < 2) continue;
    found++;
    out.push({ product: 'application code', anchor: [m.index, r[1]], minLength: stated(n, r, c[1] === '<' ? numberReplacer(r) : undefined) });
  }
}
