import { isAscii, isUtf8 } from 'node:buffer';

/**
 * Turns file bytes into text, or says the file is binary.
 *
 * Order of the checks, cheapest and surest first:
 * 1. a byte-order mark: UTF-8, UTF-16LE or UTF-16BE;
 * 2. UTF-16 without a BOM (ASCII-heavy text with every other byte zero);
 * 3. a NUL byte in the first 8 KiB of anything else means binary (git's heuristic);
 * 4. valid UTF-8 (by far the common case; pure ASCII is valid UTF-8);
 * 5. ISO-2022-JP (7-bit, recognised by its escape sequences), Shift_JIS or EUC-JP, the
 *    encodings of many older Japanese repositories, chosen by which one decodes without error
 *    and reads more like Japanese;
 * 6. anything else is decoded as UTF-8 with U+FFFD for the bad bytes, so a file with a few
 *    broken bytes is still scanned rather than lost.
 * Offsets in findings are always offsets into the decoded text.
 */
export function decode(bytes: Uint8Array): string | undefined {
  return decodeDetailed(bytes)?.text;
}

/** Encodings `decode` recognises. */
export type TextEncoding = 'utf-8' | 'utf-8-lossy' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'iso-2022-jp';

/** Like `decode`, and also says which encoding was found. */
export function decodeDetailed(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  // Most files have no NUL byte at the start: then they are neither binary nor BOM-less UTF-16,
  // and one native search settles both checks.
  const noNul = bytes.subarray(0, 8192).indexOf(0) < 0;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: lossy('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: lossy('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const utf16 = noNul ? undefined : bomlessUtf16(bytes);
  if (utf16) return { text: lossy(utf16, bytes), encoding: utf16 };
  if (!noNul && isBinary(bytes)) return undefined;
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const utf8 = utf8Text(body);
  if (utf8 !== undefined) {
    // ISO-2022-JP is 7-bit, so it is also valid UTF-8: recognise it by its "ESC $ B" / "ESC $ @".
    if (utf8.includes('\u001b$B') || utf8.includes('\u001b$@')) {
      const jis = strict('iso-2022-jp', body);
      if (jis !== undefined) return { text: jis, encoding: 'iso-2022-jp' };
    }
    return { text: utf8, encoding: 'utf-8' };
  }
  const japanese = japaneseDecode(body);
  if (japanese) return japanese;
  return { text: lossy('utf-8', body), encoding: 'utf-8-lossy' };
}

/**
 * The bytes as UTF-8 text, or undefined when they are not UTF-8. Most files are pure ASCII,
 * which reads the same in Latin-1: that copies the bytes as they are, where the UTF-8 decoder
 * works through every byte (1.8% of the instructions of a 48 MB scan; decoding a tree of
 * installed npm packages took ~9% less time).
 */
function utf8Text(body: Uint8Array): string | undefined {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (isAscii(body)) return buffer.toString('latin1');
  return isUtf8(body) ? buffer.toString('utf8') : undefined;
}

/** A NUL byte in the first 8 KiB marks a file as binary (the heuristic git uses). */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Text that is not UTF-8: Shift_JIS and EUC-JP share no valid multi-byte layout for most
 * Japanese text, so usually only one decodes cleanly; when both do, the one with more kana and
 * kanji (and fewer half-width katakana, rare in real text) wins.
 */
function japaneseDecode(bytes: Uint8Array): { text: string; encoding: 'shift_jis' | 'euc-jp' } | undefined {
  const sjis = strict('shift_jis', bytes);
  const euc = strict('euc-jp', bytes);
  if (sjis === undefined && euc === undefined) return undefined;
  if (euc === undefined) return { text: sjis as string, encoding: 'shift_jis' };
  if (sjis === undefined) return { text: euc, encoding: 'euc-jp' };
  return japaneseScore(euc) > japaneseScore(sjis) ? { text: euc, encoding: 'euc-jp' } : { text: sjis, encoding: 'shift_jis' };
}

/** Kana and kanji count for, half-width katakana and private-use characters against. */
function japaneseScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) score++;
    else if ((c >= 0xff61 && c <= 0xff9f) || (c >= 0xe000 && c <= 0xf8ff)) score -= 2;
  }
  return score;
}

/**
 * UTF-16 without a BOM: in the first 8 KiB, most byte pairs have a zero on one side only
 * (ASCII characters) and the other side is never zero. Returns the byte order, or undefined.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return undefined;
  const pairs = n / 2;
  for (const [order, low] of [
    ['utf-16le', 0],
    ['utf-16be', 1],
  ] as const) {
    let ascii = 0;
    let zeroLow = 0;
    for (let i = 0; i < n; i += 2) {
      const lo = bytes[i + low];
      const hi = bytes[i + 1 - low];
      if (lo === 0) zeroLow++;
      else if (hi === 0 && (lo === 9 || lo === 10 || lo === 13 || (lo >= 0x20 && lo < 0x7f))) ascii++;
    }
    // Binary formats full of small 16-bit numbers also have every other byte zero: demand
    // that the other bytes read as printable ASCII.
    if (ascii >= pairs * 0.6 && zeroLow <= pairs * 0.01) return order;
  }
  return undefined;
}

/** Decoders are reused: building one per file showed in profiles of large scans. */
const DECODERS = new Map<string, InstanceType<typeof TextDecoder>>();

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  let decoder = DECODERS.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { fatal: true });
    DECODERS.set(encoding, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function lossy(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}
