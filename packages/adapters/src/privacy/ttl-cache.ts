// Reading a long history asks for the same few keys over and over; a short-lived cache turns
// that into one query per key. Short, because another process may destroy a key meanwhile:
// the TTL bounds how long this process can still read an erased subject.

/** A map whose entries expire `ttlMs` after they were set. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value, while it is fresh. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps a value for the TTL (not at all when the TTL is 0). */
  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    // Bounded: a full scan of a huge history must not keep every key of every subject in memory.
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  /** Forgets a value at once (after a destroy in this process). */
  delete(key: string): void {
    this.entries.delete(key);
  }
}
