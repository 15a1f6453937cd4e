import type { ReadAllOptions, StoredEvent, Subscription, SubscriptionHandler } from '../port';
import type { Wakeup } from '../memory/wakeup';
import type { EventRow } from './rows';

/** What a follower needs from the PostgreSQL store. */
export interface FollowSource {
  readPage(after: bigint, eventTypes: readonly string[] | undefined): Promise<EventRow[]>;
  /** Whether committed events after `after` wait behind an older transaction still running. */
  heldBack(after: bigint): Promise<boolean>;
  decode(row: EventRow): Promise<StoredEvent>;
  readonly wakeup: Wakeup;
  /** Makes sure notifications will come (reconnects a lost listener). */
  listen(): void;
  /** Longest wait without a notification before reading again, in case one was lost. */
  readonly pollIntervalMs: number;
}

function sleep(ms: number, wakeup: Wakeup, since: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    wakeup.wait(since),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Catches up page by page from `options.after`, then follows notified appends, one handler call at a time. */
export function follow(source: FollowSource, handler: SubscriptionHandler, options: ReadAllOptions = {}): Subscription {
  let stopping = false;
  let checkpoint = options.after ?? 0n;

  const run = async (): Promise<void> => {
    source.listen();
    // Events committed behind an older running transaction are there but not readable yet, and
    // its commit may notify nobody (it need not be an append): look again soon, backing off.
    let heldDelay = 1;
    while (!stopping) {
      // Taken before reading, so a notification that lands during the read is not slept through.
      const seen = source.wakeup.current;
      const page = await source.readPage(checkpoint, options.eventTypes);
      if (page.length === 0) {
        if (stopping) return;
        if (await source.heldBack(checkpoint)) {
          await sleep(heldDelay, source.wakeup, seen);
          heldDelay = Math.min(heldDelay * 2, 50, source.pollIntervalMs);
          continue;
        }
        source.listen();
        await sleep(source.pollIntervalMs, source.wakeup, seen);
        continue;
      }
      heldDelay = 1;
      for (const row of page) {
        const stored = await source.decode(row);
        if (stopping) return;
        await handler(stored);
        checkpoint = stored.position;
        if (stopping) return;
      }
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
