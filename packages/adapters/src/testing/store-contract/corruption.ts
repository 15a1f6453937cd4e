import { CorruptEventError } from '../../store/errors';
import type { SerializedEvent } from '../../store/serializer';
import { collect, Collector, invitations, pause, started, within, type Subject } from './fixtures';

// A GuestInvited whose guest email is not an address: it can only get in by a raw write.
const corrupt: SerializedEvent = {
  type: 'GuestInvited',
  occurredAt: '2026-03-02T09:00:00Z',
  schemaVersion: 2,
  data: { meetingId: 'c', guest: { guestId: 'g-9', name: 'Guest 9', email: 'not-an-email' } },
};

function expectCorruptAtVersion1(error: unknown): void {
  expect(error).toBeInstanceOf(CorruptEventError);
  const corruptEvent = error as CorruptEventError;
  expect([corruptEvent.streamId, corruptEvent.version]).toEqual(['meeting-c', 1]);
  expect(corruptEvent.problems.map((p) => p.path)).toEqual(['data.guest.email']);
}

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => undefined,
    (e: unknown) => e,
  );
}

/** A stored event that does not decode is reported, never skipped. */
export function describeCorruption(subject: Subject): void {
  describe('an event that does not decode (needs writeRaw; passes vacuously without it)', () => {
    async function plant(): Promise<boolean> {
      const { store, writeRaw } = subject();
      if (writeRaw === undefined) return false;
      await store.append('meeting-c', invitations('c', 1), { kind: 'noStream' });
      await writeRaw('meeting-c', corrupt);
      await store.append('meeting-c', [started('c')], { kind: 'exact', version: 1 });
      return true;
    }

    it('stops readStream and readAll with a CorruptEventError naming stream, version and field', async () => {
      if (!(await plant())) return;
      const { store } = subject();
      const readBefore: number[] = [];
      const streamError = await failureOf(async () => {
        for await (const stored of store.readStream('meeting-c')) readBefore.push(stored.version);
      });
      expectCorruptAtVersion1(streamError);
      expect(readBefore).toEqual([0]);
      expectCorruptAtVersion1(await failureOf(() => collect(store.readAll())));
    });

    it('stops a subscriber with that error; it handles nothing after it', async () => {
      if (!(await plant())) return;
      const { store } = subject();
      const seen = new Collector();
      const subscription = store.subscribe(seen.handler);
      expectCorruptAtVersion1(await failureOf(() => within(subscription.done, 5000, 'the subscriber did not stop at the corrupt event')));
      await pause(50);
      expect(seen.events.map((e) => e.version)).toEqual([0]);
      await subscription.close();
    });
  });
}
