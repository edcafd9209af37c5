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
      if (isSourceMap(doc)) return [];
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

/**
 * A source map (`*.map`: `{"version": 3, "sources": […], "mappings": "…", …}`), build output
 * whose JSON holds only the format's own keys, with file names, source text and position data
 * as values: no resource, policy, record or named secret for a structural rule to find. It gets
 * no tree (building one was a sixth of the time spent on a tree of installed packages, most of
 * it copying `sourcesContent`); its text is still scanned like any other file's, for tokens and
 * assignments in the sources it carries.
 */
export function isSourceMap(doc: Document): boolean {
  return doc.name.endsWith('.map') && /^\s*\{[^]{0,400}?"version"\s*:\s*3\b/.test(doc.text.slice(0, 512)) && doc.text.includes('"mappings"');
}
