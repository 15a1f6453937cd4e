import * as E from 'fp-ts/Either';
import type { DomainEvent } from '@rendezvous/domain';
import { normalizeInstant, toMillis } from '@rendezvous/domain';
import type { OutgoingEmail } from '../email/outgoing';
import type { PlanningOptions } from '../planning/options';
import { createPlanner, type PlanningSession } from '../planning/planner';
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
  const session = createPlanner(options.planning ?? {}).session();
  const renderer = createRenderer({ linkSecret: options.linkSecret ?? replayLinkSecret });
  return E.right(runClock(session, renderer, events.right, untilMs).map(replayedEmail));
}

/**
 * The virtual clock. At each instant T that records happened at: first every email due strictly
 * before T goes out at its own due time, then every record at T is applied, then every email
 * due at or before T goes out at T. So every record at exactly an email's due time counts,
 * whatever their order and whichever meeting or account they belong to (CONTRACT §2.14: a
 * cancel at the starts-soon time wins, so does a review at the review time), and "at once"
 * emails leave at their event's instant. An email due exactly at `until` is sent.
 */
function runClock(session: PlanningSession, renderer: Renderer, events: readonly DomainEvent[], untilMs: number): OutgoingEmail[] {
  const sent: OutgoingEmail[] = [];
  const tick = (now: string): void => {
    for (const email of session.due(now)) {
      sent.push(renderer.render(email, now));
      session.markSent(email.key, now);
    }
    // Emails due by now that may not go out (pair disabled, meeting cancelled) leave the queue.
    session.advance(now);
  };
  // Ticks at each due time in turn while that time passes `before`.
  const runWhile = (before: (dueMs: number) => boolean): void => {
    for (let due = session.nextDueAt(); due !== undefined && before(toMillis(due)); ) {
      tick(due);
      const following = session.nextDueAt();
      // The planner promises progress; looping forever on a broken promise would hang a CLI.
      if (following !== undefined && toMillis(following) <= toMillis(due)) {
        throw new Error(`planning made no progress at ${due}: the email due then was neither sent nor dropped`);
      }
      due = following;
    }
  };

  for (let i = 0; i < events.length; ) {
    const first = events[i] as DomainEvent;
    const at = toMillis(first.occurredAt);
    if (at > untilMs) break;
    runWhile((due) => due < at);
    // Records come in time order (readHistory refuses one that goes back), so an instant's
    // records are consecutive.
    for (; i < events.length && toMillis((events[i] as DomainEvent).occurredAt) === at; i++) session.evolve(events[i] as DomainEvent);
    const due = session.nextDueAt();
    if (due !== undefined && toMillis(due) <= at) tick(first.occurredAt);
  }
  runWhile((due) => due <= untilMs);
  return sent.sort(bySentAtThenKey);
}

/** CONTRACT §4: ordered by sentAt; emails sent at the same instant by idempotencyKey (plain string order). */
function bySentAtThenKey(a: OutgoingEmail, b: OutgoingEmail): number {
  const time = toMillis(a.sentAt) - toMillis(b.sentAt);
  if (time !== 0) return time;
  return a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0;
}

