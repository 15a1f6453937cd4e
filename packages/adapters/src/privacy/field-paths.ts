// Personal fields are named by dotted patterns over an event's data, with `*` standing for every
// element of an array ("guests.*.email"). One walker serves both directions: on the way out it
// finds plaintext values to encrypt, on the way in it finds envelopes to open.

/** One concrete place a pattern matched: its segments, its display path and the string there. */
export interface FieldMatch {
  /** Segments from the data root, e.g. ['guests', 0, 'email']. */
  readonly segments: readonly (string | number)[];
  /** The path as errors and exports show it, e.g. `data.guests.0.email`. */
  readonly path: string;
  /** The array indices the `*` segments stood for, in order. */
  readonly indices: readonly number[];
  readonly value: string;
}

function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** Every string value of `data` that `pattern` reaches; absent optional fields simply do not match. */
export function matchPattern(data: unknown, pattern: string): FieldMatch[] {
  const parts = pattern.split('.');
  const found: FieldMatch[] = [];
  const walk = (node: unknown, at: number, segments: (string | number)[], indices: number[]): void => {
    const part = parts[at];
    if (part === undefined) {
      if (typeof node === 'string') found.push({ segments, path: ['data', ...segments].join('.'), indices, value: node });
      return;
    }
    if (part === '*') {
      if (!Array.isArray(node)) return;
      node.forEach((child: unknown, i) => walk(child, at + 1, [...segments, i], [...indices, i]));
      return;
    }
    if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, part)) walk(node[part], at + 1, [...segments, part], indices);
  };
  walk(data, 0, [], []);
  return found;
}

/** A deep copy of JSON-safe `data` with the string at each path replaced. */
export function replaceAt(data: unknown, replacements: ReadonlyArray<{ segments: readonly (string | number)[]; value: string }>): unknown {
  if (replacements.length === 0) return data;
  const copy = structuredClone(data);
  for (const { segments, value } of replacements) {
    let node: unknown = copy;
    for (let i = 0; i < segments.length - 1; i++) node = (node as Record<string | number, unknown>)[segments[i] as string | number];
    (node as Record<string | number, unknown>)[segments[segments.length - 1] as string | number] = value;
  }
  return copy;
}
