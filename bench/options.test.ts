import { parseOptions } from './options';

describe('pnpm bench options', () => {
  it('writes BENCHMARKS.md by default only for a full run', () => {
    expect(parseOptions([]).write).toBe(true);
    expect(parseOptions(['--quick']).write).toBe(false);
    expect(parseOptions(['--no-write']).write).toBe(false);
  });

  it('merges a partial run into BENCHMARKS.md only when told to write', () => {
    expect(parseOptions(['--only', '3,8'])).toEqual({ quick: false, only: [3, 8], write: false });
    expect(parseOptions(['--only=3', '--write'])).toEqual({ quick: false, only: [3], write: true });
  });

  it('refuses to merge a quick run among published numbers', () => {
    expect(() => parseOptions(['--quick', '--only', '3', '--write'])).toThrow('would merge smoke-run numbers');
    expect(parseOptions(['--quick', '--write']).write).toBe(true);
  });
});
