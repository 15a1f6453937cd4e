import type { ExistingMeeting, Host, ProfileUpdate } from '@rendezvous/domain';
import type { AccountState } from '../account/state';
import type { PlannedEmail } from './planned-email';
import type { Tree } from './persistent-tree';
import { hashString } from './persistent-tree';

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
  /** Append-only: a queue item points at its record by index. */
  readonly emails: readonly PlannedEmail[];
}

/** A My Account change, with its fold position so only changes after a host was set apply. */
export interface ProfileChange {
  readonly at: number;
  readonly update: ProfileUpdate;
}

/**
 * A place in the time queue: "meeting M has emails due at T". One slot stands for all of that
 * meeting's emails with that due time (a booking's confirmations, a meeting's reminders), so
 * the queue holds a few entries per meeting instead of one per recipient.
 */
export class Slot {
  constructor(
    readonly dueMs: number,
    readonly meetingId: string,
  ) {}
}

/** Orders slots by due time, then meeting id (code-unit order: the same everywhere). */
export function compareSlots(a: Slot, b: Slot): number {
  if (a.dueMs !== b.dueMs) return a.dueMs - b.dueMs;
  return a.meetingId < b.meetingId ? -1 : a.meetingId > b.meetingId ? 1 : 0;
}

/** A slot's tree priority: a deterministic mix of its meeting and due time. */
export function slotPriority(slot: Slot): number {
  return (hashString(slot.meetingId) ^ Math.imul(Math.floor(slot.dueMs / 1000), 0x9e3779b1)) >>> 2;
}

/** Orders string keys by code units. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The planner's state: an immutable value (persistent trees share structure between versions).
 * Build it only with a planner's `initial`, `evolve` and `markSent`.
 */
export interface Plan {
  readonly meetings: Tree<string, MeetingEntry>;
  readonly accounts: Tree<string, AccountState>;
  readonly profiles: Tree<string, readonly ProfileChange[]>;
  /** Slots of the meetings with emails waiting or ready (due, valid then, not yet sent). */
  readonly pending: Tree<Slot, true>;
  /** Every slot due before this instant (epoch ms) has been judged, except those in `late`. */
  readonly judgedBefore: number;
  /** Slots added below `judgedBefore` (events folded out of time order): judged at the next event. */
  readonly late: readonly Slot[];
  /** The latest occurredAt folded (epoch ms). */
  readonly clock: number;
  /** Events folded so far: orders profile updates against host changes. */
  readonly folded: number;
}

/** The plan of an empty history. */
export const emptyPlan: Plan = {
  meetings: undefined,
  accounts: undefined,
  profiles: undefined,
  pending: undefined,
  judgedBefore: Number.NEGATIVE_INFINITY,
  late: [],
  clock: Number.NEGATIVE_INFINITY,
  folded: 0,
};
