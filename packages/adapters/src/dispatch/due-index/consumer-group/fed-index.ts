import { streamNames } from '../../../store/eventstoredb/names';
import type { EventStore } from '../../../store/port';
import { withDeadline } from '../../deadline';
import { dueMarkOf, meetingFactTypes } from '../facts';
import type { DueIndex, DueWatch } from '../port';
import type { ConsumerGroupClientLike, GroupEventLike } from './client';
import { joinGroup, type GroupMember } from './member';

/** How a shared due index is fed by an EventStoreDB persistent subscription (consumer group). */
export interface ConsumerGroupFeed {
  /** An `EventStoreDBClient` or a `KurrentDBClient`; the store's own client will do. */
  readonly client: ConsumerGroupClientLike;
  /** The store's `streamPrefix`, if it has one: only meeting streams under it are followed. */
  readonly streamPrefix?: string;
  /**
   * The group's name, one per due index (default `<streamPrefix>rendezvous-due-index`). Every
   * process sharing the index joins it; created on first use, starting at the index's checkpoint.
   */
  readonly groupName?: string;
  /** How long the server waits for a member's ack before giving the fact to another (default 10,000 ms). */
  readonly messageTimeoutMs?: number;
  /** Retries of one fact before the server parks it (default 1,000; one retry a second at most). */
  readonly maxRetryCount?: number;
  /** Facts a member holds unacked, and handles at once (default 16). */
  readonly bufferSize?: number;
  /** Real time before a failed fact is retried and a lost connection is reopened (default 1,000 ms). */
  readonly retryDelayMs?: number;
  /** Real time without a new fact after which `catchUp` counts this member as caught up (default 50 ms). */
  readonly quietMs?: number;
}

/** The due index's own write: lowers (or sets) a meeting's due time to `dueMs`, whoever holds it. */
export type MarkDue = (meetingId: string, dueMs: number) => Promise<void>;

/** The meeting fact at `revision` of a stream, read back through the store (so its serializer decodes it). */
async function markOfFact(store: EventStore, streamId: string, revision: number, timeoutMs: number): Promise<{ meetingId: string; dueMs: number } | undefined> {
  const iterator = store.readStream(streamId, { fromVersion: revision })[Symbol.asyncIterator]();
  try {
    const next = await withDeadline(iterator.next(), timeoutMs, 'reading a meeting fact');
    return next.done === true ? undefined : dueMarkOf(next.value);
  } finally {
    void iterator.return?.()?.catch(() => undefined);
  }
}

/**
 * A shared due index whose meeting facts come from an EventStoreDB consumer group instead of the
 * filler: each process that uses the index joins the group, the server hands every meeting fact
 * to one of them, and that one lowers the meeting's due time and acks once the write committed.
 * A due time is the least of the marks, so the order of the facts, and a fact handled twice
 * (redelivered after a member died or timed out), change nothing. Everything else is `index`'s.
 */
export function fedByConsumerGroup<I extends DueIndex & { close(): Promise<void> }>(index: I, markDue: MarkDue, feed: ConsumerGroupFeed): I {
  const names = streamNames(feed.streamPrefix);
  const groupName = feed.groupName ?? `${names.prefix}rendezvous-due-index`;
  let member: GroupMember | undefined;
  let store: EventStore | undefined;
  let timeoutMs = 10_000;
  let onDue: (() => void) | undefined;
  let report: (error: unknown) => void = () => undefined;

  const handle = async (message: GroupEventLike): Promise<void> => {
    const recorded = message.event;
    if (recorded === undefined || store === undefined || !meetingFactTypes.includes(recorded.type)) return;
    const streamId = names.fromServer(recorded.streamId);
    if (streamId === undefined) return;
    const mark = await markOfFact(store, streamId, Number(recorded.revision), timeoutMs);
    if (mark === undefined) return;
    await withDeadline(markDue(mark.meetingId, mark.dueMs), timeoutMs, 'writing the due index');
    onDue?.();
  };

  const join = (using: EventStore, storeTimeoutMs: number): GroupMember => {
    store = using;
    timeoutMs = storeTimeoutMs;
    member ??= joinGroup({
      client: feed.client,
      groupName,
      // Meeting facts live in meeting streams only: the server sends nothing else.
      filter: { filterOn: 'streamName', prefixes: [`${names.prefix}meeting-`], checkpointInterval: 1 },
      settings: {
        resolveLinkTos: false,
        extraStatistics: false,
        messageTimeout: feed.messageTimeoutMs ?? 10_000,
        maxRetryCount: feed.maxRetryCount ?? 1_000,
        checkPointAfter: 2_000,
        checkPointLowerBound: 10,
        checkPointUpperBound: 1_000,
        maxSubscriberCount: 'unbounded',
        liveBufferSize: 500,
        readBatchSize: 20,
        historyBufferSize: 500,
        consumerStrategyName: 'RoundRobin',
      },
      // A group created over an index the filler kept starts where the filler stopped.
      startFrom: async () => {
        const position = await index.position();
        return position === 0n ? 'start' : { commit: position, prepare: position };
      },
      bufferSize: feed.bufferSize ?? 16,
      retryDelayMs: feed.retryDelayMs ?? 1_000,
      quietMs: feed.quietMs ?? 50,
      handle,
      onError: (error) => report(error),
    });
    return member;
  };

  return {
    ...index,
    /** Joins the group if this process has not yet, and waits until its share of the facts is indexed. */
    async catchUp(using: EventStore, storeTimeoutMs: number): Promise<number> {
      const joined = join(using, storeTimeoutMs);
      await joined.quiet();
      return joined.takeHandled();
    },
    /** Joins the group if this process has not yet; `onDue` is called after each fact this member indexed. */
    watch(using: EventStore, storeTimeoutMs: number, due: () => void, onError: (error: unknown) => void): DueWatch {
      join(using, storeTimeoutMs);
      onDue = due;
      report = onError;
      return {
        async close() {
          onDue = undefined;
          report = () => undefined;
        },
      };
    },
    /** Leaves the group (what this process holds unacked goes to the others), then closes the index. */
    async close() {
      await member?.close();
      await index.close();
    },
  };
}
