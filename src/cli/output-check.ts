import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../core/messages';
import { writeErrorMessage, type WrittenKind } from './io';

/**
 * Why a report or cache cannot be written at `file`, found before the scan starts (a scan of a
 * large tree may take minutes, and its result would be lost at the end): the path is a folder,
 * a file stands where a folder of the path should be, or the nearest existing folder is not
 * writable. The message is the one a failed write would give (see writeErrorMessage).
 * Undefined when the write may succeed; the write itself still reports what happens then.
 */
export function outputUnwritable(file: string, kind: WrittenKind, lang: Lang): string | undefined {
  const abs = path.resolve(file);
  // Without the "mamori: " a failed write's message begins with: the caller adds it.
  const fail = (code: string) => writeErrorMessage(file, kind, Object.assign(new Error(code), { code }), lang).replace(/^mamori: /, '');
  const stat = (p: string): fs.Stats | undefined | 'ENOTDIR' => {
    try {
      return fs.statSync(p, { throwIfNoEntry: false });
    } catch (error) {
      // A file where a folder of the path should be.
      return (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'ENOTDIR' : undefined;
    }
  };
  const st = stat(abs);
  if (st === 'ENOTDIR') return fail('ENOTDIR');
  if (st?.isDirectory()) return fail('EISDIR');
  // The nearest existing ancestor: it must be a folder (not a file in the way) we may write in.
  let dir = path.dirname(abs);
  for (;;) {
    const d = stat(dir);
    if (d === 'ENOTDIR') return fail('ENOTDIR');
    if (d) {
      if (!d.isDirectory()) return fail('ENOTDIR');
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) return fail('ENOENT');
    dir = up;
  }
  try {
    // The report is written to a temporary file in that folder and renamed over the target.
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    return fail((error as NodeJS.ErrnoException).code ?? 'EACCES');
  }
  return undefined;
}
