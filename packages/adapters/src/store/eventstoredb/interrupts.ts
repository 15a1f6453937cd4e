/** What a wait resolves to once interrupted. */
export const STOP = Symbol('stop');

/**
 * Lets close() interrupt iterations waiting for their next item. Each wait is its own promise,
 * forgotten once settled: racing every item against one long-lived "closed" promise would pile up
 * a reaction per item on that promise for as long as the store or subscription lives.
 */
export class Interrupts {
  private readonly waiting = new Set<() => void>();
  private interrupted = false;

  /** Whether interrupt() was called. */
  get stopped(): boolean {
    return this.interrupted;
  }

  /** The iterator's next item, or STOP once interrupted. */
  next<A>(items: AsyncIterator<A>): Promise<IteratorResult<A> | typeof STOP> {
    if (this.interrupted) return Promise.resolve(STOP);
    return new Promise((resolve, reject) => {
      const wake = (): void => resolve(STOP);
      this.waiting.add(wake);
      items.next().then(
        (result) => {
          this.waiting.delete(wake);
          resolve(result);
        },
        (error: unknown) => {
          this.waiting.delete(wake);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Wakes every waiting iteration with STOP, and every later one at once. */
  interrupt(): void {
    this.interrupted = true;
    for (const wake of this.waiting) wake();
    this.waiting.clear();
  }
}
