import { detectFormat, baseName, type Format } from './detect';
import { LineIndex } from './lines';

/**
 * A file as the rules see it: its text, detected format and lazily built views
 * (line index, parse trees). Views are memoised per document so several rules
 * share one parse.
 */
export class Document {
  readonly format: Format;
  readonly name: string;
  private lineIndex: LineIndex | undefined;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.format = detectFormat(path, text);
    this.name = baseName(path);
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  /**
   * Computes a view once per document. `compute` gets the document, so hot callers can pass a
   * function declared once rather than a new closure per call (~100 rules ask per file).
   */
  memo<T>(key: string, compute: (doc: Document) => T): T {
    // One lookup on the common path.
    const known = this.memos.get(key);
    if (known !== undefined || this.memos.has(key)) return known as T;
    const value = compute(this);
    this.memos.set(key, value);
    return value;
  }
}
