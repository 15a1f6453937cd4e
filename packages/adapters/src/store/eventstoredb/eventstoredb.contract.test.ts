import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { describeEventStoreContract } from '@rendezvous/adapters/testing';
import { eventDataOf } from './records';
import { isolation, serverUnderTest } from './server-under-test';
import { createEventStoreDbStore } from './store';

// Against EVENTSTORE_URL when set (each test under its own stream prefix), else against a fresh
// in-process server per test, over the real gRPC wire either way.
describeEventStoreContract('the EventStoreDB store', async () => {
  const server = await serverUnderTest();
  const client = EventStoreDBClient.connectionString(server.url);
  const store = createEventStoreDbStore({ client, ...isolation(server) });
  return {
    store,
    async teardown() {
      await store.close();
      await server.stop();
    },
    async writeRaw(streamId, record) {
      const name = (server.streamPrefix ?? '') + streamId;
      await client.appendToStream(name, [eventDataOf(record, randomUUID())], { expectedRevision: 'any' });
    },
  };
});
