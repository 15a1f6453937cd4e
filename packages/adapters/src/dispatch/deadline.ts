/** An operation that did not finish in time; what it did (if anything) is unknown. */
export class DeadlineError extends Error {
  readonly type = 'Deadline' as const;
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} did not finish within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * `work`, or a DeadlineError after `ms` of real time. The deadline guards real I/O (a mail
 * server or database that stops answering), so it runs on the wall clock even when the
 * dispatcher runs on a virtual one. The abandoned work's late failure is swallowed.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}
