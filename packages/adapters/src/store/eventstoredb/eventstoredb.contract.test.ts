import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { DomainEvent } from '@rendezvous/domain';
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
  const inProcess = server.inProcess;
  return {
    store,
    // A real server (EVENTSTORE_URL) cannot be told to hold an append: the kit then runs its
    // late-commit test with appends side by side only.
    ...(inProcess === undefined
      ? {}
      : {
          async holdAppend(streamId: string, events: readonly DomainEvent[]) {
            const hold = inProcess.holdNextAppend(streamId);
            const appending = store.append(streamId, events, { kind: 'any' });
            await hold.arrived;
            return {
              async commit() {
                hold.release();
                await appending;
              },
            };
          },
        }),
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
