export type { CheckpointStore, DispatcherCheckpoint } from './port';
export { createInMemoryCheckpointStore } from './memory';
export { createPostgresCheckpointStore, type PostgresCheckpointStore, type PostgresCheckpointStoreOptions } from './postgres';
