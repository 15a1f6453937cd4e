/** How long to wait before trying a failed email again. */
export interface RetryPolicy {
  /** Sends per email before it is recorded as failed for good (default 10). */
  readonly maxAttempts: number;
  /** Delay after the first failure, doubled after each further one (default 10 s). */
  readonly baseDelayMs: number;
  /** Largest delay (default 1 hour). */
  readonly maxDelayMs: number;
  /** A number in [0, 1): Math.random by default, a fixed sequence in tests. */
  readonly random: () => number;
}

/**
 * The delay after failed attempt number `attempt` (1-based): exponential, capped, with "equal
 * jitter": half the step is fixed and half is random. A mail server that is down for everyone
 * is not hammered by every dispatcher in lockstep, and a retry never comes at once.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(step / 2 + policy.random() * (step / 2));
}
