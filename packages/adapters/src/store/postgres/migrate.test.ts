import { escapeIdentifier } from 'pg';
import { createPostgresEventStore } from './store';
import { databaseUrl, testSchema } from './test-schema';

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
      expect(rows).toEqual([{ version: 1 }]);
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
        `schema "${database.schema}" is at version 99, newer than this @rendezvous/adapters knows (1): upgrade the library`,
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
});
