import { createDispatcher, createVirtualClock } from '@rendezvous/adapters';
import { createPostgresDueIndex, createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { createRenderer } from '@rendezvous/notifications';
import { benchSchema, databaseUrl, dropSchema } from '../postgres/connection';
import { appendMeetings, benchMailer, finishedMeeting } from './bookings';

/** What the footprint probe is given. */
export interface FootprintParams {
  /** Meetings run through before the first measurement (warms up code and pools). */
  readonly warmUp: number;
  /** Meetings per measured batch. */
  readonly batch: number;
  readonly batches: number;
  readonly guests: number;
}

const bookedAt = Date.parse('2026-03-01T09:00:00Z');

const heapAfterGc = (): number => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the footprint probe needs --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};

/**
 * In a fresh process, one dispatcher (PostgreSQL store and due index) is started; batches of
 * finished meetings (booked, held, ended, every email due long ago) are appended and sent until
 * the index holds nothing; the heap after a full collection grows by the batch's footprint.
 */
export async function footprintProbe(params: FootprintParams): Promise<{ rows: []; notes: string[]; metrics: Record<string, number> }> {
  const schema = benchSchema('footprint');
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema });
  const dueIndex = await createPostgresDueIndex({ connectionString: databaseUrl, schema });
  // Ten days after the bookings: every email of every meeting is due or past.
  const clock = createVirtualClock(new Date(bookedAt + 10 * 86_400_000).toISOString());
  let sent = 0;
  const mailer = benchMailer(0, () => void sent++);
  const dispatcher = createDispatcher({ store, dueIndex, mailer, renderer: createRenderer({ linkSecret: 'bench-secret' }), clock, dispatcherId: 'footprint-probe' });
  let next = 0;
  const runBatch = async (meetings: number): Promise<void> => {
    const events = Array.from({ length: meetings }, () => finishedMeeting(`m-${next}`, next++, params.guests, bookedAt));
    await appendMeetings(store, events);
    for (let i = 0; i < 10_000; i++) {
      await dispatcher.idle();
      if ((await dueIndex.size()) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`the due index still holds ${await dueIndex.size()} meetings`);
  };
  try {
    await dispatcher.start();
    await runBatch(params.warmUp);
    const heaps = [heapAfterGc()];
    for (let b = 0; b < params.batches; b++) {
      await runBatch(params.batch);
      heaps.push(heapAfterGc());
    }
    const deltas = heaps.slice(1).map((heap, i) => (heap - (heaps[i] as number)) / params.batch);
    const bytesPerMeeting = (heaps[heaps.length - 1] as number - (heaps[0] as number)) / (params.batch * params.batches);
    return {
      rows: [],
      notes: [deltas.map((d) => d.toFixed(0)).join(', ')],
      metrics: { bytesPerMeeting, emails: sent, meetings: next, heapMb: (heaps[heaps.length - 1] as number) / 1024 / 1024 },
    };
  } finally {
    await dispatcher.stop();
    await Promise.all([dueIndex.close(), store.close()]);
    await dropSchema(schema);
  }
}
