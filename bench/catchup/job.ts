import { runJob } from '../child/spawn';
import { median } from '../measure/stats';
import { benchSchema, dropSchema } from '../postgres/connection';
import { seedEvents } from '../postgres/seed';
import { count, duration, megabytes, rate } from '../report/format';
import type { JobOutput, JobResult, Row } from '../report/row';
import type { ProbeParams } from './probe';

/** Sizes of the memory and catch-up workloads. */
export interface CatchUpParams {
  /** History sizes (events), smallest first; the table holds the largest. */
  readonly sizes: readonly number[];
  /** Runs per reader at each size: the rate is their median, the RSS their largest. */
  readonly runs: number;
}

const memoryWorkload = '5. Memory';
const catchUpWorkload = '6. Catch-up';

async function probe(params: ProbeParams): Promise<JobResult> {
  const result = await runJob({ job: 'catchupProbe', params, workload: catchUpWorkload, timeoutMs: 10 * 60_000, defaultHeap: true });
  if (result.metrics === undefined) throw new Error(`${params.mode} reader failed: ${result.notes.join(' ')}`);
  return result;
}

/**
 * Seeds one schema, then reads it from the start with a subscription (the library) and with a
 * raw cursor (the baseline), each run in a fresh process so its peak RSS is its own.
 */
export async function catchUpJob(params: CatchUpParams): Promise<JobOutput> {
  const schema = benchSchema('catchup');
  const largest = Math.max(...params.sizes);
  const notes: string[] = [];
  try {
    const seededMs = await seedEvents(schema, largest);
    const idle = await probe({ schema, events: 0, mode: 'idle' });
    notes.push(
      `${count(largest)} events (ten per meeting, 0.1 to 0.6 KB of JSON each) inserted with generate_series in ${duration(seededMs)}. ` +
        `Both readers build the same small projection (events by type, bookings by account) and must agree on it; each run is a fresh process. ` +
        `A process that only loads the library and opens the store peaks at ${megabytes(idle.peakRssMb)}.`,
    );
    const rows: { memory: Row[]; catchUp: Row[] } = { memory: [], catchUp: [] };
    let smallestRss: number | undefined;
    for (const events of params.sizes) {
      const library: JobResult[] = [];
      const raw: JobResult[] = [];
      for (let r = 0; r < params.runs; r++) {
        library.push(await probe({ schema, events, mode: 'library' }));
        raw.push(await probe({ schema, events, mode: 'raw' }));
      }
      const fingerprints = new Set([...library, ...raw].map((p) => p.notes[0]));
      if (fingerprints.size !== 1) throw new Error(`the readers disagree on the projection of ${events} events: ${[...fingerprints].join(' | ')}`);
      const rateOf = (runs: JobResult[]): number => median(runs.map((p) => ((p.metrics?.['events'] ?? 0) * 1000) / (p.metrics?.['ms'] ?? 1)));
      const rssOf = (runs: JobResult[]): number => Math.max(...runs.map((p) => p.peakRssMb));
      const libraryRss = rssOf(library);
      const retained = (runs: JobResult[]): string => megabytes(Math.max(...runs.map((p) => p.metrics?.['retainedMb'] ?? Number.NaN)));
      notes.push(`${count(events)} events: heap still in use after a full collection at the end: ${retained(library)} (library), ${retained(raw)} (raw cursor).`);
      smallestRss ??= libraryRss;
      const growth = libraryRss / smallestRss;
      rows.memory.push({
        workload: memoryWorkload,
        scenario: `catch up over ${count(events)} events from PostgreSQL`,
        library: `${megabytes(libraryRss)} peak RSS`,
        baseline: `${megabytes(rssOf(raw))} (raw cursor)`,
        ratio: growth,
        target: '< 300 MB, flat',
        verdict: libraryRss < 300 && growth <= 1.25 ? 'met' : 'missed',
      });
      const libraryRate = rateOf(library);
      const rawRate = rateOf(raw);
      rows.catchUp.push({
        workload: catchUpWorkload,
        scenario: `${count(events)} events from the start (median of ${params.runs})`,
        library: rate(libraryRate, 'events'),
        baseline: `${rate(rawRate, 'events')} (raw cursor)`,
        ratio: rawRate / libraryRate,
        target: 'none set',
        verdict: 'info',
      });
    }
    notes.push('Memory ratio: peak RSS at this size over peak RSS at the smallest size (1.00x = flat).');
    return { rows: [...rows.memory, ...rows.catchUp], notes };
  } finally {
    await dropSchema(schema);
  }
}
