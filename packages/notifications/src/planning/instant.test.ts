import { fromMillis } from '@rendezvous/domain';
import fc from 'fast-check';
import { instantOf } from './instant';

describe('instantOf', () => {
  it("writes what the domain's fromMillis writes", () => {
    const years0to9999 = fc.integer({ min: Date.UTC(0, 0, 1) + 86_400_000, max: Date.UTC(9999, 11, 31) });
    fc.assert(fc.property(years0to9999, (ms) => expect(instantOf(ms)).toBe(fromMillis(ms))));
    expect([instantOf(Date.parse('2026-03-02T09:00:00Z')), instantOf(Date.parse('2026-03-02T09:00:00.5Z'))]).toEqual([
      '2026-03-02T09:00:00Z',
      '2026-03-02T09:00:00.500Z',
    ]);
  });
});
