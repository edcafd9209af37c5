import type { Document } from '../../../../../documents/document';
import { entry, type TreeNode } from '../../../../../documents/tree';
import { CHAR_CLASSES, type CharClass } from '../../../../../guidelines/profiles';
import { entryInserter, scalarReplacer } from '../../edits';
import { omitted, stated, type Fact, type PolicyFacts } from '../../model';
import { headerRange, TreeReader } from '../../reader';
import { put } from './shared';

const SUPABASE_REQUIREMENTS: Readonly<Record<string, CharClass[]>> = {
  '': [],
  letters_digits: ['lower', 'digit'],
  lower_upper_letters_digits: ['lower', 'upper', 'digit'],
  lower_upper_letters_digits_symbols: ['lower', 'upper', 'digit', 'symbol'],
};

/** Supabase `config.toml`: `[auth] minimum_password_length` (default 6) and `password_requirements`. */
export function supabase(doc: Document, root: TreeNode): PolicyFacts | undefined {
  const auth = root.kind === 'object' ? entry(root, 'auth') : undefined;
  if (!auth || auth.value.kind !== 'object') return undefined;
  const isSupabase = entry(root, 'project_id') !== undefined || /(^|[\\/])supabase[\\/]/.test(doc.path);
  const r = new TreeReader(doc, auth.value, headerRange(doc, auth));
  if (!isSupabase && !r.entry(['minimum_password_length', 'password_requirements'])) return undefined;
  const facts: PolicyFacts = { product: 'Supabase Auth', anchor: r.anchor };
  put(facts, 'minLength', r.num(['minimum_password_length'], { default: 6 }));
  const req = r.entry(['password_requirements']);
  const value = req?.value.kind === 'scalar' && typeof req.value.value === 'string' ? req.value.value : req ? undefined : '';
  const classes = value !== undefined ? SUPABASE_REQUIREMENTS[value] : undefined;
  if (classes) {
    const strongest = 'lower_upper_letters_digits_symbols';
    const node = req?.value;
    const replace = node?.kind === 'scalar' ? scalarReplacer<string>(doc, node) : undefined;
    const insert = req ? undefined : entryInserter<string>(doc, auth.value, 'password_requirements');
    facts.classes = Object.fromEntries(
      CHAR_CLASSES.map((c): [CharClass, Fact<boolean>] => {
        const on = classes.includes(c);
        if (node) return [c, stated<boolean>(on, node.range, replace ? () => replace(strongest) : undefined)];
        return [c, omitted<boolean>(r.anchor, false, insert ? () => insert(strongest) : undefined)];
      }),
    );
  }
  return facts;
}
