// Dispatchers on one EventStoreDB (the in-process server, or EVENTSTORE_URL) sharing a PostgreSQL
// due index fed by a consumer group, while one of them dies holding meeting facts it never
// indexed: the server gives those facts to the others, and every email goes out once.
import { EventStoreDBClient } from '@eventstore/db-client';
import { meetingStream, type DeliveryEvent } from '@rendezvous/domain';
import { createVirtualClock } from '../clock';
import { createInMemoryMailer } from '../mail/memory/in-memory-mailer';
import { createEventStoreDbStore } from '../store/eventstoredb';
import { isolation, serverUnderTest } from '../store/eventstoredb/server-under-test';
import type { EventStore, StoredEvent } from '../store/port';
import { testSchema } from '../store/postgres/test-schema';
import { createDispatcher } from './dispatcher';
import { killableGroupClient } from './due-index/consumer-group/killable-client.fixture';
import { createPostgresDueIndex, type PostgresDueIndex } from './due-index/postgres';
import { addressing } from './faults.fixture';
import { scheduled, times } from './rig.fixture';

jest.setTimeout(120_000);

it('sends every email once when a dispatcher dies holding facts of the consumer group', async () => {
  const server = await serverUnderTest();
  const database = testSchema('group_dispatch_test');
  const clients: EventStoreDBClient[] = [];
  const closing: { close(): Promise<void> }[] = [];
  const connect = (): EventStoreDBClient => {
    const client = EventStoreDBClient.connectionString(server.url);
    clients.push(client);
    return client;
  };
  const clock = createVirtualClock(times.scheduledAt);
  const inbox = createInMemoryMailer({ now: () => new Date(clock.now()) });
  // The dying instance reads nothing once it has joined: the facts it is given stay in its hands.
  let holding = false;
  let held = 0;
  let die: (error: Error) => void = () => undefined;
  const death = new Promise<never>((_, reject) => (die = reject));
  death.catch(() => undefined);

  const instance = async (id: string, stalls: boolean) => {
    const real = createEventStoreDbStore({ client: connect(), ...isolation(server) });
    closing.push(real);
    const store: EventStore = !stalls
      ? real
      : {
          ...real,
          readStream: (streamId, options) =>
            holding
              ? { [Symbol.asyncIterator]: () => ({ next: () => (held++, death as Promise<IteratorResult<StoredEvent>>) }) }
              : real.readStream(streamId, options),
        };
    const member = killableGroupClient(connect());
    const dueIndex: PostgresDueIndex = await createPostgresDueIndex({
      pool: database.pool,
      schema: database.schema,
      consumerGroup: { client: member.client, ...isolation(server), retryDelayMs: 50 },
    });
    closing.push(dueIndex);
    const dispatcher = createDispatcher({ store, mailer: inbox, renderer: addressing, clock, dueIndex, dispatcherId: id, storeTimeoutMs: 30_000, sendTimeoutMs: 1_000, leaseMs: 80_000 });
    return { dispatcher, member };
  };

  try {
    const writer = createEventStoreDbStore({ client: connect(), ...isolation(server) });
    closing.push(writer);
    const [a, b, dying] = [await instance('a', false), await instance('b', false), await instance('dying', true)];
    // Every instance joins the group before the burst: a first tick makes it a member.
    await Promise.all([a, b, dying].map((i) => i.dispatcher.tick()));
    holding = true;
    const meetings = 30;
    const guests = 2;
    for (let i = 0; i < meetings; i++) await writer.append(meetingStream(`m-${i}`), [scheduled(`m-${i}`, guests)], { kind: 'noStream' });
    const expected = meetings * (guests + 1);
    // The survivors work while the dying one sits on its share, then it dies.
    for (let round = 0; round < 100 && held === 0; round++) await Promise.all([a, b].map((i) => i.dispatcher.tick()));
    // Its connection goes; its reads never come back (until the test lets them go, to close it).
    dying.member.kill();
    for (let round = 0; round < 200 && inbox.sent().length < expected; round++) await Promise.all([a, b].map((i) => i.dispatcher.tick()));

    expect(held).toBeGreaterThan(0);
    expect(a.member.redelivered + b.member.redelivered).toBe(held);
    expect(dying.member.acked).toBe(0);
    const accepted = new Map<string, string[]>();
    for (const sent of inbox.sent()) accepted.set(sent.email.idempotencyKey, [...(accepted.get(sent.email.idempotencyKey) ?? []), sent.messageId]);
    expect(accepted.size).toBe(expected);
    expect([...accepted.values()].filter((ids) => ids.length !== 1)).toEqual([]);
    const recorded = new Map<string, number>();
    for await (const { event } of writer.readAll({ eventTypes: ['EmailSent'] })) {
      const key = (event as DeliveryEvent).data.idempotencyKey;
      recorded.set(key, (recorded.get(key) ?? 0) + 1);
    }
    expect([...recorded.keys()].sort()).toEqual([...accepted.keys()].sort());
    expect([...recorded.values()].every((n) => n === 1)).toBe(true);
  } finally {
    die(new Error('injected: the process is dead'));
    await Promise.all(closing.map((c) => c.close()));
    await Promise.all(clients.map((c) => c.dispose()));
    await database.drop();
    await server.stop();
  }
});
