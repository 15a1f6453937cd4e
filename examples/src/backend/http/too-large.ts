import type { IncomingMessage } from 'node:http';
import { problem, type Problem } from './problem';

/** The largest body accepted (docs/CONTRACT.md §5: over 1 MiB is refused with 413). */
export const maxBodyBytes = 1024 * 1024;

/** How much of a refused body is still read (and thrown away) so the client can read the 413. */
export const discardCapBytes = 16 * maxBodyBytes;
const discardTimeoutMs = 10_000;

/** The 413 problem; `declared` is the Content-Length when the client sent one. */
export function bodyTooLarge(declared: string | undefined): Problem {
  const size = declared === undefined ? `over ${maxBodyBytes} bytes` : `${declared} bytes (Content-Length)`;
  return problem(
    413,
    'body-too-large',
    'The request body is too large',
    `the body is ${size}; this service accepts at most ${maxBodyBytes} bytes (1 MiB). Attachments count towards it: send smaller files`,
    { limit: maxBodyBytes },
  );
}

/**
 * Reads the rest of a refused body and throws it away, up to a cap. A client that is still
 * sending when the server answers and closes gets EPIPE or ECONNRESET instead of the 413: so
 * the answer waits until the body has arrived. Resolves true when it all arrived, false when
 * the client sent more than the cap or stalled (the connection is then cut after the answer).
 */
export function discardRest(req: IncomingMessage): Promise<boolean> {
  if (req.readableEnded || req.destroyed) return Promise.resolve(!req.destroyed);
  return new Promise((resolve) => {
    let discarded = 0;
    const finish = (complete: boolean): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(complete);
    };
    const onData = (chunk: Buffer): void => {
      discarded += chunk.length;
      if (discarded > discardCapBytes) finish(false);
    };
    const onEnd = (): void => finish(true);
    const onClose = (): void => finish(req.readableEnded);
    const timer = setTimeout(() => finish(false), discardTimeoutMs);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
    req.resume();
  });
}
