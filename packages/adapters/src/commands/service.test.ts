import * as E from 'fp-ts/Either';
import type { Decider, DomainEvent } from '@rendezvous/domain';
import { createInMemoryEventStore, type InMemoryEventStore } from '../store/memory';
import type { EventStore } from '../store/port';
import { guestList, invite } from './guest-list.fixture';
import { createCommandService } from './service';

const stream = 'meeting-m-1';

// A store whose appends let a rival writer go first, `rivals` times.
function contested(store: InMemoryEventStore, rivals: number): EventStore {
  let left = rivals;
  let n = 100;
  return {
    ...store,
    async append(id, events, expected) {
      if (left-- > 0) {
        const rival = guestList.decide(invite('m-1', n++), guestList.initial);
        if (E.isRight(rival)) await store.append(id, rival.right, { kind: 'any' });
      }
      return store.append(id, events, expected);
    },
  };
}

async function versions(store: EventStore): Promise<string[]> {
  const seen: string[] = [];
  for await (const stored of store.readStream(stream)) seen.push(`${stored.version}:${stored.event.type === 'GuestInvited' ? stored.event.data.guest.guestId : stored.event.type}`);
  return seen;
}

describe('the command service', () => {
  let store: InMemoryEventStore;
  const sleeps: number[] = [];
  const deterministic = { random: () => 0.5, sleep: async (ms: number) => void sleeps.push(ms) };
  beforeEach(() => {
    store = createInMemoryEventStore();
    sleeps.length = 0;
  });

  it('appends what the decider decides on the folded stream, and reports the new version', async () => {
    const service = createCommandService(store, deterministic);
    expect(await service.handle(stream, guestList, invite('m-1', 1))).toEqual({
      kind: 'accepted',
      events: [
        {
          type: 'GuestInvited',
          occurredAt: '2026-03-01T09:00:00Z',
          data: { meetingId: 'm-1', guest: { guestId: 'g-1', name: 'Guest 1', email: 'guest-1@example.com' } },
        },
      ],
      version: 0,
    });
    const second = await service.handle(stream, guestList, invite('m-1', 2));
    expect(second.kind === 'accepted' && second.version).toBe(1);
    expect(await versions(store)).toEqual(['0:g-1', '1:g-2']);
  });

  it('returns the decider refusal as a value and writes nothing', async () => {
    const service = createCommandService(store, deterministic);
    await service.handle(stream, guestList, invite('m-1', 1));
    expect(await service.handle(stream, guestList, invite('m-1', 1))).toEqual({
      kind: 'rejected',
      error: { type: 'GuestAlreadyInvited', message: 'guest-1@example.com is already a guest of meeting m-1' },
    });
    expect(await versions(store)).toEqual(['0:g-1']);
  });

  it('decides again on fresh state after losing a race, waiting a jittered while', async () => {
    const service = createCommandService(contested(store, 2), deterministic);
    const result = await service.handle(stream, guestList, invite('m-1', 1));
    expect(result).toMatchObject({ kind: 'accepted', version: 2 });
    expect(await versions(store)).toEqual(['0:g-100', '1:g-101', '2:g-1']);
    // Full jitter with random() = 0.5: half of 5 ms, then half of 10 ms.
    expect(sleeps).toEqual([2, 5]);
  });

  it('refuses on fresh state when the race winner made the command invalid', async () => {
    const service = createCommandService(contested(store, 1), deterministic);
    expect(await service.handle(stream, guestList, invite('m-1', 100))).toEqual({
      kind: 'rejected',
      error: { type: 'GuestAlreadyInvited', message: 'guest-100@example.com is already a guest of meeting m-1' },
    });
  });

  it('gives up after the last attempt with a conflict naming both versions', async () => {
    const service = createCommandService(contested(store, 99), { ...deterministic, maxAttempts: 4, random: () => 0.999 });
    expect(await service.handle(stream, guestList, invite('m-1', 1))).toEqual({ kind: 'conflict', expected: 2, actual: 3 });
    expect(sleeps).toEqual([4, 9, 19]);
  });

  it('returns a conflict without deciding when the caller saw another version (If-Match)', async () => {
    const service = createCommandService(store, deterministic);
    await service.handle(stream, guestList, invite('m-1', 1));
    let decided = 0;
    const counting = { ...guestList, decide: (...args: Parameters<typeof guestList.decide>) => (decided++, guestList.decide(...args)) };
    expect(await service.handle(stream, counting, invite('m-1', 2), { expectedVersion: 3 })).toEqual({ kind: 'conflict', expected: 3, actual: 0 });
    expect(decided).toBe(0);
    expect(await service.handle(stream, counting, invite('m-1', 2), { expectedVersion: 0 })).toMatchObject({ kind: 'accepted', version: 1 });
  });

  it('does not retry a conditional command that loses the race', async () => {
    const service = createCommandService(store, deterministic);
    await service.handle(stream, guestList, invite('m-1', 1));
    const raced = createCommandService(contested(store, 1), deterministic);
    expect(await raced.handle(stream, guestList, invite('m-1', 2), { expectedVersion: 0 })).toEqual({ kind: 'conflict', expected: 0, actual: 1 });
    expect(sleeps).toEqual([]);
  });

  it('lets concurrent commands on one stream take turns instead of racing', async () => {
    const service = createCommandService(store, deterministic);
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => service.handle(stream, guestList, invite('m-1', n))));
    expect(results.map((r) => (r.kind === 'accepted' ? r.version : r.kind))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sleeps).toEqual([]);
  });

  it('accepts a command that changes nothing without writing', async () => {
    const idle: Decider<'noop', DomainEvent, number, never> = { initial: 0, evolve: (n) => n + 1, decide: () => E.right([]) };
    const service = createCommandService(store, deterministic);
    await service.handle(stream, guestList, invite('m-1', 1));
    expect(await service.handle(stream, idle, 'noop')).toEqual({ kind: 'accepted', events: [], version: 0 });
    expect(await service.handle('meeting-empty', idle, 'noop')).toEqual({ kind: 'accepted', events: [], version: -1 });
    expect(store.rawRecords().length).toBe(1);
  });
});
