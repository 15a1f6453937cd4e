import type { EventStore, Subscription } from '../../store/port';
import { meetingFactTypes } from './facts';

/** A running follower of the store's meeting facts. */
export interface FactFollower {
  close(): Promise<void>;
}

/** How long a follower whose subscription failed waits before subscribing again (real time). */
const resubscribeMs = 1_000;

/**
 * Calls `onFact` for every meeting fact appended after `from()` (read anew at each (re)subscribe),
 * subscribing again after a failure. Only a wake-up: the index reads the facts itself.
 */
export function followFacts(store: EventStore, from: () => Promise<bigint>, onFact: () => void, onError: (error: unknown) => void): FactFollower {
  let closed = false;
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  const again = (): void => {
    if (!closed) timer = setTimeout(() => void subscribe(), resubscribeMs);
  };
  const subscribe = async (): Promise<void> => {
    let after: bigint;
    try {
      after = await from();
    } catch (error) {
      onError(error);
      again();
      return;
    }
    if (closed) return;
    const current = store.subscribe(() => onFact(), { after, eventTypes: meetingFactTypes });
    subscription = current;
    current.done.then(
      () => undefined,
      (error: unknown) => {
        if (closed) return;
        onError(error);
        again();
      },
    );
  };
  void subscribe();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await subscription?.close();
    },
  };
}
