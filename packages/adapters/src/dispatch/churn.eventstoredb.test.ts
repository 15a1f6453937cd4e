// The same churn over the EventStoreDB store (an in-process server over real gRPC, or
// EVENTSTORE_URL), with the instances of this process sharing one in-memory due index.
import { EventStoreDBClient } from '@eventstore/db-client';
import { createEventStoreDbStore } from '../store/eventstoredb';
import type { EventStore } from '../store/port';
import { isolation, serverUnderTest } from '../store/eventstoredb/server-under-test';
import { burstWithChurn } from './churn.fixture';
import { createInMemoryDueIndex } from './due-index/memory';

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
});
