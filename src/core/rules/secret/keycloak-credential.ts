import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import { entry, visit, type ObjectNode, type ScalarNode, type TreeNode } from '../../documents/tree';
import { treesOf } from '../../documents/trees';
import { mentionsAny } from '../../literals';
import { maskSecret } from '../../mask';
import type { Range, Severity } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { KEY_GUIDELINES, SECRET_DESCRIPTION } from './common';
import { isBase64PrivateKey, literalCredential } from './analysis/structured-value';

/**
 * Credentials in Keycloak realm exports (JSON, and keycloak-config-cli's YAML or JSON) and in
 * Keycloak adapter files (`keycloak.json`, `oidc.json`): client `secret`s, users' plaintext
 * credential `value`s, identity-provider and LDAP `clientSecret`/`bindCredential`, the SMTP
 * `password`, and the realm's key material (component `privateKey`, HMAC/AES `secret`, SAML
 * signing and encryption keys). Hashed credentials (`hashedSaltedValue`, `secretData`) and the
 * `**********` that Keycloak writes for masked secrets are skipped. keycloak-config-cli's
 * `$(env:NAME:-default)` substitutions are judged by their default, which is what runs when
 * the variable is unset. In a realm file the key says what the value is, so weak values
 * (`secret`, `test`) are reported as weak.
 */

type Kind = 'client' | 'user' | 'key' | 'config';

interface Hit {
  range: Range;
  kind: Kind;
  key: string;
  severity: Severity;
  weak: boolean;
}

/** Keys whose values are key material in a realm (component config, SAML client attributes). */
const KEY_MATERIAL = new Set(['privateKey', 'saml.signing.private.key', 'saml.encryption.private.key']);

/** Keys whose values are shared secrets wherever they appear in a realm or an adapter file. */
const SECRET_KEYS = new Set([
  'secret',
  'clientSecret',
  'client-secret',
  'bindCredential',
  'keystorePassword',
  'keyPassword',
  'client-keystore-password',
  'client-key-password',
]);

/** Credential entries that hold a hash or a hash's parameters, never the password. */
const HASHED = ['hashedSaltedValue', 'secretData', 'credentialData', 'salt'];

/** Keys that mark the top object of a realm export. */
const REALM_KEYS = ['clients', 'users', 'components', 'keycloakVersion', 'identityProviders', 'requiredCredentials', 'clientScopes', 'smtpServer', 'roles'];

function isRealm(o: ObjectNode): boolean {
  const realm = entry(o, 'realm')?.value;
  if (realm?.kind !== 'scalar' || typeof realm.value !== 'string') return false;
  if (REALM_KEYS.some((k) => entry(o, k) !== undefined)) return true;
  // Adapter files: `realm`, `resource` (the client id) and the server's URL.
  return (
    entry(o, 'resource') !== undefined &&
    (entry(o, 'auth-server-url') !== undefined || entry(o, 'authServerUrl') !== undefined || entry(o, 'credentials') !== undefined)
  );
}

/** The realm objects of a tree: the root, or the items of a root array (multi-realm exports). */
function realmsOf(tree: TreeNode): ObjectNode[] {
  if (tree.kind === 'object') return isRealm(tree) ? [tree] : [];
  if (tree.kind === 'array') return tree.items.filter((i): i is ObjectNode => i.kind === 'object' && isRealm(i));
  return [];
}

/** keycloak-config-cli's substitution with a default: `$(env:NAME:-default)` or `$(NAME:-default)`. */
const SUBSTITUTION = /^\$\((?:env:)?[A-Za-z_][\w.]{0,100}:-([^()$]{0,200})\)$/;

/** Offsets of `value`'s characters inside a scalar node's source (quotes excluded). */
function contentRange(text: string, node: ScalarNode, value: string): Range {
  const [a, b] = node.range;
  const raw = text.slice(a, b);
  const at = raw.indexOf(value);
  return at >= 0 ? [a + at, a + at + value.length] : [a, b];
}

function judge(doc: Document, node: TreeNode, kind: Kind, key: string, out: Hit[]): void {
  const items = node.kind === 'array' ? node.items : [node];
  for (const item of items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string' || item.tag) continue;
    let value = item.value;
    const sub = SUBSTITUTION.exec(value.trim());
    if (sub) value = sub[1];
    if (KEY_MATERIAL.has(key)) {
      if (isBase64PrivateKey(value)) out.push({ range: contentRange(doc.text, item, value), kind: 'key', key, severity: 'error', weak: false });
      continue;
    }
    const strength = literalCredential(value);
    if (!strength) continue;
    out.push({ range: contentRange(doc.text, item, value), kind, key, severity: strength === 'strong' ? 'error' : 'warning', weak: strength === 'weak' });
  }
}

function scanRealm(doc: Document, realm: ObjectNode, out: Hit[]): void {
  visit(realm, (node, path) => {
    if (node.kind !== 'object') return;
    const parent = path[path.length - 1];
    const grand = path[path.length - 2];
    // A user's credential: `credentials: [{ type: password, value: … }]`.
    if (typeof parent === 'number' && grand === 'credentials') {
      const type = entry(node, 'type')?.value;
      const isPassword = type === undefined || (type.kind === 'scalar' && String(type.value).toLowerCase() === 'password');
      const value = entry(node, 'value')?.value;
      if (isPassword && value && !HASHED.some((k) => entry(node, k))) judge(doc, value, 'user', 'credentials.value', out);
      return false;
    }
    for (const e of node.entries) {
      if (KEY_MATERIAL.has(e.key)) judge(doc, e.value, 'key', e.key, out);
      else if (SECRET_KEYS.has(e.key)) {
        // Component config (`config: { secret: [ … ] }`) holds realm keys; elsewhere, clients' secrets.
        const kind: Kind = parent === 'config' && path.includes('components') ? 'key' : e.key === 'secret' ? 'client' : 'config';
        judge(doc, e.value, kind, e.key, out);
      } else if (e.key === 'password' && parent === 'smtpServer') judge(doc, e.value, 'config', 'smtpServer.password', out);
    }
    return undefined;
  });
}

/** The words this file's checks ask about (see `literals` on the rule). */
const LITERALS: readonly string[] = ['realm'];

function hits(doc: Document): Hit[] {
  return doc.memo('secret:keycloak', () => {
    const out: Hit[] = [];
    if (doc.format !== 'json' && doc.format !== 'yaml') return out;
    if (!mentionsAny(doc, ['realm']) || !/["']?realm["']?\s*:/.test(doc.text)) return out;
    let trees: TreeNode[];
    try {
      trees = treesOf(doc);
    } catch {
      return out;
    }
    for (const tree of trees) for (const realm of realmsOf(tree)) scanRealm(doc, realm, out);
    return out;
  });
}

const WHAT: Record<Kind, { en: string; ja: string }> = {
  client: { en: 'client secret', ja: 'クライアントシークレット' },
  user: { en: "user's password", ja: 'ユーザーのパスワード' },
  key: { en: 'realm key', ja: 'レルムの鍵' },
  config: { en: 'credential', ja: '認証情報' },
};

/** A credential or key written into a Keycloak realm export or adapter file. */
export const keycloakCredential: Rule = {
  id: 'secret/keycloak-credential',
  risk: risk(9.3, 'high', CWE.PASSWORD),
  literals: LITERALS,
  // A realm export or adapter file is read only when it says `realm` (`hits`).
  requires: LITERALS,
  specificity: 'store',
  category: 'secret',
  severity: 'error',
  guidelines: KEY_GUIDELINES,
  title: { en: 'Credential in a Keycloak realm or adapter file', ja: 'Keycloak のレルム・アダプター設定内の認証情報' },
  description: SECRET_DESCRIPTION,
  messages: {
    found: {
      en: 'A Keycloak {what} is written in the file ({key}: {masked}). Anyone with the repository can use it: export realms without secrets (or let keycloak-config-cli read them from the environment), and regenerate it.',
      ja: 'Keycloak の{whatJa}がファイルに書かれています（{key}: {masked}）。リポジトリを読める人は誰でも使えます。シークレットを含めずにレルムをエクスポートし（または keycloak-config-cli で環境変数から読み込み）、再生成してください。',
    },
    weak: {
      en: 'A weak Keycloak {what} is hardcoded in the file ({key}: {masked}). It is easy to guess and anyone with the repository knows it: read it from the environment and set a strong one.',
      ja: '推測しやすい Keycloak の{whatJa}がハードコードされています（{key}: {masked}）。リポジトリを読める人は誰でも知っています。環境変数から読み込み、強いものに変更してください。',
    },
  },
  check(doc: Document): RawFinding[] {
    return hits(doc).map((h) => {
      const masked = maskSecret(doc.text.slice(h.range[0], h.range[1]));
      const what = WHAT[h.kind];
      return {
        range: h.range,
        messageId: h.weak ? 'weak' : 'found',
        severity: h.severity,
        data: { what: what.en, whatJa: what.ja, key: h.key, masked },
        excerpt: `${h.key}: ${masked}`,
      };
    });
  },
};
