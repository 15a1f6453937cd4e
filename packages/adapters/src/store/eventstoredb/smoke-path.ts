import type { DomainEvent } from '@rendezvous/domain';
import { VersionConflictError } from '../errors';
import type { EventStore, StoredEvent } from '../port';

const at = '2026-03-02T09:00:00Z';
const started = (meetingId: string): DomainEvent => ({ type: 'MeetingStarted', occurredAt: at, data: { meetingId } });
const invited = (meetingId: string, n: number): DomainEvent => ({
  type: 'GuestInvited',
  occurredAt: at,
  data: { meetingId, guest: { guestId: `g-${n}`, name: `Guest ${n}`, email: `guest-${n}@example.com` } },
});

async function collect<A>(iterable: AsyncIterable<A>): Promise<A[]> {
  const items: A[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const where = (events: readonly StoredEvent[]): string[] => events.map((e) => `${e.streamId}@${e.version}`);

/**
 * One pass over every operation of the port, asserting as it goes: what each client must get
 * through for the adapter to count as supporting it.
 */
export async function smokePath(store: EventStore): Promise<void> {
  expect((await store.append('meeting-a', [invited('a', 0), invited('a', 1)], { kind: 'noStream' })).nextVersion).toBe(1);
  const conflict: unknown = await store.append('meeting-a', [started('a')], { kind: 'noStream' }).catch((e: unknown) => e);
  expect(conflict).toBeInstanceOf(VersionConflictError);
  expect((conflict as VersionConflictError).actual).toBe(1);
  const b = await store.append('meeting-b', [started('b')], { kind: 'noStream' });

  const a = await collect(store.readStream('meeting-a', { fromVersion: 1 }));
  expect([where(a), a[0]?.event]).toEqual([['meeting-a@1'], invited('a', 1)]);
  expect(await collect(store.readStream('meeting-none'))).toEqual([]);

  const all = await collect(store.readAll());
  expect(where(all)).toEqual(['meeting-a@0', 'meeting-a@1', 'meeting-b@0']);
  expect(all[2]?.position).toBe(b.position);
  expect(where(await collect(store.readAll({ after: all[0]!.position, eventTypes: ['MeetingStarted'] })))).toEqual(['meeting-b@0']);

  const seen: StoredEvent[] = [];
  let arrived: () => void = () => undefined;
  const two = new Promise<void>((resolve) => (arrived = resolve));
  const subscription = store.subscribe(
    (stored) => {
      seen.push(stored);
      if (seen.length === 2) arrived();
    },
    { after: all[1]!.position, eventTypes: ['MeetingStarted'] },
  );
  await store.append('meeting-a', [invited('a', 2), started('a')], { kind: 'exact', version: 1 });
  await two;
  await subscription.close();
  await expect(subscription.done).resolves.toBeUndefined();
  expect(where(seen)).toEqual(['meeting-b@0', 'meeting-a@3']);
  expect(seen[1]?.event).toEqual(started('a'));
}
