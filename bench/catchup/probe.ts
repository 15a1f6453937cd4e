import { Client, escapeIdentifier } from 'pg';
import { createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { databaseUrl } from '../postgres/connection';
import type { JobOutput } from '../report/row';
import { Tally } from './projection';

/** One reader, in a process of its own: its peak RSS is what it took to read `events` events. */
export interface ProbeParams {
  readonly schema: string;
  readonly events: number;
  readonly mode: 'library' | 'raw' | 'idle';
}

const pageSize = 500;

/** The library: a subscription from the start, handled one event at a time, closed after `events`. */
async function viaSubscription(schema: string, events: number, tally: Tally): Promise<void> {
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema, pageSize });
  try {
    await new Promise<void>((resolve, reject) => {
      const subscription = store.subscribe((stored) => {
        if (tally.events >= events) return;
        tally.apply(stored.position, stored.event.type, stored.event.data);
        if (tally.events === events) resolve();
      });
      subscription.done.then(() => reject(new Error('the subscription ended early')), reject);
    });
  } finally {
    await store.close();
  }
}

/** The baseline: a server-side cursor over the same table, fetched in pages of the same size. */
async function viaCursor(schema: string, events: number, tally: Tally): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `DECLARE catch_up NO SCROLL CURSOR FOR SELECT position, stream_id, version, type, data, schema_version, occurred_at
       FROM ${escapeIdentifier(schema)}.events WHERE position > 0 ORDER BY position`,
    );
    while (tally.events < events) {
      const { rows } = await client.query<{ position: string; type: string; data: unknown }>(`FETCH ${pageSize} FROM catch_up`);
      if (rows.length === 0) throw new Error('the cursor ended early');
      for (const row of rows) if (tally.events < events) tally.apply(BigInt(row.position), row.type, row.data);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Reads the first `events` events one way and reports the rate and the projection's fingerprint. */
export async function catchUpProbe(params: ProbeParams): Promise<JobOutput> {
  const tally = new Tally();
  const started = performance.now();
  if (params.mode === 'library') await viaSubscription(params.schema, params.events, tally);
  else if (params.mode === 'raw') await viaCursor(params.schema, params.events, tally);
  else await createPostgresEventStore({ connectionString: databaseUrl, schema: params.schema }).then((store) => store.close());
  const ms = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const retainedMb = process.memoryUsage().heapUsed / 1024 / 1024;
  return { rows: [], notes: [tally.summary()], metrics: { ms, events: tally.events, retainedMb } };
}
