import type { ExistingMeeting, Host, ProfileUpdate } from '@rendezvous/domain';
import type { AccountState } from '../account/state';
import type { PlannedEmail } from './planned-email';
import type { ById } from './by-id';
import { mutableById, persistentById } from './by-id';
import type { Queue } from './time-queue';
import { mutableQueue, persistentQueue } from './time-queue';

/** A host a meeting had, and when (in fold order) they became its host. */
export interface HostTenure {
  readonly host: Host;
  /** Fold position of the MeetingScheduled or MeetingReassigned that set this host. */
  readonly since: number;
}

/** One meeting's projection and every email planned or considered for it. */
export interface MeetingEntry {
  readonly meeting: ExistingMeeting;
  readonly host: HostTenure;
  /** Earlier hosts, one per userId: their emails still need their (updated) address. */
  readonly formerHosts: readonly HostTenure[];
  /** Stream version of the event that set the current start (starts-soon's trigger). */
  readonly startVersion: number;
  /** Every email planned or considered, in order; a record is replaced when its email moves on. */
  readonly emails: readonly PlannedEmail[];
  /**
   * Indexes in `emails` of the waiting and ready ones, in order. Rules and ticks scan only these:
   * a meeting's history of sent and withdrawn emails grows, its pending emails stay few.
   */
  readonly pending: readonly number[];
}

/** A My Account change, with its fold position so only changes after a host was set apply. */
export interface ProfileChange {
  readonly at: number;
  readonly update: ProfileUpdate;
}

/**
 * The planner's state. A Planner's plan is an immutable value (persistent trees share structure
 * between versions); a planning session's has mutable maps and queues and never leaves it.
 * Build it only with a planner's `initial`, `evolve`, `markSent` and `advance`.
 */
export interface Plan {
  readonly meetings: ById<MeetingEntry>;
  readonly accounts: ById<AccountState>;
  readonly profiles: ById<readonly ProfileChange[]>;
  /** Slots with emails planned for later (reminders, review requests), not judged yet. */
  readonly waiting: Queue;
  /** Slots with emails that were valid at their due time and are not sent yet. */
  readonly ready: Queue;
  /** Events folded so far: orders profile updates against host changes. */
  readonly folded: number;
}

/** The plan of an empty history, as a value. */
export const emptyPlan: Plan = {
  meetings: persistentById(),
  accounts: persistentById(),
  profiles: persistentById(),
  waiting: persistentQueue(),
  ready: persistentQueue(),
  folded: 0,
};

/** A new plan of an empty history whose maps and queues change in place: for one session only. */
export function mutablePlan(): Plan {
  return { meetings: mutableById(), accounts: mutableById(), profiles: mutableById(), waiting: mutableQueue(), ready: mutableQueue(), folded: 0 };
}
