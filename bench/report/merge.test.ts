import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Machine } from '../machine';
import { benchmarksMarkdown, methodAndFindings } from './markdown';
import { mergePartialRun, parsePublished, type PartialRun } from './merge';
import type { JobResult, Row } from './row';

const machine: Machine = {
  date: '2026-11-21T20:05:45Z',
  cpus: '2 × Full-run CPU',
  memoryGb: 16,
  os: 'Linux 6',
  node: 'v20.0.0',
  postgres: '15',
  commit: 'fullrun',
  versions: { typescript: '5.9.3' },
  loadAtStart: [1, 2, 3],
};

const row = (workload: string, scenario: string, library = 'lib'): Row => ({ workload, scenario, library, baseline: 'base', ratio: 1.5, target: '≤ 2x', verdict: 'met' });

const job = (title: string, job: string, rows: readonly Row[], note = `${job} note`): JobResult => ({ job, title, rows, notes: [note], peakRssMb: 100, seconds: 10 });

const fullRun = [
  job('1. Replay', 'replay', [row('1. Replay', 'in memory'), row('1. Replay', 'stored')]),
  job('3. Commands', 'commands', [row('3. Commands', 'concurrency 1'), row('3. Commands', 'concurrency 8')]),
  job('5. Memory and 6. Catch-up', 'catchup', [row('5. Memory', 'peak'), row('6. Catch-up', 'rate')]),
  job('8. Delivery', 'delivery', [row('8. Delivery', 'start')]),
];

const published = benchmarksMarkdown({ quick: false, machine, loadAtEnd: [4, 5, 6], seconds: 441, results: fullRun });

const run = (results: readonly JobResult[], only: string): PartialRun => ({
  command: `pnpm bench --only ${only} --write`,
  machine: { date: '2026-12-05T14:10:31Z', cpus: '2 × Partial-run CPU', commit: 'abc1234', loadAtStart: [0.5, 0.25, 1] },
  loadAtEnd: [1.5, 1.25, 1],
  seconds: 200.4,
  results,
});

const commands = job('3. Commands', 'commands', [row('3. Commands', 'concurrency 1', 'new'), row('3. Commands', 'concurrency 32', 'new')], 'fresh note');

/** The text from a line equal to `from` up to the next line starting with one of `until`. */
function slice(text: string, from: string, until: readonly string[]): string {
  const lines = text.split('\n');
  const start = lines.indexOf(from);
  if (start === -1) throw new Error(`no ${from}`);
  const end = lines.findIndex((line, i) => i > start && until.some((u) => line.startsWith(u)));
  return lines.slice(start, end).join('\n');
}

const tableRows = (text: string): string[] => text.split('\n').filter((line) => /^\| \d+\. /.test(line));
const headings = (text: string): string[] => text.split('\n').filter((line) => /^### \d+\. /.test(line));
const paragraphsAbove = (text: string): string[] => slice(text, '# Benchmarks', ['## Machine']).split('\n\n').slice(1).map((p) => p.trim()).filter((p) => p !== '');

describe('merging a partial run into BENCHMARKS.md', () => {
  it('replaces only the rows and details of the workloads that ran, in workload order', () => {
    const merged = mergePartialRun(published, run([commands], '3'));
    expect(tableRows(merged)).toEqual([
      ...tableRows(published).slice(0, 2),
      '| 3. Commands | concurrency 1 | new | base | 1.50x | ≤ 2x | met |',
      '| 3. Commands | concurrency 32 | new | base | 1.50x | ≤ 2x | met |',
      ...tableRows(published).slice(4),
    ]);
    expect(headings(merged)).toEqual(headings(published));
    expect(slice(merged, '### 3. Commands (job `commands`)', ['### ', '## '])).toBe('### 3. Commands (job `commands`)\n\nTook 10 s; peak RSS of its process 100 MB.\n\n- fresh note\n');
    for (const heading of headings(published).filter((h) => !h.startsWith('### 3. '))) {
      expect(slice(merged, heading, ['### ', '## '])).toBe(slice(published, heading, ['### ', '## ']));
    }
  });

  it('keeps the machine table of the last full run and takes the method and findings from their files', () => {
    const merged = mergePartialRun(published, run([commands], '3'));
    expect(slice(merged, '## Machine', ['## Results'])).toBe(slice(published, '## Machine', ['## Results']));
    expect(merged.endsWith(`\n\n${methodAndFindings()}`)).toBe(true);
  });

  it('says at the top which workloads were measured again, when, by what command, on what and at what load', () => {
    const merged = mergePartialRun(published, run([commands, fullRun[3] as JobResult], '3,8'));
    expect(paragraphsAbove(merged)).toEqual([
      paragraphsAbove(published)[0],
      'Workloads 3 (Commands) and 8 (Delivery) were measured again on 2026-12-05T14:10Z by `pnpm bench --only 3,8 --write` in 200 s, ' +
        'on 2 × Partial-run CPU at load 0.50 / 0.25 / 1.00 at the start and 1.50 / 1.25 / 1.00 at the end, commit abc1234; ' +
        'their rows and details come from that run and every ratio in them was measured within it.',
    ]);
  });

  it('replaces an older paragraph about the same workloads, and keeps the others it names', () => {
    const first = mergePartialRun(published, run([commands, fullRun[3] as JobResult], '3,8'));
    const handWritten = `${paragraphsAbove(first)[1] ?? ''} This machine was quiet.`;
    const withNote = first.replace(paragraphsAbove(first)[1] ?? '', handWritten);
    const again = mergePartialRun(withNote, run([commands], '3'));
    const paragraphs = paragraphsAbove(again);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toBe(
      handWritten.replace('Workloads 3 (Commands) and 8 (Delivery) were measured again', 'Workload 8 (Delivery) was measured again').replace('their rows and details', 'its rows and details'),
    );
    expect(paragraphs[2]).toMatch(/^Workload 3 \(Commands\) was measured again on .* its rows and details come from that run/);
    const third = mergePartialRun(again, run([fullRun[3] as JobResult], '8'));
    expect(paragraphsAbove(third).map((p) => p.slice(0, 25))).toEqual(['Written by `pnpm bench` o', 'Workload 3 (Commands) was', 'Workload 8 (Delivery) was']);
  });

  it('replaces both workloads of a job that measures two, and adds a workload the file did not have in its place', () => {
    const catchup = job('5. Memory and 6. Catch-up', 'catchup', [row('5. Memory', 'peak', 'new'), row('6. Catch-up', 'rate', 'new')]);
    const due = job('4. Due lookup', 'due', [row('4. Due lookup', 'tick', 'new')]);
    const merged = mergePartialRun(published, run([due, catchup], '4,5'));
    expect(tableRows(merged).map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| 1. Replay | in memory | lib',
      '| 1. Replay | stored | lib',
      '| 3. Commands | concurrency 1 | lib',
      '| 3. Commands | concurrency 8 | lib',
      '| 4. Due lookup | tick | new',
      '| 5. Memory | peak | new',
      '| 6. Catch-up | rate | new',
      '| 8. Delivery | start | lib',
    ]);
    expect(headings(merged)).toEqual(['### 1. Replay (job `replay`)', '### 3. Commands (job `commands`)', '### 4. Due lookup (job `due`)', '### 5. Memory and 6. Catch-up (job `catchup`)', '### 8. Delivery (job `delivery`)']);
    expect(paragraphsAbove(merged)[1]).toMatch(/^Workloads 4 \(Due lookup\), 5 \(Memory\) and 6 \(Catch-up\) were measured again/);
  });

  it('gives the same file when the same run is merged twice', () => {
    const once = mergePartialRun(published, run([commands], '3'));
    expect(mergePartialRun(once, run([commands], '3'))).toBe(once);
  });

  it('refuses a run with a failed job, so its failed row does not replace published ones', () => {
    const failed = job('3. Commands', 'commands', [{ ...row('3. Commands', 'commands', 'failed'), verdict: 'failed' }]);
    expect(() => mergePartialRun(published, run([failed], '3'))).toThrow('BENCHMARKS.md was not changed: 3. Commands failed');
  });

  it.each([
    ['a file without its title', (t: string) => t.replace('# Benchmarks\n', 'Benchmarks\n'), 'title `# Benchmarks`'],
    ['a file without the machine', (t: string) => t.replace('## Machine', '## Computer'), '`## Machine` heading'],
    ['a file without the "Written by" line', (t: string) => t.replace('Written by', 'Made by'), '"Written by `pnpm bench` ..." line'],
    ['a quick run', (t: string) => t.replace('Written by `pnpm bench`', 'Written by `pnpm bench --quick`'), 'quick run'],
    ['a file without a table', (t: string) => t.replace('| workload | scenario |', '| what | scenario |'), 'results table (its header line)'],
    ['a table without its separator', (t: string) => t.replace('|---|---|---|---|---|---|---|\n', ''), 'separator line'],
    ['a table without rows', (t: string) => t.replace(/^\| \d+\. .*\n/gm, ''), 'results table has no rows'],
    ['a row without a workload number', (t: string) => t.replace('| 8. Delivery |', '| Delivery |'), 'does not start with "| N. ": | Delivery |'],
    ['a file without details', (t: string) => t.replace('## Details of this run', '## Details'), '`## Details of this run` heading'],
    ['a file that ends with the details', (t: string) => t.slice(0, t.indexOf('\n## How it is measured')), '`## ` heading after the details'],
    ['a details heading without a number', (t: string) => t.replace('### 8. Delivery', '### Delivery'), 'does not start with "### N. ": ### Delivery'],
  ])('refuses %s, naming what it did not find', (_, change, what) => {
    const broken = change(published);
    expect(broken).not.toBe(published);
    expect(() => mergePartialRun(broken, run([commands], '3'))).toThrow(what);
    expect(() => parsePublished(broken)).toThrow(/^BENCHMARKS\.md was not changed: /);
  });
});

describe('merging into the published BENCHMARKS.md', () => {
  const real = readFileSync(join(__dirname, '..', '..', 'BENCHMARKS.md'), 'utf8');
  const merged = mergePartialRun(real, run([commands], '3'));
  const section = (text: string, heading: string): string => slice(text, heading, ['### ', '## ']);

  it('keeps every other workload\'s rows and details byte for byte', () => {
    expect(tableRows(merged).filter((r) => !r.startsWith('| 3. '))).toEqual(tableRows(real).filter((r) => !r.startsWith('| 3. ')));
    expect(tableRows(merged).filter((r) => r.startsWith('| 3. '))).toEqual(tableRows(mergePartialRun(published, run([commands], '3'))).filter((r) => r.startsWith('| 3. ')));
    const others = headings(real).filter((h) => !h.startsWith('### 3. '));
    expect(others.length).toBeGreaterThan(4);
    for (const heading of others) expect(section(merged, heading)).toBe(section(real, heading));
    expect(headings(merged)).toEqual(headings(real));
  });

  it('keeps its machine table and first line, and names workload 3 only in the new paragraph', () => {
    expect(slice(merged, '## Machine', ['## Results'])).toBe(slice(real, '## Machine', ['## Results']));
    expect(paragraphsAbove(merged)[0]).toBe(paragraphsAbove(real)[0]);
    const naming3 = paragraphsAbove(merged).filter((p) => /^Workloads? (?:[^.]*, |[^.]* and )?3 \(/.test(p));
    expect(naming3).toEqual([paragraphsAbove(merged).at(-1)]);
  });
});
