/**
 * The token stream and cursor shared by the hand-written readers (HCL, Bicep): both lex into
 * the same token shape and walk it with the same three moves.
 */
export interface Tok<T extends string = string> {
  t: T | 'nl' | 'punct' | 'eof';
  s: number;
  e: number;
  /** Punctuation text, identifier, number text, or decoded string content. */
  v: string;
  /** A string holding a template sequence (`${…}`). Set on every token, so all share one shape. */
  tmpl: boolean;
}

export class TokenCursor<K extends Tok> {
  protected p = 0;

  constructor(
    protected readonly text: string,
    protected readonly toks: K[],
    /** Tokens in use: the array may be longer (a kept pool); the last one in use is `eof`. */
    protected readonly count = toks.length,
  ) {}

  protected peek(k = 0): K {
    return this.toks[Math.min(this.p + k, this.count - 1)];
  }

  protected is(tok: K, punct: string): boolean {
    return tok.t === 'punct' && tok.v === punct;
  }

  protected skipNl(): void {
    while (this.peek().t === 'nl') this.p++;
  }
}
