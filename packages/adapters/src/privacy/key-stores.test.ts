import { randomBytes } from 'node:crypto';
import { escapeIdentifier, Pool } from 'pg';
import type { KeyStore } from './keys';
import { createInMemoryKeyStore } from './memory-keys';
import { createPostgresKeyStore } from './postgres-keys';
import { subjectId } from './subjects';

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const gus = subjectId({ email: 'Gus@Example.com' });
const hanna = subjectId({ userId: 'u-1' });

interface Harness {
  readonly keyStore: KeyStore;
  teardown(): Promise<void>;
}

function freshSchema(): string {
  return `privacy_test_${randomBytes(6).toString('hex')}`;
}

async function dropSchema(schema: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl });
  await pool.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
  await pool.end();
}

const harnesses: [string, () => Promise<Harness>][] = [
  ['in memory', async () => ({ keyStore: createInMemoryKeyStore(), teardown: async () => undefined })],
  [
    'in PostgreSQL',
    async () => {
      const schema = freshSchema();
      const keyStore = await createPostgresKeyStore({ connectionString: databaseUrl, schema });
      return { keyStore, teardown: async () => (await keyStore.close(), await dropSchema(schema)) };
    },
  ],
];

describe.each(harnesses)('the key store %s', (_name, open) => {
  let h: Harness;
  beforeEach(async () => (h = await open()));
  afterEach(async () => h.teardown());

  it('creates one random 256-bit key per subject on first use', async () => {
    expect(await h.keyStore.existingKey(gus)).toBeUndefined();
    const key = await h.keyStore.keyFor(gus);
    expect(key.length).toBe(32);
    expect((await h.keyStore.keyFor(gus)).equals(key)).toBe(true);
    expect((await h.keyStore.existingKey(gus))?.equals(key)).toBe(true);
    expect((await h.keyStore.keyFor(hanna)).equals(key)).toBe(false);
    const { handle } = await h.keyStore.subjectKey(gus);
    expect(handle).toMatch(/^[0-9a-f]{32}$/);
    expect(await h.keyStore.keyByHandle(handle)).toEqual({ state: 'live', key });
  });

  it('destroys a key for good, and gives a subject seen again a new key and handle', async () => {
    const before = await h.keyStore.subjectKey(gus);
    await h.keyStore.keyFor(hanna);
    expect(await h.keyStore.isDestroyed(gus)).toBe(false);
    await h.keyStore.destroy(gus);
    expect(await h.keyStore.existingKey(gus)).toBeUndefined();
    expect(await h.keyStore.isDestroyed(gus)).toBe(true);
    expect(await h.keyStore.keyByHandle(before.handle)).toEqual({ state: 'destroyed' });
    expect(await h.keyStore.existingKey(hanna)).toBeDefined();
    const after = await h.keyStore.subjectKey(gus);
    expect(after.handle).not.toBe(before.handle);
    expect(after.key.equals(before.key)).toBe(false);
    expect(await h.keyStore.isDestroyed(gus)).toBe(false);
    expect(await h.keyStore.keyByHandle(before.handle)).toEqual({ state: 'destroyed' });
  });

  it('records the erasure of a subject it never held a key for', async () => {
    await h.keyStore.destroy(gus);
    expect(await h.keyStore.isDestroyed(gus)).toBe(true);
    expect(await h.keyStore.isDestroyed(hanna)).toBe(false);
  });

  it('tells a handle it never issued from a destroyed one', async () => {
    expect(await h.keyStore.keyByHandle('0123456789abcdef0123456789abcdef')).toEqual({ state: 'unknown' });
  });

  it('restricts and lifts restrictions per subject', async () => {
    expect(await h.keyStore.isRestricted(gus)).toBe(false);
    await h.keyStore.restrict(gus);
    await h.keyStore.restrict(gus);
    expect(await h.keyStore.isRestricted(gus)).toBe(true);
    expect(await h.keyStore.isRestricted(hanna)).toBe(false);
    await h.keyStore.liftRestriction(gus);
    expect(await h.keyStore.isRestricted(gus)).toBe(false);
  });

  it('remembers the parties of a stream, a later host replacing the earlier', async () => {
    await h.keyStore.linkParty('meeting-m-1', 'host', 'aaaaaaaa');
    await h.keyStore.linkParty('meeting-m-1', 'guest:g-1', 'bbbbbbbb');
    await h.keyStore.linkParty('meeting-m-1', 'host', 'cccccccc');
    await h.keyStore.linkParty('meeting-m-2', 'host', 'dddddddd');
    expect(await h.keyStore.partiesOf('meeting-m-1')).toEqual(new Map([['host', 'cccccccc'], ['guest:g-1', 'bbbbbbbb']]));
    expect(await h.keyStore.partiesOf('meeting-m-3')).toEqual(new Map());
  });
});

describe('the PostgreSQL key store', () => {
  const schemas: string[] = [];
  const schema = () => {
    const name = freshSchema();
    schemas.push(name);
    return name;
  };
  let pool: Pool;
  beforeAll(() => (pool = new Pool({ connectionString: databaseUrl })));
  afterAll(async () => {
    for (const name of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(name)} CASCADE`);
    await pool.end();
  });

  it('creates its tables idempotently, also when several processes start at once, and they share keys', async () => {
    const name = schema();
    const stores = await Promise.all([1, 2, 3].map(() => createPostgresKeyStore({ pool, schema: name })));
    const keys = await Promise.all(stores.map((s) => s.keyFor(gus)));
    expect(keys.every((k) => k.equals(keys[0]!))).toBe(true);
    const again = await createPostgresKeyStore({ pool, schema: name, cacheTtlMs: 0 });
    expect((await again.existingKey(gus))?.equals(keys[0]!)).toBe(true);
    await stores[0]!.destroy(gus);
    // No cache in `again`: another process's erasure is seen at once.
    expect(await again.existingKey(gus)).toBeUndefined();
  });

  it('keeps no subject in clear, and a tombstone with the time instead of a destroyed key', async () => {
    const name = schema();
    const store = await createPostgresKeyStore({ pool, schema: name });
    const { handle, key } = await store.subjectKey(gus);
    await store.restrict(gus);
    await store.linkParty('meeting-m-1', 'guest:g-1', handle);
    const dump = async () => {
      const tables = ['privacy_settings', 'privacy_keys', 'privacy_tombstones', 'privacy_restrictions', 'privacy_parties'];
      const parts = await Promise.all(tables.map((t) => pool.query(`SELECT row_to_json(t)::text AS row FROM ${escapeIdentifier(name)}.${t} t`)));
      return parts.flatMap((p) => p.rows.map((r: { row: string }) => r.row)).join('\n');
    };
    const before = await dump();
    expect(before.toLowerCase()).not.toContain('gus@example.com');
    expect(before).toContain(`\\\\x${key.toString('hex')}`); // stored unwrapped without a master key
    const t0 = Date.now();
    await store.destroy(gus);
    const after = await dump();
    expect(after).not.toContain(key.toString('hex'));
    const { rows } = await pool.query(`SELECT handle, destroyed_at FROM ${escapeIdentifier(name)}.privacy_tombstones`);
    expect(rows.map((r: { handle: string }) => r.handle)).toEqual([handle]);
    expect(Math.abs((rows[0].destroyed_at as Date).getTime() - t0)).toBeLessThan(60_000);
    expect((await pool.query(`SELECT * FROM ${escapeIdentifier(name)}.privacy_keys`)).rowCount).toBe(0);
  });

  it('wraps keys with a master key and refuses to open without it or with another one', async () => {
    const name = schema();
    const masterKey = randomBytes(32);
    const store = await createPostgresKeyStore({ pool, schema: name, masterKey });
    const key = await store.keyFor(gus);
    const { rows } = await pool.query(`SELECT key FROM ${escapeIdentifier(name)}.privacy_keys`);
    expect((rows[0].key as Buffer).includes(key)).toBe(false);
    expect((rows[0].key as Buffer).length).toBe(12 + 32 + 16);
    const reopened = await createPostgresKeyStore({ pool, schema: name, masterKey, cacheTtlMs: 0 });
    expect((await reopened.keyFor(gus)).equals(key)).toBe(true);

    await expect(createPostgresKeyStore({ pool, schema: name })).rejects.toThrow(
      `the key store in schema "${name}" wraps its keys with a master key: pass the same masterKey`,
    );
    const wrong = randomBytes(32);
    const error = (await createPostgresKeyStore({ pool, schema: name, masterKey: wrong }).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`the key store in schema "${name}" was created with a different master key than the one given`);
    expect(error.message).not.toContain(wrong.toString('hex'));
    await expect(createPostgresKeyStore({ pool, schema: name, masterKey: randomBytes(16) })).rejects.toThrow('the master key must be 32 bytes (256 bits), got 16 bytes');
    const plain = schema();
    await createPostgresKeyStore({ pool, schema: plain });
    await expect(createPostgresKeyStore({ pool, schema: plain, masterKey })).rejects.toThrow(
      `the key store in schema "${plain}" was created without a master key; its keys are stored unwrapped`,
    );
  });

  it('gives one key to a subject whose first use races across processes', async () => {
    const name = schema();
    const stores = await Promise.all([1, 2].map(() => createPostgresKeyStore({ pool, schema: name, cacheTtlMs: 0 })));
    const keys = await Promise.all([...stores, ...stores].map((s) => s.subjectKey(hanna)));
    expect(new Set(keys.map((k) => k.handle)).size).toBe(1);
  });
});
