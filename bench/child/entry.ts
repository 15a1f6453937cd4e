// The process one job runs in: a fresh heap, so its peak RSS is its own and a crash or a leak
// in one workload cannot touch the next. Started by child/spawn.ts; answers over IPC.
import { jobs, type JobName } from '../jobs';
import type { JobResult } from '../report/row';

async function main(): Promise<void> {
  const [name, raw] = process.argv.slice(2);
  if (name === undefined || !(name in jobs)) throw new Error(`unknown job ${String(name)}; known: ${Object.keys(jobs).join(', ')}`);
  const started = performance.now();
  const output = await jobs[name as JobName](JSON.parse(raw ?? '{}') as never);
  const result: JobResult = {
    ...output,
    job: name,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    seconds: (performance.now() - started) / 1000,
  };
  await new Promise<void>((resolve, reject) => process.send?.(result, undefined, {}, (error) => (error === null ? resolve() : reject(error))));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ error: message }, undefined, {}, () => process.exit(1));
  },
);
