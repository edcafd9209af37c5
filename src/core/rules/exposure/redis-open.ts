import { CWE, risk } from '../risk';
import type { RawFinding, Rule } from '../rule';
import { describe, excerpt, NOAUTH_GUIDELINES, replaceFix } from './analysis/common';
import { directive, directives, isAnyAddress } from './analysis/directives';

/** Loopback bind addresses (`127.0.0.1`, `-::1`, `localhost`). */
function isLoopback(addr: string): boolean {
  const a = addr.replace(/^-/, '').toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || a === '::1' || a === 'localhost';
}

/** redis.conf, redis-6379.conf, redis_cache.conf … */
export const REDIS_CONF = /^redis([-_.][\w.-]*)?\.conf$/;

/**
 * redis.conf listening beyond loopback without a password. Redis answers anyone when no
 * password is set and either `bind` names every interface, or no `bind` is given and
 * `protected-mode no` turns off the loopback-only safety net: that is an error. `protected-mode
 * no`, `bind 0.0.0.0` alone are warnings, and so is a missing password when `bind` names an
 * address other than loopback.
 */
export const redisOpen: Rule = {
  id: 'exposure/redis-open',
  risk: risk(9.1, 'high', CWE.NO_AUTH),
  category: 'pii-exposure',
  severity: 'warning',
  guidelines: NOAUTH_GUIDELINES,
  title: { en: 'Redis reachable without a password', ja: 'パスワードなしで到達可能な Redis' },
  description: describe(
    'Redis has no authentication unless requirepass or ACL users are set. Its protected mode only refuses outside clients when no password is set and no bind address is configured; "bind 0.0.0.0" or "protected-mode no" removes that net. Exposed Redis instances are found and emptied (or used to plant SSH keys) within hours. Set requirepass or ACL users, bind to loopback or a private address, and keep protected-mode yes.',
    'Redis は requirepass や ACL ユーザーを設定しない限り認証がありません。保護モードが外部クライアントを拒否するのは、パスワードもバインドアドレスも設定されていない場合だけで、「bind 0.0.0.0」や「protected-mode no」はこの安全策を外します。公開された Redis は数時間で発見され、データを抜き取られたり SSH 鍵を仕込まれたりします。requirepass か ACL ユーザーを設定し、ループバックかプライベートアドレスにバインドし、protected-mode は yes のままにしてください。',
  ),
  messages: {
    open: {
      en: 'Redis listens on every interface ({setting}) with no password: anyone who reaches the port can read and change all data.',
      ja: 'Redis がパスワードなしで全インターフェース（{setting}）で待ち受けています。ポートに到達した誰もが全データを読み書きできます。',
    },
    protectedModeOff: {
      en: 'protected-mode is off: without a password and bind address, Redis accepts outside clients.',
      ja: 'protected-mode が無効です。パスワードとバインドアドレスがないと、Redis は外部のクライアントを受け付けます。',
    },
    bindAll: { en: 'Redis listens on every interface ({setting}).', ja: 'Redis が全インターフェースで待ち受けています（{setting}）。' },
    noPassword: {
      en: 'No requirepass or ACL user password is set: Redis accepts clients without authentication.',
      ja: 'requirepass も ACL ユーザーのパスワードも設定されておらず、Redis は認証なしでクライアントを受け付けます。',
    },
    'fix.protectedMode': { en: 'Set protected-mode yes', ja: 'protected-mode を yes にする' },
    'fix.bindLoopback': { en: 'Bind to loopback only', ja: 'ループバックのみにバインドする' },
  },
  files: REDIS_CONF,
  check(doc) {
    const list = directives(doc);
    const bind = directive(list, 'bind');
    const pm = directive(list, 'protected-mode');
    const password =
      Boolean(directive(list, 'requirepass')?.value) ||
      list.some((d) => d.key.toLowerCase() === 'user' && /(^|\s)[>#]/.test(d.value)) ||
      Boolean(directive(list, 'aclfile'));
    const bindAll = bind !== undefined && bind.words.some(isAnyAddress);
    const pmOff = pm?.value.toLowerCase() === 'no';
    const open = !password && (bindAll || (bind === undefined && pmOff));
    const out: RawFinding[] = [];
    const pmFix = pm && pmOff ? [replaceFix('fix.protectedMode', pm.valueRange, 'yes', true)] : undefined;
    const bindFix = bind && bindAll ? [replaceFix('fix.bindLoopback', bind.valueRange, '127.0.0.1 -::1', false)] : undefined;
    if (open) {
      const at = bindAll && bind ? bind : pm;
      const range = at?.lineRange ?? [0, 0];
      out.push({
        range,
        messageId: 'open',
        data: { setting: at ? `${at.key} ${at.value}` : 'protected-mode no' },
        severity: 'error',
        excerpt: excerpt(doc, range),
        ...(at === pm ? pmFix && { fixes: pmFix } : bindFix && { fixes: bindFix }),
      });
      if (bindAll && pmOff && pm)
        out.push({
          range: pm.lineRange,
          messageId: 'protectedModeOff',
          data: {},
          severity: 'error',
          excerpt: excerpt(doc, pm.lineRange),
          ...(pmFix ? { fixes: pmFix } : {}),
        });
      return out;
    }
    if (pmOff && pm)
      out.push({ range: pm.lineRange, messageId: 'protectedModeOff', data: {}, excerpt: excerpt(doc, pm.lineRange), ...(pmFix ? { fixes: pmFix } : {}) });
    if (bindAll && bind)
      out.push({
        range: bind.lineRange,
        messageId: 'bindAll',
        data: { setting: `bind ${bind.value}` },
        excerpt: excerpt(doc, bind.lineRange),
        ...(bindFix ? { fixes: bindFix } : {}),
      });
    // Without a password, Redis bound to loopback only (or left unbound with protected mode on)
    // refuses every outside client: the missing password alone opens nothing.
    if (!password && bind && bind.words.some((w) => !isLoopback(w))) {
      const range = bind.lineRange;
      out.push({ range, messageId: 'noPassword', data: {}, excerpt: excerpt(doc, range) });
    }
    return out;
  },
};
