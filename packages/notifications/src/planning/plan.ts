import type { ExistingMeeting, Host, ProfileUpdate } from '@rendezvous/domain';
import type { AccountState } from '@rendezvous/domain';
import type { PlannedEmail } from './planned-email';
import type { ById } from './by-id';
import { mutableById, persistentById } from './by-id';
import type { Queue } from './time-queue';
import { mutableQueue, persistentQueue } from './time-queue';

/** A host a meeting had, and when they became its host. */
export class HostTenure {
  /**
   * What `currentHost` worked out last, and from which list of profile changes: a cache, not part
   * of the value (a field, not a WeakMap: a plan holds a tenure per meeting, and weak maps that
   * large make every full garbage collection slower).
   */
  resolved: { readonly changes: readonly ProfileChange[]; readonly host: Host } | undefined = undefined;

  constructor(
    readonly host: Host,
    /**
     * occurredAt (epoch ms) of the MeetingScheduled or MeetingReassigned that set this host. A
     * time, not a fold position: records that share an instant count whatever their order
     * (CONTRACT §2.14), so a My Account change at that very instant applies too.
     */
    readonly since: number,
  ) {}
}

/** One meeting's projection and every email planned or considered for it. */
export interface MeetingEntry {
  readonly meeting: ExistingMeeting;
  readonly host: HostTenure;
  /** Earlier hosts, one per userId: their emails still need their (updated) address. */
  readonly formerHosts: readonly HostTenure[];
  /** Stream version of the event that set the current start (starts-soon's trigger). */
  readonly startVersion: number;
  /**
   * The meeting's ICS SEQUENCE (CONTRACT §2.12, 1.1): 0 when scheduled, one higher at every
   * reschedule, reassign and at the cancel. It belongs to the meeting, not to a recipient, and
   * every invitation carries it as it stands at the invitation's due time, so it never goes down.
   */
  readonly sequence: number;
  /** Every email planned or considered, in order; a record is replaced when its email moves on. */
  readonly emails: readonly PlannedEmail[];
  /**
   * Indexes in `emails` of the waiting and ready ones, in order. Rules and ticks scan only these:
   * a meeting's history of sent and withdrawn emails grows, its pending emails stay few.
   */
  readonly pending: readonly number[];
}

/** A My Account change, with its time so only changes from when a host was set on apply. */
export interface ProfileChange {
  /** occurredAt, epoch ms. */
  readonly at: number;
  readonly update: ProfileUpdate;
}

/** A hostname an account configured, and from when (occurredAt, epoch ms). */
export interface HostnameFrom {
  readonly at: number;
  readonly hostname: string;
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
  /** Each account's hostnames with the instant each was configured: a meeting's ICS UID uses the one in force when it was scheduled. */
  readonly hostnames: ById<readonly HostnameFrom[]>;
  /** Slots with emails planned for later (reminders, review requests), not judged yet. */
  readonly waiting: Queue;
  /** Slots with emails that were valid at their due time and are not sent yet. */
  readonly ready: Queue;
  /**
   * True for a session's plan: nothing but the session holds it, so its maps, its queues and its
   * entries' email lists are changed in place. False for a Planner's values, which copy.
   */
  readonly owned: boolean;
}

// Planning replaces a part of an entry or a plan for nearly every event and every email sent.
// These write the objects out field by field: an object spread that overrides fields takes V8's
// slow path, and cost more than the rest of markSent put together.

/** The entry with some parts replaced. */
export function entryWith(entry: MeetingEntry, parts: Partial<MeetingEntry>): MeetingEntry {
  return {
    meeting: parts.meeting ?? entry.meeting,
    host: parts.host ?? entry.host,
    formerHosts: parts.formerHosts ?? entry.formerHosts,
    startVersion: parts.startVersion ?? entry.startVersion,
    sequence: parts.sequence ?? entry.sequence,
    emails: parts.emails ?? entry.emails,
    pending: parts.pending ?? entry.pending,
  };
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** The plan with some parts replaced: an owned plan is changed in place, values are copied. */
export function planWith(plan: Plan, parts: Partial<Plan>): Plan {
  if (plan.owned) {
    const owned = plan as Writable<Plan>;
    if (parts.meetings !== undefined) owned.meetings = parts.meetings;
    if (parts.accounts !== undefined) owned.accounts = parts.accounts;
    if (parts.profiles !== undefined) owned.profiles = parts.profiles;
    if (parts.hostnames !== undefined) owned.hostnames = parts.hostnames;
    if (parts.waiting !== undefined) owned.waiting = parts.waiting;
    if (parts.ready !== undefined) owned.ready = parts.ready;
    return plan;
  }
  return {
    meetings: parts.meetings ?? plan.meetings,
    accounts: parts.accounts ?? plan.accounts,
    profiles: parts.profiles ?? plan.profiles,
    hostnames: parts.hostnames ?? plan.hostnames,
    waiting: parts.waiting ?? plan.waiting,
    ready: parts.ready ?? plan.ready,
    owned: plan.owned,
  };
}

/**
 * A meeting's email list, to change: the list itself in an owned plan, else a copy. A copy per
 * confirmation was most of what a million-event replay allocated, and its garbage collections
 * the largest single cost.
 */
export function emailsToChange(plan: Plan, emails: readonly PlannedEmail[]): PlannedEmail[] {
  return plan.owned ? (emails as PlannedEmail[]) : emails.slice();
}

/**
 * The meetings map with `entry` holding these lists: in an owned plan the entry itself is changed
 * (nothing else holds it), else a new entry replaces it.
 */
export function withLists(plan: Plan, meetings: ById<MeetingEntry>, entry: MeetingEntry, emails: readonly PlannedEmail[], pending: readonly number[]): ById<MeetingEntry> {
  if (!plan.owned) return meetings.set(entry.meeting.meetingId, entryWith(entry, { emails, pending }));
  const owned = entry as Writable<MeetingEntry>;
  owned.emails = emails;
  owned.pending = pending;
  return meetings;
}

/** The plan of an empty history, as a value. */
export const emptyPlan: Plan = {
  meetings: persistentById(),
  accounts: persistentById(),
  profiles: persistentById(),
  hostnames: persistentById(),
  waiting: persistentQueue(),
  ready: persistentQueue(),
  owned: false,
};

/** A new plan of an empty history whose maps and queues change in place: for one session only. */
export function mutablePlan(): Plan {
  return { meetings: mutableById(), accounts: mutableById(), profiles: mutableById(), hostnames: mutableById(), waiting: mutableQueue(), ready: mutableQueue(), owned: true };
}
