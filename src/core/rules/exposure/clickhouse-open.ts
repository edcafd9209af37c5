import { CWE, risk } from '../risk';
import type { Document } from '../../documents/document';
import type { Range } from '../../types';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, isWorld, NOAUTH_GUIDELINES } from './analysis/common';
import { isAnyAddress } from './analysis/directives';

/**
 * ClickHouse server XML (`users.xml`, `config.xml` and their `*.d/` overrides): a user whose
 * `<networks>` admit any address (`<ip>::/0</ip>`, `0.0.0.0/0`, `<host_regexp>.*</host_regexp>`),
 * and `<listen_host>` on every interface. A user open to every network with no password is an
 * error (ClickHouse's shipped `default` user); with a password, a warning, as is listening
 * everywhere.
 */

/** Elements that authenticate a user besides a non-empty `<password>`. */
const AUTH_ELEMENTS = new Set([
  'password_sha256_hex',
  'password_double_sha1_hex',
  'ldap',
  'kerberos',
  'ssl_certificates',
  'ssh_keys',
  'bcrypt_password',
  'http_authentication',
]);

interface Open {
  user: string;
  range: Range;
  value: string;
}

interface UserAuth {
  password?: string;
  other: boolean;
}

/** The text with XML comments blanked out (offsets kept). */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = text.indexOf('<!--', i);
    if (start < 0) return out + text.slice(i);
    const end = text.indexOf('-->', start + 4);
    const stop = end < 0 ? text.length : end + 3;
    out += text.slice(i, start) + text.slice(start, stop).replace(/[^\n]/g, ' ');
    i = stop;
    if (end < 0) return out;
  }
}

/** Walks the tags once: users open to every network, their authentication, and wide listen_host values. */
function read(doc: Document): { open: Open[]; auth: Map<string, UserAuth>; listen: Open[] } {
  const text = withoutComments(doc.text);
  const open: Open[] = [];
  const listen: Open[] = [];
  const auth = new Map<string, UserAuth>();
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]{0,100})([^<>]{0,2000}?)(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(text)) !== null) {
    const [whole, closing, name, , selfClosing] = m;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const inUsers = stack.indexOf('users');
    const user = inUsers >= 0 ? stack[inUsers + 1] : undefined;
    const contentStart = m.index + whole.length;
    // Only the few value elements are read, and their text holds no tag: the value ends at the
    // next `<`, which must close it. Unclosed tags in a hostile file never search to the end.
    const wanted = name === 'password' || name === 'ip' || name === 'host_regexp' || name === 'listen_host';
    const next = wanted && !selfClosing ? text.indexOf('<', contentStart) : -1;
    const close = next >= 0 && text.startsWith(`</${name}>`, next) ? next : -1;
    const content = close >= 0 ? text.slice(contentStart, close).trim() : '';
    if (user && name !== user) {
      const a = auth.get(user) ?? { other: false };
      if (name === 'password') a.password = selfClosing ? '' : content;
      else if (AUTH_ELEMENTS.has(name) && !stack.includes('networks')) a.other = true;
      auth.set(user, a);
      if (stack[stack.length - 1] === 'networks' && close >= 0) {
        const wide = name === 'ip' ? isWorld(content) : name === 'host_regexp' ? /^\^?\.\*\$?$/.test(content) : false;
        if (wide) open.push({ user, range: [m.index, close + name.length + 3], value: `<${name}>${content}</${name}>` });
      }
    }
    if (name === 'listen_host' && close >= 0 && isAnyAddress(content))
      listen.push({ user: '', range: [m.index, close + name.length + 3], value: `<listen_host>${content}</listen_host>` });
    if (!selfClosing) stack.push(name);
    if (stack.length > 64) stack.splice(0, stack.length - 64);
  }
  return { open, auth, listen };
}

export const clickhouseOpen: Rule = {
  id: 'exposure/clickhouse-open',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'ClickHouse user open to every network', ja: '全ネットワークに開放された ClickHouse のユーザー' },
  description: describe(
    "A ClickHouse user's <networks> list decides where it may log in from; <ip>::/0</ip> means anywhere. The shipped default user has no password and, in many examples, that open network list, so anyone who reaches port 8123 or 9000 can query every table. Give each user a password (password_sha256_hex), limit <networks> to the application hosts, and bind <listen_host> to loopback or a private address.",
    'ClickHouse のユーザーの <networks> は、どこからログインできるかを決めます。<ip>::/0</ip> はどこからでも、という意味です。同梱の default ユーザーにはパスワードがなく、多くの例ではこの開放されたネットワーク設定のままのため、8123 番や 9000 番ポートに到達した誰もが全テーブルを照会できます。各ユーザーにパスワード（password_sha256_hex）を設定し、<networks> をアプリケーションのホストに限定し、<listen_host> はループバックかプライベートアドレスにバインドしてください。',
  ),
  messages: {
    openNoPassword: {
      en: 'User "{user}" may log in from any address ({value}) without a password.',
      ja: 'ユーザー「{user}」が任意のアドレス（{value}）からパスワードなしでログインできます。',
    },
    open: { en: 'User "{user}" may log in from any address ({value}).', ja: 'ユーザー「{user}」が任意のアドレス（{value}）からログインできます。' },
    listenAll: { en: 'ClickHouse listens on every interface ({value}).', ja: 'ClickHouse が全インターフェースで待ち受けています（{value}）。' },
  },
  formats: ['xml'],
  appliesTo: (doc) =>
    (doc.text.includes('<networks') || doc.text.includes('<listen_host')) && /<(clickhouse|yandex)\b|<profile>|<quota>|<tcp_port>|<http_port>/.test(doc.text),
  check(doc) {
    const { open, auth, listen } = read(doc);
    const out: RawFinding[] = [];
    for (const o of open) {
      const a = auth.get(o.user);
      const noPassword = !a?.other && !a?.password;
      out.push({
        range: o.range,
        messageId: noPassword ? 'openNoPassword' : 'open',
        data: { user: o.user, value: o.value },
        ...(noPassword ? { severity: 'error' as const } : {}),
        excerpt: excerpt(doc, o.range),
      });
    }
    for (const l of listen) out.push({ range: l.range, messageId: 'listenAll', data: { value: l.value }, excerpt: excerpt(doc, l.range) });
    return out;
  },
};
