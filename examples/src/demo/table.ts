/**
 * Lays rows out in aligned columns, two spaces apart, each line indented by `indent`. The last
 * column is not padded, so long subjects or reasons do not drag trailing spaces along.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd((widths[column] ?? 0) + cell.length - [...cell].length)))
      .join('  ')
      .trimEnd();
  return all.map(line);
}
