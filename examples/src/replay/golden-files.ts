import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the golden histories live. */
export const historiesDir = resolve(__dirname, '../../histories');

/** One golden history and the files that hold what replaying it must give. */
export interface GoldenHistory {
  /** The file name without its extension, e.g. `rule-06-starts-soon`. */
  readonly name: string;
  readonly path: string;
  /** The emails, for a valid history. */
  readonly expectedPath: string;
  /** The one stderr line, for an invalid history. */
  readonly errorPath: string;
  /** Which of the two exists now. */
  readonly kind: 'emails' | 'error' | 'missing';
}

/** Every history file (`*.json` or `*.ndjson` that is not itself an expected output), by name. */
export function goldenHistories(): GoldenHistory[] {
  return readdirSync(historiesDir)
    .filter((file) => /\.(json|ndjson)$/.test(file) && !file.includes('.expected'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.(json|ndjson)$/, '');
      const expectedPath = join(historiesDir, `${name}.expected.json`);
      const errorPath = join(historiesDir, `${name}.expected-error.txt`);
      const kind = existsSync(expectedPath) ? 'emails' : existsSync(errorPath) ? 'error' : 'missing';
      return { name, path: join(historiesDir, file), expectedPath, errorPath, kind };
    });
}
