import { encodeEvent, type DomainEvent } from '@rendezvous/domain';
import { Collector, coordinates } from '../../testing/store-contract/fixtures';
import { namesFor } from './names';
import { createPostgresEventStore, type PostgresEventStore } from './store';
import { Pool } from 'pg';
import { databaseUrl, testSchema, writeRawEvent, type TestSchema } from './test-schema';
import { pause } from '../../testing/store-contract/fixtures';

const started = (meetingId: string): DomainEvent => ({ type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId } });

describe('the PostgreSQL store following live appends', () => {
  let database: TestSchema;
  let store: PostgresEventStore;
  beforeEach(async () => {
    database = testSchema();
    store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 300 });
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('finds an event whose notification never came, at the next poll', async () => {
    const seen = new Collector();
    const subscription = store.subscribe(seen.handler);
    await store.append('meeting-a', [started('a')], { kind: 'noStream' });
    await seen.until(1);
    // Written through the append function but not by the store: nobody announces it, as if the
    // notification were lost.
    await writeRawEvent(database.pool, database.schema, 'meeting-b', encodeEvent(started('b')));
    await seen.until(2, 2000);
    await subscription.close();
    expect(coordinates(seen.events)).toEqual(['meeting-a@0', 'meeting-b@0']);
  });

  const listening = async (): Promise<void> => {
    const query = `LISTEN "${namesFor(database.schema).channel}"`;
    for (let tries = 0; tries < 100; tries++) {
      const { rows } = await database.pool.query(`SELECT 1 FROM pg_stat_activity WHERE query = $1`, [query]);
      if (rows.length > 0) return;
      await pause(30);
    }
    throw new Error('the store never started listening');
  };

  it('hears appends made by another process, and listens again after its connection is killed', async () => {
    // Polls too rarely to matter here: every event must come by notification from `store`,
    // which stands for another process (appends in the same process wake subscribers directly).
    const patient = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 60000 });
    try {
      const seen = new Collector();
      const subscription = patient.subscribe(seen.handler);
      await listening();
      await store.append('meeting-a', [started('a')], { kind: 'noStream' });
      await seen.until(1, 3000);
      const killed = await database.pool.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE query = $1`,
        [`LISTEN "${namesFor(database.schema).channel}"`],
      );
      expect(killed.rows).toEqual([{ killed: true }]);
      await store.append('meeting-b', [started('b')], { kind: 'noStream' });
      await seen.until(2, 3000);
      await listening();
      await store.append('meeting-c', [started('c')], { kind: 'noStream' });
      await seen.until(3, 3000);
      await subscription.close();
      expect(coordinates(seen.events)).toEqual(['meeting-a@0', 'meeting-b@0', 'meeting-c@0']);
    } finally {
      await patient.close();
    }
  });

  it('follows appends even on a pool of one connection (listening takes no pool slot)', async () => {
    const tiny = new Pool({ connectionString: databaseUrl, max: 1 });
    const small = await createPostgresEventStore({ pool: tiny, schema: database.schema });
    try {
      const seen = new Collector();
      const subscription = small.subscribe(seen.handler);
      await small.append('meeting-a', [started('a')], { kind: 'noStream' });
      await small.append('meeting-b', [started('b')], { kind: 'noStream' });
      await seen.until(2, 2000);
      await subscription.close();
      expect(coordinates(seen.events)).toEqual(['meeting-a@0', 'meeting-b@0']);
    } finally {
      await small.close();
      await tiny.end();
    }
  });

  it('writes nothing of a batch PostgreSQL cannot hold, and says which stream', async () => {
    const nul: DomainEvent = {
      type: 'GuestInvited',
      occurredAt: '2026-03-02T09:00:00Z',
      data: { meetingId: 'a', guest: { guestId: 'g-1', name: 'Nul\u0000Guest', email: 'g@example.com' } },
    };
    await expect(store.append('meeting-a', [started('a'), nul], { kind: 'noStream' })).rejects.toThrow(
      /^append to stream meeting-a refused by PostgreSQL, nothing was written: unsupported Unicode escape sequence/,
    );
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM ${namesFor(database.schema).events}`);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
