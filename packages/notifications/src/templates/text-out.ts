/** Collects text with HTML's whitespace rules and counts trailing newlines, so blocks never stack up blank lines. */
export class TextOut {
  private readonly parts: string[] = [];
  private newlines = 0;
  private empty = true;
  private space = false;

  /** How many pieces were written: a mark for `since`. */
  get length(): number {
    return this.parts.length;
  }

  /** The text written since a mark. */
  since(index: number): string {
    return this.parts.slice(index).join('');
  }

  /** Inline text, whitespace already collapsed to single spaces. */
  text(flat: string): void {
    const leading = flat.startsWith(' ');
    const trailing = flat.endsWith(' ');
    const content = flat.trim();
    if (content === '') {
      if (leading || trailing) this.space = true;
      return;
    }
    if ((this.space || leading) && this.newlines === 0 && !this.empty) this.parts.push(' ');
    this.raw(content);
    this.space = trailing;
  }

  /** Text exactly as given (no leading space logic). */
  raw(content: string): void {
    if (content === '') return;
    this.parts.push(content);
    this.newlines = 0;
    this.empty = false;
    this.space = false;
  }

  /** One line break, however many came before (`<br>`). */
  lineBreak(): void {
    this.parts.push('\n');
    this.newlines += 1;
    this.space = false;
  }

  /** Ends the current line (1) or paragraph (2), unless nothing was written yet. */
  block(count: 1 | 2): void {
    this.space = false;
    if (this.empty) return;
    while (this.newlines < count) this.lineBreak();
  }

  /** A space before the next text, if it stays on this line. */
  spaceHere(): void {
    this.space = true;
  }

  /** The text, lines right-trimmed, at most two blank lines in a row. */
  result(): string {
    const lines = this.parts.join('').split('\n').map((line) => line.trimEnd());
    const kept: string[] = [];
    let blank = 0;
    for (const line of lines) {
      blank = line === '' ? blank + 1 : 0;
      if (blank <= 2) kept.push(line);
    }
    return kept.join('\n').replace(/^\n+/, '').trimEnd();
  }
}
