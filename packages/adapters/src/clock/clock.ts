import { fromMillis } from '@rendezvous/domain';

/**
 * Where the dispatcher gets the time and waits: the real clock in production, a virtual one in
 * tests and demos, so that a day of reminders runs in milliseconds and every run is the same.
 */
export interface Clock {
  /** The current instant, UTC (`2026-03-02T09:00:00Z`, milliseconds when not zero). */
  now(): string;
  /**
   * Resolves after `ms` of this clock's time, or as soon as `signal` aborts (it never rejects:
   * a sleeper that is woken early looks at the time and decides what to do).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock. */
export const realClock: Clock = {
  now: () => fromMillis(Date.now()),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted === true) return resolve();
      const wake = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      signal?.addEventListener('abort', wake, { once: true });
    }),
};
