/**
 * PostgreSQL: the event store, the dispatcher's due index and checkpoints, and the key store for
 * per-person encryption. Needs the `pg` package (an optional peer dependency).
 *
 * @module @rendezvous/adapters/postgres
 */
export * from './store/postgres';
export { createPostgresDueIndex, type PostgresDueIndex, type PostgresDueIndexOptions } from './dispatch/due-index/postgres';
export type { ConsumerGroupFeed } from './dispatch/due-index/consumer-group/fed-index';
export type { ConsumerGroupClientLike, GroupEventLike, GroupSettingsLike, GroupSubscriptionLike } from './dispatch/due-index/consumer-group/client';
export { createPostgresCheckpointStore, type PostgresCheckpointStore, type PostgresCheckpointStoreOptions } from './dispatch/checkpoints/postgres';
export * from './privacy/postgres-keys';
