import type { CompiledTemplate } from './compile';

// Compile on save, render many: rendering compiles the stored template again, so keep the
// compiled functions. Bounded by entries and by characters held, oldest out first.
const entries = new Map<string, CompiledTemplate>();
const maxEntries = 256;
const maxCharacters = 8 * 1024 * 1024;
let characters = 0;

/** Keeps a compiled template, evicting the oldest beyond the bounds. */
export function remember(key: string, compiled: CompiledTemplate): void {
  entries.set(key, compiled);
  characters += key.length;
  for (const [oldest] of entries) {
    if (entries.size <= maxEntries && characters <= maxCharacters) break;
    entries.delete(oldest);
    characters -= oldest.length;
  }
}

/** A compiled template by key, refreshed as the youngest entry. */
export function recall(key: string): CompiledTemplate | undefined {
  const found = entries.get(key);
  if (found === undefined) return undefined;
  // Map order is the eviction order: a hit moves to the young end.
  entries.delete(key);
  entries.set(key, found);
  return found;
}
