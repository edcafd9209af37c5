import type { Document } from '../../../documents/document';
import type { Range } from '../../../types';

/**
 * Line-oriented server configuration (redis.conf, postgresql.conf, pg_hba.conf, my.cnf): each
 * directive with its key, value and offsets. Comments (`#`, and `;` in INI files) and blank
 * lines are skipped; INI section headers are recorded on the directives that follow them.
 */
export interface Directive {
  key: string;
  /** The value text, without surrounding quotes. */
  value: string;
  /** Whitespace-separated words of the value (pg_hba columns, redis `bind` addresses). */
  words: string[];
  keyRange: Range;
  valueRange: Range;
  lineRange: Range;
  section?: string;
}

/** The directives of a file, memoised. */
export function directives(doc: Document): Directive[] {
  return doc.memo('exposure:directives', () => {
    const out: Directive[] = [];
    const ini = doc.format === 'ini' || /\.(cnf|ini)$/i.test(doc.name);
    let section: string | undefined;
    let at = 0;
    for (const raw of doc.text.split('\n')) {
      const start = at;
      at += raw.length + 1;
      const line = raw.replace(/\r$/, '');
      const lead = line.length - line.trimStart().length;
      const body = line.trim();
      if (!body || body.startsWith('#') || (ini && body.startsWith(';'))) continue;
      if (ini && /^\[[^\]]+\]$/.test(body)) {
        section = body.slice(1, -1).trim().toLowerCase();
        continue;
      }
      // Strip a trailing comment outside quotes.
      let content = body;
      const hash = findComment(content);
      if (hash >= 0) content = content.slice(0, hash).trimEnd();
      // The lookahead rejects a line with a stray \r or U+2028 inside at once: `(.*)$` cannot
      // match past one, and the three whitespace runs before it backtracked in cubic time
      // (minutes on a 20 KB line of tabs).
      const m = /^(?![^]*?[\r\u2028\u2029])([A-Za-z_][\w.-]*)\s*(=|\s)\s*(.*)$/.exec(content) ?? /^([A-Za-z_][\w.-]*)$/.exec(content);
      if (!m) continue;
      const key = m[1];
      const rawValue = (m[3] ?? '').trim();
      const keyStart = start + lead;
      const valueOffset = rawValue ? content.indexOf(rawValue, key.length) : content.length;
      const valueStart = start + lead + Math.max(valueOffset, key.length);
      const value = rawValue.replace(/^(['"])(.*)\1$/, '$2');
      out.push({
        key,
        value,
        words: value.split(/\s+/).filter(Boolean),
        keyRange: [keyStart, keyStart + key.length],
        valueRange: [valueStart, valueStart + rawValue.length],
        lineRange: [start + lead, start + lead + content.length],
        ...(section !== undefined ? { section } : {}),
      });
    }
    return out;
  });
}

function findComment(s: string): number {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return i;
  }
  return -1;
}

/** The last directive with this key (case-insensitive, `-` and `_` alike). */
export function directive(list: readonly Directive[], key: string): Directive | undefined {
  const k = key.toLowerCase().replace(/-/g, '_');
  for (let i = list.length - 1; i >= 0; i--) if (list[i].key.toLowerCase().replace(/-/g, '_') === k) return list[i];
  return undefined;
}

/** Addresses that mean "every interface". */
export function isAnyAddress(addr: string): boolean {
  const a = addr
    .replace(/^-/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  return a === '0.0.0.0' || a === '*' || a === '::' || a === '::*' || a === '0' || a === '::0';
}
