import {
  EventStoreDBClient,
  eventTypeFilter,
  jsonEvent,
  persistentSubscriptionToAllSettingsFromDefaults,
  persistentSubscriptionToStreamSettingsFromDefaults,
  START,
  type PersistentSubscriptionToAll,
  type PersistentSubscriptionToAllResolvedEvent,
} from '@eventstore/db-client';
import { startInProcessEventStoreDb, type InProcessEventStoreDb } from './server';

let server: InProcessEventStoreDb;
let client: EventStoreDBClient;
const opened: { unsubscribe(): Promise<void> }[] = [];

beforeEach(async () => {
  server = await startInProcessEventStoreDb();
  client = EventStoreDBClient.connectionString(server.url);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.unsubscribe().catch(() => undefined)));
  await client.dispose();
  await server.stop();
});

const event = (type: string, n: number) => jsonEvent({ type, data: { n } });
const settings = (changes: Parameters<typeof persistentSubscriptionToAllSettingsFromDefaults>[0] = {}) =>
  persistentSubscriptionToAllSettingsFromDefaults({ startFrom: START, ...changes });

// Counted events only: $all also holds the server's own events.
const counted = { filter: eventTypeFilter({ prefixes: ['counted'] }) };
const create = (group: string, groupSettings = settings()) => client.createPersistentSubscriptionToAll(group, groupSettings, counted);

async function failure(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  return run().then(
    () => ({}),
    (error: unknown) => error as Record<string, unknown>,
  );
}

/** A consumer that records what it gets and, unless told otherwise, acks it at once. */
interface Member {
  readonly subscription: PersistentSubscriptionToAll;
  readonly got: { n: number; retryCount: number; event: PersistentSubscriptionToAllResolvedEvent }[];
  /** Resolves once the member has got `count` messages in all. */
  received(count: number): Promise<void>;
}

function join(group: string, options: { ack?: (n: number, retryCount: number) => 'ack' | 'hold' | 'retry' | 'park'; bufferSize?: number } = {}): Member {
  const subscription = client.subscribeToPersistentSubscriptionToAll(group, { bufferSize: options.bufferSize ?? 10 });
  opened.push(subscription);
  const got: Member['got'] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  subscription.on('data', (resolved: PersistentSubscriptionToAllResolvedEvent) => {
    const n = (resolved.event?.data as { n: number }).n;
    got.push({ n, retryCount: resolved.retryCount, event: resolved });
    const decision = options.ack?.(n, resolved.retryCount) ?? 'ack';
    if (decision === 'ack') void subscription.ack(resolved);
    if (decision === 'retry' || decision === 'park') void subscription.nack(decision, 'told to', resolved);
    for (const waiter of waiters.filter((w) => got.length >= w.count)) waiter.resolve();
  });
  subscription.on('error', () => undefined);
  return {
    subscription,
    got,
    received: (count) => (got.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
  };
}

async function appendNumbered(from: number, to: number, type = 'counted'): Promise<void> {
  for (let n = from; n < to; n++) await client.appendToStream(`s-${n % 3}`, [event(type, n)]);
}

const numbers = (...members: Member[]): number[] => members.flatMap((m) => m.got.map((g) => g.n)).sort((a, b) => a - b);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('persistent subscriptions to $all', () => {
  it('splits the events between the group\'s consumers, each event to one of them, live ones too', async () => {
    await create('g');
    await appendNumbered(0, 10);
    const a = join('g');
    const b = join('g');
    await appendNumbered(10, 30);
    await client.appendToStream('other', [event('ignored', 99)]);
    await Promise.all([a.received(1), b.received(1)]);
    while (a.got.length + b.got.length < 30) await new Promise((r) => setTimeout(r, 10));
    expect(numbers(a, b)).toEqual(range(0, 30));
    expect(a.got.length).toBeGreaterThan(0);
    expect(b.got.length).toBeGreaterThan(0);
    expect([...a.got, ...b.got].every((g) => g.retryCount === 0)).toBe(true);
  });

  it('is created once: a second create, and a read or delete of a missing group, fail with the clients\' typed errors', async () => {
    await create('g');
    const again = await failure(() => create('g'));
    expect(again['type']).toBe('persistent-subscription-exists');
    const gone = await failure(() => client.deletePersistentSubscriptionToAll('nope'));
    expect(gone['type']).toBe('persistent-subscription-does-not-exist');
    const subscription = client.subscribeToPersistentSubscriptionToAll('nope');
    opened.push(subscription);
    const error = await new Promise<Record<string, unknown>>((resolve) => subscription.on('error', (e: unknown) => resolve(e as Record<string, unknown>)));
    expect(error['type']).toBe('persistent-subscription-does-not-exist');
    await client.deletePersistentSubscriptionToAll('g');
    expect((await failure(() => client.getPersistentSubscriptionToAllInfo('g')))['type']).toBe('persistent-subscription-does-not-exist');
  });

  it('sends a message nacked with retry again with its retry count, and parks it after the maximum of retries', async () => {
    await create('g', settings({ maxRetryCount: 2 }));
    await appendNumbered(0, 3);
    // 0 is retried once then acked; 1 is retried until parked; 2 is parked at once.
    const a = join('g', { ack: (n, retry) => (n === 0 ? (retry === 0 ? 'retry' : 'ack') : n === 1 ? 'retry' : n === 2 ? 'park' : 'ack') });
    await a.received(2 + 3 + 1);
    await appendNumbered(3, 4);
    await a.received(7);
    expect(a.got.map((g) => `${g.n}/${g.retryCount}`).sort()).toEqual(['0/0', '0/1', '1/0', '1/1', '1/2', '2/0', '3/0']);
    const info = await client.getPersistentSubscriptionToAllInfo('g');
    expect(info.stats.parkedMessageCount).toBe(2n);
    expect(info.stats.totalInFlightMessages).toBe(0);
  });

  it('gives a message that was not acked within the timeout to another consumer', async () => {
    await create('g', settings({ messageTimeout: 200 }));
    const silent = join('g', { ack: () => 'hold', bufferSize: 1 });
    await appendNumbered(0, 1);
    await silent.received(1);
    const helper = join('g');
    await helper.received(1);
    expect(helper.got.map((g) => [g.n, g.retryCount])).toEqual([[0, 1]]);
  });

  it('gives what a consumer held unacked to the others when it disconnects', async () => {
    await create('g');
    const leaving = join('g', { ack: () => 'hold', bufferSize: 5 });
    await appendNumbered(0, 5);
    await leaving.received(5);
    const staying = join('g');
    await leaving.subscription.unsubscribe();
    await staying.received(5);
    expect(staying.got.map((g) => [g.n, g.retryCount])).toEqual(range(0, 5).map((n) => [n, 1]));
  });

  it('resumes after the acked prefix when the group is joined again, and reports the checkpoint', async () => {
    await create('g');
    await appendNumbered(0, 6);
    const first = join('g', { ack: (n) => (n < 3 ? 'ack' : 'hold'), bufferSize: 10 });
    await first.received(6);
    // Acks travel on the same call: once GetInfo shows them, the prefix is settled.
    let info = await client.getPersistentSubscriptionToAllInfo('g');
    while (info.stats.totalInFlightMessages > 3) info = await client.getPersistentSubscriptionToAllInfo('g');
    const third = first.got.find((g) => g.n === 2)?.event.event?.position;
    expect(info.stats.lastCheckpointedEventPosition).toEqual(third);
    await first.subscription.unsubscribe();
    const second = join('g');
    await second.received(3);
    await appendNumbered(6, 7);
    await second.received(4);
    expect(second.got.map((g) => g.n)).toEqual([3, 4, 5, 6]);
  });

  it('reports its settings and consumers in GetInfo', async () => {
    await create('g', settings({ messageTimeout: 5_000, maxRetryCount: 4 }));
    join('g', { bufferSize: 7 });
    let info = await client.getPersistentSubscriptionToAllInfo('g');
    while (info.connections.length === 0) info = await client.getPersistentSubscriptionToAllInfo('g');
    expect([info.eventSource, info.groupName, info.settings.messageTimeout, info.settings.maxRetryCount, info.settings.consumerStrategyName]).toEqual(['$all', 'g', 5_000, 4, 'RoundRobin']);
    expect(info.connections.map((c) => c.availableSlots)).toEqual([7]);
  });
});

describe('persistent subscriptions to a stream', () => {
  it('delivers the stream\'s events from its start, then live ones, and nothing of other streams', async () => {
    await client.appendToStream('s-1', [event('a', 0), event('a', 1)]);
    await client.createPersistentSubscriptionToStream('s-1', 'g', persistentSubscriptionToStreamSettingsFromDefaults({ startFrom: START }));
    const subscription = client.subscribeToPersistentSubscriptionToStream('s-1', 'g');
    opened.push(subscription);
    const got: number[] = [];
    const done = new Promise<void>((resolve) =>
      subscription.on('data', (resolved) => {
        got.push((resolved.event?.data as { n: number }).n);
        void subscription.ack(resolved);
        if (got.length === 3) resolve();
      }),
    );
    await client.appendToStream('s-2', [event('a', 9)]);
    await client.appendToStream('s-1', [event('a', 2)]);
    await done;
    expect(got).toEqual([0, 1, 2]);
  });
});
