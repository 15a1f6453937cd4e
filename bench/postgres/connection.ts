import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

/** The database the benchmarks use: DATABASE_URL, or the local test database. */
export const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema name for one run; nothing else ever writes there. */
export function benchSchema(purpose: string): string {
  return `bench_${purpose}_${randomBytes(5).toString('hex')}`;
}

/** Drops a run's schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}
