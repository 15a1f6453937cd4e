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

/** A pattern split once, so that matching it against thousands of events stays cheap. */
export type CompiledPattern = readonly string[];

/** Splits a dotted pattern into its parts. */
export function compilePattern(pattern: string): CompiledPattern {
  return pattern.split('.');
}

function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** Every string value of `data` that `pattern` reaches; absent optional fields simply do not match. */
export function matchPattern(data: unknown, pattern: CompiledPattern): FieldMatch[] {
  const found: FieldMatch[] = [];
  const walk = (node: unknown, at: number, segments: (string | number)[], indices: number[]): void => {
    const part = pattern[at];
    if (part === undefined) {
      if (typeof node === 'string') found.push({ segments, path: `data.${segments.join('.')}`, indices, value: node });
      return;
    }
    if (part === '*') {
      if (Array.isArray(node)) node.forEach((child: unknown, i) => walk(child, at + 1, [...segments, i], [...indices, i]));
      return;
    }
    if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, part)) walk(node[part], at + 1, [...segments, part], indices);
  };
  walk(data, 0, [], []);
  return found;
}

/** A new value at one path of the data. */
export interface Replacement {
  readonly segments: readonly (string | number)[];
  readonly value: string;
}

type Tree = Map<string | number, Tree | string>;

// Copy-on-write: only the objects and arrays on a replaced path are copied, the rest is shared.
// The input is never changed, since it may be the caller's own event.
function rebuild(node: unknown, tree: Tree): unknown {
  const copy = (Array.isArray(node) ? [...(node as unknown[])] : { ...(node as Record<string, unknown>) }) as Record<string | number, unknown>;
  for (const [key, sub] of tree) copy[key] = typeof sub === 'string' ? sub : rebuild(copy[key], sub);
  return copy;
}

/** The data with the string at each path replaced, leaving `data` itself untouched. */
export function replaceAt(data: unknown, replacements: readonly Replacement[]): unknown {
  if (replacements.length === 0) return data;
  const root: Tree = new Map();
  for (const { segments, value } of replacements) {
    let tree = root;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        tree.set(segment, value);
        return;
      }
      const next = tree.get(segment);
      if (next instanceof Map) tree = next;
      else tree.set(segment, (tree = new Map()));
    });
  }
  return rebuild(data, root);
}
