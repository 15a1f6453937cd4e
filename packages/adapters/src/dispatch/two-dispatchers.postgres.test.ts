// Two dispatchers, as two processes would run them (each with its own store connection), on one
// PostgreSQL store: every due email goes out exactly once. Default 5,000 emails; RENDEZVOUS_SOAK=1: 20,000.
import { aGuest, aHost, recorded, scheduleMeeting } from '@rendezvous/domain/testing';
import { meetingStream, type DeliveryEvent } from '@rendezvous/domain';
import { createVirtualClock } from '../clock';
import { createInMemoryMailer } from '../mail/memory/in-memory-mailer';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres';
import { databaseUrl, testSchema } from '../store/postgres/test-schema';
import { createPostgresCheckpointStore } from './checkpoints/postgres';
import { createDispatcher } from './dispatcher';
import { createPostgresDueIndex, type PostgresDueIndex } from './due-index/postgres';
import { addressing } from './faults.fixture';

const soak = process.env['RENDEZVOUS_SOAK'] === '1';
const meetings = soak ? 4_000 : 1_000;
const guests = 4;

jest.setTimeout(soak ? 600_000 : 120_000);

describe('two dispatchers on one PostgreSQL store', () => {
  const database = testSchema('dispatch_test');
  const stores: PostgresEventStore[] = [];
  const indexes: PostgresDueIndex[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await Promise.all(indexes.map((i) => i.close()));
    await database.drop();
  });

  it(`send ${meetings * (guests + 1)} due emails with no duplicate`, async () => {
    // Each store opens a pool of its own, as each process would.
    const open = async (): Promise<PostgresEventStore> => {
      const store = await createPostgresEventStore({ connectionString: databaseUrl, schema: database.schema, pollIntervalMs: 500 });
      stores.push(store);
      return store;
    };
    const writer = await open();
    const scheduledAt = '2026-03-01T09:00:00Z';
    // Bookings land concurrently, as from many web requests; their order in the log does not matter.
    const bookings = Array.from({ length: meetings }, (_, i) => {
      const meetingId = `m-${i}`;
      return recorded(
        scheduleMeeting({
          meetingId,
          now: scheduledAt,
          start: '2026-03-05T09:00:00Z',
          host: aHost({ userId: `u-${i % 13}` }),
          guests: Array.from({ length: guests }, (_, g) => aGuest({ guestId: `g-${g}`, name: `Guest ${g}`, email: `guest-${g}-${meetingId}@example.com` })),
        }),
      );
    });
    const seeding = performance.now();
    for (let i = 0; i < bookings.length; i += 8) {
      await Promise.all(bookings.slice(i, i + 8).map((event) => writer.append(meetingStream(event.data.meetingId), [event], { kind: 'noStream' })));
    }

    const clock = createVirtualClock(scheduledAt);
    const inbox = createInMemoryMailer({ now: () => new Date(clock.now()) });
    const checkpoints = await createPostgresCheckpointStore({ pool: database.pool, schema: database.schema });
    const dispatchers = await Promise.all(
      ['a', 'b'].map(async (id) => {
        // One due index in the store's schema, opened by each process on its own connections: they share the work.
        const dueIndex = await createPostgresDueIndex({ connectionString: databaseUrl, schema: database.schema });
        indexes.push(dueIndex);
        return createDispatcher({ store: await open(), mailer: inbox, renderer: addressing, clock, checkpoints, dueIndex, dispatcherId: id, concurrency: 6 });
      }),
    );
    const expected = meetings * (guests + 1);
    const started = performance.now();
    const seedSeconds = (started - seeding) / 1000;
    await Promise.all(dispatchers.map((d) => d.start()));
    for (let i = 0; i < 200 && inbox.sent().length < expected; i++) await Promise.all(dispatchers.map((d) => d.idle()));
    await Promise.all(dispatchers.map((d) => d.stop()));
    const seconds = (performance.now() - started) / 1000;

    const keys = inbox.sent().map((s) => s.email.idempotencyKey);
    expect(keys).toHaveLength(expected);
    expect(new Set(keys).size).toBe(expected);
    const outcomes = new Map<string, string[]>();
    for await (const stored of writer.readAll({ eventTypes: ['EmailClaimed', 'EmailSent', 'EmailFailed', 'EmailSkipped'] })) {
      const event = stored.event as DeliveryEvent;
      const by = event.type === 'EmailSkipped' ? '' : event.data.dispatcherId;
      outcomes.set(event.data.idempotencyKey, [...(outcomes.get(event.data.idempotencyKey) ?? []), `${event.type}:${by}`]);
    }
    const shapes = new Map<string, number>();
    for (const steps of outcomes.values()) {
      const shape = steps.join(' ').replace(/:[ab]/g, (m) => (m === `:${steps[0]?.split(':')[1] ?? ''}` ? ':same' : ':other'));
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
    expect(Object.fromEntries(shapes)).toEqual({ 'EmailClaimed:same EmailSent:same': expected });
    const byA = [...outcomes.values()].filter((steps) => steps[1] === 'EmailSent:a').length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(expected);
    expect(await checkpoints.load('a')).toEqual({ position: expect.any(BigInt), at: scheduledAt });
    if (process.env['RENDEZVOUS_DISPATCH_STATS'] === '1') {
      process.stdout.write(`two dispatchers: seeded in ${seedSeconds.toFixed(1)} s; ${expected} emails in ${seconds.toFixed(1)} s (${(expected / seconds).toFixed(0)}/s), a sent ${byA}, b sent ${expected - byA}\n`);
    }
  });
});
