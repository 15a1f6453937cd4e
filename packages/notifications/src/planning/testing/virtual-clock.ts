// For the planning tests: a dispatcher on a virtual clock, like the replay command's, that
// records what would be sent and when, without rendering.
import type { DomainEvent } from '@rendezvous/domain';
import type { EmailToSend } from '../email-to-send';
import type { PlanningOptions } from '../options';
import type { Plan } from '../plan';
import type { Planner } from '../planner';
import { createPlanner } from '../planner';

/** One email the virtual dispatcher sent. */
export interface Sent {
  readonly sentAt: string;
  readonly email: EmailToSend;
}

/** The result of a run: what was sent, in order, and the plan at the end. */
export interface Run {
  readonly sent: readonly Sent[];
  readonly plan: Plan;
  readonly planner: Planner;
  /** `sentAt key` lines: compact to assert on. */
  readonly lines: readonly string[];
}

/** Folds `events` and sends every email when it falls due, up to `until`. */
export function run(events: readonly DomainEvent[], until: string, options: Partial<PlanningOptions> = {}): Run {
  const planner = createPlanner(options);
  const sent: Sent[] = [];
  const tick = (plan: Plan, now: string): Plan => {
    let next = plan;
    for (const email of planner.due(next, now)) {
      sent.push({ sentAt: now, email });
      next = planner.markSent(next, email.idempotencyKey, now);
    }
    return planner.advance(next, now);
  };
  const runBefore = (plan: Plan, limit: number, inclusive: boolean): Plan => {
    let current = plan;
    for (let due = planner.nextDueAt(current); due !== undefined && (inclusive ? Date.parse(due) <= limit : Date.parse(due) < limit); ) {
      current = tick(current, due);
      const following = planner.nextDueAt(current);
      if (following !== undefined && Date.parse(following) <= Date.parse(due)) throw new Error(`no progress at ${due}`);
      due = following;
    }
    return current;
  };
  let plan = planner.initial;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    plan = runBefore(plan, at, false);
    plan = planner.evolve(plan, event);
    plan = runBefore(plan, at, true);
  }
  plan = runBefore(plan, Date.parse(until), true);
  return { sent, plan, planner, lines: sent.map((s) => `${s.sentAt} ${s.email.idempotencyKey}`) };
}

/** Folds `events` without sending anything. */
export function planOf(events: readonly DomainEvent[], options: Partial<PlanningOptions> = {}): { plan: Plan; planner: Planner } {
  const planner = createPlanner(options);
  let plan = planner.initial;
  for (const event of events) plan = planner.evolve(plan, event);
  return { plan, planner };
}
