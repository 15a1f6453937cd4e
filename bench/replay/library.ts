import type { DomainEvent } from '@rendezvous/domain';
import { toMillis } from '@rendezvous/domain';
import { createPlanner, type Planner } from '@rendezvous/notifications';
import type { SentEmail } from './sent';

/**
 * The library's way: every event through a planning session (which folds meeting events with
 * evolveMeeting), and a dispatcher on a virtual clock that asks for due emails at every due
 * time, confirms each one and advances; the replay command's clock, minus rendering. Like that
 * clock it folds every record of an instant before sending what is due at it: records at an
 * email's due time count whatever their order (CONTRACT §2.14).
 */
export function replayWithPlanner(events: readonly DomainEvent[], untilMs: number, planner: Planner = createPlanner()): SentEmail[] {
  const session = planner.session();
  const sent: SentEmail[] = [];
  const tick = (now: string): void => {
    const atMs = toMillis(now);
    for (const email of session.due(now)) {
      sent.push({ key: email.idempotencyKey, atMs, to: email.recipient.email });
      session.markSent(email.key, now);
    }
    session.advance(now);
  };
  const runUntil = (limit: number, inclusive: boolean): void => {
    for (let due = session.nextDueAt(); due !== undefined; ) {
      const dueMs = toMillis(due);
      if (inclusive ? dueMs > limit : dueMs >= limit) break;
      tick(due);
      const following = session.nextDueAt();
      // A planner that makes no progress would hang the benchmark: fail it instead.
      if (following !== undefined && toMillis(following) <= dueMs) throw new Error(`planning made no progress at ${due}`);
      due = following;
    }
  };
  for (let i = 0; i < events.length; ) {
    const at = toMillis((events[i] as DomainEvent).occurredAt);
    runUntil(at, false);
    // Records come in time order, so the records of one instant are consecutive.
    for (; i < events.length && toMillis((events[i] as DomainEvent).occurredAt) === at; i++) session.evolve(events[i] as DomainEvent);
    runUntil(at, true);
  }
  runUntil(untilMs, true);
  return sent;
}
