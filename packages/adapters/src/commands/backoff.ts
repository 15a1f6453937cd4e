/** How long to wait between attempts after a version conflict. */
export interface Backoff {
  /** Delay before the first retry, doubled for each further one (default 5 ms). */
  readonly baseDelayMs: number;
  /** Largest delay (default 200 ms). */
  readonly maxDelayMs: number;
  /** A number in [0, 1): Math.random by default, a fixed sequence in tests. */
  readonly random: () => number;
}

/**
 * The delay before retry number `retry` (1-based): "full jitter", a random share of an
 * exponentially growing cap, so writers that collided once do not collide again in lockstep.
 */
export function retryDelay(backoff: Backoff, retry: number): number {
  const cap = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(backoff.random() * cap);
}
