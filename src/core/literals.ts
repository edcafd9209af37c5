/**
 * Finds which of many literal strings occur in a text, in one pass.
 *
 * Rules prefilter their regexes with literals ("run the Stripe pattern only if `sk_` occurs").
 * Asking `text.includes(h)` for each of a few hundred literals reads the text a few hundred
 * times; this reads it once. Matching ignores the case of ASCII letters (the literals are
 * ASCII token prefixes and key words); callers that need an exact-case literal check the few
 * found ones with `includes`.
 *
 * Every position is tried against every literal that starts with the characters there, so
 * overlapping literals (`sk_`, `sk_live_`, `k_li`) are all found. Positional literals (of two
 * or more code units) are reported at every occurrence too, for callers that need where, not
 * only whether (assignment extraction reads the lines that hold its hint words).
 */
export class LiteralSet {
  /** The literals with ASCII letters lower-cased; `foundIn` reports them by value. */
  private readonly literals: string[];
  /** Literals of one code unit, checked with a case-insensitive search of their own. */
  private readonly singles: number[] = [];
  /** For a pair of Latin-1 code units (c0 << 8 | c1): 1 + the index of a two-unit literal, or 0. */
  private readonly pairs = new Uint16Array(65536);
  /**
   * For a pair of Latin-1 code units (c0 << 8 | c1): bit 1 when a two-unit literal is that pair,
   * bit 2 when a longer literal starts with it. About four positions in five of real text start
   * no literal, and this one lookup turns them away before any hashing.
   */
  private readonly starts = new Uint8Array(65536);
  /**
   * The first filter, on code units as written (each ASCII case of a literal's letters is
   * entered), so a position is turned away without folding: for a Latin-1 pair c0 c1, at
   * c0 | c1 << 8 (the order of two bytes read as one little-endian number), bit (c2 & 31) when
   * a longer literal starts with the pair and a third unit c2 (the two cases of an ASCII letter
   * share their low five bits), and every bit when the pair is a two-unit literal. One load and
   * one test per position; about one position in forty of source code passes.
   */
  private readonly thirdsRaw = new Int32Array(65536);
  /**
   * For pairs outside Latin-1 (Japanese text): 1 for a code unit, as written, that starts a
   * literal whose first two units are not both Latin-1. Other such positions are turned away.
   */
  private readonly wideFirst = new Uint8Array(65536);
  /** Two-unit literals outside Latin-1, by c0 * 65536 + c1. */
  private readonly widePairs = new Map<number, number>();
  /** For a hash of three code units: 1 + the index of its bucket, or 0. */
  private readonly table = new Uint16Array(HASH_SIZE);
  /** Literal indexes by the hash of their first three code units. */
  private readonly buckets: number[][] = [];
  /** 1 for a literal whose every occurrence is reported. */
  private readonly positional: Uint8Array;
  /**
   * Every literal's code units, one after another (literal k: from `unitStart[k]` to
   * `unitStart[k + 1]`), so the pass compares numbers in one array and never reads a string.
   */
  private readonly units: Uint16Array;
  private readonly unitStart: Int32Array;
  /** Literals per bucket; `open` starts each pass as a copy. */
  private readonly bucketSize: Int32Array;
  /**
   * The pass's scratch state, kept with the set and cleared at each pass (a pass runs to the
   * end before the next starts): how many literals of each bucket are still unseen, and which
   * literals were seen.
   */
  private readonly open: Int32Array;
  private readonly seen: Uint8Array;
  /**
   * For a bucket: bit (u3 & 31) for the fourth unit u3 of each of its literals, every bit when
   * one has three units. A position whose fourth unit has no bit skips the bucket: most
   * positions that reach it start a common word that only begins like a literal (`use` for
   * `userpool`, `con` for `config(`).
   */
  private readonly fourths: Int32Array;
  /**
   * The first filter's pairs (as it indexes them) that each literal has bits at: when a literal
   * that is not positional is found, the pass has no more use for its bits, and each of its
   * pairs keeps only the bits of the literals still looked for, until the pass ends (`retire`).
   * In real text the first literals found are the common ones (`s.`, `default`, `value`), whose
   * starts would otherwise keep passing the filter to the end of the text.
   */
  private readonly filterPairs: Int32Array[];
  /**
   * For each literal, for each of its `filterPairs`: every literal with bits at that pair and
   * those bits, as literal, bits, literal, bits, … (the same array for every literal of the pair).
   */
  private readonly pairHolders: Int32Array[][];
  /** The first filter as built, which `restore` copies back the retired literals' pairs from. */
  private readonly thirdsFull: Int32Array;
  /**
   * The second filter, for the Latin-1 pass: for a pair and a third unit as written (at
   * `fourthSlot`), bit (c3 & 31) of each fourth unit c3 of a literal that starts with them, every
   * bit for a literal of two or three units. Unlike the first, it never changes; a position
   * that passes the first (about one in forty) is mostly turned away here, before the units
   * are folded and hashed (`use` starts `userpool`, but `used` starts no literal).
   */
  private readonly fourthsRaw = new Int32Array(65536);
  /** The literals retired in this pass, in order; their bits are given back when it ends. */
  private readonly retired: number[] = [];
  readonly size: number;

  constructor(literals: Iterable<string>, positional: Iterable<string> = []) {
    const unique = new Set<string>();
    for (const l of literals) if (l.length > 0) unique.add(foldString(l));
    const where = new Set<string>();
    for (const l of positional) {
      if (l.length < 2) throw new Error('a positional literal has at least two code units');
      where.add(foldString(l));
      unique.add(foldString(l));
    }
    this.literals = [...unique];
    this.size = this.literals.length;
    this.positional = new Uint8Array(this.literals.map((l) => (where.has(l) ? 1 : 0)));
    // A folded literal's letters are lower case; text may have either.
    const variants = (c: number): number[] => (c >= 97 && c <= 122 ? [c, c - 32] : [c]);
    this.unitStart = new Int32Array(this.literals.length + 1);
    for (let k = 0; k < this.literals.length; k++) this.unitStart[k + 1] = this.unitStart[k] + this.literals[k].length;
    this.units = new Uint16Array(this.unitStart[this.literals.length]);
    this.literals.forEach((l, k) => {
      for (let q = 0; q < l.length; q++) this.units[this.unitStart[k] + q] = l.charCodeAt(q);
    });
    this.seen = new Uint8Array(this.literals.length);
    this.literals.forEach((l, index) => {
      if (l.length >= 2 && (l.charCodeAt(0) | l.charCodeAt(1)) >= 256) for (const a of variants(l.charCodeAt(0))) this.wideFirst[a] = 1;
      if (l.length >= 2 && (l.charCodeAt(0) | l.charCodeAt(1)) < 256) {
        for (const a of variants(l.charCodeAt(0))) {
          for (const b of variants(l.charCodeAt(1))) {
            // A two-unit literal passes whatever the third unit is.
            this.thirdsRaw[a | (b << 8)] |= l.length === 2 ? -1 : 1 << (l.charCodeAt(2) & 31);
          }
        }
      }
      const c0 = l.charCodeAt(0);
      const c1 = l.charCodeAt(1);
      if (l.length === 1) this.singles.push(index);
      else if (l.length === 2) {
        if ((c0 | c1) < 256) {
          this.pairs[(c0 << 8) | c1] = index + 1;
          this.starts[(c0 << 8) | c1] |= 1;
        } else this.widePairs.set(c0 * 65536 + c1, index);
      } else {
        if ((c0 | c1) < 256) this.starts[(c0 << 8) | c1] |= 2;
        const h = hash3(c0, c1, l.charCodeAt(2));
        if (this.table[h] === 0) {
          this.buckets.push([]);
          this.table[h] = this.buckets.length;
        }
        this.buckets[this.table[h] - 1].push(index);
      }
    });
    this.bucketSize = Int32Array.from(this.buckets, (b) => b.length);
    this.open = new Int32Array(this.buckets.length);
    this.fourths = Int32Array.from(this.buckets, (b) =>
      b.reduce((m, k) => m | (this.literals[k].length === 3 ? -1 : 1 << (this.literals[k].charCodeAt(3) & 31)), 0),
    );
    // Each pair's literals and their bits there.
    const holders = new Map<number, number[]>();
    this.filterPairs = this.literals.map((l, k) => {
      const pairsHeld = new Set<number>();
      if (l.length >= 2 && (l.charCodeAt(0) | l.charCodeAt(1)) < 256) {
        for (const a of variants(l.charCodeAt(0))) {
          for (const b of variants(l.charCodeAt(1))) {
            const pair = a | (b << 8);
            pairsHeld.add(pair);
            const list = holders.get(pair) ?? [];
            list.push(k, l.length === 2 ? -1 : 1 << (l.charCodeAt(2) & 31));
            holders.set(pair, list);
            // Every unit the third can be (all of them for a two-unit literal).
            const thirds = l.length === 2 ? Array.from({ length: 256 }, (_, c) => c) : l.charCodeAt(2) < 256 ? variants(l.charCodeAt(2)) : [];
            for (const c of thirds) this.fourthsRaw[fourthSlot(a | (b << 8), c)] |= l.length <= 3 ? -1 : 1 << (l.charCodeAt(3) & 31);
          }
        }
      }
      return Int32Array.from(pairsHeld);
    });
    const shared = new Map([...holders].map(([pair, list]) => [pair, Int32Array.from(list)]));
    this.pairHolders = this.filterPairs.map((pairs) => Array.from(pairs, (pair) => shared.get(pair) as Int32Array));
    this.thirdsFull = this.thirdsRaw.slice();
  }

  /**
   * The literals (ASCII lower-cased) that occur in `text`, whatever the case of its ASCII
   * letters. With `hits`, also appends the start and end of every occurrence of a positional
   * literal, in order of start.
   */
  foundIn(text: string, hits?: number[]): Set<string> {
    const found = new Set<string>();
    const { literals, pairs, widePairs } = this;
    for (const k of this.singles) {
      const l = literals[k];
      // The other case of an ASCII letter only (`toUpperCase` would also match `É` for `é`).
      if (text.includes(l) || (l >= 'a' && l <= 'z' && text.includes(l.toUpperCase()))) found.add(l);
    }
    const n = text.length;
    if (n < 2) return found;
    this.seen.fill(0);
    // How many literals of each bucket are still unseen: a bucket at 0 costs nothing more.
    this.open.set(this.bucketSize);
    try {
      if (WIDE.test(text)) this.passWide(text, found, hits);
      else this.passLatin1(text, found, hits);
    } finally {
      this.restore();
    }
    const c0 = FOLD[text.charCodeAt(n - 2)];
    const c1 = FOLD[text.charCodeAt(n - 1)];
    const k = (c0 | c1) < 256 ? pairs[(c0 << 8) | c1] - 1 : (widePairs.get(c0 * 65536 + c1) ?? -1);
    if (k >= 0) {
      found.add(literals[k]);
      if (this.positional[k] === 1) hits?.push(n - 2, n);
    }
    return found;
  }

  /**
   * The pass over a text of Latin-1 code units only (nearly every source file): one byte per
   * unit, and no test for units outside Latin-1 at each position.
   */
  private passLatin1(text: string, found: Set<string>, hits: number[] | undefined): void {
    const n = text.length;
    const { units: u, words: w } = latin1Units(text);
    const { thirdsRaw, fourthsRaw } = this;
    let s = 0;
    if (LITTLE_ENDIAN) {
      // Four units per load: the pair at each of the word's four positions is two of its bytes
      // (or its last byte and the next word's first), and a shift by the third unit uses only
      // that unit's low five bits. Each word's positions are tested while the next word is
      // within the text, so no position runs past the end.
      const words = (n >> 2) - 1;
      let word = w[0];
      for (let j = 0; j < words; j++) {
        const next = w[j + 1];
        // Which of the word's four positions pass both filters, as bits. One call for all of
        // them: a call site the compiled loop had never reached threw it away (about two
        // hundred times on a sample of 3,000 files, with one call per position).
        let passed = 0;
        let pair = word & 0xffff;
        if ((thirdsRaw[pair] & (1 << (word >>> 16))) !== 0 && (fourthsRaw[fourthSlot(pair, (word >>> 16) & 255)] & (1 << (word >>> 24))) !== 0) passed = 1;
        pair = (word >>> 8) & 0xffff;
        if ((thirdsRaw[pair] & (1 << (word >>> 24))) !== 0 && (fourthsRaw[fourthSlot(pair, word >>> 24)] & (1 << next)) !== 0) passed |= 2;
        pair = word >>> 16;
        if ((thirdsRaw[pair] & (1 << next)) !== 0 && (fourthsRaw[fourthSlot(pair, next & 255)] & (1 << (next >>> 8))) !== 0) passed |= 4;
        pair = (word >>> 24) | ((next & 255) << 8);
        if ((thirdsRaw[pair] & (1 << (next >>> 8))) !== 0 && (fourthsRaw[fourthSlot(pair, (next >>> 8) & 255)] & (1 << (next >>> 16))) !== 0) passed |= 8;
        if (passed !== 0) this.candidates(text, j << 2, passed, found, hits);
        word = next;
      }
      s = words > 0 ? words << 2 : 0;
    }
    for (; s + 2 < n; s++) {
      // Most positions start no literal: turned away on the code units as written.
      if ((thirdsRaw[u[s] | (u[s + 1] << 8)] & (1 << u[s + 2])) !== 0) this.candidates(text, s, 1, found, hits);
    }
  }

  /** `candidate` at each position from `at` whose bit (1 << offset) is set in `passed`. */
  private candidates(text: string, at: number, passed: number, found: Set<string>, hits: number[] | undefined): void {
    for (let k = 0; k < 4; k++) if ((passed & (1 << k)) !== 0) this.candidate(text, at + k, found, hits);
  }

  /** The pass over a text with units outside Latin-1 (Japanese text, emoji). */
  private passWide(text: string, found: Set<string>, hits: number[] | undefined): void {
    const n = text.length;
    const u = wideUnits(text);
    const { thirdsRaw, wideFirst } = this;
    let r0 = u[0];
    let r1 = u[1];
    for (let i = 2; i < n; i++) {
      const r2 = u[i];
      if ((r0 | r1) < 256 ? (thirdsRaw[r0 | (r1 << 8)] & (1 << r2)) !== 0 : wideFirst[r0] !== 0) this.candidate(text, i - 2, found, hits);
      r0 = r1;
      r1 = r2;
    }
  }

  /**
   * Every literal that starts at s (at least three units before the end of the text), and the
   * two-unit literal there.
   */
  private candidate(text: string, s: number, found: Set<string>, hits: number[] | undefined): void {
    const { literals, seen, positional } = this;
    const c0 = FOLD[text.charCodeAt(s)];
    const c1 = FOLD[text.charCodeAt(s + 1)];
    const c2 = FOLD[text.charCodeAt(s + 2)];
    let longer = true;
    if ((c0 | c1) < 256) {
      const cls = this.starts[(c0 << 8) | c1];
      if (cls & 1) {
        const k = this.pairs[(c0 << 8) | c1] - 1;
        if (seen[k] === 0) {
          seen[k] = 1;
          found.add(literals[k]);
          if (positional[k] === 0) this.retire(k);
        }
        if (positional[k] === 1) hits?.push(s, s + 2);
      }
      longer = (cls & 2) !== 0;
    } else if (this.widePairs.size > 0) {
      const k = this.widePairs.get(c0 * 65536 + c1) ?? -1;
      if (k >= 0 && seen[k] === 0) {
        seen[k] = 1;
        found.add(literals[k]);
      }
      if (k >= 0 && positional[k] === 1) hits?.push(s, s + 2);
    }
    if (!longer) return;
    const slot = this.table[hash3(c0, c1, c2)];
    if (slot === 0 || this.open[slot - 1] === 0) return;
    const n = text.length;
    // (Past the end of the text, unit 0: only three-unit literals can end there, and they pass.)
    if ((this.fourths[slot - 1] & (1 << (s + 3 < n ? FOLD[text.charCodeAt(s + 3)] : 0))) === 0) return;
    const { units, unitStart } = this;
    const bucket = this.buckets[slot - 1];
    for (let j = 0; j < bucket.length; j++) {
      const k = bucket[j];
      if (seen[k] === 1 && positional[k] === 0) continue;
      // Compared by code unit: `startsWith` is a runtime call, several times slower here.
      const from = unitStart[k];
      const length = unitStart[k + 1] - from;
      if (units[from] !== c0 || units[from + 1] !== c1 || units[from + 2] !== c2) continue;
      let q = 3;
      while (q < length && s + q < n && FOLD[text.charCodeAt(s + q)] === units[from + q]) q++;
      if (q !== length) continue;
      if (positional[k] === 1) hits?.push(s, s + q);
      if (seen[k] === 0) {
        seen[k] = 1;
        // A bucket holding a positional literal stays open: its next occurrence counts too.
        if (positional[k] === 0) {
          this.open[slot - 1]--;
          this.retire(k);
        }
        found.add(literals[k]);
      }
    }
  }

  /** Takes a found literal's bits out of the first filter, those no unfound literal holds. */
  private retire(k: number): void {
    const pairs = this.filterPairs[k];
    if (pairs.length === 0) return;
    this.retired.push(k);
    const { thirdsRaw, seen, positional } = this;
    const lists = this.pairHolders[k];
    for (let j = 0; j < pairs.length; j++) {
      const list = lists[j];
      let bits = 0;
      // (A literal is retired once seen, so `k` itself drops out here.)
      for (let q = 0; q < list.length; q += 2) if (seen[list[q]] === 0 || positional[list[q]] === 1) bits |= list[q + 1];
      thirdsRaw[pairs[j]] = bits;
    }
  }

  /** Gives the retired literals' bits back to the first filter, for the next pass. */
  private restore(): void {
    const { thirdsRaw, thirdsFull, retired } = this;
    for (let r = 0; r < retired.length; r++) {
      const pairs = this.filterPairs[retired[r]];
      for (let j = 0; j < pairs.length; j++) thirdsRaw[pairs[j]] = thirdsFull[pairs[j]];
    }
    retired.length = 0;
  }
}

const HASH_SIZE = 1 << 16;

/** Whether four bytes read as one Int32 hold the first byte in their low bits. */
const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/** Whether a text has a code unit outside Latin-1 (tested before the pass picks its array). */
const WIDE = /[\u0100-\uffff]/;

/** Code units of texts up to this long are copied into arrays kept for the next text. */
const KEEP_UNITS = 1 << 20;
/**
 * The Latin-1 pass's units, kept for the next text with a Buffer to write them through and the
 * same bytes as whole words (making these per text cost more than the pass on a small file).
 */
let bytes = latin1Array(1 << 16);
let words = new Uint16Array(1 << 16);

interface Latin1Array {
  units: Uint8Array;
  buffer: Buffer;
  words: Int32Array;
}

function latin1Array(length: number): Latin1Array {
  // A whole number of words, for the pass's four-unit loads.
  const units = new Uint8Array((length + 3) & ~3);
  return { units, buffer: Buffer.from(units.buffer, units.byteOffset, units.length), words: new Int32Array(units.buffer, units.byteOffset, units.length >> 2) };
}

/**
 * A Latin-1 text's code units, one byte each, in a typed array: reading one is a plain load,
 * where `charCodeAt` checks the string's kind at every position. The array may be longer than
 * the text (it is reused).
 */
function latin1Units(text: string): Latin1Array {
  let array = bytes;
  if (text.length > array.units.length) {
    array = latin1Array(text.length);
    if (text.length <= KEEP_UNITS) bytes = array;
  }
  array.buffer.write(text, 0, text.length, 'latin1');
  return array;
}

/** Any text's UTF-16 code units, as written (lone surrogates too), as `latin1Units` does. */
function wideUnits(text: string): Uint16Array {
  let array = words;
  if (text.length > array.length) {
    array = new Uint16Array(text.length);
    if (text.length <= KEEP_UNITS) words = array;
  }
  Buffer.from(array.buffer, array.byteOffset, text.length * 2).write(text, 0, text.length * 2, 'utf16le');
  return array;
}

/** Where the second filter keeps the fourth units after a Latin-1 pair (as `thirdsRaw` indexes it) and a third unit. */
function fourthSlot(pair: number, c: number): number {
  return (pair ^ Math.imul(c, 0x9e3779b1)) & 0xffff;
}

function hash3(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16;
}

/** Each code unit's ASCII-lower-cased code unit (a table: cheaper than a comparison per character). */
const FOLD = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) FOLD[c] = c >= 65 && c <= 90 ? c | 32 : c;

/** `s` with ASCII letters lower-cased (and nothing else changed, so lengths stay equal). */
export function foldString(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * Literals that rules register at load time, searched for together: one pass per document
 * answers every rule's "does this text mention X" prefilter.
 */
const REGISTERED = new Set<string>();
/** Registered literals whose positions are wanted too (see `literalHits`). */
const POSITIONAL = new Set<string>();
/** Each registered literal as given → folded, so lookups need not fold it again. */
const FOLDED = new Map<string, string>();
let shared: LiteralSet | undefined;
/** The memo key of the shared search's result (it names the set, which grows as rules register). */
let sharedKey = '';

/**
 * Adds literals to the shared search (rules call this once, when they are built). Positional
 * ones (two code units or more) are also reported at every occurrence, by `literalHits`.
 */
export function registerLiterals(literals: Iterable<string>, options: { positional?: boolean } = {}): void {
  for (const l of literals) {
    const f = foldString(l);
    FOLDED.set(l, f);
    if (f.length > 0 && !REGISTERED.has(f)) {
      REGISTERED.add(f);
      shared = undefined;
    }
    if (options.positional && f.length > 0 && !POSITIONAL.has(f)) {
      POSITIONAL.add(f);
      shared = undefined;
    }
  }
}

/** What `literalsIn` and `mentionsAny` need of a document (documents/document.ts is one). */
interface TextMemo {
  text: string;
  memo<T>(key: string, compute: (doc: { text: string }) => T): T;
}

interface SharedResult {
  found: ReadonlySet<string>;
  /** Start and end of each occurrence of a positional literal, in order of start. */
  hits: readonly number[];
}

function searchShared(doc: { text: string }): SharedResult {
  const hits: number[] = [];
  return { found: (shared as LiteralSet).foundIn(doc.text, hits), hits };
}

function sharedResult(doc: TextMemo): SharedResult {
  if (!shared) {
    shared = new LiteralSet(REGISTERED, POSITIONAL);
    sharedKey = `literals:${shared.size}:${POSITIONAL.size}`;
    // A pass over a text holding every literal (both cases) and some Japanese takes every
    // branch of the pass once, before the engine compiles it. Without it, each branch first
    // taken later (a positional hit, a kana) threw the compiled pass away: it was compiled 6
    // or 7 times per worker on a 48 MB tree, the most compiling of any function. The text
    // without its Japanese does the same for the Latin-1 pass, ending with a literal so that
    // the pass's last few positions (after its last whole word) find one too.
    const all = [...REGISTERED].join(' ');
    const latin1 = all.replace(/[\u0100-\uffff]/g, '');
    const last = [...REGISTERED].find((l) => l.length >= 3 && !WIDE.test(l)) ?? '';
    shared.foundIn(`${latin1} ${latin1.toUpperCase()} ${last}`, []);
    shared.foundIn(`${all} ${all.toUpperCase()} 日本語のテキスト`, []);
  }
  return doc.memo(sharedKey, searchShared);
}

/** The registered literals (ASCII lower-cased) that occur in the text, whatever their case. */
export function literalsIn(doc: TextMemo): ReadonlySet<string> {
  return sharedResult(doc).found;
}

/**
 * Where the positional literals occur: start and end offsets, two numbers per occurrence, in
 * order of start (from the same single pass as `literalsIn`).
 */
export function literalHits(doc: TextMemo): readonly number[] {
  return sharedResult(doc).hits;
}

/**
 * Whether any of `literals` occurs in the text, in any ASCII case. Each must be declared by a
 * rule (Rule.literals): the search looks only for declared words, so an undeclared one would
 * never be found and the check it guards would silently never run. It throws instead, which
 * the engine reports as a rule error.
 */
export function mentionsAny(doc: TextMemo, literals: readonly string[]): boolean {
  const found = literalsIn(doc);
  for (const l of literals) {
    const f = FOLDED.get(l) ?? foldString(l);
    if (!REGISTERED.has(f)) throw new Error(`the literal ${JSON.stringify(l)} is asked about but no rule declares it (Rule.literals)`);
    if (found.has(f)) return true;
  }
  return false;
}
