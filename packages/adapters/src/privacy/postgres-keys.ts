import { Pool } from '../peers/pg';
import { checkMasterKey, subjectHash, unwrapKey, wrapKey } from './key-wrap';
import { newHandle, newKey, type HandleKey, type KeyStore, type SubjectKey } from './keys';
import { keyTablesIn, prepareKeyTables } from './postgres-keys-schema';
import { TtlCache } from './ttl-cache';

/** Options of the PostgreSQL key store. */
export type PostgresKeyStoreOptions = ({ readonly pool: Pool } | { readonly connectionString: string }) & {
  /** Schema of the key tables (`privacy_*`), created if absent (default `rendezvous`). */
  readonly schema?: string;
  /** 32 bytes that wrap every key at rest; keep it outside the database (environment, KMS). */
  readonly masterKey?: Buffer;
  /** How long a key read from the database is reused (default 2000 ms; 0: never). */
  readonly cacheTtlMs?: number;
};

/** The PostgreSQL key store: the port, plus the schema it lives in. */
export interface PostgresKeyStore extends KeyStore {
  readonly schema: string;
}

/**
 * Opens a key store in PostgreSQL, creating its tables first (idempotent). A destroy deletes the
 * key row and leaves a tombstone row with the time; subjects are stored only as HMACs.
 */
export async function createPostgresKeyStore(options: PostgresKeyStoreOptions): Promise<PostgresKeyStore> {
  const schema = options.schema ?? 'rendezvous';
  const tables = keyTablesIn(schema);
  const { masterKey } = options;
  if (masterKey !== undefined) checkMasterKey(masterKey);
  const owned = 'connectionString' in options;
  const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.connectionString });
  if (owned) pool.on('error', () => undefined);
  let secret: Buffer;
  try {
    secret = await prepareKeyTables(pool, schema, tables, masterKey);
  } catch (error) {
    if (owned) await pool.end();
    throw error;
  }

  const ttl = options.cacheTtlMs ?? 2000;
  const bySubject = new TtlCache<SubjectKey>(ttl);
  const byHandle = new TtlCache<HandleKey>(ttl);
  const hash = (subject: string) => subjectHash(secret, subject);
  const seal = (handle: string, key: Buffer) => (masterKey === undefined ? key : wrapKey(masterKey, handle, key));
  const unseal = (handle: string, stored: Buffer): Buffer => {
    if (masterKey === undefined) return stored;
    const key = unwrapKey(masterKey, handle, stored);
    if (key === undefined) throw new Error(`the key of handle ${handle} in schema ${JSON.stringify(schema)} does not unwrap with the master key given`);
    return key;
  };

  const liveKey = async (subject: string): Promise<SubjectKey | undefined> => {
    const { rows } = await pool.query<{ handle: string; key: Buffer }>(`SELECT handle, key FROM ${tables.keys} WHERE subject_hash = $1`, [hash(subject)]);
    const row = rows[0];
    return row === undefined ? undefined : { handle: row.handle, key: unseal(row.handle, row.key) };
  };

  const subjectKey = async (subject: string): Promise<SubjectKey> => {
    const cached = bySubject.get(subject);
    if (cached !== undefined) return cached;
    let found = await liveKey(subject);
    if (found === undefined) {
      const created = { handle: newHandle(), key: newKey() };
      const inserted = await pool.query(
        `INSERT INTO ${tables.keys} (handle, subject_hash, key) VALUES ($1, $2, $3) ON CONFLICT (subject_hash) DO NOTHING`,
        [created.handle, hash(subject), seal(created.handle, created.key)],
      );
      // Another process created the subject's key first: use theirs.
      found = inserted.rowCount === 1 ? created : await liveKey(subject);
      if (found === undefined) throw new Error('a key was created and destroyed while it was being fetched; retry');
    }
    bySubject.set(subject, found);
    return found;
  };

  const store: PostgresKeyStore = {
    schema,
    subjectKey,
    async keyFor(subject) {
      return (await subjectKey(subject)).key;
    },
    async existingKey(subject) {
      return (bySubject.get(subject) ?? (await liveKey(subject)))?.key;
    },
    async destroy(subject) {
      const { rows } = await pool.query<{ handle: string }>(
        `WITH gone AS (DELETE FROM ${tables.keys} WHERE subject_hash = $1 RETURNING handle, subject_hash)
         INSERT INTO ${tables.tombstones} (handle, subject_hash)
         SELECT handle, subject_hash FROM gone
         UNION ALL SELECT $2, $1 WHERE NOT EXISTS (SELECT 1 FROM gone)
         RETURNING handle`,
        [hash(subject), newHandle()],
      );
      bySubject.delete(subject);
      for (const { handle } of rows) byHandle.delete(handle);
    },
    async isDestroyed(subject) {
      const { rows } = await pool.query<{ destroyed: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${tables.tombstones} WHERE subject_hash = $1)
            AND NOT EXISTS (SELECT 1 FROM ${tables.keys} WHERE subject_hash = $1) AS destroyed`,
        [hash(subject)],
      );
      return rows[0]?.destroyed === true;
    },
    async restrict(subject) {
      await pool.query(`INSERT INTO ${tables.restrictions} (subject_hash) VALUES ($1) ON CONFLICT DO NOTHING`, [hash(subject)]);
    },
    async liftRestriction(subject) {
      await pool.query(`DELETE FROM ${tables.restrictions} WHERE subject_hash = $1`, [hash(subject)]);
    },
    async isRestricted(subject) {
      const { rowCount } = await pool.query(`SELECT 1 FROM ${tables.restrictions} WHERE subject_hash = $1`, [hash(subject)]);
      return rowCount === 1;
    },
    async keyByHandle(handle) {
      const cached = byHandle.get(handle);
      if (cached !== undefined) return cached;
      const { rows } = await pool.query<{ key: Buffer | null; destroyed: boolean }>(
        `SELECT (SELECT key FROM ${tables.keys} WHERE handle = $1) AS key,
                EXISTS (SELECT 1 FROM ${tables.tombstones} WHERE handle = $1) AS destroyed`,
        [handle],
      );
      const row = rows[0];
      const found: HandleKey =
        row?.key != null ? { state: 'live', key: unseal(handle, row.key) } : row?.destroyed === true ? { state: 'destroyed' } : { state: 'unknown' };
      if (found.state !== 'unknown') byHandle.set(handle, found);
      return found;
    },
    async linkParty(streamId, party, handle) {
      await pool.query(
        `INSERT INTO ${tables.parties} (stream_id, party, handle) VALUES ($1, $2, $3)
         ON CONFLICT (stream_id, party) DO UPDATE SET handle = EXCLUDED.handle`,
        [streamId, party, handle],
      );
    },
    async partiesOf(streamId) {
      const { rows } = await pool.query<{ party: string; handle: string }>(`SELECT party, handle FROM ${tables.parties} WHERE stream_id = $1`, [streamId]);
      return new Map(rows.map((r) => [r.party, r.handle]));
    },
    async close() {
      if (owned) await pool.end();
    },
  };
  return store;
}
