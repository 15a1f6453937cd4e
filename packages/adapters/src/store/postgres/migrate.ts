import type { Pool } from 'pg';
import { migrations } from './migrations';
import { lockSpace, type Names } from './names';

/**
 * Creates or upgrades the store's schema. Safe when several processes start at once: they take
 * turns on an advisory lock, and the one that comes second finds the work done.
 */
export async function migrate(pool: Pool, names: Names): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Taken before CREATE SCHEMA IF NOT EXISTS, which is not safe against itself run concurrently.
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [lockSpace.migrations, names.lockKey]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${names.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${names.migrations} ORDER BY version`);
    const applied = new Set(rows.map((row) => row.version));
    const known = migrations(names);
    const newest = rows[rows.length - 1]?.version ?? 0;
    const latest = known[known.length - 1]?.version ?? 0;
    if (newest > latest) {
      throw new Error(`schema ${names.schema} is at version ${newest}, newer than this @rendezvous/adapters knows (${latest}): upgrade the library`);
    }
    for (const migration of known) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${names.migrations} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
