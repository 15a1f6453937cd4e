import type { ReadAllOptions, StoredEvent, Subscription, SubscriptionHandler } from '../port';
import type { RawRecord } from './records';
import type { Wakeup } from './wakeup';

/** What a follower needs from the in-memory store. */
export interface FollowSource {
  /** The record at a 0-based index of the global log, if written yet. */
  at(index: number): RawRecord | undefined;
  decode(record: RawRecord): Promise<StoredEvent>;
  readonly wakeup: Wakeup;
}

/** Catches up from `options.after`, then follows live appends, one handler call at a time. */
export function follow(source: FollowSource, handler: SubscriptionHandler, options: ReadAllOptions = {}): Subscription {
  const types = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
  let stopping = false;
  // Positions are 1, 2, 3...: the record after checkpoint c sits at index c.
  let next = Number(options.after ?? 0n);

  const run = async (): Promise<void> => {
    while (!stopping) {
      const seen = source.wakeup.current;
      const record = source.at(next);
      if (record === undefined) {
        await source.wakeup.wait(seen);
        continue;
      }
      next++;
      if (types !== undefined && !types.has(record.record.type)) continue;
      const stored = await source.decode(record);
      if (stopping) return;
      await handler(stored);
    }
  };

  const done = run();
  // A stopped subscription must not crash the process when nobody awaits `done`.
  done.catch(() => undefined);
  return {
    done,
    async close() {
      stopping = true;
      source.wakeup.notify();
      await done.catch(() => undefined);
    },
  };
}
