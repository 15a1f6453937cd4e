// A readable failure without a test framework: both values as sorted, indented JSON, with the
// lines only in the expected value marked `-` and those only in the actual value marked `+`.

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sorted(v)]));
}

/** The canonical JSON of a value: keys sorted, undefined properties left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value), null, 2) ?? 'undefined';
}

/** True when both values have the same canonical JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A line diff (longest common subsequence) of the canonical JSON of two values. */
export function jsonDiff(expected: unknown, actual: unknown): string {
  const a = canonicalJson(expected).split('\n');
  const b = canonicalJson(actual).split('\n');
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      const below = lengths[i + 1] as number[];
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: string[] = ['- expected', '+ actual', ''];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i++] as string}`);
      j++;
    } else if (i < a.length && (j === b.length || (lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0))) {
      out.push(`- ${a[i++] as string}`);
    } else {
      out.push(`+ ${b[j++] as string}`);
    }
  }
  return out.join('\n');
}
