/** Whether a measurement met its target; `info` when it has none. */
export type Verdict = 'met' | 'missed' | 'info' | 'failed';

/** One line of the results table. */
export interface Row {
  /** The workload, numbered as in BENCHMARKS.md ("1. Replay"). */
  readonly workload: string;
  /** What was measured ("1,000,000 events, 100,000 meetings"). */
  readonly scenario: string;
  /** The library's number, with its unit. */
  readonly library: string;
  /** The baseline's number (or the reference it is compared with). */
  readonly baseline: string;
  /** How many times the baseline's cost the library's is (higher is slower); absent when not a comparison. */
  readonly ratio?: number;
  readonly target: string;
  readonly verdict: Verdict;
}

/** What a job hands back to the harness. */
export interface JobOutput {
  readonly rows: readonly Row[];
  /** Sentences for the workload's details in BENCHMARKS.md. */
  readonly notes: readonly string[];
  /** Raw numbers, for a job that combines the results of jobs it ran itself. */
  readonly metrics?: Readonly<Record<string, number>>;
}

/** A job's output plus what the harness measured around it. */
export interface JobResult extends JobOutput {
  readonly job: string;
  /** The workloads it measured, as BENCHMARKS.md titles them ("5. Memory and 6. Catch-up"). */
  readonly title?: string;
  /** Peak resident set size of the job's process, MB. */
  readonly peakRssMb: number;
  readonly seconds: number;
}

/** `met` when `ratio` is at most `limit`, else `missed`. */
export function within(ratio: number, limit: number): Verdict {
  return ratio <= limit ? 'met' : 'missed';
}
