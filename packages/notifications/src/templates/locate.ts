/** A place in a template source: 1-based line and column (in characters, not UTF-16 units), and the offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/**
 * Turns offsets into line/column. Lines end at LF, CRLF or CR. Parsing asks for positions in
 * increasing order, so the locator walks forward from the last answer: linear over the whole
 * template even when it is one 200 KB line.
 */
export class Locator {
  private offset = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly source: string) {}

  /** The position of a UTF-16 offset into the source. */
  at(target: number): SourcePosition {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.column = 1;
    }
    const s = this.source;
    while (this.offset < target && this.offset < s.length) {
      const code = s.charCodeAt(this.offset);
      if (code === 10 || (code === 13 && s.charCodeAt(this.offset + 1) !== 10)) {
        this.line += 1;
        this.column = 1;
      } else if (!(code >= 0xdc00 && code <= 0xdfff && this.offset > 0 && isHigh(s.charCodeAt(this.offset - 1)))) {
        // The low half of a surrogate pair continues its character; anything else is a new one.
        // A CR directly followed by LF is counted once, at the LF.
        if (code !== 13) this.column += 1;
      }
      this.offset += 1;
    }
    return { line: this.line, column: this.column, offset: target };
  }
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
