import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { replay } from './replay';
import { asRecords, gridHistories, permuteSameInstant } from './testing/grid-histories';

// CONTRACT §2.14: every record at or before an email's due time counts, whatever the order of
// the records that share one instant and whichever meeting or account they belong to.
describe('records that share an instant', () => {
  it('give the same replay output in any order a store could hand them over', () => {
    fc.assert(
      fc.property(gridHistories, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }), (events, choices) => {
        const before = replay(asRecords(events));
        const after = replay(asRecords(permuteSameInstant(events, choices)));
        expect(E.isRight(before)).toBe(true);
        expect(after).toEqual(before);
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });

  it('are really shuffled by the generator (the property above is not vacuous)', () => {
    const [sample] = fc.sample(gridHistories, { numRuns: 1, seed: 7 });
    const events = sample ?? [];
    const shared = events.filter((e, i) => events.some((f, j) => i !== j && f.occurredAt === e.occurredAt && f.type !== e.type));
    expect(shared.length).toBeGreaterThan(4);
    const orders = new Set([1, 2, 3, 4, 5, 6].map((k) => JSON.stringify(permuteSameInstant(events, [k, k * 7, k * 13]).map((e) => `${e.type}${e.occurredAt}`))));
    expect(orders.size).toBeGreaterThan(1);
  });
});
