import { median } from './stats';

/** One timed run: wall-clock time and the CPU time the process used (all threads, GC included). */
export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** The medians of several runs, with every run kept for the report. */
export interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly runs: readonly Sample[];
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Times one call after a full collection, so garbage of the previous run is not billed to it. */
export async function sample(run: () => unknown): Promise<Sample> {
  gc();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** The medians of some runs. */
export function timedOf(runs: readonly Sample[]): Timed {
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)), runs };
}

/** How many rounds to time, and whether the caller already warmed both up. */
export interface CompareOptions {
  readonly runs: number;
  /** Stop starting new rounds after this long (at least one round runs). */
  readonly budgetMs?: number;
  readonly warmedUp?: boolean;
}

/**
 * Times a library run against its baseline: a warm-up of each, then rounds that alternate the
 * two, so a burst of load from other processes falls on both alike.
 */
export async function compare(options: CompareOptions, baseline: () => unknown, library: () => unknown): Promise<{ baseline: Timed; library: Timed }> {
  if (options.warmedUp !== true) {
    await baseline();
    await library();
  }
  const b: Sample[] = [];
  const l: Sample[] = [];
  const started = performance.now();
  for (let i = 0; i < options.runs; i++) {
    if (i > 0 && options.budgetMs !== undefined && performance.now() - started > options.budgetMs) break;
    b.push(await sample(baseline));
    l.push(await sample(library));
  }
  return { baseline: timedOf(b), library: timedOf(l) };
}

/** Times `runs` runs of one thing after one warm-up. */
export async function repeat(runs: number, run: () => unknown): Promise<Timed> {
  await run();
  const all: Sample[] = [];
  for (let i = 0; i < runs; i++) all.push(await sample(run));
  return timedOf(all);
}
