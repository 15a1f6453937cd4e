import type { DomainEvent } from '@rendezvous/domain';
import { createPlanner, type Plan, type Planner } from '@rendezvous/notifications';
import type { SentEmail } from './sent';

/**
 * The library's way: every event through the planner (which folds meeting events with
 * evolveMeeting), and a dispatcher on a virtual clock that asks for due emails at every due
 * time, confirms each one and advances; the same loop as the replay command, minus rendering.
 */
export function replayWithPlanner(events: readonly DomainEvent[], untilMs: number, planner: Planner = createPlanner()): SentEmail[] {
  const sent: SentEmail[] = [];
  const tick = (plan: Plan, now: string): Plan => {
    const atMs = Date.parse(now);
    let next = plan;
    for (const email of planner.due(next, now)) {
      sent.push({ key: email.idempotencyKey, atMs, to: email.recipient.email });
      next = planner.markSent(next, email.idempotencyKey, now);
    }
    return planner.advance(next, now);
  };
  const runUntil = (plan: Plan, limit: number, inclusive: boolean): Plan => {
    let current = plan;
    for (let due = planner.nextDueAt(current); due !== undefined; due = planner.nextDueAt(current)) {
      const dueMs = Date.parse(due);
      if (inclusive ? dueMs > limit : dueMs >= limit) break;
      current = tick(current, due);
      const following = planner.nextDueAt(current);
      // A planner that makes no progress would hang the benchmark: fail it instead.
      if (following !== undefined && Date.parse(following) <= dueMs) throw new Error(`planning made no progress at ${due}`);
    }
    return current;
  };
  let plan = planner.initial;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    plan = runUntil(plan, at, false);
    plan = planner.evolve(plan, event);
    plan = runUntil(plan, at, true);
  }
  runUntil(plan, untilMs, true);
  return sent;
}
