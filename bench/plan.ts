import type { JobRequest } from './child/spawn';
import type { BenchOptions } from './options';

interface Planned extends JobRequest {
  /** The workloads' numbers in the issue and in BENCHMARKS.md (for --only). */
  readonly numbers: readonly number[];
}

const minute = 60_000;

/** The jobs of a run, in order, with the sizes of a full or a quick run. */
export function planJobs(options: BenchOptions): JobRequest[] {
  const q = options.quick;
  const planned: Planned[] = [
    {
      numbers: [1],
      workload: '1. Replay',
      job: 'replay',
      params: q
        ? { meetings: 10_000, runs: 1, budgetMs: 10_000, storedMeetings: 500 }
        : { meetings: 100_000, runs: 3, budgetMs: 3 * minute, storedMeetings: 5_000 },
      timeoutMs: q ? 2 * minute : 20 * minute,
    },
    {
      numbers: [2],
      workload: '2. Rendering',
      job: 'rendering',
      params: q ? { emails: 1_000, runs: 3, budgetMs: 5_000 } : { emails: 20_000, runs: 5, budgetMs: minute },
      timeoutMs: q ? minute : 5 * minute,
    },
    {
      numbers: [3],
      workload: '3. Commands',
      job: 'commands',
      params: q ? { meetings: 1_000, concurrency: [1, 8, 32], encryptedAt: [], notifyAt: [32], block: 250, budgetMsPerLevel: 10_000 }
        : { meetings: 10_000, concurrency: [1, 8, 32], encryptedAt: [1, 8, 32], notifyAt: [8, 32], block: 500, budgetMsPerLevel: 75_000 },
      timeoutMs: q ? 2 * minute : 10 * minute,
    },
    {
      numbers: [4],
      workload: '4. Due lookup',
      job: 'due',
      params: q ? { sizes: [10_000, 100_000], ticks: 1_000, runs: 3 } : { sizes: [10_000, 100_000, 1_000_000], ticks: 2_000, runs: 5 },
      timeoutMs: q ? minute : 6 * minute,
    },
    {
      numbers: [5, 6],
      workload: '5. Memory and 6. Catch-up',
      job: 'catchup',
      params: q ? { sizes: [10_000, 100_000], runs: 1 } : { sizes: [100_000, 1_000_000], runs: 3 },
      timeoutMs: q ? 2 * minute : 10 * minute,
    },
    {
      numbers: [7],
      workload: '7. Dispatcher burst',
      job: 'dispatch',
      params: q ? { meetings: 200, guests: 4, concurrency: 8, runs: 1 } : { meetings: 1_000, guests: 4, concurrency: 8, runs: 3 },
      timeoutMs: q ? 2 * minute : 10 * minute,
    },
    {
      numbers: [8],
      workload: '8. Delivery',
      job: 'delivery',
      params: q
        ? { histories: [10_000, 100_000], pendingMeetings: 20, guests: 4, runs: 1, footprint: { warmUp: 200, batch: 400, batches: 1, guests: 2 },
            scaling: { meetings: 40, concurrency: 2 }, cpu: { meetings: 60, concurrency: 2, warmUpPerInstance: 10 }, recovery: { meetings: 60, killAfter: 10 }, warmUpPerInstance: 10 }
        : { histories: [100_000, 1_000_000], pendingMeetings: 100, guests: 4, runs: 3, footprint: { warmUp: 1_000, batch: 1_000, batches: 3, guests: 2 },
            scaling: { meetings: 320, concurrency: 2 }, cpu: { meetings: 1_200, concurrency: 2, warmUpPerInstance: 2_000 }, recovery: { meetings: 200, killAfter: 20 }, warmUpPerInstance: 20 },
      timeoutMs: q ? 5 * minute : 40 * minute,
    },
  ];
  return planned.filter((p) => options.only.length === 0 || p.numbers.some((n) => options.only.includes(n)));
}
