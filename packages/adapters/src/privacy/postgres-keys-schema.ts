import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { escapeIdentifier } from '../peers/pg';
import { lockKeyOf, unwrapKey, wrapKey } from './key-wrap';

/** The quoted SQL names of the key store's tables inside its schema. */
export interface KeyTables {
  readonly schema: string;
  readonly settings: string;
  readonly keys: string;
  readonly tombstones: string;
  readonly restrictions: string;
  readonly parties: string;
}

/** Names the key store's tables; refuses a schema name PostgreSQL would truncate. */
export function keyTablesIn(schema: string): KeyTables {
  if (schema.length === 0 || Buffer.byteLength(schema, 'utf8') > 63) {
    throw new RangeError(`schema name ${JSON.stringify(schema)} must be 1 to 63 bytes long`);
  }
  const s = escapeIdentifier(schema);
  return {
    schema: s,
    settings: `${s}.privacy_settings`,
    keys: `${s}.privacy_keys`,
    tombstones: `${s}.privacy_tombstones`,
    restrictions: `${s}.privacy_restrictions`,
    parties: `${s}.privacy_parties`,
  };
}

// Subjects appear only as HMACs (subject_hash); keys only in privacy_keys, which a destroy
// empties for the subject, leaving a tombstone that says when.
function ddl(t: KeyTables): string {
  return `
    CREATE SCHEMA IF NOT EXISTS ${t.schema};
    CREATE TABLE IF NOT EXISTS ${t.settings} (name text PRIMARY KEY, value bytea NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.keys} (
      handle text PRIMARY KEY,
      subject_hash bytea NOT NULL UNIQUE,
      key bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS ${t.tombstones} (
      handle text PRIMARY KEY,
      subject_hash bytea NOT NULL,
      destroyed_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX IF NOT EXISTS privacy_tombstones_subject ON ${t.tombstones} (subject_hash);
    CREATE TABLE IF NOT EXISTS ${t.restrictions} (
      subject_hash bytea PRIMARY KEY,
      restricted_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS ${t.parties} (
      stream_id text NOT NULL,
      party text NOT NULL,
      handle text NOT NULL,
      PRIMARY KEY (stream_id, party));`;
}

const wrapped = Buffer.from('aes-256-gcm');
const clear = Buffer.from('none');

/**
 * Creates the tables if absent (safe when several processes start at once) and returns the
 * secret subjects are hashed with, made once per schema and wrapped when a master key is given.
 */
export async function prepareKeyTables(pool: Pool, schema: string, tables: KeyTables, masterKey: Buffer | undefined): Promise<Buffer> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [0x52445610, lockKeyOf(schema)]);
    await client.query(ddl(tables));
    const secret = randomBytes(32);
    await client.query(`INSERT INTO ${tables.settings} (name, value) VALUES ('wrapping', $1), ('subject-secret', $2) ON CONFLICT (name) DO NOTHING`, [
      masterKey === undefined ? clear : wrapped,
      masterKey === undefined ? secret : wrapKey(masterKey, 'subject-secret', secret),
    ]);
    const { rows } = await client.query<{ name: string; value: Buffer }>(`SELECT name, value FROM ${tables.settings}`);
    await client.query('COMMIT');
    const setting = (name: string) => rows.find((r) => r.name === name)?.value ?? Buffer.alloc(0);
    const where = `the key store in schema ${JSON.stringify(schema)}`;
    if (setting('wrapping').equals(wrapped)) {
      if (masterKey === undefined) throw new Error(`${where} wraps its keys with a master key: pass the same masterKey`);
      const unwrapped = unwrapKey(masterKey, 'subject-secret', setting('subject-secret'));
      if (unwrapped === undefined) throw new Error(`${where} was created with a different master key than the one given`);
      return unwrapped;
    }
    if (masterKey !== undefined) throw new Error(`${where} was created without a master key; its keys are stored unwrapped`);
    return setting('subject-secret');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
