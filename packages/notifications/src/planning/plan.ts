import type { ExistingMeeting, Host, ProfileUpdate } from '@rendezvous/domain';
import type { AccountState } from '@rendezvous/domain';
import type { PlannedEmail } from './planned-email';
import { TimeQueue } from './time-queue';

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
  /**
   * Every email planned or considered, in order; a record is replaced in place when its email
   * moves on (a copy per confirmation was once most of what a million-event replay allocated).
   */
  readonly emails: PlannedEmail[];
  /**
   * Indexes in `emails` of the waiting and ready ones, in order. Rules and ticks scan only these:
   * a meeting's history of sent and withdrawn emails grows, its pending emails stay few.
   */
  pending: readonly number[];
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
 * The planner's state, held by one planning session and changed in place: nothing else holds its
 * maps, its queues or its entries' email lists. Build it only with `emptyPlan` and the session's
 * operations.
 */
export interface Plan {
  readonly meetings: Map<string, MeetingEntry>;
  readonly accounts: Map<string, AccountState>;
  readonly profiles: Map<string, readonly ProfileChange[]>;
  /** Each account's hostnames with the instant each was configured: a meeting's ICS UID uses the one in force when it was scheduled. */
  readonly hostnames: Map<string, readonly HostnameFrom[]>;
  /** Slots with emails planned for later (reminders, review requests), not judged yet. */
  readonly waiting: TimeQueue;
  /** Slots with emails that were valid at their due time and are not sent yet. */
  readonly ready: TimeQueue;
}

// A meeting event replaces parts of its entry (the meeting, its host, its sequence): the rules
// still read the entry as it was before the event. This writes the object out field by field: an
// object spread that overrides fields takes V8's slow path.

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

/** A new plan of an empty history. */
export function emptyPlan(): Plan {
  return { meetings: new Map(), accounts: new Map(), profiles: new Map(), hostnames: new Map(), waiting: new TimeQueue(), ready: new TimeQueue() };
}
