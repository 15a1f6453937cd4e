import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

// ESLint already bans these in the domain; this puts the same guarantee in the test run, so
// a clock read or a random id cannot slip in through a lint-free change.
const root = join(__dirname, '..');
const banned = ['Date.now', 'new Date', 'Math.random', 'process.'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the domain is pure', () => {
  it('reads no clock, no randomness and no environment in packages/domain/src', () => {
    const files = sources(root);
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['meeting/decide.ts', 'user/profile.ts', 'testing/spec.ts']));
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => banned.filter((word) => line.includes(word)).map((word) => `${relative(root, file)}:${i + 1}: ${word}`)),
    );
    expect(found).toEqual([]);
  });
});
