import { envExampleEdit, gitignoreEdit } from './rules/secret/analysis/env-fix';
import type { OtherFileEdit } from './types';

/**
 * The new text of a file a fix changes besides the scanned one, from its current text
 * (undefined when it does not exist). Unchanged text means there is nothing to do. Pure: the
 * front end reads the file and writes the result (the extension as a workspace edit, which
 * only ever appends, so undo works).
 */
export function otherFileText(edit: OtherFileEdit, current: string | undefined): string {
  switch (edit.kind) {
    case 'env-example':
      return envExampleEdit(current, edit.entry);
    case 'gitignore':
      return gitignoreEdit(current, edit.entry);
    default:
      return current ?? '';
  }
}
