// For the consumer-group tests: one process's connection to the group that can die as a process
// does. After kill() its connections are cut without a word (nothing it held is acked) and every
// later call fails, so the server gives what it held to the group's other members.
import type { ConsumerGroupClientLike, GroupEventLike, GroupSubscriptionLike } from './client';

/** A client of one (simulated) process, with what it acked. */
export interface KillableGroupClient {
  readonly client: ConsumerGroupClientLike;
  /** Acks sent while alive. */
  readonly acked: number;
  /** Messages received while alive that the server had sent before (retry count above 0). */
  readonly redelivered: number;
  kill(): void;
}

const dead = (): Promise<never> => Promise.reject(new Error('injected: the process is dead'));

export function killableGroupClient(inner: ConsumerGroupClientLike): KillableGroupClient {
  let killed = false;
  let acked = 0;
  let redelivered = 0;
  const open = new Set<GroupSubscriptionLike>();
  const client: ConsumerGroupClientLike = {
    createPersistentSubscriptionToAll: (...args) => (killed ? dead() : inner.createPersistentSubscriptionToAll(...args)),
    subscribeToPersistentSubscriptionToAll(groupName, options) {
      const subscription = inner.subscribeToPersistentSubscriptionToAll(groupName, options);
      open.add(subscription);
      if (killed) void subscription.unsubscribe();
      const messages = async function* (): AsyncGenerator<GroupEventLike> {
        for await (const message of subscription) {
          if (killed) return;
          if ((message.retryCount ?? 0) > 0) redelivered++;
          yield message;
        }
      };
      return {
        [Symbol.asyncIterator]: () => messages(),
        ack: (...events) => (killed ? dead() : subscription.ack(...events).then(() => void (acked += events.length))),
        nack: (action, reason, ...events) => (killed ? dead() : subscription.nack(action, reason, ...events)),
        unsubscribe: () => subscription.unsubscribe(),
        ...(subscription.once === undefined ? {} : { once: (event: 'confirmation', listener: () => void) => subscription.once?.(event, listener) }),
      };
    },
  };
  return {
    client,
    get acked() {
      return acked;
    },
    get redelivered() {
      return redelivered;
    },
    kill() {
      killed = true;
      for (const subscription of open) void subscription.unsubscribe().catch(() => undefined);
    },
  };
}
