import * as E from 'fp-ts/Either';
import type { DomainEvent } from '@rendezvous/domain';
import { normalizeInstant, toMillis } from '@rendezvous/domain';
import type { OutgoingEmail } from '../email/outgoing';
import type { PlanningOptions } from '../planning/options';
import type { Plan } from '../planning/plan';
import { createPlanner, type Planner } from '../planning/planner';
import { createRenderer, type Renderer } from '../rendering/render';
import { type ReplayError, replayError } from './errors';
import { readHistory } from './history';
import { type ReplayedEmail, replayedEmail } from './output';
import { parseHistory } from './parse';

/**
 * The key replays sign links with when none is given. It is public on purpose: a replay is a
 * test and documentation tool, and a fixed key makes its output the same on every run. Never
 * use it to sign links that real people receive.
 */
export const replayLinkSecret = 'rendezvous-replay-not-a-secret';

/** Settings of {@link replay}. */
export interface ReplayOptions {
  /** Replay up to this instant (inclusive); default 30 days after the last record. */
  readonly until?: string;
  /** Signs the links in the emails; default {@link replayLinkSecret}. */
  readonly linkSecret?: string;
  /** The embedding application's timing (lead, minimum notice, review delay). */
  readonly planning?: Partial<PlanningOptions>;
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Replays a history (records, or a history file's text: a JSON array or NDJSON) through the
 * planner and renderer the live dispatcher uses, on a virtual clock, and returns the emails
 * sent, ordered by sentAt. Refuses a history that does not decode or that no valid sequence of
 * commands could have produced, naming the record.
 */
export function replay(history: readonly unknown[] | string, options: ReplayOptions = {}): E.Either<ReplayError, ReplayedEmail[]> {
  const until = options.until === undefined ? undefined : normalizeInstant(options.until);
  if (options.until !== undefined && until === undefined) {
    return E.left(replayError(`until: ${JSON.stringify(options.until)} is not an ISO 8601 instant with an offset (e.g. "2026-03-02T09:00:00Z")`));
  }
  const records = typeof history === 'string' ? parseHistory(history) : E.right(history);
  if (E.isLeft(records)) return records;
  const events = readHistory(records.right);
  if (E.isLeft(events)) return events;
  const last = events.right[events.right.length - 1];
  if (last === undefined) return E.right([]);
  const untilMs = until === undefined ? toMillis(last.occurredAt) + thirtyDaysMs : toMillis(until);
  const planner = createPlanner(options.planning ?? {});
  const renderer = createRenderer({ linkSecret: options.linkSecret ?? replayLinkSecret });
  return E.right(runClock(planner, renderer, events.right, untilMs).map(replayedEmail));
}

/**
 * The virtual clock. At each record's time T: first every email due strictly before T goes
 * out at its own due time, then the record is applied, then every email due at or before T
 * goes out at T. So an event at exactly an email's due time (a cancel at the starts-soon
 * time) wins, and "at once" emails leave right after their event.
 */
function runClock(planner: Planner, renderer: Renderer, events: readonly DomainEvent[], untilMs: number): OutgoingEmail[] {
  const sent: OutgoingEmail[] = [];
  const tick = (plan: Plan, now: string): Plan => {
    let next = plan;
    for (const email of planner.due(next, now)) {
      sent.push(renderer.render(email, now));
      next = planner.markSent(next, email.idempotencyKey, now);
    }
    // Emails due by now that may not go out (pair disabled, meeting cancelled) leave the queue.
    return planner.advance(next, now);
  };
  // Ticks at each due time in turn while that time passes `before`.
  const runWhile = (plan: Plan, before: (dueMs: number) => boolean): Plan => {
    let current = plan;
    for (let due = planner.nextDueAt(current); due !== undefined && before(toMillis(due)); ) {
      current = tick(current, due);
      const following = planner.nextDueAt(current);
      // The planner promises progress; looping forever on a broken promise would hang a CLI.
      if (following !== undefined && toMillis(following) <= toMillis(due)) {
        throw new Error(`planning made no progress at ${due}: the email due then was neither sent nor dropped`);
      }
      due = following;
    }
    return current;
  };

  let plan = planner.initial;
  for (const event of events) {
    const at = toMillis(event.occurredAt);
    if (at > untilMs) break;
    plan = runWhile(plan, (due) => due < at);
    plan = planner.evolve(plan, event);
    const due = planner.nextDueAt(plan);
    if (due !== undefined && toMillis(due) <= at) plan = tick(plan, event.occurredAt);
  }
  runWhile(plan, (due) => due <= untilMs);
  // Emails leave in clock order already; the sort only guards that promise (stable: ties keep
  // the planner's order, which is by idempotency key).
  return sent.sort((a, b) => toMillis(a.sentAt) - toMillis(b.sentAt));
}

