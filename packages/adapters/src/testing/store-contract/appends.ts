import { VersionConflictError } from '../../store/errors';
import type { ExpectedVersion } from '../../store/port';
import { collect, coordinates, expectIncreasingPositions, invitations, started, type Subject } from './fixtures';

async function conflictOf(promise: Promise<unknown>): Promise<VersionConflictError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VersionConflictError);
  return error as VersionConflictError;
}

/** Expected versions, conflicts and atomic batches. */
export function describeAppends(subject: Subject): void {
  describe('append', () => {
    it('creates a stream with noStream, numbering versions from 0', async () => {
      const { store } = subject();
      const events = invitations('m-1', 2);
      const result = await store.append('meeting-m-1', events, { kind: 'noStream' });
      const read = await collect(store.readStream('meeting-m-1'));
      expect(result.nextVersion).toBe(1);
      expect(read.map((e) => e.version)).toEqual([0, 1]);
      expect(read.map((e) => e.event)).toEqual(events);
      expect(read.map((e) => e.streamId)).toEqual(['meeting-m-1', 'meeting-m-1']);
      expect(result.position).toBe(read[1]?.position);
      expectIncreasingPositions(read);
    });

    it('refuses noStream on an existing stream, naming expected and actual', async () => {
      const { store } = subject();
      await store.append('meeting-m-1', invitations('m-1', 3), { kind: 'noStream' });
      const error = await conflictOf(store.append('meeting-m-1', [started('m-1')], { kind: 'noStream' }));
      expect([error.streamId, error.expected, error.actual]).toEqual(['meeting-m-1', { kind: 'noStream' }, 2]);
    });

    it('appends at an exact version and refuses any other, with the actual version', async () => {
      const { store } = subject();
      await store.append('meeting-m-1', invitations('m-1', 1), { kind: 'noStream' });
      const ok = await store.append('meeting-m-1', invitations('m-1', 2, 1), { kind: 'exact', version: 0 });
      expect(ok.nextVersion).toBe(2);
      const stale = await conflictOf(store.append('meeting-m-1', [started('m-1')], { kind: 'exact', version: 0 }));
      expect([stale.expected, stale.actual]).toEqual([{ kind: 'exact', version: 0 }, 2]);
      const ahead = await conflictOf(store.append('meeting-m-1', [started('m-1')], { kind: 'exact', version: 7 }));
      expect(ahead.actual).toBe(2);
      const absent = await conflictOf(store.append('meeting-m-2', [started('m-2')], { kind: 'exact', version: 0 }));
      expect([absent.streamId, absent.actual]).toEqual(['meeting-m-2', -1]);
    });

    it('appends with streamExists only to a stream that exists', async () => {
      const { store } = subject();
      const absent = await conflictOf(store.append('meeting-m-1', [started('m-1')], { kind: 'streamExists' }));
      expect([absent.expected, absent.actual]).toEqual([{ kind: 'streamExists' }, -1]);
      await store.append('meeting-m-1', invitations('m-1', 1), { kind: 'noStream' });
      const ok = await store.append('meeting-m-1', [started('m-1')], { kind: 'streamExists' });
      expect(ok.nextVersion).toBe(1);
    });

    it('appends with any whatever the stream holds', async () => {
      const { store } = subject();
      expect((await store.append('meeting-m-1', invitations('m-1', 1), { kind: 'any' })).nextVersion).toBe(0);
      expect((await store.append('meeting-m-1', invitations('m-1', 2, 1), { kind: 'any' })).nextVersion).toBe(2);
    });

    it('writes nothing of a refused batch', async () => {
      const { store } = subject();
      await store.append('meeting-m-1', invitations('m-1', 1), { kind: 'noStream' });
      await conflictOf(store.append('meeting-m-1', invitations('m-1', 3, 1), { kind: 'exact', version: 4 }));
      expect(coordinates(await collect(store.readStream('meeting-m-1')))).toEqual(['meeting-m-1@0']);
      expect((await collect(store.readAll())).length).toBe(1);
    });

    it('lets exactly one of many racing writers win a version, with its whole batch', async () => {
      const { store } = subject();
      await store.append('meeting-m-1', invitations('m-1', 1), { kind: 'noStream' });
      const racers = Array.from({ length: 8 }, (_, i) =>
        store.append('meeting-m-1', invitations('m-1', 2, 10 * (i + 1)), { kind: 'exact', version: 0 }),
      );
      const outcomes = await Promise.allSettled(racers);
      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners.length).toBe(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(VersionConflictError);
          expect((outcome.reason as VersionConflictError).actual).toBe(2);
        }
      }
      const winner = (winners[0] as number) + 1;
      const read = await collect(store.readStream('meeting-m-1'));
      expect(read.map((e) => e.event)).toEqual([...invitations('m-1', 1), ...invitations('m-1', 2, 10 * winner)]);
    });

    it('lets exactly one of many racing creators create a stream', async () => {
      const { store } = subject();
      const expected: ExpectedVersion = { kind: 'noStream' };
      const outcomes = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => store.append('meeting-m-1', invitations('m-1', 1, i), expected)));
      expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(1);
      expect((await collect(store.readStream('meeting-m-1'))).length).toBe(1);
    });

    it('keeps every one of many racing appends with any, versions without gaps', async () => {
      const { store } = subject();
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.append('meeting-m-1', invitations('m-1', 1, i), { kind: 'any' })));
      const read = await collect(store.readStream('meeting-m-1'));
      expect(read.map((e) => e.version)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const guests = read.map((e) => (e.event.type === 'GuestInvited' ? e.event.data.guest.guestId : '')).sort();
      expect(guests).toEqual(invitations('m-1', 10).map((e) => (e.type === 'GuestInvited' ? e.data.guest.guestId : '')).sort());
    });
  });
}
