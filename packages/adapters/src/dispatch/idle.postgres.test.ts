// `idle()` promises that everything appended before it was called is in the due index and, while
// the dispatcher runs, that what is due now was handled. On PostgreSQL one transaction at a time
// folds new facts into the index; a call that finds another fold under way must wait for it and
// fold what it left, not return with the fact of a moment ago still outside the index.
import { aGuest, aHost, scheduleMeeting } from '@rendezvous/domain/testing';
import { meetingDecider, meetingStream } from '@rendezvous/domain';
import { createRenderer } from '@rendezvous/notifications';
import { createVirtualClock } from '../clock';
import { createCommandService } from '../commands';
import { createInMemoryMailer } from '../mail/memory/in-memory-mailer';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres';
import type { EventStore } from '../store/port';
import { testSchema } from '../store/postgres/test-schema';
import { createDispatcher } from './dispatcher';
import { createPostgresDueIndex, type PostgresDueIndex } from './due-index/postgres';

jest.setTimeout(30_000);

/** The store, with every read of the whole log starting `ms` late (a fold that takes its time). */
function slowReader(store: EventStore, ms: number): EventStore {
  return {
    ...store,
    readAll: (options) => ({
      async *[Symbol.asyncIterator]() {
        await new Promise((resolve) => setTimeout(resolve, ms));
        yield* store.readAll(options);
      },
    }),
  };
}

describe('idle() on the PostgreSQL due index', () => {
  const database = testSchema('dispatch_idle');
  let store: PostgresEventStore;
  const indexes: PostgresDueIndex[] = [];
  beforeAll(async () => {
    store = await createPostgresEventStore({ pool: database.pool, schema: database.schema });
  });
  afterAll(async () => {
    await Promise.all(indexes.map((index) => index.close()));
    await store.close();
    await database.drop();
  });

  it('waits for a fold another process has under way and sends what was booked a moment ago', async () => {
    const open = async (): Promise<PostgresDueIndex> => {
      const index = await createPostgresDueIndex({ pool: database.pool, schema: database.schema });
      indexes.push(index);
      return index;
    };
    const clock = createVirtualClock('2026-03-01T09:00:00Z');
    const inbox = createInMemoryMailer({ now: () => new Date(clock.now()) });
    const dispatcher = createDispatcher({
      store,
      mailer: inbox,
      renderer: createRenderer({ linkSecret: 'idle-test' }),
      clock,
      dispatcherId: 'idle-1',
      dueIndex: await open(),
    });
    await dispatcher.start();
    await dispatcher.idle();

    // Another process starts folding (and holds the index's fold lock) before the booking lands.
    const other = await open();
    const otherFold = other.catchUp(slowReader(store, 600), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const booked = await createCommandService(store).handle(
      meetingStream('m-idle'),
      meetingDecider,
      scheduleMeeting({ meetingId: 'm-idle', now: clock.now(), start: '2026-03-04T09:00:00Z', host: aHost(), guests: [aGuest()] }),
    );
    expect(booked.kind).toBe('accepted');

    await dispatcher.idle();
    expect(inbox.sent().map(({ email }) => `${email.notification} to ${email.audience}`).sort()).toEqual(['meeting-scheduled to guest', 'meeting-scheduled to user']);
    await otherFold;
    await dispatcher.stop();
  });
});
