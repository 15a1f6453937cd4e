import { describeEventStoreContract } from '@rendezvous/adapters/testing';
import { namesFor } from './names';
import { createPostgresEventStore } from './store';
import { testSchema, writeRawEvent } from './test-schema';

// One schema for the run, emptied between tests: creating one per test would cost more than the tests.
const database = testSchema();
afterAll(() => database.drop());

describeEventStoreContract('the PostgreSQL store', async () => {
  const store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 1000 });
  return {
    store,
    writeRaw: (streamId, record) => writeRawEvent(database.pool, database.schema, streamId, record),
    async teardown() {
      await store.close();
      await database.pool.query(`TRUNCATE ${namesFor(database.schema).events} RESTART IDENTITY`);
    },
  };
});
