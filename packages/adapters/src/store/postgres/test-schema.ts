import { randomBytes } from 'node:crypto';
import { escapeIdentifier, Pool } from 'pg';
import type { SerializedEvent } from '../serializer';
import { namesFor } from './names';

/** The database tests use: DATABASE_URL, or the local test database. */
export const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, randomly named schema for one test, and a pool to reach it; `drop` removes both. */
export interface TestSchema {
  readonly schema: string;
  readonly pool: Pool;
  drop(): Promise<void>;
}

/** Makes a fresh schema name (the store creates the schema itself) and a pool for the test. */
export function testSchema(prefix = 'store_test'): TestSchema {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const pool = new Pool({ connectionString: databaseUrl, max: 12 });
  return {
    schema,
    pool,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
      await pool.end();
    },
  };
}

/** Writes a record as is, bypassing the serializer, through the store's own append function. */
export async function writeRawEvent(pool: Pool, schema: string, streamId: string, record: SerializedEvent): Promise<void> {
  const names = namesFor(schema);
  await pool.query(`SELECT * FROM ${names.appendEvents}($1, 'any', NULL, $2::jsonb)`, [streamId, JSON.stringify([record])]);
}
