import { fromMillis, normalizeInstant } from '@rendezvous/domain';
import type { Clock } from './clock';

/** A clock that moves only when told to: for tests, demos and anything that must not wait. */
export interface VirtualClock extends Clock {
  /**
   * Moves time forward to `instant`, waking sleepers in the order of their deadlines; each one
   * wakes with the clock reading its own deadline, and the event loop gets a few turns before
   * the next, so the code it wakes can react (and sleep again) on time.
   */
  advanceTo(instant: string): Promise<void>;
  /** `advanceTo(now + ms)`. */
  advanceBy(ms: number): Promise<void>;
}

interface Sleeper {
  readonly deadline: number;
  readonly order: number;
  readonly wake: () => void;
}

// A woken sleeper's continuation usually awaits a few promises and maybe some I/O-free work
// before it sleeps again; these turns of the event loop let it get there before time moves on.
const turns = 5;
const settle = async (): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

function instantMillis(instant: string): number {
  const normalized = normalizeInstant(instant);
  if (normalized === undefined) throw new RangeError(`virtual clock: ${JSON.stringify(instant)} is not an ISO 8601 instant with an offset`);
  return Date.parse(normalized);
}

/** Creates a virtual clock reading `start`. */
export function createVirtualClock(start: string): VirtualClock {
  let nowMs = instantMillis(start);
  let sleepers: Sleeper[] = [];
  let order = 0;
  // Advances take turns: two callers moving time at once would wake sleepers out of order.
  let moving: Promise<void> = Promise.resolve();

  const move = async (target: number): Promise<void> => {
    if (target < nowMs) throw new RangeError(`virtual clock: cannot go back from ${fromMillis(nowMs)} to ${fromMillis(target)}`);
    for (;;) {
      const next = sleepers.reduce<Sleeper | undefined>(
        (first, s) => (first === undefined || s.deadline < first.deadline || (s.deadline === first.deadline && s.order < first.order) ? s : first),
        undefined,
      );
      if (next === undefined || next.deadline > target) break;
      nowMs = Math.max(nowMs, next.deadline);
      const due = sleepers.filter((s) => s.deadline <= nowMs);
      sleepers = sleepers.filter((s) => s.deadline > nowMs);
      for (const s of due.sort((a, b) => a.order - b.order)) s.wake();
      await settle();
    }
    nowMs = target;
    await settle();
  };

  return {
    now: () => fromMillis(nowMs),
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted === true || ms <= 0) return resolve();
        const sleeper: Sleeper = {
          deadline: nowMs + ms,
          order: order++,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          sleepers = sleepers.filter((s) => s !== sleeper);
          resolve();
        };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    advanceTo(instant) {
      const target = instantMillis(instant);
      const run = moving.then(() => move(target));
      moving = run.catch(() => undefined);
      return run;
    },
    advanceBy(ms) {
      const run = moving.then(() => move(nowMs + ms));
      moving = run.catch(() => undefined);
      return run;
    },
  };
}
