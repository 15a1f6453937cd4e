// One dispatcher instance in a process of its own, for the delivery workload: started by
// instances.ts, told over IPC when to start, when its CPU count starts, and when to stop, and reporting every email its mail server
// took (so the parent sees a burst end, and what a killed instance had sent).
import { readFileSync } from 'node:fs';
import { createDispatcher, realClock, type DueIndex } from '@rendezvous/adapters';
import { meetingEventData } from '@rendezvous/domain';
import { createPostgresDueIndex, createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { createRenderer } from '@rendezvous/notifications';
import { databaseUrl } from '../postgres/connection';
import { benchMailer } from './bookings';

/** How the parent sets an instance up. */
export interface InstanceParams {
  readonly schema: string;
  readonly dispatcherId: string;
  readonly concurrency: number;
  readonly mailerDelayMs: number;
  /**
   * `filler`: the library as it is (one process at a time follows the store). `every`: for the
   * comparison, every instance follows the store's wake-ups itself and folds new facts on each,
   * as the dispatcher did before the filler.
   */
  readonly following: 'filler' | 'every';
  /**
   * Dies (SIGKILL to itself) once its mail server has taken this many emails of the burst (meetings
   * `m-*`), at the moment it
   * took one: after acceptance, before the record, with the meeting's other emails claimed.
   */
  readonly dieAfter?: number;
}

/** Messages an instance sends to the parent. */
export type InstanceMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'sent'; readonly key: string; readonly messageId: string; readonly dispatcherId: string }
  | { readonly type: 'stopped'; readonly cpu: InstanceCpu }
  | { readonly type: 'dying'; readonly atMs: number };

/** CPU (user + system, ms) an instance used: over the burst, of its main thread over the burst, and over its whole life. */
export interface InstanceCpu {
  readonly burstMs: number;
  /** NaN where /proc is not there to read. */
  readonly mainThreadBurstMs: number;
  readonly lifeMs: number;
}

/**
 * CPU (user + system, ms) of the process's main thread, where JavaScript runs, from Linux's /proc
 * (10 ms ticks); NaN elsewhere. The rest of the process's CPU is V8's helper threads: optimizing
 * compilation and parallel garbage collection.
 */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime (fields 14 and 15 of proc(5)'s stat) are the 12th and 13th after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

const tell = (message: InstanceMessage): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const params = JSON.parse(process.argv[2] ?? '{}') as InstanceParams;
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema: params.schema });
  const postgresIndex = await createPostgresDueIndex({ connectionString: databaseUrl, schema: params.schema });
  const dueIndex: DueIndex =
    params.following === 'filler'
      ? postgresIndex
      : {
          ...postgresIndex,
          watch: (followed, timeoutMs, onDue) => {
            const subscription = followed.subscribe(async () => {
              await postgresIndex.catchUp(followed, timeoutMs).catch(() => 0);
              onDue();
            }, { after: 0n, eventTypes: Object.keys(meetingEventData) });
            return { close: () => subscription.close() };
          },
        };
  let accepted = 0;
  const mailer = benchMailer(params.mailerDelayMs, (email, messageId) => {
    tell({ type: 'sent', key: email.idempotencyKey, messageId, dispatcherId: params.dispatcherId });
    if (params.dieAfter !== undefined && email.idempotencyKey.startsWith('m-') && ++accepted === params.dieAfter) {
      tell({ type: 'dying', atMs: Date.now() });
      // The IPC messages above go out before the process ends.
      setImmediate(() => process.kill(process.pid, 'SIGKILL'));
      throw new Error('dying');
    }
  });
  const dispatcher = createDispatcher({
    store,
    dueIndex,
    mailer,
    renderer: createRenderer({ linkSecret: 'bench-secret' }),
    clock: realClock,
    dispatcherId: params.dispatcherId,
    concurrency: params.concurrency,
    // BENCH_DEBUG=1 prints what the instance logs.
    ...(process.env['BENCH_DEBUG'] === '1' ? { log: (entry: object) => console.error(params.dispatcherId, JSON.stringify(entry).slice(0, 300)) } : {}),
  });
  let cpuAtStart = process.cpuUsage();
  let mainAtStart = mainThreadCpuMs();
  process.on('message', (message: { type: 'go' | 'mark' | 'stop' }) => {
    if (message.type === 'go') void dispatcher.start();
    else if (message.type === 'mark') {
      cpuAtStart = process.cpuUsage();
      mainAtStart = mainThreadCpuMs();
    } else {
      const burst = process.cpuUsage(cpuAtStart);
      const life = process.cpuUsage();
      const cpu: InstanceCpu = { burstMs: (burst.user + burst.system) / 1000, mainThreadBurstMs: mainThreadCpuMs() - mainAtStart, lifeMs: (life.user + life.system) / 1000 };
      tell({ type: 'stopped', cpu });
      void dispatcher
        .stop()
        .then(() => Promise.all([store.close(), postgresIndex.close()]))
        .finally(() => process.exit(0));
    }
  });
  // A parent that dies (or is killed by the harness's time limit) takes its instances with it.
  process.on('disconnect', () => process.exit(1));
  tell({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
