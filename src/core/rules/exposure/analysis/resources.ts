import type { Document } from '../../../documents/document';
import { blocks } from '../../../documents/hcl';
import { get, scalar, type TreeNode } from '../../../documents/tree';
import { treesOf } from '../../../documents/trees';
import type { Range } from '../../../types';

/**
 * Infrastructure-as-code resources, whatever the tool: Terraform (HCL and .tf.json, modules
 * included), CloudFormation and Serverless, ARM templates, Bicep, Ansible tasks, Pulumi YAML,
 * Google Deployment Manager, Kubernetes and Crossplane manifests. The exposure rules check
 * `props` with format-neutral key lookups, so one check covers `publicly_accessible`,
 * `PubliclyAccessible` and `publiclyAccessible` alike.
 */
export type IacSource = 'terraform' | 'cloudformation' | 'arm' | 'bicep' | 'ansible' | 'pulumi' | 'gdm' | 'kubernetes';

export interface Resource {
  source: IacSource;
  /**
   * The provider's type: `aws_db_instance`, `module:terraform-aws-modules/rds/aws`,
   * `AWS::RDS::DBInstance`, `Microsoft.Sql/servers/firewallRules`, `community.aws.rds_instance`,
   * `aws:rds:Instance`, `sqladmin.v1beta4.instance`, `RDSInstance` (Kubernetes kind).
   */
  type: string;
  name: string;
  /** Where the settings live: the block, `Properties`, `properties`, the module's arguments, `spec.forProvider`. */
  props: TreeNode | undefined;
  /** The whole resource. */
  node: TreeNode;
  /** Where a finding about the resource as a whole points (its type or name). */
  anchor: Range;
}

/** Every IaC resource in the document, memoised. */
export function resourcesOf(doc: Document): Resource[] {
  return doc.memo('exposure:resources', () => {
    const out: Resource[] = [];
    for (const tree of treesOf(doc)) {
      if (doc.format === 'hcl') terraform(tree, out);
      else if (doc.format === 'bicep') bicep(tree, '', out, 0);
      else collect(tree, out);
    }
    return out;
  });
}

function terraform(root: TreeNode, out: Resource[]): void {
  for (const b of blocks(root, 'resource')) {
    const [type = '', name = ''] = b.labels ?? [];
    out.push({ source: 'terraform', type, name, props: b, node: b, anchor: b.range });
  }
  for (const b of blocks(root, 'module')) {
    const source = str(get(b, 'source')) ?? '';
    out.push({ source: 'terraform', type: `module:${source}`, name: b.labels?.[0] ?? '', props: b, node: b, anchor: b.range });
  }
}

function bicep(node: TreeNode, parentType: string, out: Resource[], depth: number): void {
  if (node.kind !== 'object' || depth > 8) return;
  for (const e of node.entries) {
    if (e.key !== 'resource' || e.value.kind !== 'object') continue;
    const [name = '', rawType = ''] = e.value.labels ?? [];
    const type = childType(parentType, rawType.replace(/@.*$/, ''));
    out.push({ source: 'bicep', type, name, props: get(e.value, 'properties'), node: e.value, anchor: [e.keyRange[0], e.value.range[0]] });
    bicep(e.value, type, out, depth + 1);
  }
}

/** ARM and Bicep child types are relative to their parent (`firewallRules` under `Microsoft.Sql/servers`). */
function childType(parent: string, type: string): string {
  if (!parent || /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\//.test(type)) return type;
  return `${parent}/${type}`;
}

function str(node: TreeNode | undefined): string | undefined {
  const v = scalar(node);
  return typeof v === 'string' ? v : undefined;
}

function collect(root: TreeNode, out: Resource[]): void {
  if (root.kind === 'array') {
    ansibleTasks(root, out, 0);
    return;
  }
  if (root.kind !== 'object') return;
  // A single CloudFormation resource in its own file (Serverless `resources: - ${file(...)}`).
  const ownType = str(get(root, 'Type'));
  if (ownType && /^AWS::/.test(ownType) && get(root, 'Properties')) {
    const typeEntry = root.entries.find((e) => e.key === 'Type');
    out.push({ source: 'cloudformation', type: ownType, name: '', props: get(root, 'Properties'), node: root, anchor: typeEntry?.keyRange ?? root.range });
  }
  // CloudFormation, SAM and Serverless (`resources.Resources`).
  const cfn = get(root, 'Resources') ?? get(root, 'resources', 'Resources');
  if (cfn?.kind === 'object') {
    for (const e of cfn.entries) {
      const type = str(get(e.value, 'Type'));
      if (type) out.push({ source: 'cloudformation', type, name: e.key, props: get(e.value, 'Properties'), node: e.value, anchor: e.keyRange });
    }
  }
  const resources = get(root, 'resources');
  if (resources?.kind === 'array') {
    for (const item of resources.items) arm(item, '', out, 0);
  } else if (resources?.kind === 'object') {
    for (const e of resources.entries) {
      const type = str(get(e.value, 'type'));
      if (!type) continue;
      // Pulumi YAML (`aws:rds:Instance`) and ARM with symbolic names (languageVersion 2.0).
      if (type.includes('/')) arm(e.value, '', out, 0);
      else out.push({ source: 'pulumi', type, name: e.key, props: get(e.value, 'properties'), node: e.value, anchor: e.keyRange });
    }
  }
  // Terraform JSON: { "resource": { "aws_s3_bucket": { "name": { … } } } }
  const tfResource = get(root, 'resource');
  if (tfResource?.kind === 'object') {
    for (const t of tfResource.entries) {
      if (t.value.kind !== 'object') continue;
      for (const n of t.value.entries) out.push({ source: 'terraform', type: t.key, name: n.key, props: n.value, node: n.value, anchor: n.keyRange });
    }
  }
  // A deployment body or template spec wrapping a whole ARM template.
  const template = get(root, 'properties', 'template');
  if (template?.kind === 'object' && get(template, 'resources')) collect(template, out);
  // Terraform plan JSON (`terraform show -json`): planned values per module.
  const planned = get(root, 'planned_values', 'root_module');
  if (planned) plannedModule(planned, out, 0);
  // Kubernetes, Crossplane and other custom resources.
  const kind = str(get(root, 'kind'));
  if (kind && str(get(root, 'apiVersion'))) {
    if (kind === 'List') {
      const items = get(root, 'items');
      if (items?.kind === 'array') for (const i of items.items) collect(i, out);
    } else {
      const spec = get(root, 'spec');
      const kindEntry = root.kind === 'object' ? root.entries.find((e) => e.key === 'kind') : undefined;
      out.push({
        source: 'kubernetes',
        type: kind,
        name: str(get(root, 'metadata', 'name')) ?? '',
        props: get(spec, 'forProvider') ?? spec,
        node: root,
        anchor: kindEntry?.keyRange ?? root.range,
      });
    }
  }
}

function plannedModule(mod: TreeNode, out: Resource[], depth: number): void {
  if (depth > 8) return;
  const list = get(mod, 'resources');
  for (const r of list?.kind === 'array' ? list.items : []) {
    const type = str(get(r, 'type'));
    if (type && r.kind === 'object')
      out.push({ source: 'terraform', type, name: str(get(r, 'name')) ?? '', props: get(r, 'values'), node: r, anchor: r.range });
  }
  const children = get(mod, 'child_modules');
  for (const c of children?.kind === 'array' ? children.items : []) plannedModule(c, out, depth + 1);
}

function arm(item: TreeNode, parentType: string, out: Resource[], depth: number): void {
  if (item.kind !== 'object' || depth > 8) return;
  const rawType = str(get(item, 'type'));
  if (!rawType) return;
  const typeEntry = item.entries.find((e) => e.key === 'type');
  if (!rawType.includes('/') && !parentType) {
    // Deployment Manager: `type: storage.v1.bucket` with `properties`.
    out.push({
      source: 'gdm',
      type: rawType,
      name: str(get(item, 'name')) ?? '',
      props: get(item, 'properties'),
      node: item,
      anchor: typeEntry?.keyRange ?? item.range,
    });
    return;
  }
  const type = childType(parentType, rawType);
  out.push({ source: 'arm', type, name: str(get(item, 'name')) ?? '', props: get(item, 'properties'), node: item, anchor: typeEntry?.keyRange ?? item.range });
  const children = get(item, 'resources');
  if (children?.kind === 'array') for (const c of children.items) arm(c, type, out, depth + 1);
  // Nested deployments carry a whole template.
  const nested = get(item, 'properties', 'template', 'resources');
  if (nested?.kind === 'array') for (const c of nested.items) arm(c, '', out, depth + 1);
}

/** Keys of an Ansible task that are not its module. */
const TASK_KEYWORDS = new Set([
  'name',
  'when',
  'register',
  'loop',
  'loop_control',
  'with_items',
  'with_dict',
  'with_list',
  'tags',
  'vars',
  'become',
  'become_user',
  'notify',
  'delegate_to',
  'run_once',
  'ignore_errors',
  'changed_when',
  'failed_when',
  'environment',
  'args',
  'retries',
  'delay',
  'until',
  'no_log',
  'connection',
  'hosts',
  'gather_facts',
  'roles',
  'module_defaults',
]);
const TASK_LISTS = ['tasks', 'pre_tasks', 'post_tasks', 'handlers', 'block', 'rescue', 'always'];

function ansibleTasks(list: TreeNode, out: Resource[], depth: number): void {
  if (list.kind !== 'array' || depth > 8) return;
  for (const task of list.items) {
    if (task.kind !== 'object') continue;
    for (const e of task.entries) {
      if (TASK_LISTS.includes(e.key)) ansibleTasks(e.value, out, depth + 1);
      else if (!TASK_KEYWORDS.has(e.key) && e.value.kind === 'object') {
        out.push({ source: 'ansible', type: e.key, name: str(get(task, 'name')) ?? '', props: e.value, node: task, anchor: e.keyRange });
      }
    }
  }
}

/** A type's last segment, lower-cased: `community.aws.rds_instance` → `rds_instance`. */
export function shortType(r: Resource): string {
  const t = r.type.toLowerCase();
  if (r.source === 'ansible') return t.slice(t.lastIndexOf('.') + 1);
  return t;
}

/**
 * Resolves a Terraform input variable (`var.allowed_cidr`, `"${var.allowed_cidr}"`) to the
 * default declared in the same file; anything else is returned as it is.
 */
export function resolveVar(doc: Document, node: TreeNode | undefined): TreeNode | undefined {
  if (doc.format !== 'hcl' || node?.kind !== 'scalar' || node.tag !== 'expr' || typeof node.value !== 'string') return node;
  const m = /^(?:"\$\{)?var\.([A-Za-z_][\w-]*)(?:\}")?$/.exec(node.value.trim()) ?? /^\$\{var\.([A-Za-z_][\w-]*)\}$/.exec(node.value.trim());
  if (!m) return node;
  const decl = variables(doc).get(m[1]);
  return decl ?? node;
}

function variables(doc: Document): Map<string, TreeNode> {
  return doc.memo('exposure:tf-variables', () => {
    const out = new Map<string, TreeNode>();
    for (const tree of treesOf(doc)) {
      for (const v of blocks(tree, 'variable')) {
        const d = get(v, 'default');
        if (d && v.labels?.[0]) out.set(v.labels[0], d);
      }
    }
    return out;
  });
}

/** A CloudFormation parameter that a value refers to (`!Ref ClientIP`, `{"Ref": "ClientIP"}`), with its default. */
export interface CfnParameter {
  name: string;
  default: TreeNode;
}

/** The parameter a `!Ref` / `{Ref}` value names and its `Default`, when the template declares one. */
export function cfnParameter(doc: Document, node: TreeNode | undefined): CfnParameter | undefined {
  if (!node || doc.format === 'hcl' || doc.format === 'bicep') return undefined;
  let name: string | undefined;
  if (node.kind === 'scalar' && node.tag === '!Ref' && typeof node.value === 'string') name = node.value.trim();
  else if (node.kind === 'object' && node.entries.length === 1 && node.entries[0].key === 'Ref') name = str(node.entries[0].value);
  if (!name) return undefined;
  for (const tree of treesOf(doc)) {
    const d = get(get(get(tree, 'Parameters'), name), 'Default');
    if (d) return { name, default: d };
  }
  return undefined;
}
