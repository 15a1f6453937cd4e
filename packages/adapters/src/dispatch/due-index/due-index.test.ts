// The due index, in memory and in PostgreSQL, through its port: facts mark meetings, leases
// keep instances apart, releases settle or re-arm, and only the index's checkpoint is resumed.
import { cancelMeeting, recorded } from '@rendezvous/domain/testing';
import { accountStream, deliveryStream, meetingStream, type DomainEvent } from '@rendezvous/domain';
import { createInMemoryEventStore, type InMemoryEventStore } from '../../store/memory';
import { testSchema, type TestSchema } from '../../store/postgres/test-schema';
import { scheduled, times } from '../rig.fixture';
import { createInMemoryDueIndex } from './memory';
import type { DueIndex } from './port';
import { createPostgresDueIndex, type PostgresDueIndex } from './postgres';

const at = (instant: string): number => Date.parse(instant);
const scheduledMs = at(times.scheduledAt);

async function seed(store: InMemoryEventStore, ...events: DomainEvent[]): Promise<void> {
  for (const event of events) await store.append(meetingStream((event.data as { meetingId: string }).meetingId), [event], { kind: 'any' });
}

interface Backend {
  open(): Promise<DueIndex>;
  close(): Promise<void>;
}

function memoryBackend(): Backend {
  const index = createInMemoryDueIndex();
  return { open: async () => index, close: async () => undefined };
}

function postgresBackend(): Backend {
  let database: TestSchema | undefined;
  const opened: PostgresDueIndex[] = [];
  return {
    async open() {
      database ??= testSchema('due_index_test');
      const index = await createPostgresDueIndex({ pool: database.pool, schema: database.schema, pageSize: 3, fillerPollMs: 100, followMs: 20 });
      opened.push(index);
      return index;
    },
    async close() {
      await Promise.all(opened.map((i) => i.close()));
      await database?.drop();
    },
  };
}

describe.each([
  ['in memory', memoryBackend],
  ['in PostgreSQL', postgresBackend],
])('the due index %s', (_, backendOf) => {
  let backend: Backend;
  beforeEach(() => (backend = backendOf()));
  afterEach(() => backend.close());

  it('marks a meeting due at each of its facts, and ignores account facts and delivery records', async () => {
    const store = createInMemoryEventStore();
    await seed(store, scheduled('m-1'), scheduled('m-2'));
    await store.append(accountStream('acc-1'), [{ type: 'NotificationDisabled', occurredAt: times.scheduledAt, data: { accountId: 'acc-1', audience: 'guest', notification: 'review' } }], { kind: 'any' });
    await store.append(deliveryStream('m-1', times.scheduledAt), [{ type: 'EmailSkipped', occurredAt: times.scheduledAt, data: { idempotencyKey: 'm-1:meeting-scheduled:guest:g-1:0', meetingId: 'm-1', dueAt: times.scheduledAt, cause: 'suppressed', reason: 'test' } }], { kind: 'any' });
    await seed(store, scheduled('m-3'));
    const index = await backend.open();
    expect(await index.catchUp(store, 1_000)).toBe(3);
    expect(await index.position()).toBe(5n);
    expect(await index.size()).toBe(3);
    expect(await index.nextDueMs()).toBe(scheduledMs);
    expect(await index.catchUp(store, 1_000)).toBe(0);
  });

  it('leases the earliest due meetings, skips leased ones until their lease ends, and settles them', async () => {
    const store = createInMemoryEventStore();
    await seed(store, scheduled('m-1'), scheduled('m-2'));
    const index = await backend.open();
    await index.catchUp(store, 1_000);
    expect(await index.take('a', scheduledMs - 1, scheduledMs + 60_000, 5)).toEqual([]);
    const [first] = await index.take('a', scheduledMs, scheduledMs + 60_000, 1);
    expect(first).toMatchObject({ dueMs: scheduledMs, seq: 1, leaseUntilMs: scheduledMs + 60_000 });
    const rest = await index.take('b', scheduledMs, scheduledMs + 60_000, 5);
    expect(rest.map((m) => m.meetingId)).toEqual([first?.meetingId === 'm-1' ? 'm-2' : 'm-1']);
    // Both leased: nothing is available before the first lease ends.
    expect(await index.take('c', scheduledMs + 59_999, scheduledMs + 120_000, 5)).toEqual([]);
    expect(await index.nextDueMs()).toBe(scheduledMs + 60_000);
    // b gives its meeting back settled; a's lease runs out and c takes it over.
    await index.release('b', rest[0]!, undefined);
    const takenOver = await index.take('c', scheduledMs + 60_000, scheduledMs + 120_000, 5);
    expect(takenOver.map((m) => m.meetingId)).toEqual([first?.meetingId]);
    // a's late release no longer counts; c's does.
    await index.release('a', first!, undefined);
    expect(await index.size()).toBe(1);
    await index.release('c', takenOver[0]!, { atMs: scheduledMs + 3_600_000, settledBeforeMs: scheduledMs + 3_600_000 });
    expect(await index.nextDueMs()).toBe(scheduledMs + 3_600_000);
    expect(await index.size()).toBe(1);
    // The next look starts from what the last one left unsettled.
    await index.release('d', (await index.take('d', scheduledMs + 3_600_000, scheduledMs + 3_660_000, 1))[0]!, { atMs: scheduledMs + 7_200_000, settledBeforeMs: scheduledMs + 1_000 });
    expect(await index.take('e', scheduledMs + 7_200_000, scheduledMs + 7_260_000, 1)).toEqual([{ meetingId: first?.meetingId, dueMs: scheduledMs + 1_000, seq: 1, leaseUntilMs: scheduledMs + 7_260_000 }]);
  });

  it('keeps a meeting due from a fact that came while it was leased, whatever the release says', async () => {
    const store = createInMemoryEventStore();
    await seed(store, scheduled('m-1'));
    const index = await backend.open();
    await index.catchUp(store, 1_000);
    const [taken] = await index.take('a', scheduledMs, scheduledMs + 60_000, 1);
    await seed(store, recorded(cancelMeeting({ meetingId: 'm-1', now: '2026-03-01T09:30:00Z' })));
    await index.catchUp(store, 1_000);
    await index.release('a', taken!, undefined);
    expect(await index.nextDueMs()).toBe(scheduledMs);
    const [again] = await index.take('a', at('2026-03-01T09:30:00Z'), at('2026-03-01T09:31:00Z'), 1);
    expect(again?.seq).toBe(2);
    await index.release('a', again!, undefined);
    expect(await index.size()).toBe(0);
    expect(await index.nextDueMs()).toBeUndefined();
  });
});

describe('the due index in PostgreSQL, shared by several processes', () => {
  let backend: Backend;
  beforeEach(() => (backend = postgresBackend()));
  afterEach(() => backend.close());

  it('resumes from its checkpoint, and hands each due meeting to one taker only', async () => {
    const store = createInMemoryEventStore();
    await seed(store, ...Array.from({ length: 40 }, (_, i) => scheduled(`m-${i}`)));
    const first = await backend.open();
    // Two processes catch up at once: one folds, the other finds the lock taken and returns.
    await Promise.all([first.catchUp(store, 5_000), (await backend.open()).catchUp(store, 5_000)]);
    await first.catchUp(store, 5_000);
    expect(await first.position()).toBe(40n);
    await seed(store, scheduled('m-40'));
    // A new process starts from the checkpoint: it folds the one new fact, not the 40 before it.
    const late = await backend.open();
    expect(await late.catchUp(store, 5_000)).toBe(1);
    const takers = await Promise.all(Array.from({ length: 3 }, () => backend.open()));
    const taken = await Promise.all(
      takers.flatMap((index, i) =>
        Array.from({ length: 8 }, async () => (await index.take(`p-${i}`, scheduledMs, scheduledMs + 60_000, 2)).map((m) => m.meetingId)),
      ),
    );
    const all = taken.flat();
    expect(all).toHaveLength(41);
    expect(new Set(all).size).toBe(41);
  });

  it('lets one watching process at a time read the store, wakes every watcher when it folded facts, and hands over when the filler goes', async () => {
    const store = createInMemoryEventStore();
    const reads = new Map<string, number>();
    // Each process reads the store through its own handle, so the test sees who read it.
    const readerOf = (name: string) => ({
      ...store,
      readAll: (options?: Parameters<typeof store.readAll>[0]) => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        return store.readAll(options);
      },
    });
    const woken = new Map<string, number>();
    const watchers = await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        const index = await backend.open();
        return { name, index, watch: index.watch(readerOf(name), 5_000, () => woken.set(name, (woken.get(name) ?? 0) + 1), () => undefined) };
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fillers = [...reads.keys()];
    expect(fillers).toHaveLength(1);
    woken.clear();
    await seed(store, scheduled('m-1'));
    const until = async (check: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await until(() => woken.size === 3);
    expect([...woken.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(await watchers[0]!.index.size()).toBe(1);
    // The filler goes: another watcher takes over and folds the next fact.
    const filler = watchers.find((w) => w.name === fillers[0])!;
    await filler.watch.close();
    reads.clear();
    await seed(store, scheduled('m-2'));
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && (await filler.index.size()) < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await filler.index.size()).toBe(2);
    expect([...reads.keys()]).toHaveLength(1);
    expect(reads.has(filler.name)).toBe(false);
    await Promise.all(watchers.filter((w) => w !== filler).map((w) => w.watch.close()));
  });
});
