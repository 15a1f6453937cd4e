import { toMillis } from '@rendezvous/domain';
import type { DomainEvent } from '@rendezvous/domain';
import type { EmailToSend } from './email-to-send';
import { dueEmails, nextDueAt } from './due';
import { evolvePlan } from './evolve-plan';
import type { PlannedEmailReport } from './explain';
import { explainMeeting } from './explain';
import { markSent } from './mark-sent';
import type { PlanningOptions } from './options';
import { planningOptions } from './options';
import type { Plan } from './plan';
import { emptyPlan, mutablePlan } from './plan';
import { settle } from './settle';

/** Notification planning as a pure fold: events in, emails due out. */
export interface Planner {
  readonly options: PlanningOptions;
  /** The plan of an empty history. */
  readonly initial: Plan;
  /** Folds one event (any stream, in history order). */
  evolve(plan: Plan, event: DomainEvent): Plan;
  /** The emails to send at `now`, oldest first; the plan must hold every event up to `now`. */
  due(plan: Plan, now: string): EmailToSend[];
  /** Records that an email was sent; it is never due again. */
  markSent(plan: Plan, idempotencyKey: string, at: string): Plan;
  /**
   * Judges every email due by `now` (all events up to `now` folded): the ones that may not go
   * out (pair disabled, address erased) leave the queue, so nextDueAt moves on.
   */
  advance(plan: Plan, now: string): Plan;
  /** When the next email falls due, for a virtual clock; undefined when nothing is pending. */
  nextDueAt(plan: Plan): string | undefined;
  /** Every email planned or considered for a meeting, with its state and why. */
  explain(plan: Plan, meetingId: string): PlannedEmailReport[];
  /**
   * A session: the same fold with its plan held inside and changed in place. It plans exactly
   * what the values would, several times faster, for an owner that only ever moves forward (a
   * dispatcher, a replay) and never needs an earlier plan back.
   */
  session(): PlanningSession;
}

/**
 * A planner's fold for a single owner: the Planner's operations without the plan argument. Each
 * session starts from an empty history; sessions share nothing.
 */
export interface PlanningSession {
  /** Folds one event (any stream, in history order). */
  evolve(event: DomainEvent): void;
  /** The emails to send at `now`, oldest first; every event up to `now` must be folded. */
  due(now: string): EmailToSend[];
  /** Records that an email was sent; it is never due again (an unknown key is ignored). */
  markSent(idempotencyKey: string, at: string): void;
  /** Drops every email due by `now` that may not go out, so nextDueAt moves on. */
  advance(now: string): void;
  /** When the next email falls due; undefined when nothing is pending. */
  nextDueAt(): string | undefined;
  /** Every email planned or considered for a meeting, with its state and why. */
  explain(meetingId: string): PlannedEmailReport[];
}

function createSession(options: PlanningOptions): PlanningSession {
  // The functions are the Planner's own; only the maps and queues of this plan are mutable, so
  // every intermediate Plan shares them and only the latest is ever read.
  let plan = mutablePlan();
  return {
    evolve: (event) => void (plan = evolvePlan(plan, options, event)),
    due: (now) => dueEmails(plan, now),
    markSent: (key, at) => void (plan = markSent(plan, key, at)),
    advance: (now) => void (plan = settle(plan, toMillis(now) + 1)),
    nextDueAt: () => nextDueAt(plan),
    explain: (meetingId) => explainMeeting(plan, meetingId, options),
  };
}

/** A planner with the contract's defaults, or the embedding application's timing. */
export function createPlanner(options: Partial<PlanningOptions> = {}): Planner {
  const resolved = planningOptions(options);
  return {
    options: resolved,
    initial: emptyPlan,
    evolve: (plan, event) => evolvePlan(plan, resolved, event),
    due: (plan, now) => dueEmails(plan, now),
    markSent: (plan, key, at) => markSent(plan, key, at),
    advance: (plan, now) => settle(plan, toMillis(now) + 1),
    nextDueAt: (plan) => nextDueAt(plan),
    explain: (plan, meetingId) => explainMeeting(plan, meetingId, resolved),
    session: () => createSession(resolved),
  };
}
