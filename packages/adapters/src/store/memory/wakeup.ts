/**
 * Wakes followers when something new may be readable. A counter lets a follower notice a wake-up
 * that happened between its last read and its wait, so no append is ever slept through.
 */
export class Wakeup {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  /** The current generation; pass it to `wait` after reading. */
  get current(): number {
    return this.generation;
  }

  /** Wakes every waiter. */
  notify(): void {
    this.generation++;
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  /** Resolves at the next notify, at once if one came after `since`. */
  wait(since: number): Promise<void> {
    if (this.generation !== since) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }
}
