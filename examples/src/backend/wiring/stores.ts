import { Pool } from 'pg';
import { EventStoreDBClient } from '@eventstore/db-client';
import {
  createEncryptingSerializer, createInMemoryEventStore, createInMemoryKeyStore, type EventStore, type KeyStore,
} from '@rendezvous/adapters';
import { createEventStoreDbStore } from '@rendezvous/adapters/eventstoredb';
import { createPostgresEventStore, createPostgresKeyStore } from '@rendezvous/adapters/postgres';
import type { BackendConfig } from '../config';

/** The storage a backend runs on, and what to close when it stops. */
export interface Storage {
  readonly store: EventStore;
  readonly keyStore: KeyStore;
  /** The PostgreSQL pool, when DATABASE_URL is set (the dispatcher's checkpoint can live there). */
  readonly pool?: Pool;
  readonly schema: string;
  /** Says which store and key store are in use, for the start-up log line. */
  readonly description: { readonly events: string; readonly keys: string };
  close(): Promise<void>;
}

/**
 * Opens the event store and the privacy key store. Every store writes through the encrypting
 * serializer, so personal fields are never stored in clear and erasure reaches every copy.
 * Keys live in PostgreSQL when DATABASE_URL is set (they must outlive the process as long as
 * the events do), else in memory.
 */
export async function openStorage(config: BackendConfig): Promise<Storage> {
  const schema = config.databaseSchema ?? 'rendezvous';
  const pool = config.databaseUrl === undefined ? undefined : new Pool({ connectionString: config.databaseUrl, max: 10 });
  // An idle connection that dies (database restart) must not take the process down.
  pool?.on('error', () => undefined);
  const opened: { close(): Promise<void> }[] = [];
  try {
    const keyStore: KeyStore =
      pool === undefined
        ? createInMemoryKeyStore()
        : await createPostgresKeyStore({ pool, schema, ...(config.privacyMasterKey === undefined ? {} : { masterKey: config.privacyMasterKey }) });
    opened.push(keyStore);
    const serializer = createEncryptingSerializer({ keyStore });
    let store: EventStore;
    let events: string;
    if (config.eventStoreUrl !== undefined) {
      store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(config.eventStoreUrl), serializer });
      events = 'EventStoreDB';
    } else if (pool !== undefined) {
      store = await createPostgresEventStore({ pool, schema, serializer });
      events = `PostgreSQL (schema ${schema})`;
    } else {
      store = createInMemoryEventStore({ serializer });
      events = 'in memory';
    }
    opened.push(store);
    return {
      store,
      keyStore,
      schema,
      ...(pool === undefined ? {} : { pool }),
      description: { events, keys: pool === undefined ? 'in memory' : `PostgreSQL (schema ${schema})` },
      async close() {
        await store.close();
        await keyStore.close();
        await pool?.end();
      },
    };
  } catch (error) {
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    throw error;
  }
}
