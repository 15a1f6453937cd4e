/**
 * Edit distance with adjacent transpositions (optimal string alignment), case-insensitive:
 * "meeting.usr.name" is 1 away from "meeting.user.name", "endfi" 1 away from "endif".
 */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let before: number[] = [];
  let previous: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current: number[] = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length] ?? 0;
}

// Names longer than any catalogue name by this much cannot be a typo of one; capping the
// compared length keeps a hostile 100 KB "name" from costing seconds.
const longest = 64;

/** The candidate closest to `typed` (ties go to the earlier candidate), with its distance. */
export function closest(typed: string, candidates: readonly string[]): { name: string; distance: number } | undefined {
  const probe = typed.slice(0, longest);
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    // "user.name" for "meeting.user.name": a dropped prefix is one mistake, not nine.
    const distance = name.toLowerCase().endsWith(`.${probe.toLowerCase()}`) ? 1 : editDistance(probe, name);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best;
}

/** Whether a distance is small enough to be a plausible typo of `name`. */
export function isNear(distance: number, name: string): boolean {
  return distance <= Math.max(2, Math.floor(name.length / 3));
}
