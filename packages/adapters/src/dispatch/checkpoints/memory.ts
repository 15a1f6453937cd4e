import type { CheckpointStore, DispatcherCheckpoint } from './port';

/** Checkpoints in this process's memory: the default, and what tests restart dispatchers on. */
export function createInMemoryCheckpointStore(): CheckpointStore {
  const saved = new Map<string, DispatcherCheckpoint>();
  return {
    async load(dispatcherId) {
      return saved.get(dispatcherId);
    },
    async save(dispatcherId, checkpoint) {
      saved.set(dispatcherId, { position: checkpoint.position, at: checkpoint.at });
    },
  };
}
