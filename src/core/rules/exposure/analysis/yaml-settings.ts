import type { Document } from '../../../documents/document';
import { visit, type TreeNode } from '../../../documents/tree';
import { yamlTrees } from '../../../documents/yaml';
import type { Range } from '../../../types';

/** A setting of a YAML server config, found whether written nested (`net:\n  bindIp:`) or dotted (`net.bindIp:`). */
export interface Setting {
  /** The dotted key as written (`xpack.security.enabled`). */
  key: string;
  node: TreeNode;
  /** From the key to the end of the value. */
  range: Range;
}

/** Every dotted-path setting of a YAML file, lower-cased keys; the last write wins. */
export function yamlSettings(doc: Document): Map<string, Setting> {
  return doc.memo('exposure:yaml-settings', () => {
    const out = new Map<string, Setting>();
    for (const tree of yamlTrees(doc)) {
      visit(tree, (node, path) => {
        if (path.length === 0 || path.some((p) => typeof p === 'number')) return;
        const key = path.join('.');
        if (node.kind !== 'object') out.set(key.toLowerCase(), { key, node, range: [keyStartOf(doc, node), node.range[1]] });
      });
    }
    return out;
  });
}

/** The start of the line holding a value (its key), for a finding that covers `key: value`. */
function keyStartOf(doc: Document, node: TreeNode): number {
  const lineStart = doc.text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const lead = doc.text.slice(lineStart, node.range[0]).search(/\S/);
  return lead >= 0 ? lineStart + lead : node.range[0];
}
