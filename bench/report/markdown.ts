import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from '../machine';
import { megabytes } from './format';
import type { JobResult } from './row';
import { markdownTable } from './table';

/** Everything one run produced. */
export interface RunReport {
  readonly quick: boolean;
  readonly machine: Machine;
  readonly loadAtEnd: readonly number[];
  readonly seconds: number;
  readonly results: readonly JobResult[];
}

/** Load averages as "1.09 / 1.33 / 1.61". */
export const load = (values: readonly number[]): string => values.map((v) => v.toFixed(2)).join(' / ');
const section = (file: string): string => readFileSync(join(__dirname, file), 'utf8').trim();

/** A job's part of "Details of this run": its heading (the workloads' numbers first), time, peak RSS and notes. */
export function detailsSection(result: JobResult): string {
  return (
    `### ${result.title ?? result.rows[0]?.workload ?? result.job} (job \`${result.job}\`)\n\n` +
    `Took ${Math.round(result.seconds)} s; peak RSS of its process ${Number.isNaN(result.peakRssMb) ? 'unknown' : megabytes(result.peakRssMb)}.\n\n` +
    result.notes.map((note) => `- ${note.replace(/\n/g, '\n  ')}`).join('\n')
  );
}

/** The hand-written end of BENCHMARKS.md: how it is measured, then what was found. */
export function methodAndFindings(): string {
  return `${section('method.md')}\n\n${section('findings.md')}\n`;
}

/** BENCHMARKS.md: the machine, the table, each job's details, then the hand-written method and findings. */
export function benchmarksMarkdown(report: RunReport): string {
  const { machine } = report;
  const versions = Object.entries(machine.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    '# Benchmarks',
    '',
    `Written by \`pnpm bench${report.quick ? ' --quick' : ''}\` on ${machine.date} in ${Math.round(report.seconds)} s. ` +
      (report.quick
        ? '**This is a quick run** (small sizes, few repetitions): a smoke test of the harness, not numbers to quote. Run `pnpm bench` for those.'
        : 'Run `pnpm bench` again to refresh these numbers on your machine, or `pnpm bench --quick` for a one-minute smoke run.'),
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPUs | ${machine.cpus} |`,
    `| memory | ${machine.memoryGb.toFixed(1)} GB |`,
    `| OS | ${machine.os} |`,
    `| Node | ${machine.node} |`,
    `| PostgreSQL | ${machine.postgres} |`,
    `| load average (1 / 5 / 15 min) | ${load(machine.loadAtStart)} at the start, ${load(report.loadAtEnd)} at the end |`,
    `| commit | ${machine.commit} |`,
    `| versions | ${versions} |`,
    '',
    '## Results',
    '',
    'Ratio: the library\'s cost as a multiple of the baseline\'s (CPU time for in-process work, throughput for',
    'PostgreSQL), so lower is better and 1.00x means "as fast as the hand-written code". Numbers are medians.',
    '',
    markdownTable(report.results.flatMap((r) => r.rows)),
    '',
    '## Details of this run',
    '',
    report.results.map(detailsSection).join('\n\n'),
    '',
    methodAndFindings(),
  ].join('\n');
}
