import type { StoredEvent } from '../../store/port';
import { Collector, collect, coordinates, expectIncreasingPositions, pause, started, within, type HeldAppend, type Subject } from './fixtures';

/** Readers of the whole log against an append that commits late. */
export function describeLateCommit(subject: Subject): void {
  describe('a late commit', () => {
    it('reaches a subscriber started before it: every event once, in order, also after a resume', async () => {
      const { store, holdAppend } = subject();
      const hold =
        holdAppend ??
        (async (streamId, events): Promise<HeldAppend> => {
          const appending = store.append(streamId, events, { kind: 'any' });
          return { commit: async () => void (await appending) };
        });
      const seen = new Collector();
      const subscription = store.subscribe(seen.handler);
      await store.append('meeting-before', [started('before')], { kind: 'noStream' });
      await seen.until(1);

      // The slow append takes its place first; three appends to other streams commit after it
      // and must not wait for it.
      const slow = await hold('meeting-slow', [started('slow')]);
      await within(
        Promise.all(['x', 'y', 'z'].map((id) => store.append(`meeting-${id}`, [started(id)], { kind: 'noStream' }))),
        5000,
        'appends to other streams did not commit while an earlier one was in flight',
      );
      await pause(200);
      // What a projection following the subscriber would have saved as its checkpoint by now.
      const handledBefore = [...seen.events];
      const checkpoint = handledBefore[handledBefore.length - 1]?.position ?? 0n;
      await slow.commit();

      await seen.until(5);
      await pause(100);
      await subscription.close();
      const all = await collect(store.readAll());
      expect(coordinates(all).sort()).toEqual(['meeting-before@0', 'meeting-slow@0', 'meeting-x@0', 'meeting-y@0', 'meeting-z@0']);
      expectIncreasingPositions(all);
      const where = (events: readonly StoredEvent[]): string[] => events.map((e) => `${e.streamId}@${e.version}#${e.position}`);
      expect(where(seen.events)).toEqual(where(all));

      // A subscriber resuming from the checkpoint saved while the slow append was in flight
      // sees the rest, the slow append included.
      const resumed = new Collector();
      const again = store.subscribe(resumed.handler, { after: checkpoint });
      await resumed.until(all.length - handledBefore.length);
      await pause(100);
      await again.close();
      expect(where([...handledBefore, ...resumed.events])).toEqual(where(all));
    });
  });
}
