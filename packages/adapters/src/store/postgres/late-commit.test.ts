import { encodeEvent, type DomainEvent } from '@rendezvous/domain';
import type { PoolClient } from 'pg';
import { collect, Collector, coordinates, pause, within } from '../../testing/store-contract/fixtures';
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

  const holdAppend = async (streamId: string, meetingId: string, expected = "'any', NULL"): Promise<bigint> => {
    const client = held ?? (await hold());
    const { rows } = await client.query<{ last_position: string }>(
      `SELECT last_position FROM ${namesFor(database.schema).appendEvents}($1, ${expected}, $2::jsonb)`,
      [streamId, JSON.stringify([encodeEvent(started(meetingId))])],
    );
    return BigInt(rows[0]?.last_position ?? 'NaN');
  };
  const committedRows = async (): Promise<number> => {
    const { rows } = await database.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${namesFor(database.schema).events}`);
    return Number(rows[0]?.n);
  };

  it('lets an append to another stream commit, but no reader past the lower position still open', async () => {
    const seen = new Collector();
    const subscription = store.subscribe(seen.handler);
    // Connection 1 appends and holds its transaction open: it owns the lower position.
    const earlyPosition = await holdAppend('meeting-early', 'early');
    // Connection 2 appends to another stream: it does not wait, and commits a higher position.
    const lateResult = await within(store.append('meeting-late', [started('late')], { kind: 'any' }), 2000, 'an append to another stream did not commit');
    expect(lateResult.position).toBeGreaterThan(earlyPosition);
    expect(await committedRows()).toBe(1);
    // A one-shot read waits for the lower position to settle rather than step over it.
    const reading = collect(store.readAll());
    await pause(300);
    expect(seen.events).toEqual([]);

    await end('COMMIT');
    await seen.until(2);
    await pause(100);
    await subscription.close();
    expect(coordinates(seen.events)).toEqual(['meeting-early@0', 'meeting-late@0']);
    expect(seen.events.map((e) => e.position)).toEqual([earlyPosition, lateResult.position]);
    expect(coordinates(await reading)).toEqual(['meeting-early@0', 'meeting-late@0']);
  });

  it('makes a second writer of the same new stream wait, then refuses it', async () => {
    await holdAppend('meeting-new', 'first', "'noStream', NULL");
    const second = store.append('meeting-new', [started('second')], { kind: 'noStream' });
    let settled = false;
    second.then(() => (settled = true), () => (settled = true));
    await pause(300);
    expect(settled).toBe(false);
    await end('COMMIT');
    await expect(second).rejects.toMatchObject({ name: 'VersionConflictError', streamId: 'meeting-new', actual: 0 });
    expect(coordinates(await collect(store.readStream('meeting-new')))).toEqual(['meeting-new@0']);
  });

  it('leaves only a gap behind a rolled-back append, and readers go on past it', async () => {
    const seen = new Collector();
    const subscription = store.subscribe(seen.handler);
    const doomed = await holdAppend('meeting-doomed', 'doomed');
    const late = await store.append('meeting-late', [started('late')], { kind: 'any' });
    await pause(100);
    expect(seen.events).toEqual([]);
    await end('ROLLBACK');
    await seen.until(1);
    await subscription.close();
    expect(coordinates(seen.events)).toEqual(['meeting-late@0']);
    expect(late.position).toBeGreaterThan(doomed);
    expect(coordinates(await collect(store.readAll()))).toEqual(['meeting-late@0']);
  });

  it('numbers the appends of one transaction one after the other', async () => {
    const first = await holdAppend('meeting-one', 'one');
    const second = await holdAppend('meeting-two', 'two');
    await end('COMMIT');
    expect(second).toBe(first + 1n);
    const all = await collect(store.readAll());
    expect(all.map((e) => `${e.streamId}@${e.version}#${e.position}`)).toEqual([`meeting-one@0#${first}`, `meeting-two@0#${second}`]);
  });

  it('refuses an append from a transaction that wrote first and is older than the stream\'s last append', async () => {
    const client = await hold();
    // Any write gives the transaction its id now, before it takes the stream's lock.
    await client.query('SELECT pg_current_xact_id()');
    await store.append('meeting-shared', [started('newer')], { kind: 'noStream' });
    await expect(holdAppend('meeting-shared', 'older')).rejects.toThrow(
      "append to stream meeting-shared: this transaction wrote before appending and is older than the stream's last append",
    );
    await end('ROLLBACK');
    expect(coordinates(await collect(store.readStream('meeting-shared')))).toEqual(['meeting-shared@0']);
  });
});
