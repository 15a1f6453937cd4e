import type { DomainEvent } from '@rendezvous/domain';
import { toMillis } from '@rendezvous/domain';
import { createPlanner, type Planner } from '@rendezvous/notifications';
import type { SentEmail } from './sent';

/**
 * The library's way: every event through a planning session (which folds meeting events with
 * evolveMeeting), and a dispatcher on a virtual clock that asks for due emails at every due
 * time, confirms each one and advances; the same loop as the replay command, minus rendering.
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
  for (const event of events) {
    const at = toMillis(event.occurredAt);
    runUntil(at, false);
    session.evolve(event);
    runUntil(at, true);
  }
  runUntil(untilMs, true);
  return sent;
}
