// `pnpm bench --only 3 --write` measures a few workloads; the published BENCHMARKS.md must keep
// every other workload's rows and details from the run that measured them. So a partial run does
// not write the file afresh: it replaces its own workloads' rows and details sections in the file
// as it stands and says at the top when, where and by what command they were measured.
import { readFileSync } from 'node:fs';
import type { Machine } from '../machine';
import { detailsSection, load, methodAndFindings } from './markdown';
import type { JobResult } from './row';
import { markdownTable } from './table';

/** What a partial run measured, and where and when. */
export interface PartialRun {
  /** The command that ran, as the paragraph quotes it: "pnpm bench --only 3,8 --write". */
  readonly command: string;
  readonly machine: Pick<Machine, 'date' | 'cpus' | 'commit' | 'loadAtStart'>;
  readonly loadAtEnd: readonly number[];
  readonly seconds: number;
  readonly results: readonly JobResult[];
}

/** BENCHMARKS.md cut at the places a merge changes; the lines between them are kept as they are. */
interface Published {
  /** The paragraphs between the title and "## Machine"; the first is "Written by ...". */
  readonly paragraphs: readonly string[];
  /** From "## Machine" to the table's separator line: the last full run's machine, kept. */
  readonly machineToTable: string;
  readonly rows: readonly string[];
  /** From after the table to the "## Details of this run" heading. */
  readonly tableToDetails: string;
  /** Text in the details before its first "### " heading (none in files the bench writes). */
  readonly detailsLead: string;
  readonly sections: readonly string[];
}

const tableHeader = markdownTable([]).split('\n');
const rowNumber = /^\| (\d+)\. /;
const sectionNumber = /^### (\d+)\. /;
// The lead of a paragraph this module writes: "Workloads 3 (Commands) and 8 (Delivery) were measured again".
const measuredAgain = /^Workloads? ((?:\d+ \([^)]*\)(?:, | and )?)+) (?:was|were) measured again/;

function refuse(what: string): never {
  throw new Error(`BENCHMARKS.md was not changed: ${what}. A partial run (--only with --write) only replaces its own workloads in a file \`pnpm bench\` wrote; run a full \`pnpm bench\` to write it afresh.`);
}

/** The published file's text; refuses, naming the path, when there is none to merge into. */
export function readPublished(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return refuse(`${path} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

const withoutTrailingNewlines = (text: string): string => text.replace(/\n+$/, '');

/** Cuts the published file into its parts; refuses, naming what it did not find, when it is not one the bench wrote. */
export function parsePublished(text: string): Published {
  const lines = text.split('\n');
  const find = (line: string, from: number, what: string): number => {
    const at = lines.indexOf(line, from);
    return at === -1 ? refuse(`it has no ${what}`) : at;
  };
  if (lines[0] !== '# Benchmarks') refuse('its first line is not the title `# Benchmarks`');
  const machine = find('## Machine', 1, '`## Machine` heading');
  const paragraphs = lines.slice(1, machine).join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  if (!paragraphs[0]?.startsWith('Written by `pnpm bench')) refuse('it has no "Written by `pnpm bench` ..." line above `## Machine`');
  if (paragraphs[0].startsWith('Written by `pnpm bench --quick`')) refuse('it holds a quick run, whose numbers are not to be published beside a full run\'s');
  const header = find(tableHeader[0] as string, find('## Results', machine, '`## Results` heading'), 'results table (its header line)');
  if (lines[header + 1] !== tableHeader[1]) refuse('its results table has no separator line under the header');
  let end = header + 2;
  while (lines[end]?.startsWith('|') === true) end++;
  const rows = lines.slice(header + 2, end);
  if (rows.length === 0) refuse('its results table has no rows');
  const unnumbered = rows.find((row) => !rowNumber.test(row));
  if (unnumbered !== undefined) refuse(`a row of its results table does not start with "| N. ": ${unnumbered}`);
  const details = find('## Details of this run', end, '`## Details of this run` heading');
  const after = lines.findIndex((line, i) => i > details && line.startsWith('## '));
  if (after === -1) refuse('it has no `## ` heading after the details (where the method text starts)');
  const body = lines.slice(details + 1, after);
  const starts = body.flatMap((line, i) => (line.startsWith('### ') ? [i] : []));
  const sections = starts.map((start, k) => withoutTrailingNewlines(body.slice(start, starts[k + 1] ?? body.length).join('\n')));
  const unnumberedSection = sections.find((s) => !sectionNumber.test(s));
  if (unnumberedSection !== undefined) refuse(`a details heading does not start with "### N. ": ${unnumberedSection.split('\n')[0] ?? ''}`);
  return {
    paragraphs,
    machineToTable: lines.slice(machine, header + 2).join('\n'),
    rows,
    tableToDetails: lines.slice(end, details + 1).join('\n'),
    detailsLead: body.slice(0, starts[0] ?? body.length).join('\n').trim(),
    sections,
  };
}

/** The workloads a job measured, from its title: "5. Memory and 6. Catch-up" -> 5 Memory, 6 Catch-up. */
function workloadsOf(result: JobResult): { readonly number: number; readonly name: string }[] {
  const title = result.title ?? result.rows[0]?.workload ?? '';
  return [...title.matchAll(/(\d+)\. (.+?)(?= and \d+\. |$)/g)].map((m) => ({ number: Number(m[1]), name: m[2] as string }));
}

const numberOf = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1]);

/** "3 (Commands)", "3 (Commands) and 8 (Delivery)", "1 (Replay), 3 (Commands) and 8 (Delivery)". */
function named(workloads: readonly string[]): string {
  const last = workloads[workloads.length - 1] ?? '';
  return workloads.length < 2 ? last : `${workloads.slice(0, -1).join(', ')} and ${last}`;
}

const lead = (workloads: readonly string[]): string =>
  `${workloads.length === 1 ? 'Workload' : 'Workloads'} ${named(workloads)} ${workloads.length === 1 ? 'was' : 'were'} measured again`;

/**
 * An older paragraph about workloads measured again, without those this run measured: dropped
 * when it named only those, its lead rewritten when it named others too (the rest, often
 * written by hand, is kept).
 */
function withoutRemeasured(paragraph: string, ran: ReadonlySet<number>): string | undefined {
  const match = measuredAgain.exec(paragraph);
  if (match === null) return paragraph;
  const listed = [...(match[1] as string).matchAll(/(\d+) \([^)]*\)/g)];
  const kept = listed.filter((m) => !ran.has(Number(m[1]))).map((m) => m[0]);
  if (kept.length === listed.length) return paragraph;
  if (kept.length === 0) return undefined;
  return (lead(kept) + paragraph.slice(match[0].length)).replace(/\b(?:its|their) rows and details\b/, `${kept.length === 1 ? 'its' : 'their'} rows and details`);
}

/** Groups blocks by workload number and lists them in workload order, keeping each group's own order. */
function inWorkloadOrder(blocks: readonly { readonly number: number; readonly text: string }[]): string[] {
  return [...blocks].sort((a, b) => a.number - b.number).map((b) => b.text);
}

/**
 * BENCHMARKS.md with a partial run merged in: the workloads it ran get its rows and details
 * sections (in workload order among the others), every other row and section stays byte for
 * byte, the machine table stays the last full run's, and a paragraph at the top says when, on
 * what and by what command they were measured. Throws, so nothing is written, when the file is
 * not one the bench wrote or a job of the run failed.
 */
export function mergePartialRun(published: string, run: PartialRun): string {
  const failed = run.results.filter((r) => r.rows.some((row) => row.verdict === 'failed'));
  if (failed.length > 0) {
    throw new Error(`BENCHMARKS.md was not changed: ${failed.map((r) => r.title ?? r.job).join(', ')} failed, and a failed row must not replace published ones.`);
  }
  const file = parsePublished(published);
  const workloads = run.results.flatMap(workloadsOf);
  const fresh = markdownTable(run.results.flatMap((r) => r.rows)).split('\n').slice(2);
  const ran = new Set([...workloads.map((w) => w.number), ...fresh.map((row) => numberOf(row, rowNumber))]);
  const rows = inWorkloadOrder([
    ...file.rows.filter((row) => !ran.has(numberOf(row, rowNumber))).map((text) => ({ number: numberOf(text, rowNumber), text })),
    ...fresh.map((text) => ({ number: numberOf(text, rowNumber), text })),
  ]);
  const replaced = (section: string): boolean => [...(section.split('\n')[0] ?? '').matchAll(/(\d+)\. /g)].some((m) => ran.has(Number(m[1])));
  const sections = inWorkloadOrder([
    ...file.sections.filter((s) => !replaced(s)).map((text) => ({ number: numberOf(text, sectionNumber), text })),
    ...run.results.map(detailsSection).map((text) => ({ number: numberOf(text, sectionNumber), text })),
  ]);
  const measured = workloads.map((w) => `${w.number} (${w.name})`);
  const paragraph =
    `${lead(measured)} on ${run.machine.date.replace(/:\d\d(\.\d+)?Z$/, 'Z')} by \`${run.command}\` in ${Math.round(run.seconds)} s, ` +
    `on ${run.machine.cpus} at load ${load(run.machine.loadAtStart)} at the start and ${load(run.loadAtEnd)} at the end, commit ${run.machine.commit}; ` +
    `${measured.length === 1 ? 'its' : 'their'} rows and details come from that run and every ratio in them was measured within it.`;
  const [writtenBy, ...older] = file.paragraphs;
  const paragraphs = [writtenBy, ...older.flatMap((p) => withoutRemeasured(p, ran) ?? []), paragraph];
  return [
    '# Benchmarks',
    '',
    paragraphs.join('\n\n'),
    '',
    file.machineToTable,
    rows.join('\n'),
    file.tableToDetails,
    '',
    [file.detailsLead, ...sections].filter((s) => s !== '').join('\n\n'),
    '',
    methodAndFindings(),
  ].join('\n');
}
