/** How far a dispatcher got: the last store position it folded and the clock time of its last tick. */
export interface DispatcherCheckpoint {
  readonly position: bigint;
  readonly at: string;
}

/** Where a dispatcher keeps its checkpoint between runs, one per dispatcher id. */
export interface CheckpointStore {
  /** The checkpoint last saved under `dispatcherId`, if any. */
  load(dispatcherId: string): Promise<DispatcherCheckpoint | undefined>;
  /** Replaces the checkpoint saved under `dispatcherId`. */
  save(dispatcherId: string, checkpoint: DispatcherCheckpoint): Promise<void>;
}
