import { encodeEvent } from '@rendezvous/domain';
import { describeEventStoreContract } from '@rendezvous/adapters/testing';
import type { PoolClient } from 'pg';
import { namesFor } from './names';
import { createPostgresEventStore } from './store';
import { testSchema, writeRawEvent } from './test-schema';

// One schema for the run, emptied between tests: creating one per test would cost more than the tests.
const database = testSchema();
afterAll(() => database.drop());

describeEventStoreContract('the PostgreSQL store', async () => {
  const store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 1000 });
  // Transactions a test holds open on connections of their own; a failing test must not leave
  // one open behind it.
  const held = new Set<PoolClient>();
  return {
    store,
    writeRaw: (streamId, record) => writeRawEvent(database.pool, database.schema, streamId, record),
    async holdAppend(streamId, events) {
      const client = await database.pool.connect();
      held.add(client);
      await client.query('BEGIN');
      await client.query(`SELECT * FROM ${namesFor(database.schema).appendEvents}($1, 'any', NULL, $2::jsonb)`, [
        streamId,
        JSON.stringify(events.map(encodeEvent)),
      ]);
      return {
        async commit() {
          held.delete(client);
          await client.query('COMMIT');
          client.release();
        },
      };
    },
    async teardown() {
      for (const client of held) {
        await client.query('ROLLBACK');
        client.release();
      }
      held.clear();
      await store.close();
      await database.pool.query(`TRUNCATE ${namesFor(database.schema).events} RESTART IDENTITY`);
    },
  };
});
