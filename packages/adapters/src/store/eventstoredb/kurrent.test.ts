import type { DomainEvent } from '@rendezvous/domain';
import { startInProcessEventStoreDb } from '../../testing/esdb-server';
import { isolation, serverUnderTest } from './server-under-test';
import { smokePath } from './smoke-path';
import { createEventStoreDbStore } from './store';
// Imported after the server on purpose: both clients register their generated protobuf classes
// on one global namespace and the last loaded wins; kurrentdb-client needs its own (see EVENTSTOREDB.md).
import { KurrentDBClient } from '@kurrent/kurrentdb-client';

const kurrentUrl = (url: string): string => url.replace(/^esdb:/, 'kurrentdb:');

it('runs the smoke path with a KurrentDBClient (appends over grpc-js, reads over its Rust bridge)', async () => {
  const server = await serverUnderTest();
  const store = createEventStoreDbStore({ client: KurrentDBClient.connectionString(kurrentUrl(server.url)), ...isolation(server) });
  try {
    await smokePath(store);
  } finally {
    await store.close();
    await server.stop();
  }
});

it('has the server filter readAll by event type when the client is a KurrentDBClient', async () => {
  const server = await startInProcessEventStoreDb();
  const store = createEventStoreDbStore({ client: KurrentDBClient.connectionString(kurrentUrl(server.url)) });
  try {
    const started: DomainEvent = { type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId: 'm-1' } };
    const ended: DomainEvent = { ...started, type: 'MeetingEnded' };
    await store.append('meeting-m-1', [started, started, started, ended], { kind: 'noStream' });
    const read: string[] = [];
    for await (const stored of store.readAll({ eventTypes: ['MeetingEnded'] })) read.push(`${stored.streamId}@${stored.version}`);
    expect([read, server.eventsSent()]).toEqual([['meeting-m-1@3'], 1]);
  } finally {
    await store.close();
    await server.stop();
  }
});
