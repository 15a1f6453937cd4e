import { fromMillis } from '@rendezvous/domain';
import { escapeIdentifier, Pool } from '../../peers/pg';
import type { PostgresConnection } from '../../store/postgres';
import type { CheckpointStore } from './port';

/** Options of the PostgreSQL checkpoint store. */
export type PostgresCheckpointStoreOptions = PostgresConnection & {
  /** Schema of the table (default `rendezvous`, beside the event store's tables); created if absent. */
  readonly schema?: string;
};

/** Checkpoints in a `dispatcher_checkpoints` table; `close` ends the pool when the store opened it. */
export interface PostgresCheckpointStore extends CheckpointStore {
  /** Ends the pool if the store opened it; a pool passed in is left to its owner. */
  close(): Promise<void>;
}

// Its own advisory lock key: creating a table "if not exists" is not safe against itself run
// concurrently, and two dispatchers usually start together.
const createLock = 0x52445603;

/** Opens the PostgreSQL checkpoint store, creating its table if needed. */
export async function createPostgresCheckpointStore(options: PostgresCheckpointStoreOptions): Promise<PostgresCheckpointStore> {
  const owned = 'connectionString' in options;
  const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.connectionString, max: 2 });
  if (owned) pool.on('error', () => undefined);
  const schema = escapeIdentifier(options.schema ?? 'rendezvous');
  const table = `${schema}.dispatcher_checkpoints`;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, 0)', [createLock]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (dispatcher_id text PRIMARY KEY, position bigint NOT NULL, at timestamptz NOT NULL, saved_at timestamptz NOT NULL DEFAULT now())`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (owned) await pool.end();
    throw error;
  } finally {
    client.release();
  }

  return {
    async load(dispatcherId) {
      const { rows } = await pool.query<{ position: string; at: Date }>(`SELECT position, at FROM ${table} WHERE dispatcher_id = $1`, [dispatcherId]);
      const row = rows[0];
      return row === undefined ? undefined : { position: BigInt(row.position), at: fromMillis(row.at.getTime()) };
    },
    async save(dispatcherId, checkpoint) {
      await pool.query(
        `INSERT INTO ${table} (dispatcher_id, position, at) VALUES ($1, $2, $3)
         ON CONFLICT (dispatcher_id) DO UPDATE SET position = EXCLUDED.position, at = EXCLUDED.at, saved_at = now()`,
        [dispatcherId, checkpoint.position.toString(), checkpoint.at],
      );
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}
