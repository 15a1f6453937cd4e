import { createPlanner, type EmailToSend, type Plan } from '@rendezvous/notifications';
import { generateHistory } from '../history/generate';

/** A due email and the instant the dispatcher sends it. */
export interface DueEmail {
  readonly email: EmailToSend;
  readonly sentAt: string;
}

/**
 * Real due emails to render: a generated history run through the planner on a virtual clock,
 * keeping what each tick hands over (every notification, both audiences, English and Dutch,
 * many zones, every account's customized templates).
 */
export function dueEmails(meetings: number, limit: number): DueEmail[] {
  const { events } = generateHistory(meetings);
  const planner = createPlanner();
  const out: DueEmail[] = [];
  const tick = (plan: Plan, now: string): Plan => {
    let next = plan;
    for (const email of planner.due(next, now)) {
      out.push({ email, sentAt: now });
      next = planner.markSent(next, email.idempotencyKey, now);
    }
    return planner.advance(next, now);
  };
  let plan = planner.initial;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    for (let due = planner.nextDueAt(plan); due !== undefined && Date.parse(due) < at; due = planner.nextDueAt(plan)) plan = tick(plan, due);
    plan = planner.evolve(plan, event);
    for (let due = planner.nextDueAt(plan); due !== undefined && Date.parse(due) <= at; due = planner.nextDueAt(plan)) plan = tick(plan, due);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
