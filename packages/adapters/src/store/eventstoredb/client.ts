/**
 * The few parts of an EventStoreDB client the adapter uses, declared structurally so that both
 * `@eventstore/db-client` (6.x) and its successor `@kurrent/kurrentdb-client` fit without the
 * adapter importing either.
 */

/** A position in $all, as the clients give and take it. */
export interface AllPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** What a writer expects of a stream, in the clients' words. */
export type StreamStateLike = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** A JSON payload the clients accept for `application/json` events. */
export type JsonPayload = Record<string | number, unknown> | unknown[] | string;

/** An event to append. */
export interface EventDataLike {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: JsonPayload;
  readonly metadata: JsonPayload;
}

/** Append options understood by both clients: db-client reads `expectedRevision`, kurrentdb-client `streamState`. */
export interface AppendOptionsLike {
  readonly expectedRevision: StreamStateLike;
  readonly streamState: StreamStateLike;
}

/** The result of an append (`success` is false only when the client was told not to throw on conflicts). */
export interface AppendResultLike {
  readonly success: boolean;
  readonly nextExpectedRevision: bigint;
  readonly position?: AllPosition | undefined;
}

/** An event as read back. `data` is parsed JSON for JSON events, bytes otherwise. */
export interface RecordedEventLike {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly position?: AllPosition | undefined;
}

/** One item of a read or subscription; `event` is absent for an unresolved link. */
export interface ResolvedEventLike {
  readonly event?: RecordedEventLike | undefined;
  readonly commitPosition?: bigint | undefined;
}

/** A server-side filter of $all, by event type or by stream name. */
export type EventFilterLike =
  | { readonly filterOn: 'eventType' | 'streamName'; readonly regex: string; readonly checkpointInterval: number }
  | { readonly filterOn: 'eventType' | 'streamName'; readonly prefixes: string[]; readonly checkpointInterval: number };

/** Where to start reading or following $all. */
export type FromPositionLike = AllPosition | 'start';

/** A finite read, iterated lazily; db-client's reads can also be cancelled early. */
export type ReadingLike = AsyncIterable<ResolvedEventLike> & {
  /** Stops the read early. */
  cancel?(): Promise<void>;
};

/** A live subscription: an endless iterable that stops on unsubscribe. */
export type SubscriptionLike = AsyncIterable<ResolvedEventLike> & {
  /** Ends the subscription. */
  unsubscribe(): Promise<void>;
  /** Tears the subscription down at once (db-client only). */
  destroy?(): unknown;
};

/** The slice of an EventStoreDB/KurrentDB client the adapter calls. */
export interface EventStoreDbClientLike {
  /** Appends events to one stream if it is in the expected state. */
  appendToStream(streamName: string, events: EventDataLike[], options: AppendOptionsLike): Promise<AppendResultLike>;
  /** Reads one stream forward from a revision. */
  readStream(streamName: string, options: { readonly fromRevision: bigint }): ReadingLike;
  /** db-client 6 ignores `filter` on reads (it filters only subscriptions); the adapter filters again. */
  readAll(options: { readonly fromPosition: FromPositionLike; readonly filter: EventFilterLike }): ReadingLike;
  /** Follows $all from a position, live, until unsubscribed. */
  subscribeToAll(options: { readonly fromPosition: FromPositionLike; readonly filter: EventFilterLike }): SubscriptionLike;
  /** Closes the connection. */
  dispose(): Promise<void>;
}
