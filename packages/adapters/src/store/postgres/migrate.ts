import type { Pool, PoolClient } from 'pg';
import { migrations } from './migrations';
import { lockSpace, type Names } from './names';
import { slotsPerTransaction } from './positions';

// Positions follow transaction ids. A schema restored into another cluster (pg_dump, a copy)
// can meet a transaction counter behind the ids its positions came from: new events would get
// positions below stored ones. Then the origin moves above every stored event. In a cluster that
// wrote the events itself this never matches: every committed event came from an id below the
// snapshot's xmax, so its position is below that id's first slot.
async function reanchorAfterRestore(client: PoolClient, names: Names): Promise<void> {
  await client.query(`
    WITH here AS (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS next_xid)
    UPDATE ${names.positionOrigin} o
    SET xid_base = here.next_xid, position_base = (SELECT coalesce(max(position), 0) + 1 FROM ${names.events})
    FROM here
    WHERE (SELECT coalesce(max(position), 0) FROM ${names.events}) >= o.position_base + (here.next_xid - o.xid_base) * ${slotsPerTransaction}`);
}

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
    await reanchorAfterRestore(client, names);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
