// Planning turns epoch milliseconds back into instants for every email it hands out, often
// several times per event in a replay. The domain's fromMillis goes through luxon, which costs
// microseconds a call; Date#toISOString gives the same normalized UTC form
// (`2026-03-02T09:00:00Z`, milliseconds only when there are some) for every year from 0 to 9999.

/** The normalized UTC instant of epoch milliseconds, as the domain writes instants. */
export function instantOf(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
