import { createPlanner, type EmailToSend } from '@rendezvous/notifications';
import { generateHistory } from '../history/generate';

/** A due email and the instant the dispatcher sends it. */
export interface DueEmail {
  readonly email: EmailToSend;
  readonly sentAt: string;
}

/**
 * Real due emails to render: a generated history run through a planning session on a virtual clock,
 * keeping what each tick hands over (every notification, both audiences, English and Dutch,
 * many zones, every account's customized templates).
 */
export function dueEmails(meetings: number, limit: number): DueEmail[] {
  const { events } = generateHistory(meetings);
  const session = createPlanner().session();
  const out: DueEmail[] = [];
  const tick = (now: string): void => {
    for (const email of session.due(now)) {
      out.push({ email, sentAt: now });
      session.markSent(email.key, now);
    }
    session.advance(now);
  };
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    for (let due = session.nextDueAt(); due !== undefined && Date.parse(due) < at; due = session.nextDueAt()) tick(due);
    session.evolve(event);
    for (let due = session.nextDueAt(); due !== undefined && Date.parse(due) <= at; due = session.nextDueAt()) tick(due);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
