/**
 * The EventStoreDB (KurrentDB) event store, over a client you create with `@eventstore/db-client` or
 * `@kurrent/kurrentdb-client` (optional peer dependencies; the store only calls the client you pass).
 *
 * @module @rendezvous/adapters/eventstoredb
 */
export { createEventStoreDbStore, type EventStoreDbStoreOptions, type EventStoreDbClientLike } from './store/eventstoredb';
