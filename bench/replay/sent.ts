import { createHash } from 'node:crypto';

/** One email a dispatcher sent: what both the library run and the baseline produce. */
export interface SentEmail {
  readonly key: string;
  readonly atMs: number;
  readonly to: string;
}

/** The sent emails as sorted lines, to compare two runs as sets. */
export function sentLines(sent: readonly SentEmail[]): string[] {
  return sent.map((s) => `${s.key} ${new Date(s.atMs).toISOString()} ${s.to}`).sort();
}

/**
 * A digest of the set of emails sent: compare two runs without keeping millions of emails alive
 * (a large live heap makes every garbage collection of the run being timed slower).
 */
export function fingerprint(sent: readonly SentEmail[]): string {
  const hash = createHash('sha256');
  for (const line of sentLines(sent)) hash.update(line).update('\n');
  return `${sent.length}:${hash.digest('hex')}`;
}

/** A sent line's time: the earliest difference is the one to look at first. */
const timeOf = (line: string): string => line.split(' ')[1] ?? '';
const plain = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const byTime = (x: string, y: string): number => plain(timeOf(x), timeOf(y)) || plain(x, y);

/** Undefined when both runs sent the same set of emails, else the earliest few differences. */
export function differences(library: readonly SentEmail[], baseline: readonly SentEmail[]): string | undefined {
  const a = sentLines(library);
  const b = sentLines(baseline);
  const inA = new Set(a);
  const inB = new Set(b);
  const onlyA = a.filter((line) => !inB.has(line)).sort(byTime).slice(0, 5);
  const onlyB = b.filter((line) => !inA.has(line)).sort(byTime).slice(0, 5);
  if (onlyA.length === 0 && onlyB.length === 0 && a.length === b.length) return undefined;
  return [`library sent ${a.length}, baseline ${b.length}`, ...onlyA.map((l) => `only library: ${l}`), ...onlyB.map((l) => `only baseline: ${l}`)].join('\n');
}
