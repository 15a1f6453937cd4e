import {
  createDispatcher, createInMemoryCheckpointStore, realClock, type CheckpointStore, type Dispatcher, type DispatchLogEntry, type EventStore, type Mailer,
} from '@rendezvous/adapters';
import { createPostgresCheckpointStore, createPostgresDueIndex } from '@rendezvous/adapters/postgres';
import type { Renderer } from '@rendezvous/notifications';
import type { Pool } from 'pg';

/** What the backend's dispatcher is built from. */
export interface DispatcherParts {
  readonly store: EventStore;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  /** Why an address must get no email (restricted or erased), or undefined. */
  readonly isSuppressed: (email: string) => Promise<string | undefined>;
  readonly log: (entry: DispatchLogEntry) => void;
  readonly dispatcherId: string;
  /** With PostgreSQL the due index and the checkpoint are kept in the same schema as the events. */
  readonly pool?: Pool;
  readonly schema: string;
}

/** The live dispatcher, and the due index and checkpoint store to close after it stopped. */
export interface LiveDispatcher {
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * The wiring point of the live dispatcher: it runs in this process on the real clock, follows
 * the same store the commands write to, and asks the privacy key store before every email.
 * On PostgreSQL every backend process shares one due index in the store's schema, so running
 * several processes adds delivery capacity (each with its own DISPATCHER_ID or host-pid id).
 */
export async function createLiveDispatcher(parts: DispatcherParts): Promise<LiveDispatcher> {
  const postgres = parts.pool === undefined ? undefined : await createPostgresCheckpointStore({ pool: parts.pool, schema: parts.schema });
  const dueIndex = parts.pool === undefined ? undefined : await createPostgresDueIndex({ pool: parts.pool, schema: parts.schema });
  const checkpoints: CheckpointStore = postgres ?? createInMemoryCheckpointStore();
  const dispatcher = createDispatcher({
    store: parts.store,
    mailer: parts.mailer,
    renderer: parts.renderer,
    clock: realClock,
    dispatcherId: parts.dispatcherId,
    checkpoints,
    ...(dueIndex === undefined ? {} : { dueIndex }),
    isSuppressed: parts.isSuppressed,
    log: parts.log,
  });
  return {
    dispatcher,
    close: async () => {
      await dueIndex?.close();
      await postgres?.close();
    },
  };
}
