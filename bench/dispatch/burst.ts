import { createDispatcher, createInMemoryMailer, createVirtualClock } from '@rendezvous/adapters';
import { createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { meetingStream } from '@rendezvous/domain';
import { aGuest, aHost, recorded, scheduleMeeting } from '@rendezvous/domain/testing';
import { createRenderer } from '@rendezvous/notifications';
import { benchSchema, databaseUrl, dropSchema } from '../postgres/connection';
import { imposeDiscipline, type AppendDiscipline } from '../postgres/disciplines';

/** One burst: how it went. */
export interface Burst {
  readonly emails: number;
  readonly seconds: number;
  readonly perSecond: number;
}

const scheduledAt = '2026-03-01T09:00:00Z';

// Every meeting is booked at the same instant, so all its confirmation emails (the host's and
// each guest's) are due at once: the dispatcher renders them, sends them to an in-memory mailer
// and records each claim and outcome in the store. The store's appends are the part that
// matters here, so the mailer costs nothing.
/** Books `meetings` meetings of `guests` guests, then times one dispatcher sending every email due. */
export async function dispatchBurst(discipline: AppendDiscipline, meetings: number, guests: number, concurrency: number): Promise<Burst> {
  const schema = benchSchema('burst');
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, pollIntervalMs: 500 });
  try {
    await imposeDiscipline(schema, discipline);
    const bookings = Array.from({ length: meetings }, (_, i) =>
      recorded(
        scheduleMeeting({
          meetingId: `m-${i}`,
          now: scheduledAt,
          start: '2026-03-05T09:00:00Z',
          host: aHost({ userId: `u-${i % 13}` }),
          guests: Array.from({ length: guests }, (_, g) => aGuest({ guestId: `g-${g}`, name: `Guest ${g}`, email: `guest-${g}-m-${i}@example.com` })),
        }),
      ),
    );
    for (let i = 0; i < bookings.length; i += 16) {
      await Promise.all(bookings.slice(i, i + 16).map((event) => store.append(meetingStream(event.data.meetingId), [event], { kind: 'noStream' })));
    }
    const clock = createVirtualClock(scheduledAt);
    const inbox = createInMemoryMailer({ now: () => new Date(clock.now()) });
    const dispatcher = createDispatcher({ store, mailer: inbox, renderer: createRenderer({ linkSecret: 'bench-secret' }), clock, dispatcherId: 'bench', concurrency });
    const expected = meetings * (guests + 1);
    const started = performance.now();
    await dispatcher.start();
    for (let i = 0; i < 500 && inbox.sent().length < expected; i++) await dispatcher.idle();
    const seconds = (performance.now() - started) / 1000;
    await dispatcher.stop();
    if (inbox.sent().length !== expected) throw new Error(`the dispatcher sent ${inbox.sent().length} of ${expected} emails`);
    return { emails: expected, seconds, perSecond: expected / seconds };
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}
