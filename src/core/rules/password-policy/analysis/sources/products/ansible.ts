import type { Document } from '../../../../../documents/document';
import { bool, num, type ObjectNode, type TreeNode } from '../../../../../documents/tree';
import type { Range } from '../../../../../types';
import { scalarReplacer } from '../../edits';
import { stated, type PolicyFacts } from '../../model';
import { headerRange, TreeReader } from '../../reader';
import { pamMinLength } from '../system';
import { AWS_ANSIBLE, AWS_DEFAULTS, iamLike } from './aws-iam';
import { keycloakRealm } from './keycloak';
import { isObject, partRange, type ObjectRecogniser } from './shared';

/**
 * Ansible: the IAM and Keycloak modules, tasks that write OS password settings, and role
 * variables that carry PAM option strings.
 */

const ANSIBLE_IAM = new Set(['iam_password_policy', 'community.aws.iam_password_policy', 'amazon.aws.iam_password_policy']);

const ANSIBLE_KEYCLOAK = new Set(['keycloak_realm', 'community.general.keycloak_realm']);

/**
 * Ansible tasks that write OS password settings: `lineinfile` putting `PASS_MIN_LEN 8` into
 * login.defs or `minlen = 8` into pwquality.conf, `ini_file` setting `minlen`, and `pamd`
 * module arguments (`minlen=8`, passwdqc `min=…`).
 */
function ansibleFileTask(doc: Document, obj: ObjectNode, out: PolicyFacts[]): void {
  const r = new TreeReader(doc, obj, obj.range);
  const file = r.str(['path', 'dest', 'name']) ?? '';
  const line = r.node(['line']);
  if (typeof file !== 'string') return;
  if (line?.kind === 'scalar' && typeof line.value === 'string' && /login\.defs|pwquality|pam\.d/.test(file)) {
    const m = /^\s*PASS_MIN_LEN\s+(\d{1,3})\b|^\s*minlen\s*=\s*(\d{1,3})\b/d.exec(line.value) ?? undefined;
    const g = m?.[1] !== undefined ? 1 : 2;
    const at = m?.indices?.[g];
    if (m && at)
      out.push({ product: 'system settings', anchor: line.range, minLength: stated(Number(m[g]), partRange(doc, line, line.value, [at[0], at[1]])) });
    else if (/pam\.d/.test(file)) {
      const min = pamMinLength(line.value);
      if (min) out.push({ product: 'PAM', anchor: line.range, minLength: stated(min.value, partRange(doc, line, line.value, min.range)) });
    }
    return;
  }
  const option = r.str(['option']);
  const value = r.node(['value']);
  if (option === 'minlen' && /pwquality/.test(file) && value?.kind === 'scalar') {
    const n = num(value);
    if (n !== undefined) out.push({ product: 'libpwquality', anchor: value.range, minLength: stated(n, value.range, scalarReplacer<number>(doc, value)) });
    return;
  }
  const args = r.node(['module_arguments']);
  if (args?.kind === 'scalar' && typeof args.value === 'string' && /pwquality|cracklib|passwdqc|unix/.test(r.str(['module_path']) ?? '')) {
    const min = pamMinLength(args.value);
    if (min) out.push({ product: 'PAM', anchor: args.range, minLength: stated(min.value, partRange(doc, args, args.value, min.range)) });
  }
}

/** A task of `lineinfile`, `ini_file` or `pamd` shape (see ansibleFileTask). */
export const ansibleFileTasks: ObjectRecogniser = ({ doc, obj, r }, out) => {
  if (doc.format === 'yaml' && (r.entry(['line']) || r.entry(['option']) || r.entry(['module_arguments']))) ansibleFileTask(doc, obj, out);
  return false;
};

/** Tasks of the IAM password-policy and Keycloak realm modules. */
export const ansibleModules: ObjectRecogniser = ({ doc, obj }, out) => {
  for (const e of obj.entries) {
    if (ANSIBLE_IAM.has(e.key) && isObject(e.value)) {
      const a = new TreeReader(doc, e.value, headerRange(doc, e));
      if (a.str(['state']) === 'absent') continue;
      out.push(iamLike(a, 'AWS IAM', AWS_ANSIBLE, AWS_DEFAULTS));
    } else if (ANSIBLE_KEYCLOAK.has(e.key) && isObject(e.value)) {
      const f = keycloakRealm(doc, e.value, headerRange(doc, e));
      if (f) out.push(f);
    }
  }
  return false;
};

/**
 * Ansible role defaults and inventory variables that carry PAM option strings (`…_passwdqc_options:
 * min=disabled,24,12,8,7`, `…_pwquality_options: minlen=8`). Judged where the value is set.
 */
export function ansibleVariables(doc: Document, root: TreeNode, out: PolicyFacts[]): void {
  if (root.kind !== 'object' || !/(^|[\\/])(defaults|vars|group_vars|host_vars)[\\/]/.test(doc.path)) return;
  for (const e of root.entries) {
    const v = e.value;
    if (v.kind !== 'scalar' || v.tag === 'expr') continue;
    const key = e.key.toLowerCase();
    // Plain numbers (`os_pw_min_length: 8`) are read by namedSettings, wherever they are.
    if (typeof v.value !== 'string' || !/(passwdqc|pwquality|cracklib|pam_unix)/.test(key) || !/options|args|params/.test(key)) continue;
    // A module switched off by its sibling `…_enable: false` sets nothing.
    const stem = key.replace(/_?(options|args|params)$/, '');
    const enable = root.entries.find((x) => x.key.toLowerCase() === `${stem}_enable` || x.key.toLowerCase() === `${stem}_enabled`);
    if (enable && bool(enable.value) === false) continue;
    const min = pamMinLength(v.value);
    if (!min) continue;
    // Point at the option inside the value when the source writes it verbatim.
    const raw = doc.text.slice(v.range[0], v.range[1]);
    const at = raw.indexOf(v.value);
    const range: Range = at >= 0 ? [v.range[0] + at + min.range[0], v.range[0] + at + min.range[1]] : v.range;
    out.push({ product: 'PAM (Ansible variable)', anchor: e.keyRange, minLength: stated(min.value, range) });
  }
}
