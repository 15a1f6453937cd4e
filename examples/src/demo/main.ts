import { demoOutboxDir } from './outbox';
import { runDemo } from './run-demo';
import { timeline } from './timeline';

// `pnpm demo` runs in examples/ (a workspace script); INIT_CWD is where the user typed the
// command, so ./demo-outbox lands at the root of a fresh clone, where the README says it is.
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const outbox = demoOutboxDir(process.env, cwd);

async function main(): Promise<void> {
  const started = performance.now();
  const run = await runDemo({ outbox });
  const lines = timeline(run, cwd);
  lines.push('', `Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (run.problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
