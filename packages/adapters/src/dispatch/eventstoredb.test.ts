// The dispatcher over the EventStoreDB store (an in-process server over real gRPC, or
// EVENTSTORE_URL): delivery stream names, batched appends and lost races on that wire too.
import { EventStoreDBClient } from '@eventstore/db-client';
import { isDeliveryEvent, meetingStream } from '@rendezvous/domain';
import { createRenderer } from '@rendezvous/notifications';
import { createVirtualClock } from '../clock';
import { createInMemoryMailer } from '../mail/memory/in-memory-mailer';
import { createEventStoreDbStore } from '../store/eventstoredb';
import { isolation, serverUnderTest } from '../store/eventstoredb/server-under-test';
import { createDispatcher } from './dispatcher';
import { scheduled, times } from './rig.fixture';

describe('the dispatcher on EventStoreDB', () => {
  it('sends each email once when two dispatchers race for the same delivery streams', async () => {
    const server = await serverUnderTest();
    const stores = [0, 1, 2].map(() => createEventStoreDbStore({ client: EventStoreDBClient.connectionString(server.url), ...isolation(server) }));
    const [writer, ...dispatching] = stores;
    try {
      for (let i = 0; i < 10; i++) {
        const event = scheduled(`m-${i}`, 2);
        await writer!.append(meetingStream(`m-${i}`), [event], { kind: 'noStream' });
      }
      const clock = createVirtualClock(times.scheduledAt);
      const inbox = createInMemoryMailer({ now: () => new Date(clock.now()) });
      const renderer = createRenderer({ linkSecret: 'esdb' });
      const [a, b] = dispatching.map((store, i) => createDispatcher({ store, mailer: inbox, renderer, clock, dispatcherId: `esdb-${i}`, concurrency: 3 }));
      await Promise.all([a!.tick(), b!.tick()]);
      await Promise.all([a!.tick(), b!.tick()]);
      const keys = inbox.sent().map((s) => s.email.idempotencyKey);
      expect(keys).toHaveLength(30);
      expect(new Set(keys).size).toBe(30);
      const sentRecords: string[] = [];
      for await (const { event, streamId } of writer!.readAll()) if (isDeliveryEvent(event) && event.type === 'EmailSent') sentRecords.push(`${streamId} ${event.data.idempotencyKey}`);
      expect(sentRecords).toHaveLength(30);
      expect(sentRecords).toContain('emails-m-3@2026-03-01T09:00:00Z m-3:meeting-scheduled:guest:g-2:0');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await server.stop();
    }
  });
});
