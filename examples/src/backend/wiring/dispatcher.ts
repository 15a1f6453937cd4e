import {
  createDispatcher,
  createInMemoryCheckpointStore,
  createPostgresCheckpointStore,
  realClock,
  type CheckpointStore,
  type Dispatcher,
  type DispatchLogEntry,
  type EventStore,
  type Mailer,
} from '@rendezvous/adapters';
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
  /** With PostgreSQL the checkpoint is kept in the same schema as the events. */
  readonly pool?: Pool;
  readonly schema: string;
}

/** The live dispatcher, and the checkpoint store to close after it stopped. */
export interface LiveDispatcher {
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

/**
 * The wiring point of the live dispatcher: it runs in this process on the real clock, follows
 * the same store the commands write to, and asks the privacy key store before every email.
 */
export async function createLiveDispatcher(parts: DispatcherParts): Promise<LiveDispatcher> {
  const postgres = parts.pool === undefined ? undefined : await createPostgresCheckpointStore({ pool: parts.pool, schema: parts.schema });
  const checkpoints: CheckpointStore = postgres ?? createInMemoryCheckpointStore();
  const dispatcher = createDispatcher({
    store: parts.store,
    mailer: parts.mailer,
    renderer: parts.renderer,
    clock: realClock,
    dispatcherId: parts.dispatcherId,
    checkpoints,
    isSuppressed: parts.isSuppressed,
    log: parts.log,
  });
  return { dispatcher, close: async () => postgres?.close() };
}
