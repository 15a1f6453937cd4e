import { isDeliveryEvent } from '@rendezvous/domain';
import type { Planner, PlanningSession } from '@rendezvous/notifications';
import { Turns } from '../commands/turns';
import type { EventStore, StoredEvent } from '../store/port';
import { withDeadline } from './deadline';
import { isFinal, Ledger } from './ledger';

/** What a fold step was: a fact for the planner, a delivery record, or something already folded. */
export type Absorbed = 'fact' | 'delivery' | 'old';

/**
 * The dispatcher's view of the store: the planner's plan of every fact and the ledger of every
 * delivery record, up to `position`. The live subscription and the catch-up reads feed it in
 * turns, and each event is folded once however many paths bring it.
 */
export class Projection {
  /** The plan, folded in place: the dispatcher only moves forward and never needs an earlier one. */
  readonly plan: PlanningSession;
  readonly ledger = new Ledger();
  /** Global position of the last event folded (0n: nothing yet). */
  position = 0n;
  /** Meetings that went LIVE (or ended) or were cancelled: a late reminder for them is skipped. */
  private readonly over = new Map<string, 'started' | 'cancelled'>();
  private readonly turns = new Turns();

  constructor(planner: Planner) {
    this.plan = planner.session();
  }

  /** Folds one stored event unless it was folded already. */
  absorb(stored: StoredEvent): Absorbed {
    if (stored.position <= this.position) return 'old';
    this.position = stored.position;
    return this.fold(stored.streamId, stored.version, stored.event);
  }

  /** Folds delivery records this dispatcher appended itself (ending at `lastVersion`), before the subscription brings them back. */
  recordOwn(streamId: string, lastVersion: number, events: readonly StoredEvent['event'][]): void {
    events.forEach((event, i) => this.fold(streamId, lastVersion - events.length + 1 + i, event));
  }

  private fold(streamId: string, version: number, event: StoredEvent['event']): Absorbed {
    if (!isDeliveryEvent(event)) {
      this.plan.evolve(event);
      if (event.type === 'MeetingStarted' || event.type === 'MeetingEnded') this.over.set(event.data.meetingId, 'started');
      if (event.type === 'MeetingCancelled') this.over.set(event.data.meetingId, 'cancelled');
      return 'fact';
    }
    const after = this.ledger.apply(streamId, version, event);
    // A final record takes the email out of the plan's queue, so no dispatcher takes it again.
    if (after !== undefined && isFinal(after)) this.plan.markSent(after.idempotencyKey, event.occurredAt);
    return 'delivery';
  }

  /** Whether a meeting has started (or ended) or was cancelled, as far as folded. */
  meetingOver(meetingId: string): 'started' | 'cancelled' | undefined {
    return this.over.get(meetingId);
  }

  /** Runs `work` when no other fold is in progress (folds must see positions in order). */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.turns.run('fold', work);
  }

  /**
   * Folds everything the store holds after `position`, up to its end when the read began.
   * Each page of the read must come within `timeoutMs`; returns how many events were new.
   */
  catchUp(store: EventStore, timeoutMs: number, onEvent?: (kind: Absorbed, stored: StoredEvent) => void): Promise<number> {
    return this.exclusive(async () => {
      let count = 0;
      const iterator = store.readAll({ after: this.position })[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await withDeadline(iterator.next(), timeoutMs, 'reading the event store');
          if (next.done === true) return count;
          const kind = this.absorb(next.value);
          if (kind !== 'old') count++;
          onEvent?.(kind, next.value);
        }
      } finally {
        // Not awaited: a store that hangs must not hang the dispatcher on the way out.
        void iterator.return?.()?.catch(() => undefined);
      }
    });
  }

  /** Reads a delivery stream again (after a lost race) so the ledger knows who holds what. */
  async refresh(store: EventStore, streamId: string, timeoutMs: number): Promise<void> {
    const read = async (): Promise<void> => {
      for await (const stored of store.readStream(streamId, { fromVersion: (this.ledger.version(streamId) ?? -1) + 1 })) {
        if (isDeliveryEvent(stored.event)) this.fold(streamId, stored.version, stored.event);
      }
    };
    await withDeadline(read(), timeoutMs, `reading ${streamId}`).catch(() => undefined);
  }
}
