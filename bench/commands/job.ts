import { Pool } from 'pg';
import { createCommandService, createEncryptingSerializer } from '@rendezvous/adapters';
import { createPostgresEventStore, createPostgresKeyStore } from '@rendezvous/adapters/postgres';
import { meetingDecider } from '@rendezvous/domain';
import { benchSchema, databaseUrl, dropSchema } from '../postgres/connection';
import { imposeDiscipline } from '../postgres/disciplines';
import { count, rate } from '../report/format';
import { within, type JobOutput, type Row } from '../report/row';
import { scheduleCommand } from './commands';
import { Tally, type Driven } from './drive';
import { prepareRaw, rawSchedule } from './raw';

/** Sizes of the commands workload. */
export interface CommandsParams {
  readonly meetings: number;
  readonly concurrency: readonly number[];
  /** Concurrency levels that also run with the encrypting serializer (PostgreSQL key store). */
  readonly encryptedAt: readonly number[];
  /** Concurrency levels that also run the library with a NOTIFY inside every append (the wake-up it no longer uses). */
  readonly notifyAt?: readonly number[];
  /** Meetings per block: the modes take turns block by block, so load from elsewhere hits all alike. */
  readonly block: number;
  /** Stop starting blocks at a concurrency level after this long (the count says how far it got). */
  readonly budgetMsPerLevel: number;
}

type Mode = 'raw' | 'plain' | 'encrypted' | 'notify-each';
const workload = '3. Commands';

/** A mode's way to handle booking `i`, in its own fresh schema; `close` drops the schema. */
async function open(mode: Mode, pool: Pool): Promise<{ run: (i: number) => Promise<void>; close: () => Promise<void> }> {
  const schema = benchSchema('cmd');
  const keyStore = mode === 'encrypted' ? await createPostgresKeyStore({ pool, schema }) : undefined;
  const serializer = keyStore === undefined ? undefined : createEncryptingSerializer({ keyStore });
  // The store creates the table in both cases: the baseline writes to the very same table.
  const store = await createPostgresEventStore({ pool, schema, ...(serializer === undefined ? {} : { serializer }) });
  const service = createCommandService(store);
  if (mode === 'raw') await prepareRaw(pool, schema);
  if (mode === 'notify-each') await imposeDiscipline(schema, 'notify-each');
  const raw = rawSchedule(pool, schema);
  const run =
    mode === 'raw'
      ? (i: number) => raw(scheduleCommand(i))
      : async (i: number) => {
          const result = await service.handle(`meeting-m-${i}`, meetingDecider, scheduleCommand(i));
          if (result.kind !== 'accepted') throw new Error(`booking m-${i} was not accepted: ${JSON.stringify(result)}`);
        };
  return {
    run,
    async close() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** Runs every mode over the same meetings, block by block in turn, until done or out of time. */
async function race(modes: readonly Mode[], meetings: number, concurrency: number, block: number, budgetMs = Infinity): Promise<Map<Mode, Driven>> {
  // One pool for all modes (they take turns, never run at once): a connection per worker, and
  // the database's connection limit is shared with whatever else runs on the machine.
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency });
  pool.on('error', () => undefined);
  const opened = await Promise.all(modes.map(async (mode) => ({ mode, tally: new Tally(), ...(await open(mode, pool)) })));
  const started = performance.now();
  try {
    for (let from = 0; from < meetings && (from === 0 || performance.now() - started < budgetMs); from += block) {
      for (const { tally, run } of opened) await tally.block(from, Math.min(meetings, from + block), concurrency, run);
    }
    return new Map(opened.map(({ mode, tally }) => [mode, tally.result()]));
  } finally {
    for (const { close } of opened) await close();
    await pool.end();
  }
}

const latency = (d: Driven): string => `p50 ${d.p50Ms.toFixed(1)} / p99 ${d.p99Ms.toFixed(1)} ms`;

/** Bookings through the command service and the PostgreSQL store, against raw pg, at each concurrency. */
export async function commandsJob(params: CommandsParams): Promise<JobOutput> {
  const rows: Row[] = [];
  const notes: string[] = [
    `Each command books one meeting (ScheduleMeeting with a host, two guests and a description): load the stream (empty), decide, append. ` +
      `Library: createCommandService over createPostgresEventStore (readStream, meetingDecider, append_events with its per-stream lock, ` +
      `the shared wake-up notification). Baseline, the table's physical limit: raw pg, the same load query, then one INSERT into the same table ` +
      `guarded only by its UNIQUE (stream_id, version) constraint: no lock, no notification. One pool with a connection ` +
      `per worker, shared by the modes, and a fresh schema per mode; the modes take turns in blocks of ${count(params.block)} meetings so load from other processes falls on all alike. ` +
      `Scaling: the library's own throughput at the highest concurrency against one writer, target at least 1.5x.`,
  ];
  await race(['raw', 'plain'], Math.min(100, params.meetings), 4, 50); // warm-up: connections, JIT, the server's caches
  const perSecond = new Map<number, number>();
  for (const concurrency of params.concurrency) {
    const modes: Mode[] = ['raw', 'plain'];
    if (params.encryptedAt.includes(concurrency)) modes.push('encrypted');
    if (params.notifyAt?.includes(concurrency) === true) modes.push('notify-each');
    const results = await race(modes, params.meetings, concurrency, params.block, params.budgetMsPerLevel);
    const raw = results.get('raw') as Driven;
    const plain = results.get('plain') as Driven;
    const ratio = raw.perSecond / plain.perSecond;
    const done = plain.commands === params.meetings ? count(params.meetings) : `${count(plain.commands)} of ${count(params.meetings)} (time budget)`;
    rows.push({
      workload,
      scenario: `${done} bookings, concurrency ${concurrency}`,
      library: `${rate(plain.perSecond, 'cmd')}, ${latency(plain)}`,
      baseline: `${rate(raw.perSecond, 'cmd')}, ${latency(raw)}`,
      ratio,
      target: '≤ 1.3x',
      verdict: within(ratio, 1.3),
    });
    perSecond.set(concurrency, plain.perSecond);
    const notifying = results.get('notify-each');
    if (notifying !== undefined) {
      rows.push({
        workload,
        scenario: `${done} bookings, concurrency ${concurrency}, shared wake-up vs NOTIFY in every append`,
        library: `${rate(plain.perSecond, 'cmd')} shared wake-up`,
        baseline: `${rate(notifying.perSecond, 'cmd')}, ${latency(notifying)} with NOTIFY inside`,
        ratio: notifying.perSecond / plain.perSecond,
        target: 'choice',
        verdict: 'info',
      });
    }
    const sealed = results.get('encrypted');
    if (sealed !== undefined) {
      rows.push({
        workload,
        scenario: `${done} bookings, concurrency ${concurrency}, encrypted vs plain`,
        library: `${rate(sealed.perSecond, 'cmd')}, ${latency(sealed)}`,
        baseline: `${rate(plain.perSecond, 'cmd')} plain`,
        ratio: plain.perSecond / sealed.perSecond,
        target: 'overhead',
        verdict: 'info',
      });
    }
  }
  const lowest = Math.min(...params.concurrency);
  const highest = Math.max(...params.concurrency);
  const one = perSecond.get(lowest);
  const many = perSecond.get(highest);
  if (one !== undefined && many !== undefined && highest > lowest) {
    const scaling = many / one;
    rows.push({
      workload,
      scenario: `library scaling, ${highest} writers against ${lowest}`,
      library: `${rate(many, 'cmd')} at ${highest}`,
      baseline: `${rate(one, 'cmd')} at ${lowest}`,
      // Throughput grows with writers: report it as a speed-up, the target being a floor.
      ratio: scaling,
      target: '≥ 1.5x',
      verdict: scaling >= 1.5 ? 'met' : 'missed',
    });
  }
  return { rows, notes };
}
