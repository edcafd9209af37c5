import { bicepTree } from './bicep';
import type { Document } from './document';
import { hclTree } from './hcl';
import { jsonTree } from './json';
import { tomlTree } from './toml';
import type { TreeNode } from './tree';
import { yamlTrees } from './yaml';

/**
 * Structured views of a document, whatever its syntax: JSON, HCL, TOML and Bicep → one tree,
 * YAML → one per document. Formats without a structured parser give none; parsers for
 * further formats register here.
 */
export function treesOf(doc: Document): TreeNode[] {
  switch (doc.format) {
    case 'json': {
      const t = jsonTree(doc);
      return t ? [t] : [];
    }
    case 'yaml':
      return yamlTrees(doc);
    case 'hcl': {
      const t = hclTree(doc);
      return t ? [t] : [];
    }
    case 'bicep': {
      const t = bicepTree(doc);
      return t ? [t] : [];
    }
    case 'toml': {
      const t = tomlTree(doc);
      return t ? [t] : [];
    }
    default:
      return [];
  }
}
