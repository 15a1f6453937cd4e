import type { DomainEvent } from '@rendezvous/domain';

/** What the writer expects of a stream before appending (optimistic concurrency). */
export type ExpectedVersion =
  | { readonly kind: 'any' }
  | { readonly kind: 'noStream' }
  | { readonly kind: 'streamExists' }
  | { readonly kind: 'exact'; readonly version: number };

/** An event as read back from a store: the event plus where it sits. */
export interface StoredEvent {
  readonly streamId: string;
  /** 0-based position of the event in its stream. */
  readonly version: number;
  /** Position in the global order of all events; strictly increasing, gaps allowed. */
  readonly position: bigint;
  readonly event: DomainEvent;
}

/** The result of a successful append. */
export interface AppendResult {
  /** Version of the last event appended (the stream's new version). */
  readonly nextVersion: number;
  /** Global position of the last event appended. */
  readonly position: bigint;
}

/** Options for reading one stream. */
export interface ReadStreamOptions {
  /** First version to read (default 0). */
  readonly fromVersion?: number;
}

/** Options for reading or following all events. */
export interface ReadAllOptions {
  /** Read events strictly after this position (a checkpoint); default: from the beginning. */
  readonly after?: bigint;
  /** Only events of these types. */
  readonly eventTypes?: readonly string[];
}

/** A live subscription to all events. */
export interface Subscription {
  /** Stops the subscription; resolves when no handler call is in flight. */
  close(): Promise<void>;
  /** Resolves when the subscription stops: on close(), or rejects with the error that stopped it. */
  readonly done: Promise<void>;
}

/** Handles one event of a subscription; the subscription waits for it before the next. */
export type SubscriptionHandler = (stored: StoredEvent) => Promise<void> | void;

/**
 * The event store port. Implementations: in-memory, PostgreSQL, EventStoreDB; authors of other
 * stores implement this and run the contract kit from `@rendezvous/adapters/testing`.
 * Conflicts reject with `VersionConflictError`; undecodable events reject with `CorruptEventError`.
 */
export interface EventStore {
  /** Appends events atomically to one stream if it is at the expected version. */
  append(streamId: string, events: readonly DomainEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /** Reads one stream forward; never loads a whole long stream into memory at once. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** Reads all events in global order from a checkpoint, up to now. */
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  /** Catches up from a checkpoint, then follows live appends, calling `handler` once per event in order. */
  subscribe(handler: SubscriptionHandler, options?: ReadAllOptions): Subscription;
  /** Releases connections and stops subscriptions. */
  close(): Promise<void>;
}
