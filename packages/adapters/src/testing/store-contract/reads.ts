import { collect, coordinates, ended, expectIncreasingPositions, invitations, started, type Subject } from './fixtures';

/** Reading one stream and all streams: order, checkpoints, filters, long streams. */
export function describeReads(subject: Subject): void {
  describe('readStream', () => {
    it('reads nothing from a stream that does not exist', async () => {
      const { store } = subject();
      expect(await collect(store.readStream('meeting-none'))).toEqual([]);
    });

    it('reads forward from a version', async () => {
      const { store } = subject();
      await store.append('meeting-m-1', invitations('m-1', 5), { kind: 'noStream' });
      const read = await collect(store.readStream('meeting-m-1', { fromVersion: 3 }));
      expect(coordinates(read)).toEqual(['meeting-m-1@3', 'meeting-m-1@4']);
      expect(read.map((e) => e.event)).toEqual(invitations('m-1', 2, 3));
      expect(await collect(store.readStream('meeting-m-1', { fromVersion: 5 }))).toEqual([]);
    });

    it('reads a stream longer than any page, whole and in order', async () => {
      const { store } = subject();
      await store.append('meeting-long', invitations('long', 1000), { kind: 'noStream' });
      const all = await collect(store.readStream('meeting-long'));
      expect(all.map((e) => e.version)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
      expect(all[999]?.event).toEqual(invitations('long', 1, 999)[0]);
      // Exactly one full page of 500 from here: the reader must stop, not loop or stop early.
      const tail = await collect(store.readStream('meeting-long', { fromVersion: 500 }));
      expect(tail.map((e) => e.version)).toEqual(Array.from({ length: 500 }, (_, i) => 500 + i));
    });
  });

  describe('readAll', () => {
    it('reads nothing from an empty store', async () => {
      const { store } = subject();
      expect(await collect(store.readAll())).toEqual([]);
    });

    it('reads every stream in the order of the appends, positions strictly increasing', async () => {
      const { store } = subject();
      await store.append('meeting-a', invitations('a', 2), { kind: 'noStream' });
      await store.append('meeting-b', [started('b')], { kind: 'noStream' });
      const last = await store.append('meeting-a', [started('a')], { kind: 'exact', version: 1 });
      const all = await collect(store.readAll());
      expect(coordinates(all)).toEqual(['meeting-a@0', 'meeting-a@1', 'meeting-b@0', 'meeting-a@2']);
      expect(all.map((e) => e.event)).toEqual([...invitations('a', 2), started('b'), started('a')]);
      expectIncreasingPositions(all);
      expect(all[3]?.position).toBe(last.position);
    });

    it('reads strictly after a checkpoint', async () => {
      const { store } = subject();
      await store.append('meeting-a', invitations('a', 3), { kind: 'noStream' });
      await store.append('meeting-b', invitations('b', 2), { kind: 'noStream' });
      const all = await collect(store.readAll());
      const after = await collect(store.readAll({ after: all[1]?.position as bigint }));
      expect(coordinates(after)).toEqual(['meeting-a@2', 'meeting-b@0', 'meeting-b@1']);
      expect(await collect(store.readAll({ after: all[4]?.position as bigint }))).toEqual([]);
    });

    it('reads only the event types asked for, after a checkpoint too', async () => {
      const { store } = subject();
      await store.append('meeting-a', [invitations('a', 1)[0]!, started('a'), ended('a')], { kind: 'noStream' });
      await store.append('meeting-b', [started('b'), ended('b')], { kind: 'noStream' });
      const ends = await collect(store.readAll({ eventTypes: ['MeetingEnded'] }));
      expect(coordinates(ends)).toEqual(['meeting-a@2', 'meeting-b@1']);
      const two = await collect(store.readAll({ eventTypes: ['MeetingStarted', 'MeetingEnded'], after: ends[0]?.position as bigint }));
      expect(coordinates(two)).toEqual(['meeting-b@0', 'meeting-b@1']);
    });

    it('reads more events than any page, each once, in order', async () => {
      const { store } = subject();
      for (let batch = 0; batch < 4; batch++) {
        await store.append(`meeting-s${batch % 3}`, invitations(`s${batch % 3}`, 150, batch * 150), { kind: 'any' });
      }
      const all = await collect(store.readAll());
      expect(all.length).toBe(600);
      expectIncreasingPositions(all);
      const tail = await collect(store.readAll({ after: all[49]?.position as bigint }));
      expect(coordinates(tail)).toEqual(coordinates(all.slice(50)));
    });
  });
}
