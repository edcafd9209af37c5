import type { Document } from '../../../../../documents/document';
import { mentionsAny } from '../../../../../literals';
import type { Range } from '../../../../../types';
import { stated, type PolicyFacts } from '../../model';
import { groupRange, matches, numberReplacer } from '../text';
import { CONSTANT_NAME, NOT_POLICY_FIELD, PASSWORD_FIELD, PASSWORD_WORDS, SERVICE_CREDENTIAL } from './context';

/**
 * Database models: a Mongoose `password: { type: String, minlength: 6 }` or a Sequelize
 * `password: { type: DataTypes.STRING, validate: { len: [6, 100] } }`: every account created
 * through the model is held to it.
 */
export function modelFields(doc: Document, out: PolicyFacts[]): void {
  const text = doc.text;
  // Cheap gates first: a password, a model library, and a length setting.
  if (!mentionsAny(doc, PASSWORD_WORDS) || !/mongoose|sequelize/i.test(text.slice(0, 20000))) return;
  if (!(text.includes('inlength') || text.includes('inLength') || /\blen\s*:/.test(text))) return;
  for (const m of matches(/(?<![\w$])(['"]?)([A-Za-z_$][\w$]{0,60})\1\s*:\s*\{([^{}]{0,400}(?:\{[^{}]{0,200}\}[^{}]{0,200})?)\}/dg, text)) {
    const field = m[2];
    if (!PASSWORD_FIELD.test(field) || NOT_POLICY_FIELD.test(field) || SERVICE_CREDENTIAL.test(field) || CONSTANT_NAME.test(field)) continue;
    const body = m[3];
    if (!/\btype\s*:\s*(?:String\b|DataTypes\.(?:STRING|TEXT)|Sequelize\.(?:STRING|TEXT))/.test(body)) continue;
    const min = /\bmin[lL]ength\s*:\s*\[?\s*(\d{1,4})|\blen\s*:\s*\[\s*(\d{1,4})\s*,/d.exec(body);
    const g = min?.[1] !== undefined ? 1 : 2;
    const bodyAt = groupRange(m, 3);
    if (!min?.indices?.[g] || !bodyAt) continue;
    const r: Range = [bodyAt[0] + min.indices[g][0], bodyAt[0] + min.indices[g][1]];
    const n = Number(min[g]);
    if (n >= 2) out.push({ product: 'data model', anchor: [m.index, m.index + field.length + 2], minLength: stated(n, r, numberReplacer(r)) });
  }
}
