import type { Readable } from 'node:stream';

/** One file a commit added or changed (a line of `git log --raw`), with the commit. */
export interface RawChange {
  commit: string;
  /** Author date, seconds since 1970. */
  time: number;
  /** The new file mode (`100644`, `120000` a link, `160000` a submodule …). */
  mode: string;
  /** The new object id (all zeros when the file was deleted). */
  oid: string;
  /** The object id the file had before (all zeros when the commit added it). */
  parent: string;
  /** A, M, D, T … */
  status: string;
  /** Path from the top of the repository, with forward slashes. */
  path: string;
}

/** How `git log` is asked to print what `parseLog` reads. */
export const LOG_FORMAT = '--format=%x01%H %at';

/**
 * Reads `git log --raw -z --no-abbrev --format=%x01%H %at` as it streams: a commit header
 * (`\x01<hash> <time>`), then for each changed file its `:<modes> <ids> <status>` field and its
 * path, every field ended by a NUL. Fields are decoded one at a time, so a multi-byte path split
 * between two chunks decodes whole. Yields each change as it is read; the stream is only read
 * as fast as the caller takes them.
 */
export async function* parseLog(stream: Readable): AsyncGenerator<RawChange> {
  let rest: Buffer | undefined;
  let commit = '';
  let time = 0;
  let meta: string | undefined;
  for await (const piece of stream as AsyncIterable<Buffer>) {
    const chunk: Buffer = rest ? Buffer.concat([rest, piece]) : piece;
    rest = undefined;
    let at = 0;
    for (;;) {
      const end = chunk.indexOf(0, at);
      if (end < 0) {
        if (at < chunk.length) rest = chunk.subarray(at);
        break;
      }
      let field = chunk.toString('utf8', at, end);
      at = end + 1;
      if (meta !== undefined) {
        const parts = meta.split(' ');
        meta = undefined;
        // `<old mode> <new mode> <old id> <new id> <status>`
        if (parts.length >= 5) yield { commit, time, mode: parts[1], oid: parts[3], parent: parts[2], status: parts[4], path: field };
        continue;
      }
      if (field.startsWith('\n')) field = field.slice(1);
      if (field.startsWith('\u0001')) {
        const space = field.indexOf(' ');
        commit = field.slice(1, space);
        time = Number(field.slice(space + 1)) || 0;
      } else if (field.startsWith(':')) meta = field.slice(1);
    }
  }
}
