import { times } from './format';
import type { Row } from './row';

const headers = ['workload', 'scenario', 'library', 'baseline', 'ratio', 'target', 'result'] as const;

/** The cells of a row, in header order. */
export function cells(row: Row): string[] {
  return [row.workload, row.scenario, row.library, row.baseline, row.ratio === undefined ? '' : times(row.ratio), row.target, row.verdict];
}

/** The rows as an aligned plain-text table for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const lines = [headers.slice(), ...rows.map(cells)];
  const widths = headers.map((_, i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  const format = (line: readonly string[]): string => line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [format(lines[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.slice(1).map(format)].join('\n');
}

/** The rows as a Markdown table. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}
