export type { CheckpointStore, DispatcherCheckpoint } from './port';
export { createInMemoryCheckpointStore } from './memory';
