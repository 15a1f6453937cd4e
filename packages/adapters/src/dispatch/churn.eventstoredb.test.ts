// The same churn over the EventStoreDB store (an in-process server over real gRPC, or
// EVENTSTORE_URL): the instances of this process sharing one in-memory due index, and then each
// with its own handle on a PostgreSQL due index that reads the facts from EventStoreDB through
// the store port (the shared index for EventStoreDB deployments; see DISPATCHER.md).
import { EventStoreDBClient } from '@eventstore/db-client';
import { createEventStoreDbStore } from '../store/eventstoredb';
import type { EventStore } from '../store/port';
import { isolation, serverUnderTest } from '../store/eventstoredb/server-under-test';
import { burstWithChurn } from './churn.fixture';
import { createInMemoryDueIndex } from './due-index/memory';
import { createPostgresDueIndex, type PostgresDueIndex } from './due-index/postgres';
import { databaseUrl, testSchema } from '../store/postgres/test-schema';

jest.setTimeout(180_000);

describe('instances that die and join during a burst, on EventStoreDB', () => {
  it('sends every email once (or an allowed copy), and a dead instance\'s emails within 30 s', async () => {
    const server = await serverUnderTest();
    const stores: EventStore[] = [];
    const index = createInMemoryDueIndex();
    try {
      const outcome = await burstWithChurn({
        meetings: 40,
        guests: 4,
        killAfter: [40, 120],
        openStore: async () => {
          const store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(server.url), ...isolation(server) });
          stores.push(store);
          return store;
        },
        openIndex: async () => index,
      });
      if (process.env['RENDEZVOUS_DISPATCH_STATS'] === '1') process.stdout.write(`churn: ${JSON.stringify({ ...outcome, problems: outcome.problems.length })}\n`);
    expect(outcome.problems.slice(0, 10)).toEqual([]);
      expect(outcome.kills).toBe(2);
      expect(outcome.senders).toBeGreaterThanOrEqual(3);
      expect(outcome.recoveryMs).toBeLessThanOrEqual(30_000);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await server.stop();
    }
  });

  it('shares the work through a PostgreSQL due index filled from EventStoreDB', async () => {
    const server = await serverUnderTest();
    const database = testSchema('churn_esdb_test');
    const stores: EventStore[] = [];
    const indexes: PostgresDueIndex[] = [];
    try {
      const outcome = await burstWithChurn({
        meetings: 40,
        guests: 4,
        killAfter: [40, 120],
        openStore: async () => {
          const store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(server.url), ...isolation(server) });
          stores.push(store);
          return store;
        },
        openIndex: async () => {
          const index = await createPostgresDueIndex({ connectionString: databaseUrl, schema: database.schema });
          indexes.push(index);
          return index;
        },
      });
      expect(outcome.problems.slice(0, 10)).toEqual([]);
      expect(outcome.kills).toBe(2);
      expect(outcome.senders).toBeGreaterThanOrEqual(3);
      expect(outcome.recoveryMs).toBeLessThanOrEqual(30_000);
    } finally {
      await Promise.all([...stores, ...indexes].map((s) => s.close()));
      await database.drop();
      await server.stop();
    }
  });
});
