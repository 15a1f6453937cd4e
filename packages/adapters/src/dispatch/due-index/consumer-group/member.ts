import type { EventFilterLike, FromPositionLike } from '../../../store/eventstoredb/client';
import type { ConsumerGroupClientLike, GroupEventLike, GroupSettingsLike, GroupSubscriptionLike } from './client';

/** What a member needs to know of its group. */
export interface MemberOptions {
  readonly client: ConsumerGroupClientLike;
  readonly groupName: string;
  readonly filter: EventFilterLike;
  /** The group's settings apart from its start, used when this member is the one that creates it. */
  readonly settings: Omit<GroupSettingsLike, 'startFrom'>;
  /** Where a group created now starts (asked only when it does not exist yet). */
  readonly startFrom: () => Promise<FromPositionLike>;
  /** Messages the server may send this member before it acks them; also how many it handles at once. */
  readonly bufferSize: number;
  /** Real time a failed message waits before it is nacked for a retry, and a lost connection before it reconnects. */
  readonly retryDelayMs: number;
  /** Real time without a message after which the member counts as caught up (see `quiet`). */
  readonly quietMs: number;
  /** Handles one message; throws if it could not (the message is then retried). */
  readonly handle: (message: GroupEventLike) => Promise<void>;
  readonly onError: (error: unknown) => void;
}

/** This process's connection to the group, reconnected after a failure until closed. */
export interface GroupMember {
  /** Messages handled and acked since the last call. */
  takeHandled(): number;
  /**
   * Resolves once the member is connected, handles nothing and got nothing for `quietMs`: its
   * share of what the group had is indexed. Rejects with the connection's failure while it is down.
   */
  quiet(): Promise<void>;
  /** Stops taking messages, lets those in hand finish (and be acked), then leaves the group. */
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

function exists(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === 'persistent-subscription-exists';
}

/** Joins the group (creating it if nobody has) and handles its share of the messages. */
export function joinGroup(options: MemberOptions): GroupMember {
  const { client, groupName } = options;
  let closed = false;
  let connected = false;
  let failure: Error | undefined;
  let handled = 0;
  let lastMessageAt = 0;
  const inHand = new Set<Promise<void>>();
  let subscription: GroupSubscriptionLike | undefined;

  const ensureGroup = async (): Promise<void> => {
    try {
      await client.createPersistentSubscriptionToAll(groupName, { ...options.settings, startFrom: await options.startFrom() }, { filter: options.filter });
    } catch (error) {
      if (!exists(error)) throw error;
    }
  };

  const take = async (current: GroupSubscriptionLike, message: GroupEventLike): Promise<void> => {
    try {
      await options.handle(message);
    } catch (error) {
      options.onError(error);
      await sleep(options.retryDelayMs);
      if (!closed) await current.nack('retry', error instanceof Error ? error.message : String(error), message).catch(() => undefined);
      return;
    }
    // Acked only once the index write has committed: a member that dies before leaves it to another.
    await current.ack(message);
    handled++;
  };

  const follow = async (): Promise<void> => {
    await ensureGroup();
    const current = options.client.subscribeToPersistentSubscriptionToAll(groupName, { bufferSize: options.bufferSize });
    subscription = current;
    const confirmed = (): void => {
      connected = true;
      failure = undefined;
      // Whatever the group holds for this member comes after the confirmation: wait quietMs from here.
      lastMessageAt = Date.now();
    };
    if (current.once === undefined) confirmed();
    else current.once('confirmation', confirmed);
    try {
      for await (const message of current) {
        if (closed) break;
        connected = true;
        failure = undefined;
        lastMessageAt = Date.now();
        const work = take(current, message).catch(options.onError);
        inHand.add(work);
        void work.finally(() => inHand.delete(work));
        // The server sends at most bufferSize unacked messages; this only keeps the count in hand bounded if it sends more.
        if (inHand.size >= options.bufferSize) await Promise.race(inHand);
      }
    } finally {
      await Promise.all(inHand);
      connected = false;
    }
  };

  const running = (async () => {
    while (!closed) {
      try {
        await follow();
      } catch (error) {
        if (closed) break;
        failure = error instanceof Error ? error : new Error('the consumer group connection failed', { cause: error });
        options.onError(error);
      }
      if (!closed) await sleep(options.retryDelayMs);
    }
  })();

  return {
    takeHandled() {
      const count = handled;
      handled = 0;
      return count;
    },
    async quiet() {
      while (!closed) {
        if (failure !== undefined) throw failure;
        if (connected && inHand.size === 0 && Date.now() - lastMessageAt >= options.quietMs) return;
        await sleep(Math.max(1, options.quietMs / 5));
      }
    },
    async close() {
      closed = true;
      await Promise.all(inHand);
      await subscription?.unsubscribe().catch(() => undefined);
      await running;
    },
  };
}
