import fc from 'fast-check';
import type { Slot } from './time-queue';
import { TimeQueue } from './time-queue';

// The time queue answers as a plain sorted set of (due time, meeting) pairs would.
const slots = (queue: TimeQueue, lastMs: number): string[] => {
  const seen: string[] = [];
  queue.eachUntil(lastMs, (slot: Slot) => seen.push(`${slot.dueMs} ${slot.meetingId}`));
  return seen;
};
const times = (seen: readonly string[]): number[] => seen.map((s) => Number(s.split(' ')[0]));
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('the time queue', () => {
  it('answers first, and what is due up to any time, as a set of slots would, under any adds and removes', () => {
    const op = fc.record({ add: fc.boolean(), meeting: fc.constantFrom('m-1', 'm-2', 'm-3'), dueMs: fc.integer({ min: 0, max: 20 }), probe: fc.integer({ min: -1, max: 21 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const queue = new TimeQueue();
        const model = new Map<string, number>();
        for (const o of ops) {
          const slot = `${o.dueMs} ${o.meeting}`;
          if (o.add) {
            queue.add(o.meeting, o.dueMs);
            model.set(slot, o.dueMs);
          } else {
            queue.remove(o.meeting, o.dueMs);
            model.delete(slot);
          }
          const earliest = model.size === 0 ? undefined : Math.min(...model.values());
          expect(queue.first()?.dueMs).toBe(earliest);
          const due = slots(queue, o.probe);
          // Due times come earliest first; within one due time the order is the queue's own.
          expect(times(due)).toEqual([...times(due)].sort((a, b) => a - b));
          expect(sorted(due)).toEqual(sorted([...model].filter(([, dueMs]) => dueMs <= o.probe).map(([key]) => key)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
