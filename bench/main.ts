// `pnpm bench [--quick] [--only 1,3] [--write | --no-write]`: every workload against its baseline,
// each in its own process, then a table on stdout and, for a full run, BENCHMARKS.md at the
// repository root; `--only ... --write` merges the workloads that ran into BENCHMARKS.md.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { runJob } from './child/spawn';
import { describeMachine } from './machine';
import { parseOptions } from './options';
import { planJobs } from './plan';
import { benchmarksMarkdown } from './report/markdown';
import { mergePartialRun, parsePublished, readPublished } from './report/merge';
import type { JobResult } from './report/row';
import { textTable } from './report/table';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const file = join(dirname(__dirname), 'BENCHMARKS.md');
  const merging = options.write && options.only.length > 0;
  // Refuse a file the merge cannot read before spending minutes measuring.
  if (merging) parsePublished(readPublished(file));
  const started = performance.now();
  const machine = await describeMachine();
  console.log(`Rendezvous benchmarks (${options.quick ? 'quick' : 'full'}): ${machine.cpus}, Node ${machine.node}, load ${machine.loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  const results: JobResult[] = [];
  for (const request of planJobs(options)) {
    console.log(`\n${request.workload} ...`);
    const result = { ...(await runJob(request)), title: request.workload };
    results.push(result);
    console.log(textTable(result.rows));
    console.log(`(${Math.round(result.seconds)} s, peak RSS ${Math.round(result.peakRssMb)} MB)`);
    // The details BENCHMARKS.md would get: a run that does not write it whole shows them here,
    // so they are not lost if a merge refuses at the end.
    if (!options.write || merging) for (const note of result.notes) console.log(`- ${note}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = results.flatMap((r) => r.rows);
  console.log(`\nAll results (${Math.round(seconds)} s):\n${textTable(rows)}`);
  if (merging) {
    const command = `pnpm bench --only ${options.only.join(',')} --write`;
    writeFileSync(file, mergePartialRun(readPublished(file), { command, machine, loadAtEnd: loadavg(), seconds, results }));
    console.log(`\nMerged ${results.map((r) => r.title ?? r.job).join(', ')} into ${file}; its other workloads are as they were.`);
  } else if (options.write) {
    writeFileSync(file, benchmarksMarkdown({ quick: options.quick, machine, loadAtEnd: loadavg(), seconds, results }));
    console.log(`\nWrote ${file}`);
  } else if (options.only.length > 0) {
    console.log('\nA partial run leaves BENCHMARKS.md as it is (pass --write to merge its workloads into it).');
  } else if (options.quick) {
    console.log('\nA quick run leaves BENCHMARKS.md as it is (pass --write to replace it).');
  }
  if (rows.some((r) => r.verdict === 'failed')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
