import type { Audience, NotificationId } from '@rendezvous/domain';
import { isErasedEmail } from '@rendezvous/domain';
import type { MeetingEntry, Plan } from './plan';
import { Slot, compareStrings } from './plan';
import type { Payload, PlannedState, Why } from './planned-email';
import { PlannedEmail } from './planned-email';
import type { PlanningOptions } from './options';
import { hashString, treeSet } from './persistent-tree';
import { addSlot, dropSlotIfDone, isPendingAt } from './slots';

/**
 * The changes one event makes to one meeting's emails. Local to a single evolve call (so the
 * mutation never escapes): it ends by producing a new immutable Plan.
 */
export class Draft {
  private readonly emails: PlannedEmail[];
  private pending: Plan['pending'];
  private readonly late: Slot[];
  /** Due times whose slot may have emptied (something was withdrawn). */
  private readonly emptied = new Set<number>();

  constructor(
    readonly plan: Plan,
    readonly options: PlanningOptions,
    public entry: MeetingEntry,
    /** Stream version of the event being folded: the trigger of the emails it causes. */
    readonly version: number,
    /** The event's occurredAt, epoch ms. */
    readonly at: number,
  ) {
    this.emails = [...entry.emails];
    this.pending = plan.pending;
    this.late = [...plan.late];
  }

  /**
   * Plans (or, with another state than waiting, records as considered) one email. Planning an
   * email that exists already changes nothing; one that was withdrawn is planned anew under the
   * same key (a host reassigned back gets their reminder), the withdrawal staying on record.
   * An erased address is never planned.
   */
  add(planned: {
    readonly notification: NotificationId;
    readonly audience: Audience;
    readonly recipient: { readonly id: string; readonly email: string };
    readonly triggerVersion: number;
    readonly dueMs: number;
    readonly payload?: Payload;
    readonly state?: PlannedState;
    readonly why?: Why;
  }): void {
    const { notification, audience, recipient, triggerVersion, dueMs, payload } = planned;
    if (this.emails.some((e) => e.state !== 'withdrawn' && e.is(notification, audience, recipient.id, triggerVersion))) return;
    const erased = isErasedEmail(recipient.email);
    const state: PlannedState = erased ? 'suppressed' : (planned.state ?? 'waiting');
    const why: Why | undefined = erased ? { kind: 'erased' } : planned.why;
    if (state === 'waiting' && !isPendingAt(this.emails, dueMs)) {
      const slot = new Slot(dueMs, this.entry.meeting.meetingId);
      this.pending = addSlot(this.pending, slot);
      if (dueMs < this.plan.judgedBefore) this.late.push(slot);
    }
    this.emails.push(new PlannedEmail(notification, audience, recipient.id, triggerVersion, dueMs, state, why, payload));
  }

  /** Takes back every waiting email that `match` selects: a later event made it wrong to send. */
  withdraw(match: (email: PlannedEmail) => boolean, why: Why): void {
    for (const [index, email] of this.emails.entries()) {
      if (email.state !== 'waiting' || !match(email)) continue;
      this.emails[index] = email.moved('withdrawn', why);
      this.emptied.add(email.dueMs);
    }
  }

  /** The plan with this meeting's new entry and queue. */
  finish(): Plan {
    // An exact-size copy: the working array grew by pushes and would keep their spare capacity.
    const entry: MeetingEntry = { ...this.entry, emails: this.emails.slice() };
    const meetingId = entry.meeting.meetingId;
    let pending = this.pending;
    for (const dueMs of this.emptied) pending = dropSlotIfDone(pending, meetingId, this.emails, dueMs);
    return {
      ...this.plan,
      pending,
      late: this.late.length === this.plan.late.length ? this.plan.late : this.late,
      meetings: treeSet(this.plan.meetings, meetingId, entry, hashString(meetingId), compareStrings),
    };
  }
}
