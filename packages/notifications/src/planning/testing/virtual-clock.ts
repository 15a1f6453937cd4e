// For the planning tests: a dispatcher on a virtual clock, like the replay command's, that
// records what would be sent and when, without rendering.
import type { DomainEvent } from '@rendezvous/domain';
import type { EmailToSend } from '../email-to-send';
import type { PlanningOptions } from '../options';
import type { PlanningSession } from '../planner';
import { createPlanner } from '../planner';

/** One email the virtual dispatcher sent. */
export interface Sent {
  readonly sentAt: string;
  readonly email: EmailToSend;
}

/** The result of a run: what was sent, in order, and the session at the end. */
export interface Run {
  readonly sent: readonly Sent[];
  readonly session: PlanningSession;
  /** `sentAt key` lines: compact to assert on. */
  readonly lines: readonly string[];
}

/** Folds `events` and sends every email when it falls due, up to `until`. */
export function run(events: readonly DomainEvent[], until: string, options: Partial<PlanningOptions> = {}): Run {
  const session = createPlanner(options).session();
  const sent: Sent[] = [];
  const tick = (now: string): void => {
    for (const email of session.due(now)) {
      sent.push({ sentAt: now, email });
      session.markSent(email.key, now);
    }
    session.advance(now);
  };
  const runBefore = (limit: number, inclusive: boolean): void => {
    for (let due = session.nextDueAt(); due !== undefined && (inclusive ? Date.parse(due) <= limit : Date.parse(due) < limit); ) {
      tick(due);
      const following = session.nextDueAt();
      if (following !== undefined && Date.parse(following) <= Date.parse(due)) throw new Error(`no progress at ${due}`);
      due = following;
    }
  };
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    runBefore(at, false);
    session.evolve(event);
    runBefore(at, true);
  }
  runBefore(Date.parse(until), true);
  return { sent, session, lines: sent.map((s) => `${s.sentAt} ${s.email.idempotencyKey}`) };
}

/** Folds `events` without sending anything. */
export function planOf(events: readonly DomainEvent[], options: Partial<PlanningOptions> = {}): PlanningSession {
  const session = createPlanner(options).session();
  for (const event of events) session.evolve(event);
  return session;
}
