// One dispatcher instance in a process of its own, for the delivery workload: started by
// instances.ts, told over IPC when to start and stop, and reporting every email its mail server
// took (so the parent sees a burst end, and what a killed instance had sent).
import { createDispatcher, realClock } from '@rendezvous/adapters';
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
}

/** Messages an instance sends to the parent. */
export type InstanceMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'sent'; readonly key: string; readonly messageId: string; readonly dispatcherId: string }
  | { readonly type: 'stopped'; readonly cpuMs: number };

const tell = (message: InstanceMessage): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const params = JSON.parse(process.argv[2] ?? '{}') as InstanceParams;
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema: params.schema });
  const dueIndex = await createPostgresDueIndex({ connectionString: databaseUrl, schema: params.schema });
  const mailer = benchMailer(params.mailerDelayMs, (email, messageId) => tell({ type: 'sent', key: email.idempotencyKey, messageId, dispatcherId: params.dispatcherId }));
  const dispatcher = createDispatcher({
    store,
    dueIndex,
    mailer,
    renderer: createRenderer({ linkSecret: 'bench-secret' }),
    clock: realClock,
    dispatcherId: params.dispatcherId,
    concurrency: params.concurrency,
  });
  let cpuAtStart = process.cpuUsage();
  process.on('message', (message: { type: 'go' | 'stop' }) => {
    if (message.type === 'go') {
      cpuAtStart = process.cpuUsage();
      void dispatcher.start();
    } else {
      const used = process.cpuUsage(cpuAtStart);
      tell({ type: 'stopped', cpuMs: (used.user + used.system) / 1000 });
      void dispatcher
        .stop()
        .then(() => Promise.all([store.close(), dueIndex.close()]))
        .finally(() => process.exit(0));
    }
  });
  tell({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
