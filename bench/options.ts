/** What `pnpm bench` was asked to do. */
export interface BenchOptions {
  /** Small sizes, a minute in all: a smoke run, not numbers to quote. */
  readonly quick: boolean;
  /** Only the workloads with these numbers (1 to 8); all when empty. */
  readonly only: readonly number[];
  /**
   * Write BENCHMARKS.md: by default only a full run does (a quick run's small sizes are not
   * numbers to publish); `--write` forces it, `--no-write` only prints. With `--only`, writing
   * merges the workloads that ran into the file as it stands (bench/report/merge.ts), so it
   * takes an explicit `--write`.
   */
  readonly write: boolean;
}

const usage = 'usage: pnpm bench [--quick] [--only 1,3] [--write | --no-write]';

/** Reads the command line; throws with the usage line on anything unknown. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let quick = false;
  let write: boolean | undefined;
  let only: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') quick = true;
    else if (arg === '--no-write') write = false;
    else if (arg === '--write') write = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const list = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      only = (list ?? '').split(',').map((n) => Number(n.trim()));
      if (only.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) throw new Error(`--only takes workload numbers 1 to 8, e.g. --only 1,3\n${usage}`);
    } else if (arg === '--') continue;
    else throw new Error(`unknown option ${arg}\n${usage}`);
  }
  // A quick run's numbers merged among published ones would read as numbers to quote.
  if (quick && only.length > 0 && write === true) throw new Error(`--quick --only ... --write would merge smoke-run numbers into the published BENCHMARKS.md: drop --quick, or --write\n${usage}`);
  return { quick, only, write: write ?? (!quick && only.length === 0) };
}
