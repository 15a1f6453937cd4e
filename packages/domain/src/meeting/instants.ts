import { toMillis } from '../codec/primitives';

// The rules compare instants on every decision and every replayed record. Decoded instants
// are all in one UTC form (`2026-03-02T09:00:00Z`, with `.SSS` only when there are
// milliseconds), which orders like its text once the fraction is padded; anything else falls
// back to a full parse.
const canonical = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

function sortKey(instant: string): string | undefined {
  if (!canonical.test(instant)) return undefined;
  return instant.length === 20 ? `${instant.slice(0, 19)}.000` : instant.slice(0, 23);
}

/** True when instant `a` lies strictly after instant `b`. */
export function isAfter(a: string, b: string): boolean {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka !== undefined && kb !== undefined ? ka > kb : toMillis(a) > toMillis(b);
}
