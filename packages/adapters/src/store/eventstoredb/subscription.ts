import type { StoredEvent, Subscription, SubscriptionHandler } from '../port';
import type { SubscriptionLike } from './client';
import { Interrupts, STOP } from './interrupts';
import type { Selected, Selection } from './selection';

/**
 * Follows a client subscription, handing the handler one selected event at a time.
 * Stops on close() (after the handler in flight returns), on the handler's error, on an event
 * that does not decode, or when the server ends the subscription.
 */
export function follow(
  source: SubscriptionLike,
  selection: Selection,
  decode: (selected: Selected) => Promise<StoredEvent>,
  handler: SubscriptionHandler,
): Subscription {
  const interrupts = new Interrupts();

  const run = async (): Promise<void> => {
    const events = source[Symbol.asyncIterator]();
    try {
      while (!interrupts.stopped) {
        // Interruptible, so that close() stops a subscription with nothing to deliver at once.
        const next = await interrupts.next(events);
        if (next === STOP) return;
        if (next.done) throw new Error('EventStoreDB ended the subscription to $all');
        const selected = selection.pick(next.value);
        if (selected === undefined) continue;
        const stored = await decode(selected);
        if (interrupts.stopped) return;
        await handler(stored);
      }
    } finally {
      await source.unsubscribe().catch(() => undefined);
      source.destroy?.();
    }
  };

  const done = run();
  // A stopped subscription must not crash the process when nobody awaits `done`.
  done.catch(() => undefined);
  return {
    done,
    async close() {
      interrupts.interrupt();
      await done.catch(() => undefined);
    },
  };
}
