import { percentile } from '../measure/stats';

/** Throughput and latency of commands run in one mode. */
export interface Driven {
  readonly commands: number;
  readonly wallMs: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Collects the latencies and busy time of one mode across the blocks it ran. */
export class Tally {
  private readonly latencies: number[] = [];
  private wallMs = 0;

  /** Runs meetings [from, to) with `concurrency` workers, each taking the next meeting, timing each command. */
  async block(from: number, to: number, concurrency: number, command: (i: number) => Promise<void>): Promise<void> {
    let next = from;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < to; i = next++) {
        const started = performance.now();
        await command(i);
        this.latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    this.wallMs += performance.now() - started;
  }

  /** Throughput over the time spent in this mode's blocks, and latency percentiles. */
  result(): Driven {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      commands: sorted.length,
      wallMs: this.wallMs,
      perSecond: (sorted.length * 1000) / this.wallMs,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
    };
  }
}
