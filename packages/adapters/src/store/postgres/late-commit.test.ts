import { encodeEvent, type DomainEvent } from '@rendezvous/domain';
import type { PoolClient } from 'pg';
import { collect, Collector, coordinates, pause } from '../../testing/store-contract/fixtures';
import { namesFor } from './names';
import { createPostgresEventStore, type PostgresEventStore } from './store';
import { testSchema, type TestSchema } from './test-schema';

const started = (meetingId: string): DomainEvent => ({ type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId } });

describe('the PostgreSQL store under a late commit', () => {
  let database: TestSchema;
  let store: PostgresEventStore;
  // A transaction a test holds open; a failing test must not leave it blocking the schema's drop.
  let held: PoolClient | undefined;
  const hold = async (): Promise<PoolClient> => {
    held = await database.pool.connect();
    await held.query('BEGIN');
    return held;
  };
  const end = async (how: 'COMMIT' | 'ROLLBACK'): Promise<void> => {
    const client = held;
    held = undefined;
    await client?.query(how);
    client?.release();
  };
  beforeEach(async () => {
    database = testSchema();
    store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 100 });
  });
  afterEach(async () => {
    await end('ROLLBACK');
    await store.close();
    await database.drop();
  });

  it('never lets a reader pass a lower position whose transaction has not committed yet', async () => {
    const seen = new Collector();
    const subscription = store.subscribe(seen.handler);
    // Connection 1 appends and holds its transaction open: it owns the lower position.
    const early = await hold();
    const { rows } = await early.query<{ last_position: string }>(
      `SELECT last_position FROM ${namesFor(database.schema).appendEvents}('meeting-early', 'any', NULL, $1::jsonb)`,
      [JSON.stringify([encodeEvent(started('early'))])],
    );
    // Connection 2 appends after it and would get the higher position. (This store makes it
    // wait for connection 1; a store that let it commit would have to keep it from readers.)
    const late = store.append('meeting-late', [started('late')], { kind: 'any' });
    await pause(300);
    expect(await collect(store.readAll())).toEqual([]);
    expect(seen.events).toEqual([]);

    await end('COMMIT');
    const lateResult = await late;
    await seen.until(2);
    await pause(100);
    await subscription.close();
    expect(coordinates(seen.events)).toEqual(['meeting-early@0', 'meeting-late@0']);
    expect(seen.events.map((e) => e.position)).toEqual([BigInt(rows[0]?.last_position ?? 'NaN'), lateResult.position]);
    expect(coordinates(await collect(store.readAll()))).toEqual(['meeting-early@0', 'meeting-late@0']);
  });

  it('leaves only a gap behind a rolled-back append, and readers go on past it', async () => {
    const seen = new Collector();
    const subscription = store.subscribe(seen.handler);
    const doomed = await hold();
    await doomed.query(`SELECT * FROM ${namesFor(database.schema).appendEvents}('meeting-doomed', 'any', NULL, $1::jsonb)`, [
      JSON.stringify([encodeEvent(started('doomed'))]),
    ]);
    const late = store.append('meeting-late', [started('late')], { kind: 'any' });
    await pause(100);
    await end('ROLLBACK');
    const { position } = await late;
    await seen.until(1);
    await subscription.close();
    expect(coordinates(seen.events)).toEqual(['meeting-late@0']);
    expect(position).toBe(2n);
  });
});
