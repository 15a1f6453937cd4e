import { encodeEvent, type DomainEvent } from '@rendezvous/domain';
import { escapeIdentifier } from 'pg';
import { collect, Collector, coordinates } from '../../testing/store-contract/fixtures';
import { migrations } from './migrations';
import { namesFor } from './names';
import { createPostgresEventStore } from './store';
import { databaseUrl, testSchema, writeRawEvent } from './test-schema';

const started = (meetingId: string): DomainEvent => ({ type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId } });

describe('the PostgreSQL store schema', () => {
  it('is created once when two processes start at the same moment', async () => {
    const database = testSchema();
    try {
      const twins = await Promise.all([
        createPostgresEventStore({ connectionString: databaseUrl, schema: database.schema }),
        createPostgresEventStore({ connectionString: databaseUrl, schema: database.schema }),
      ]);
      await twins[0].append('meeting-m-1', [{ type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId: 'm-1' } }], { kind: 'noStream' });
      const { rows } = await database.pool.query<{ version: number }>(`SELECT version FROM ${escapeIdentifier(database.schema)}.migrations`);
      expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
      await Promise.all(twins.map((store) => store.close()));
      // Opening again finds the work done and the data kept.
      const again = await createPostgresEventStore({ pool: database.pool, schema: database.schema });
      const versions: number[] = [];
      for await (const stored of again.readStream('meeting-m-1')) versions.push(stored.version);
      expect(versions).toEqual([0]);
      await again.close();
    } finally {
      await database.drop();
    }
  });

  it('refuses a schema migrated by a newer version of the library', async () => {
    const database = testSchema();
    try {
      await (await createPostgresEventStore({ pool: database.pool, schema: database.schema })).close();
      await database.pool.query(`INSERT INTO ${escapeIdentifier(database.schema)}.migrations (version, name) VALUES (99, 'from the future')`);
      await expect(createPostgresEventStore({ pool: database.pool, schema: database.schema })).rejects.toThrow(
        `schema "${database.schema}" is at version 99, newer than this @rendezvous/adapters knows (2): upgrade the library`,
      );
    } finally {
      await database.drop();
    }
  });

  it('refuses a schema name PostgreSQL would silently truncate', async () => {
    await expect(createPostgresEventStore({ connectionString: databaseUrl, schema: 'x'.repeat(64) })).rejects.toThrow(
      `schema name "${'x'.repeat(64)}" must be 1 to 63 bytes long`,
    );
  });

  it('migrates a version 1 schema in place: its events keep their positions and new ones come after them', async () => {
    const database = testSchema();
    try {
      // A schema as version 1 of the store left it, with a sequence-numbered history.
      const names = namesFor(database.schema);
      await database.pool.query(`CREATE SCHEMA ${names.schema}`);
      await database.pool.query(`CREATE TABLE ${names.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      await database.pool.query(migrations(names)[0]?.sql ?? '');
      await database.pool.query(`INSERT INTO ${names.migrations} (version, name) VALUES (1, 'v1')`);
      for (const id of ['a', 'b', 'c']) await writeRawEvent(database.pool, database.schema, `meeting-${id}`, encodeEvent(started(id)));
      const { rows } = await database.pool.query<{ position: string }>(`SELECT position FROM ${names.events} ORDER BY position`);
      expect(rows.map((row) => row.position)).toEqual(['1', '2', '3']);

      const store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 200 });
      try {
        const old = await collect(store.readAll());
        expect(old.map((e) => e.position)).toEqual([1n, 2n, 3n]);
        // A subscriber resuming from a version 1 checkpoint sees the new events, and only them.
        const seen = new Collector();
        const subscription = store.subscribe(seen.handler, { after: 2n });
        const d = await store.append('meeting-d', [started('d')], { kind: 'noStream' });
        await store.append('meeting-a', [started('a')], { kind: 'exact', version: 0 });
        await seen.until(3);
        await subscription.close();
        expect(coordinates(seen.events)).toEqual(['meeting-c@0', 'meeting-d@0', 'meeting-a@1']);
        expect(d.position).toBeGreaterThan(3n);
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('moves its position origin above every stored event when restored into a cluster whose transaction ids are behind', async () => {
    const database = testSchema();
    try {
      const names = namesFor(database.schema);
      const first = await createPostgresEventStore({ pool: database.pool, schema: database.schema });
      const a = await first.append('meeting-a', [started('a')], { kind: 'noStream' });
      await first.close();
      // As if dumped from a cluster far ahead and restored here: the stored positions come from
      // transaction ids this cluster has not reached.
      await database.pool.query(`UPDATE ${names.positionOrigin} SET xid_base = xid_base + 1000000000, position_base = position_base - 1`);
      await database.pool.query(`UPDATE ${names.events} SET position = position + 1000000000::bigint * 1048576`);
      const restored = await createPostgresEventStore({ pool: database.pool, schema: database.schema });
      try {
        const b = await restored.append('meeting-b', [started('b')], { kind: 'noStream' });
        expect(b.position).toBeGreaterThan(a.position + 1000000000n * 1048576n);
        expect(coordinates(await collect(restored.readAll()))).toEqual(['meeting-a@0', 'meeting-b@0']);
      } finally {
        await restored.close();
      }
    } finally {
      await database.drop();
    }
  });
});
