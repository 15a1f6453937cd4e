import * as E from 'fp-ts/Either';
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest, type Problem } from './problem';

/**
 * Reads `If-Match: <version>` (also `"3"` and `W/"3"`, as ETags come back from browsers and
 * proxies). Absent, or `*`, means "whatever the version": the command is not conditional.
 */
export function expectedVersionOf(headers: IncomingHttpHeaders): E.Either<Problem, number | undefined> {
  const header = headers['if-match'];
  if (header === undefined) return E.right(undefined);
  const value = header.trim();
  if (value === '*') return E.right(undefined);
  const match = /^(?:W\/)?"?(-?\d{1,15})"?$/.exec(value);
  if (match === null) {
    return E.left(badRequest(`If-Match: ${JSON.stringify(value)} is not a version; send the version a GET returned, e.g. If-Match: 3`, { field: 'If-Match' }));
  }
  return E.right(Number(match[1]));
}

/** The ETag of a stream version: what a client sends back in If-Match. */
export const etagOf = (version: number): string => `"${version}"`;
