import fc from 'fast-check';
import type { Queue, Slot } from './time-queue';
import { mutableQueue, persistentQueue } from './time-queue';

// The mutable queue of a planning session must answer exactly as the persistent one does.
const slots = (queue: Queue, lastMs: number): string[] => {
  const seen: string[] = [];
  queue.eachUntil(lastMs, (slot: Slot) => seen.push(`${slot.dueMs} ${slot.meetingId}`));
  return seen;
};
const times = (seen: readonly string[]): number[] => seen.map((s) => Number(s.split(' ')[0]));
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('the time queues', () => {
  it('agree on first, and on what is due up to any time, under any adds and removes', () => {
    const op = fc.record({ add: fc.boolean(), meeting: fc.constantFrom('m-1', 'm-2', 'm-3'), dueMs: fc.integer({ min: 0, max: 20 }), probe: fc.integer({ min: -1, max: 21 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        let persistent = persistentQueue();
        let mutable = mutableQueue();
        for (const o of ops) {
          persistent = o.add ? persistent.with(o.meeting, o.dueMs) : persistent.without(o.meeting, o.dueMs);
          mutable = o.add ? mutable.with(o.meeting, o.dueMs) : mutable.without(o.meeting, o.dueMs);
          expect(mutable.first()?.dueMs).toBe(persistent.first()?.dueMs);
          const due = slots(mutable, o.probe);
          // Due times come earliest first; within one due time the order is the queue's own.
          expect(times(due)).toEqual([...times(due)].sort((a, b) => a - b));
          expect(sorted(due)).toEqual(sorted(slots(persistent, o.probe)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keep every earlier version of a persistent queue as it was', () => {
    const first = persistentQueue().with('m-1', 5);
    const second = first.with('m-2', 3).without('m-1', 5);
    expect([slots(first, 10), slots(second, 10)]).toEqual([['5 m-1'], ['3 m-2']]);
    expect(first.with('m-1', 5)).toBe(first);
  });
});
