/**
 * `indexOf` that remembers its last answer per needle. Scanners here only move forward, so a
 * hostile input full of unclosed openers costs one pass over the text, not one per opener.
 */
export class Finder {
  private readonly memo = new Map<string, { from: number; found: number }>();
  constructor(private readonly source: string) {}

  /** The first index of `needle` at or after `from`, or -1. */
  next(needle: string, from: number): number {
    const last = this.memo.get(needle);
    if (last !== undefined && from >= last.from && (last.found === -1 || last.found >= from)) return last.found;
    const found = this.source.indexOf(needle, from);
    this.memo.set(needle, { from, found });
    return found;
  }
}
