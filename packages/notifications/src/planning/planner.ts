import { toMillis } from '@rendezvous/domain';
import type { DomainEvent } from '@rendezvous/domain';
import type { EmailToSend } from './email-to-send';
import { dueEmails, nextDueAt } from './due';
import { evolvePlan } from './evolve-plan';
import type { KeyParts } from './idempotency-key';
import type { PlannedEmailReport } from './explain';
import { explainMeeting } from './explain';
import { markSent } from './mark-sent';
import type { PlanningOptions } from './options';
import { planningOptions } from './options';
import { emptyPlan } from './plan';
import { settle } from './settle';

/** Notification planning with one application's timing: it starts planning sessions. */
export interface Planner {
  readonly options: PlanningOptions;
  /** A new session over an empty history; sessions share nothing. */
  session(): PlanningSession;
}

/**
 * Notification planning as a fold held by a single owner (a dispatcher, a replay): events in,
 * emails due out. Its plan lives inside and moves only forward.
 */
export interface PlanningSession {
  /** Folds one event (any stream, in history order). */
  evolve(event: DomainEvent): void;
  /** The emails to send at `now`, oldest first; every event up to `now` must be folded. */
  due(now: string): EmailToSend[];
  /**
   * Records that an email was sent, by its structured key (`EmailToSend.key`); it is never due
   * again. An unknown key, or one already marked, is ignored.
   */
  markSent(key: KeyParts, at: string): void;
  /**
   * Judges every email due by `now` (all events up to `now` folded): the ones that may not go
   * out (pair disabled, address erased) leave the queue, so nextDueAt moves on.
   */
  advance(now: string): void;
  /** When the next email falls due, for a virtual clock; undefined when nothing is pending. */
  nextDueAt(): string | undefined;
  /** Every email planned or considered for a meeting, with its state and why. */
  explain(meetingId: string): PlannedEmailReport[];
}

function createSession(options: PlanningOptions): PlanningSession {
  const plan = emptyPlan();
  return {
    evolve: (event) => evolvePlan(plan, options, event),
    due: (now) => dueEmails(plan, now),
    markSent: (key, at) => markSent(plan, key, at),
    advance: (now) => settle(plan, toMillis(now) + 1),
    nextDueAt: () => nextDueAt(plan),
    explain: (meetingId) => explainMeeting(plan, meetingId, options),
  };
}

/** A planner with the contract's defaults, or the embedding application's timing. */
export function createPlanner(options: Partial<PlanningOptions> = {}): Planner {
  const resolved = planningOptions(options);
  return { options: resolved, session: () => createSession(resolved) };
}
