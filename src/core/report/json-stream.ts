/**
 * JSON text written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` gives,
 * for reports too large to hold whole: a history scan's report of tens of thousands of findings
 * is tens of MB of text, and building it as one string (on top of its objects, then its bytes)
 * was the peak of the process's memory. A large array is given as a `JsonStream`: its items are
 * made one at a time, turned into text and let go.
 */

/** An array whose items are made only as they are written (see `jsonChunks`). */
export class JsonStream<T = unknown> {
  constructor(
    readonly items: Iterable<T>,
    readonly map: (item: T) => unknown,
  ) {}

  /** The items, all made at once: what `JSON.stringify` writes for this array (a small report's way). */
  toJSON(): unknown[] {
    return Array.from(this.items, this.map);
  }
}

const GAP = '  ';

/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces: each `JsonStream` item's text is its
 * own piece, and everything outside a `JsonStream` is written by `JSON.stringify` itself. The
 * pieces are short; a writer gathers them (see core/write-file's `writeFileAtomicChunks`).
 */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunks(value, '');
}

function* chunks(value: unknown, indent: string): Generator<string> {
  if (value instanceof JsonStream) {
    yield* streamChunks(value, indent);
    return;
  }
  if (value !== null && typeof value === 'object' && hasStream(value)) {
    // An object or array with a stream inside: written here, key by key, as JSON.stringify would.
    const inner = indent + GAP;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        yield '[]';
        return;
      }
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield `${i > 0 ? ',' : ''}\n${inner}`;
        const item: unknown = value[i];
        if (isSkipped(item)) yield 'null';
        else yield* chunks(item, inner);
      }
      yield `\n${indent}]`;
      return;
    }
    let first = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (isSkipped(item)) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* chunks(item, inner);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  yield nested(value, indent);
}

function* streamChunks(stream: JsonStream, indent: string): Generator<string> {
  const inner = indent + GAP;
  let first = true;
  for (const raw of stream.items) {
    const item = stream.map(raw);
    yield `${first ? '[' : ','}\n${inner}`;
    first = false;
    if (isSkipped(item)) yield 'null';
    else yield* chunks(item, inner);
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** `JSON.stringify`'s text of a value with no stream inside, indented to sit at `indent`. */
function nested(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return 'null';
  // A JSON string never holds a raw line break, so every one here is the layout's.
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Whether a plain object or array holds a `JsonStream` at any depth. */
function hasStream(value: object): boolean {
  if (value instanceof JsonStream) return true;
  // Anything with its own toJSON (a Date) is JSON.stringify's to write.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const item of Object.values(value) as unknown[]) if (item !== null && typeof item === 'object' && hasStream(item)) return true;
  return false;
}
