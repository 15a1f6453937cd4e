import type { DomainEvent } from '@rendezvous/domain';
import { Pool } from '../../peers/pg';
import { Wakeup } from '../memory/wakeup';
import type { AppendResult, EventStore, ExpectedVersion, ReadAllOptions, ReadStreamOptions, StoredEvent, Subscription } from '../port';
import { jsonSerializer, type EventSerializer, type SerializedEvent } from '../serializer';
import { Announcer } from './announcer';
import { appendRecords } from './append';
import { Listener } from './listener';
import { migrate } from './migrate';
import { namesFor } from './names';
import { slotsPerTransaction } from './positions';
import { eventsHeldBack, readAllPage, readAllPaged, readStreamPaged, type ReadContext } from './reads';
import { storedEventOf } from './rows';
import { follow } from './subscription';

/** Where the store connects: a pool you own (and end), or a URL the store opens and closes. */
export type PostgresConnection = { readonly pool: Pool } | { readonly connectionString: string };

/** Options of the PostgreSQL store. */
export type PostgresEventStoreOptions = PostgresConnection & {
  /** Schema holding the store's tables, created if absent (default `rendezvous`). */
  readonly schema?: string;
  /** How events become stored records and back; default: plain JSON through the domain codecs. */
  readonly serializer?: EventSerializer;
  /** Events per query when reading (default 500): a long stream is never loaded whole. */
  readonly pageSize?: number;
  /** Longest a subscriber waits without a notification before looking anyway (default 5000 ms). */
  readonly pollIntervalMs?: number;
};

/** The PostgreSQL store: the port, plus what it runs on. */
export interface PostgresEventStore extends EventStore {
  /** The schema the store's tables live in. */
  readonly schema: string;
}

/**
 * Opens a PostgreSQL event store, creating or migrating its schema first (idempotent, and safe
 * when several processes start at once).
 */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const names = namesFor(options.schema ?? 'rendezvous');
  const owned = 'connectionString' in options;
  const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.connectionString });
  // An idle connection that dies must not take the process down; the next query reconnects.
  if (owned) pool.on('error', () => undefined);
  try {
    await migrate(pool, names);
  } catch (error) {
    if (owned) await pool.end();
    throw error;
  }

  const serializer = options.serializer ?? jsonSerializer;
  const context: ReadContext = { pool, names, serializer, pageSize: options.pageSize ?? 500 };
  const wakeup = new Wakeup();
  const listener = new Listener(pool.options, names.channel, () => wakeup.notify());
  const announcer = new Announcer(pool, names.channel);
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new Error(`the PostgreSQL event store (schema ${options.schema ?? 'rendezvous'}) is closed`);
  };

  return {
    schema: options.schema ?? 'rendezvous',

    async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedVersion): Promise<AppendResult> {
      ensureOpen();
      if (events.length === 0) throw new RangeError(`append to stream ${streamId}: no events given`);
      if (events.length > slotsPerTransaction) {
        throw new RangeError(`append to stream ${streamId}: ${events.length} events, more than the ${slotsPerTransaction} one append can hold`);
      }
      // One at a time, in order: a serializer may create per-person keys on first sight.
      const records: SerializedEvent[] = [];
      for (const event of events) records.push(await serializer.serialize(streamId, event));
      const result = await appendRecords(pool, names, streamId, records, expected);
      // Subscribers in this process look at once; other processes hear of it soon after.
      wakeup.notify();
      announcer.announce();
      return result;
    },

    async *readStream(streamId: string, readOptions: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
      ensureOpen();
      yield* readStreamPaged(context, streamId, readOptions.fromVersion ?? 0);
    },

    async *readAll(readOptions: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
      ensureOpen();
      yield* readAllPaged(context, readOptions.after ?? 0n, readOptions.eventTypes);
    },

    subscribe(handler, subscribeOptions) {
      ensureOpen();
      const subscription = follow(
        {
          readPage: (after, eventTypes) => readAllPage(context, after, eventTypes),
          heldBack: (after) => eventsHeldBack(context, after),
          decode: (row) => storedEventOf(row, serializer),
          wakeup,
          listen: () => listener.ensure(),
          pollIntervalMs: options.pollIntervalMs ?? 5000,
        },
        handler,
        subscribeOptions,
      );
      subscriptions.add(subscription);
      subscription.done.finally(() => subscriptions.delete(subscription)).catch(() => undefined);
      return subscription;
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.close()));
      await listener.close();
      await announcer.settle();
      if (owned) await pool.end();
    },
  };
}
