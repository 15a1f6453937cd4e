/**
 * The few persistent-subscription calls of an EventStoreDB client the due index makes, declared
 * structurally so that an `EventStoreDBClient` (@eventstore/db-client 6) and a `KurrentDBClient`
 * (@kurrent/kurrentdb-client) both fit without the adapter importing either.
 */
import type { AllPosition, EventFilterLike } from '../../../store/eventstoredb/client';

/** A group's settings, in the clients' words (their `persistentSubscriptionToAllSettingsFromDefaults`). */
export interface GroupSettingsLike {
  readonly startFrom: 'start' | 'end' | AllPosition;
  readonly resolveLinkTos: boolean;
  readonly extraStatistics: boolean;
  /** Milliseconds a consumer has to ack a message before the server gives it to another. */
  readonly messageTimeout: number;
  readonly maxRetryCount: number;
  readonly checkPointAfter: number;
  readonly checkPointLowerBound: number;
  readonly checkPointUpperBound: number;
  readonly maxSubscriberCount: 'unbounded' | number;
  readonly liveBufferSize: number;
  readonly readBatchSize: number;
  readonly historyBufferSize: number;
  readonly consumerStrategyName: string;
}

/** One message of the group: the event, and how often the server has sent it before. */
export interface GroupEventLike {
  readonly event?: { readonly streamId: string; readonly revision: bigint; readonly type: string } | undefined;
  /** Optional here only so that the clients' `ack` and `nack`, typed for any resolved event, fit. */
  readonly retryCount?: number;
}

/** A connection to the group: the messages it is given, acked or nacked by event id. */
export type GroupSubscriptionLike = AsyncIterable<GroupEventLike> & {
  /** Tells the server these messages are handled: they are not sent again. */
  ack(...events: GroupEventLike[]): Promise<void>;
  /** Tells the server these messages were not handled, and what to do with them (the index uses `retry`). */
  nack(action: 'park' | 'retry' | 'skip' | 'stop', reason: string, ...events: GroupEventLike[]): Promise<void>;
  /** Leaves the group: the server gives what this connection held unacked to the others. */
  unsubscribe(): Promise<void>;
  /** The clients emit `confirmation` once the server has joined the connection to the group. */
  once?(event: 'confirmation', listener: () => void): unknown;
};

/** The persistent-subscription part of an EventStoreDB/KurrentDB client the due index calls. */
export interface ConsumerGroupClientLike {
  /** Creates the group on `$all`; fails with an error of `type` `persistent-subscription-exists` if it is there. */
  createPersistentSubscriptionToAll(groupName: string, settings: GroupSettingsLike, options: { readonly filter: EventFilterLike }): Promise<void>;
  /** Joins the group: the server sends this connection up to `bufferSize` unacked messages. */
  subscribeToPersistentSubscriptionToAll(groupName: string, options: { readonly bufferSize: number }): GroupSubscriptionLike;
}
