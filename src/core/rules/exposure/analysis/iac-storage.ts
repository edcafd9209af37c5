import { Document } from '../../../documents/document';
import { blocks, hclTree } from '../../../documents/hcl';
import { jsonTree } from '../../../documents/json';
import { visit, type TreeNode } from '../../../documents/tree';
import type { Range } from '../../../types';
import type { RawFinding } from '../../rule';
import { excerpt, field, fields, flag, flipped, holdRequires, mayHold, mayMatch, OTHER_SPELLINGS, replaceFix, scalars, str } from './common';
import { label } from './iac-db';
import { resourcesOf, type Resource } from './resources';

/**
 * Buckets, containers, objects and datasets that anyone can read: public canned ACLs, grants to
 * "all users", resource policies whose principal is `*`, and GCP IAM members `allUsers` /
 * `allAuthenticatedUsers`. Shared by the storage and search-domain rules.
 */

/** Canned ACLs that open a bucket or object to everyone (or every cloud account). */
const PUBLIC_ACL = new Set(['publicread', 'publicreadwrite', 'authenticatedread']);
const ACL_KEYS = ['acl', 'canned_acl', 'access_control', 'permission', 'predefined_acl', 'predefined_default_object_acl', 'object_acl', 'default_acl'];
/** Azure container access levels that allow anonymous reads. */
const AZURE_PUBLIC = new Set(['blob', 'container']);
const AZURE_KEYS = ['container_access_type', 'public_access'];
const ALL_USERS_URI = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;
const GCP_PUBLIC = /^(?:[a-z]+:)?(allUsers|allAuthenticatedUsers)$/;
const GCP_DATA = /storage|bucket|bigquery|dataset|table|bigtable|spanner|firestore|datastore|sql/i;

/** The private spelling for an ACL fix, matching the source's style. */
function privateAcl(key: string): string {
  // CloudFormation spells canned ACLs in PascalCase; everything else in lower case.
  return key.toLowerCase().replace(/[-_]/g, '') === 'accesscontrol' ? 'Private' : 'private';
}

/**
 * What the findings of `publicAclHits` read (see `mayHold`): a canned ACL (`PUBLIC_ACL`, values
 * compared without separators: `public-read`, `PublicRead`, `authenticated-read`), an Object
 * Storage `objectread` access type (asked as `ctread`), the AllUsers group URI, or an Azure access level (`blob`,
 * `container`) under a key of the words `access` (`container_access_type`, `public_access`).
 */
const ACL_WORDS = ['public', 'authenticated', 'ctread', 'acs.amazonaws.com'];
const AZURE_LEVELS = ['blob', 'container'];
const ACCESS = ['access'];

/** Findings of `exposure/storage-public-acl`. */
export function publicAclHits(doc: Document): RawFinding[] {
  if (!mayHold(doc, ACL_WORDS) && !(mayHold(doc, AZURE_LEVELS) && mayHold(doc, ACCESS))) return [];
  return doc.memo('exposure:public-acl', () => {
    const out: RawFinding[] = [];
    for (const r of resourcesOf(doc)) {
      const props = r.props;
      if (!props) continue;
      const name = label(r);
      for (const e of fields(props, ...ACL_KEYS)) {
        const v = str(e.value);
        if (!v || !PUBLIC_ACL.has(v.toLowerCase().replace(/[-_\s]/g, ''))) continue;
        const quoted = /^["']/.test(doc.text.slice(e.value.range[0], e.value.range[0] + 1));
        const q = quoted ? doc.text[e.value.range[0]] : '';
        out.push({
          range: [e.keyRange[0], e.value.range[1]],
          messageId: 'acl',
          data: { resource: name, acl: v },
          excerpt: excerpt(doc, e.keyRange),
          fixes: [replaceFix('fix.privateAcl', e.value.range, `${q}${privateAcl(e.key)}${q}`, true)],
        });
      }
      // Oracle Cloud Object Storage: `access_type = "ObjectRead"` / `"ObjectReadWithoutList"`.
      if (/objectstorage_?bucket|ObjectStorage::Bucket/i.test(r.type)) {
        for (const e of fields(props, 'access_type', 'accessType')) {
          const v = str(e.value);
          if (!v || !/^objectread(withoutlist)?$/i.test(v)) continue;
          const q = /^["']/.test(doc.text[e.value.range[0]] ?? '') ? doc.text[e.value.range[0]] : '';
          out.push({
            range: [e.keyRange[0], e.value.range[1]],
            messageId: 'acl',
            data: { resource: name, acl: v },
            excerpt: excerpt(doc, e.keyRange),
            fixes: [replaceFix('fix.privateAcl', e.value.range, `${q}NoPublicAccess${q}`, true)],
          });
        }
      }
      for (const e of [...fields(props, ...AZURE_KEYS), ...(/containers$/i.test(r.type) ? fields(props, 'publicAccess') : [])]) {
        const v = str(e.value);
        if (!v || !AZURE_PUBLIC.has(v.toLowerCase())) continue;
        const q = /^["']/.test(doc.text[e.value.range[0]] ?? '') ? doc.text[e.value.range[0]] : '';
        const to = /^[A-Z]/.test(v) ? 'None' : 'private';
        out.push({
          range: [e.keyRange[0], e.value.range[1]],
          messageId: 'container',
          data: { resource: name, acl: v },
          excerpt: excerpt(doc, e.keyRange),
          fixes: [replaceFix('fix.privateAcl', e.value.range, `${q}${to}${q}`, true)],
        });
      }
      visit(props, (node) => {
        if (node.kind === 'scalar' && typeof node.value === 'string' && ALL_USERS_URI.test(node.value)) {
          out.push({
            range: node.range,
            messageId: 'grant',
            data: { resource: name, acl: node.value.replace(/^.*\//, '') },
            excerpt: excerpt(doc, node.range),
          });
        }
      });
    }
    return out;
  });
}

/** The members `GCP_PUBLIC` reads (its case is exact; the gate's is not), as `llusers` and `dusers`. */
const MEMBER_WORDS = ['llusers', 'dusers'];

/** Findings of GCP public members (`allUsers`, `allAuthenticatedUsers`) on data resources. */
export function publicMemberHits(doc: Document): RawFinding[] {
  if (!mayHold(doc, MEMBER_WORDS)) return [];
  return doc.memo('exposure:public-members', () => {
    const out: RawFinding[] = [];
    for (const r of resourcesOf(doc)) {
      if (!r.props || !GCP_DATA.test(r.type)) continue;
      visit(r.props, (node) => {
        if (node.kind === 'scalar' && typeof node.value === 'string') {
          const m = GCP_PUBLIC.exec(node.value.trim());
          if (m) out.push({ range: node.range, messageId: 'member', data: { resource: label(r), member: m[1] }, excerpt: excerpt(doc, node.range) });
        }
      });
    }
    return out;
  });
}

/**
 * Both findings of `exposure/storage-account-public-access` are about a resource whose type
 * says `storage`, and read a key or value with the word `allow` (`allow_blob_public_access`,
 * `allowBlobPublicAccess`, `allow_nested_items_to_be_public`, `default_action = "Allow"`).
 */
export function mayAllowStorage(doc: Document): boolean {
  return mayHold(doc, STORAGE_WORDS) && mayMatch(doc, ALLOW);
}
/** `storage`, asked as `rage`. */
const STORAGE_WORDS = ['rage'];
const ALLOW = /allow/i;

/** Azure storage accounts that permit public containers (a warning: nothing is public yet). */
export function blobPublicAccessHits(doc: Document): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of resourcesOf(doc)) {
    if (!r.props || !/storage/i.test(r.type)) continue;
    const e = field(r.props, 'allow_blob_public_access', 'allowBlobPublicAccess', 'allow_nested_items_to_be_public');
    if (!e || flag(e.value) !== true) continue;
    const to = flipped(doc.text.slice(e.value.range[0], e.value.range[1]), false);
    out.push({
      range: [e.keyRange[0], e.value.range[1]],
      messageId: 'blobPublicAccess',
      data: { resource: label(r), key: e.key },
      excerpt: excerpt(doc, e.keyRange),
      ...(to ? { fixes: [replaceFix('fix.disallowPublic', e.value.range, to, true)] } : {}),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resource policies

/** A statement that allows everyone: where it is and whether conditions narrow it. */
export interface PublicStatement {
  resource: Resource;
  range: Range;
  conditional: boolean;
  /** The statement's conditions mention a source IP range that is the whole internet. */
  worldIp: boolean;
}

const POLICY_KEYS = ['policy', 'PolicyDocument', 'access_policies', 'AccessPolicies', 'access_policy', 'bucket_policy'];

/**
 * A public statement names its principal (`Principal`, HCL `principals`) and grants it to `*`
 * (JSON policies held in a string are in the text too, their escapes as `\` followed by `u`).
 */
const PRINCIPAL = ['principal'];
const EVERYONE = ['*'];

/** Statements granting `Principal: "*"` in the policies attached to resources of `family`. */
export function publicStatements(doc: Document, family: RegExp): PublicStatement[] {
  if (!mayHold(doc, PRINCIPAL) || !mayHold(doc, EVERYONE)) return [];
  const out: PublicStatement[] = [];
  for (const r of resourcesOf(doc)) {
    if (!r.props || !family.test(r.type)) continue;
    for (const e of fields(r.props, ...POLICY_KEYS)) {
      for (const s of policyStatements(doc, e.value)) out.push({ resource: r, ...s });
    }
  }
  return out;
}

interface Stmt {
  range: Range;
  conditional: boolean;
  worldIp: boolean;
}

/** The public statements of one policy value: an object, jsonencode(), a JSON string or heredoc, or an HCL policy document reference. */
function policyStatements(doc: Document, value: TreeNode): Stmt[] {
  if (value.kind === 'object') return fromDocument(value, (r) => r);
  if (value.kind === 'array' && value.tag === 'call:jsonencode') return value.items[0] ? policyStatements(doc, value.items[0]) : [];
  if (value.kind !== 'scalar' || typeof value.value !== 'string') return [];
  const text = value.value;
  if (value.tag === 'expr' && /^data\.aws_iam_policy_document\.([\w-]+)\.json$/.test(text.trim())) {
    return fromPolicyDocumentData(doc, text.trim().split('.')[2] ?? '');
  }
  if (!/^\s*[{[]/.test(text)) return [];
  const tree = jsonTree(new Document('policy.json', text));
  if (!tree) return [];
  // Map offsets in the string back to the file when the heredoc or string body is verbatim.
  const body = locate(doc, value.range, text);
  return fromDocument(tree, (r) => (body === undefined ? value.range : [body + r[0], body + r[1]]));
}

function locate(doc: Document, range: Range, text: string): number | undefined {
  const slice = doc.text.slice(range[0], range[1]);
  const i = slice.indexOf(text);
  return i >= 0 ? range[0] + i : undefined;
}

function fromDocument(policy: TreeNode, map: (r: Range) => Range): Stmt[] {
  const statements = field(policy, 'Statement')?.value;
  const list = statements?.kind === 'array' ? statements.items : statements ? [statements] : [];
  const out: Stmt[] = [];
  for (const s of list) {
    if (s.kind !== 'object') continue;
    const effect = str(field(s, 'Effect')?.value);
    if (effect && effect.toLowerCase() !== 'allow') continue;
    const principal = field(s, 'Principal');
    if (!principal || !isEveryone(principal.value)) continue;
    const condition = field(s, 'Condition')?.value;
    if (restrictsPrincipal(condition)) continue;
    out.push({ range: map(principal.value.range), conditional: condition !== undefined && !empty(condition), worldIp: worldIp(condition) });
  }
  return out;
}

function isEveryone(p: TreeNode): boolean {
  if (p.kind === 'scalar') return str(p) === '*';
  if (p.kind !== 'object') return false;
  const aws = field(p, 'AWS')?.value;
  return scalars(aws).some((s) => str(s) === '*');
}

function empty(n: TreeNode): boolean {
  return (n.kind === 'object' && n.entries.length === 0) || (n.kind === 'array' && n.items.length === 0);
}

/**
 * Condition keys that tie a `*` principal to one organisation, account, network or calling
 * resource: the statement is not public.
 */
const RESTRICTING_KEY =
  /^aws:(PrincipalOrgID|PrincipalOrgPaths|PrincipalAccount|PrincipalArn|SourceVpce?|SourceAccount|SourceArn|SourceOrgID|SourceOrgPaths|userid)$/i;

/** Whether a JSON/object condition names a restricting key (`StringEquals: { "aws:PrincipalOrgID": … }`). */
function restrictsPrincipal(condition: TreeNode | undefined): boolean {
  let hit = false;
  if (condition) {
    visit(condition, (_node, path) => {
      const key = path[path.length - 1];
      if (typeof key === 'string' && RESTRICTING_KEY.test(key)) hit = true;
      return hit ? false : undefined;
    });
  }
  return hit;
}

function worldIp(condition: TreeNode | undefined): boolean {
  let hit = false;
  if (condition) {
    visit(condition, (node) => {
      const v = str(node);
      if (v && /^(0\.0\.0\.0|::)\/0$/.test(v)) hit = true;
    });
  }
  return hit;
}

/** `data "aws_iam_policy_document" "x" { statement { principals { type = "*" … } } }`. */
function fromPolicyDocumentData(doc: Document, name: string): Stmt[] {
  const tree = doc.format === 'hcl' ? hclTree(doc) : undefined;
  return blocks(tree, 'data', 'aws_iam_policy_document', name).flatMap((d) => documentStatements(d).map((s) => s.stmt));
}

/** The allow statements of an `aws_iam_policy_document` block that grant everyone, with their actions. */
function documentStatements(d: TreeNode): { stmt: Stmt; actions: string[] }[] {
  const out: { stmt: Stmt; actions: string[] }[] = [];
  for (const s of blocks(d, 'statement')) {
    const effect = str(field(s, 'effect')?.value);
    if (effect && effect.toLowerCase() !== 'allow') continue;
    const conditions = blocks(s, 'condition');
    // `condition { variable = "aws:PrincipalOrgID" … }` keeps the statement inside one organisation.
    if (conditions.some((c) => RESTRICTING_KEY.test(str(field(c, 'variable')?.value) ?? ''))) continue;
    const actions = [...scalars(field(s, 'actions')?.value), ...scalars(field(s, 'resources')?.value)].map((a) => str(a) ?? '');
    for (const p of blocks(s, 'principals')) {
      const type = str(field(p, 'type')?.value);
      const ids = scalars(field(p, 'identifiers')?.value).map(str);
      if (type === '*' || (type === 'AWS' && ids.includes('*'))) {
        out.push({ stmt: { range: p.range, conditional: conditions.length > 0, worldIp: false }, actions });
      }
    }
  }
  return out;
}

/**
 * Public statements of every storage policy document in an HCL file, whether or not a bucket
 * policy in the same file refers to it (modules take it as `policy = data….json`, or it is
 * passed through a local): statements whose actions or resources are S3's.
 */
export function storagePolicyDocuments(doc: Document): PublicStatement[] {
  if (doc.format !== 'hcl' || !mayHold(doc, PRINCIPAL) || !mayHold(doc, EVERYONE)) return [];
  const out: PublicStatement[] = [];
  for (const d of blocks(hclTree(doc), 'data', 'aws_iam_policy_document')) {
    const name = d.kind === 'object' ? (d.labels?.[1] ?? '') : '';
    const resource: Resource = { source: 'terraform', type: 'aws_iam_policy_document', name, props: d, node: d, anchor: d.range };
    for (const s of documentStatements(d)) {
      if (s.actions.some((a) => /^s3:|^arn:aws[\w-]*:s3:::/i.test(a))) out.push({ resource, ...s.stmt });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// S3 public access blocks

const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** An S3 public access block (resource, CloudFormation property or module arguments) and its four switches. */
export interface AccessBlock {
  resource: Resource;
  /** Each switch as written, or undefined when omitted. */
  flags: { name: string; entry: ReturnType<typeof field> }[];
}

/** The public access blocks in the file. */
export function accessBlocks(doc: Document): AccessBlock[] {
  const out: AccessBlock[] = [];
  for (const r of resourcesOf(doc)) {
    // Modules (the s3-bucket module, or one called by a local path) take the four switches as inputs.
    const holder =
      /public_access_block$/i.test(r.type) || r.type.startsWith('module:')
        ? r.props
        : /^AWS::S3::Bucket$/.test(r.type)
          ? field(r.props, 'PublicAccessBlockConfiguration')?.value
          : undefined;
    if (!holder) continue;
    const flags = BLOCK_FLAGS.map((name) => ({ name, entry: field(holder, name) }));
    if (flags.some((f) => f.entry)) out.push({ resource: r, flags });
  }
  return out;
}

/** What the storage and search rules declare (`Rule.literals`) for the gates above. */
/**
 * Without one of these a storage rule finds nothing public (Rule.requires): an ACL (`publicAclHits`)
 * or a statement for everyone (`publicStatements`, `storagePolicyDocuments`).
 */
export const PUBLIC_STORAGE_REQUIRES: readonly string[] = holdRequires(ACL_WORDS, AZURE_LEVELS, PRINCIPAL);
/** Without one of these `publicStatements` finds nothing (Rule.requires). */
export const PUBLIC_STATEMENT_REQUIRES: readonly string[] = holdRequires(PRINCIPAL);
/** Without one of these neither `publicStatements`, `storagePolicyDocuments` nor `publicMemberHits` finds anything (Rule.requires). */
export const PUBLIC_POLICY_REQUIRES: readonly string[] = holdRequires(PRINCIPAL, MEMBER_WORDS);
/** Without one of these `mayAllowStorage` answers false (Rule.requires). */
export const ALLOW_STORAGE_REQUIRES: readonly string[] = holdRequires(STORAGE_WORDS);

export const STORAGE_LITERALS: readonly string[] = [
  ...ACL_WORDS,
  ...AZURE_LEVELS,
  ...ACCESS,
  ...MEMBER_WORDS,
  ...STORAGE_WORDS,
  ...PRINCIPAL,
  ...EVERYONE,
  ...OTHER_SPELLINGS,
];
