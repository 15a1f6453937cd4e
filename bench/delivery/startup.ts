import { Client, escapeIdentifier } from 'pg';
import { createDispatcher, realClock } from '@rendezvous/adapters';
import { createPostgresDueIndex, createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { createRenderer } from '@rendezvous/notifications';
import { databaseUrl } from '../postgres/connection';
import { seedEvents } from '../postgres/seed';
import { appendMeetings, benchMailer, booking } from './bookings';

/** A store with a long history whose meetings are all settled, and a due index that has followed it. */
export async function seedSettledHistory(schema: string, events: number): Promise<number> {
  const seededMs = await seedEvents(schema, events);
  const index = await createPostgresDueIndex({ connectionString: databaseUrl, schema });
  await index.close();
  // As a running system leaves it: the index has folded the whole history and every meeting in it
  // is settled (its row deleted after its last email), so no row is left and the checkpoint is at the end.
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const s = escapeIdentifier(schema);
    await client.query(`UPDATE ${s}.due_index_checkpoint SET position = (SELECT max(position) FROM ${s}.events)`);
  } finally {
    await client.end();
  }
  return seededMs;
}

/** Books `meetings` new meetings (their confirmations due now) and folds them into the due index: the pending work. */
export async function addPendingWork(schema: string, prefix: string, meetings: number, guests: number): Promise<number> {
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema });
  const index = await createPostgresDueIndex({ connectionString: databaseUrl, schema });
  try {
    const now = Date.now();
    await appendMeetings(store, Array.from({ length: meetings }, (_, i) => [booking(`${prefix}-${i}`, i, guests, now)]));
    await index.catchUp(store, 30_000);
    return meetings * (guests + 1);
  } finally {
    await Promise.all([index.close(), store.close()]);
  }
}

/** What the start-up probe is given. */
export interface StartupParams {
  readonly schema: string;
  /** Emails due now in the index (from addPendingWork). */
  readonly emails: number;
}

/**
 * In a fresh process: opens the store and the due index, times `start()`, then until every pending
 * email went out, and reports the heap still in use after a full collection with the dispatcher running.
 */
export async function startupProbe(params: StartupParams): Promise<{ rows: []; notes: []; metrics: Record<string, number> }> {
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema: params.schema });
  const dueIndex = await createPostgresDueIndex({ connectionString: databaseUrl, schema: params.schema });
  let sent = 0;
  let allSent: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allSent = resolve));
  const mailer = benchMailer(0, () => {
    if (++sent === params.emails) allSent();
  });
  const dispatcher = createDispatcher({ store, dueIndex, mailer, renderer: createRenderer({ linkSecret: 'bench-secret' }), clock: realClock, dispatcherId: 'startup-probe' });
  try {
    const started = performance.now();
    await dispatcher.start();
    const startMs = performance.now() - started;
    await done;
    const sendMs = performance.now() - started;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    return { rows: [], notes: [], metrics: { startMs, sendMs, heapMb } };
  } finally {
    await dispatcher.stop();
    await Promise.all([dueIndex.close(), store.close()]);
  }
}
