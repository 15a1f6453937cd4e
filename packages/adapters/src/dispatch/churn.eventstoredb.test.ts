// The same churn over the EventStoreDB store (an in-process server over real gRPC, or
// EVENTSTORE_URL): the instances of this process sharing one in-memory due index; then each with
// its own handle on a PostgreSQL due index that one filler fills from EventStoreDB through the
// store port; then each a member of the EventStoreDB consumer group that feeds the PostgreSQL
// index (the shared index for EventStoreDB deployments; see DISPATCHER.md).
import { EventStoreDBClient } from '@eventstore/db-client';
import { createEventStoreDbStore } from '../store/eventstoredb';
import type { EventStore } from '../store/port';
import { isolation, serverUnderTest, type ServerUnderTest } from '../store/eventstoredb/server-under-test';
import { burstWithChurn, type ChurnOutcome, type ChurnParts } from './churn.fixture';
import type { DueIndex } from './due-index/port';
import { createInMemoryDueIndex } from './due-index/memory';
import { createPostgresDueIndex, type PostgresDueIndexOptions } from './due-index/postgres';
import { databaseUrl, testSchema } from '../store/postgres/test-schema';

jest.setTimeout(180_000);

/** Runs the churn on a fresh server, every instance with a store (and client) of its own. */
async function churn(openIndex: (server: ServerUnderTest) => ChurnParts['openIndex'], closing: { close(): Promise<void> }[] = []): Promise<ChurnOutcome> {
  const server = await serverUnderTest();
  const opened: { close(): Promise<void> }[] = [];
  try {
    const outcome = await burstWithChurn({
      meetings: 40,
      guests: 4,
      killAfter: [40, 120],
      openStore: async (): Promise<EventStore> => {
        const store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(server.url), ...isolation(server) });
        opened.push(store);
        return store;
      },
      openIndex: openIndex(server),
    });
    if (process.env['RENDEZVOUS_DISPATCH_STATS'] === '1') process.stdout.write(`churn: ${JSON.stringify({ ...outcome, problems: outcome.problems.length })}\n`);
    return outcome;
  } finally {
    await Promise.all([...closing, ...opened].map((s) => s.close()));
    await server.stop();
  }
}

function expectEveryEmailOnceAndRecovered(outcome: ChurnOutcome): void {
  expect(outcome.problems.slice(0, 10)).toEqual([]);
  expect(outcome.kills).toBe(2);
  expect(outcome.senders).toBeGreaterThanOrEqual(3);
  expect(outcome.recoveryMs).toBeLessThanOrEqual(30_000);
}

/** Every instance its own handle on one PostgreSQL due index, closed after the run. */
async function withPostgresIndex(options: (server: ServerUnderTest) => Partial<PostgresDueIndexOptions>): Promise<ChurnOutcome> {
  const database = testSchema('churn_esdb_test');
  const indexes: { close(): Promise<void> }[] = [];
  try {
    return await churn(
      (server) => async (): Promise<DueIndex> => {
        const index = await createPostgresDueIndex({ connectionString: databaseUrl, schema: database.schema, ...options(server) });
        indexes.push(index);
        return index;
      },
      indexes,
    );
  } finally {
    await database.drop();
  }
}

describe('instances that die and join during a burst, on EventStoreDB', () => {
  it('sends every email once (or an allowed copy), and a dead instance\'s emails within 30 s', async () => {
    const index = createInMemoryDueIndex();
    expectEveryEmailOnceAndRecovered(await churn(() => async () => index));
  });

  it('shares the work through a PostgreSQL due index filled from EventStoreDB', async () => {
    expectEveryEmailOnceAndRecovered(await withPostgresIndex(() => ({})));
  });

  it('shares the work through a PostgreSQL due index fed by an EventStoreDB consumer group', async () => {
    const clients: EventStoreDBClient[] = [];
    try {
      const outcome = await withPostgresIndex((server) => {
        const client = EventStoreDBClient.connectionString(server.url);
        clients.push(client);
        return { consumerGroup: { client, ...isolation(server) } };
      });
      expectEveryEmailOnceAndRecovered(outcome);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
});
