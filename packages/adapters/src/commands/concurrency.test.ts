import { fold } from '@rendezvous/domain';
import { Collector } from '../testing/store-contract/fixtures';
import type { StoredEvent } from '../store/port';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres';
import { databaseUrl, testSchema, type TestSchema } from '../store/postgres/test-schema';
import { guestList, invite, type GuestListEvent } from './guest-list.fixture';
import { createCommandService, type CommandService } from './service';

const stream = 'meeting-m-64';

describe('64 concurrent commands against one meeting on PostgreSQL', () => {
  let database: TestSchema;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = testSchema('commands_test');
    store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 500 });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('lose nothing: each is applied or refused with a reason, versions are gapless, a subscriber sees each event once', async () => {
    const seen = new Collector();
    const subscription = store.subscribe(seen.handler);
    // Four services over four connections pools, as four processes would run: commands take
    // turns within a service, so the races that remain are between them, settled by retries.
    const processes = await Promise.all(
      Array.from({ length: 4 }, () => createPostgresEventStore({ connectionString: databaseUrl, schema: database.schema })),
    );
    const services = processes.map((each) => createCommandService(each, { maxAttempts: 20 }));
    // 56 distinct guests, and 8 of them invited a second time: those must be refused, not lost.
    const commands = [...Array.from({ length: 56 }, (_, n) => invite('m-64', n)), ...Array.from({ length: 8 }, (_, n) => invite('m-64', n * 7))];
    const results = await Promise.all(commands.map((command, i) => (services[i % 4] as CommandService).handle(stream, guestList, command)));
    await Promise.all(processes.map((each) => each.close()));

    const accepted = results.flatMap((r) => (r.kind === 'accepted' ? [r] : []));
    const rejected = results.flatMap((r) => (r.kind === 'rejected' ? [r.error.type] : []));
    expect([accepted.length, rejected.length, results.length]).toEqual([56, 8, 64]);
    expect(new Set(rejected)).toEqual(new Set(['GuestAlreadyInvited']));
    expect(accepted.map((r) => r.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 56 }, (_, i) => i));

    const events = await seen.until(56, 10000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await subscription.close();
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 56 }, (_, i) => i));
    const emails = events.map((e) => (e.event.type === 'GuestInvited' ? e.event.data.guest.email : ''));
    expect([...emails].sort()).toEqual(Array.from({ length: 56 }, (_, n) => `guest-${n}@example.com`).sort());
    // Each accepted command's event sits at the version it reported.
    for (const result of accepted) {
      expect(events[result.version]?.event).toEqual(result.events[0]);
    }
  });

  it('a projection killed mid-catch-up and resumed equals one built without interruption', async () => {
    const evolve = (state: typeof guestList.initial, stored: StoredEvent) => guestList.evolve(state, stored.event as GuestListEvent);
    const whole = new Collector();
    const straight = store.subscribe(whole.handler);
    await whole.until(56);
    await straight.close();
    const uninterrupted = fold(evolve, guestList.initial, whole.events);

    let projection = guestList.initial;
    let checkpoint = 0n;
    let applied = 0;
    const killed = new Error('killed');
    const first = store.subscribe((stored) => {
      if (applied === 20) throw killed;
      projection = evolve(projection, stored);
      checkpoint = stored.position;
      applied++;
    });
    await expect(first.done).rejects.toBe(killed);
    const rest = new Collector();
    const second = store.subscribe(
      (stored) => {
        projection = evolve(projection, stored);
        rest.handler(stored);
      },
      { after: checkpoint },
    );
    await rest.until(36);
    await second.close();
    expect(projection).toEqual(uninterrupted);
    expect(projection.emails.length).toBe(56);
  });
});
