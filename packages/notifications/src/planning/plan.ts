import { fromMillis } from '@rendezvous/domain';
import type { ExistingMeeting, Host, ProfileUpdate } from '@rendezvous/domain';
import type { AccountState } from '../account/state';
import type { PlannedEmail } from './planned-email';
import type { ById } from './by-id';
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
  private iso: string | undefined;

  constructor(
    readonly dueMs: number,
    readonly meetingId: string,
  ) {}

  /** The due time as an instant, written once per slot (a virtual clock asks for it often). */
  get dueAt(): string {
    return (this.iso ??= fromMillis(this.dueMs));
  }
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

/** A time queue: the slots of meetings with emails in one state, earliest first. */
export type Queue = Tree<Slot, true>;

/**
 * The planner's state: an immutable value (persistent trees share structure between versions).
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

/** The plan of an empty history. */
export const emptyPlan: Plan = { meetings: undefined, accounts: undefined, profiles: undefined, waiting: undefined, ready: undefined, folded: 0 };
