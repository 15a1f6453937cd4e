/**
 * Runs tasks one at a time per key, in arrival order. Commands for one stream in one process
 * take turns: they cannot conflict with each other, so optimistic retries are left for races
 * between processes, and a burst on one stream costs one load and one append per command
 * instead of a herd of doomed attempts.
 */
export class Turns {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once every earlier task for `key` has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    this.tails.set(key, current);
    const forget = (): void => {
      if (this.tails.get(key) === current) this.tails.delete(key);
    };
    current.then(forget, forget);
    return current;
  }

  /** Keys with a task queued or running (for tests: the map must not grow without bound). */
  get size(): number {
    return this.tails.size;
  }
}
