import type { Audience, NotificationId } from '@rendezvous/domain';
import { isErasedEmail, toMillis } from '@rendezvous/domain';
import type { MeetingEntry, Plan } from './plan';
import { entryWith } from './plan';
import type { Payload, PlannedState, Why } from './planned-email';
import { PlannedEmail, kindOf } from './planned-email';
import type { PlanningOptions } from './options';
import { removeSlotIfEmpty } from './slots';

/** Someone an email is for: the audience, their id in it, and the address the plan knows. */
export interface Addressee {
  readonly audience: Audience;
  readonly id: string;
  readonly email: string;
}

/**
 * The changes one event makes to one meeting's emails, for a single evolve call: new emails go
 * straight into the entry's list and the waiting queue; the entry with its new pending list goes
 * into the plan at `finish`.
 */
export class Draft {
  private readonly emails: PlannedEmail[];
  private pending: number[];
  /** Due times of waiting emails that were withdrawn: their slot may be empty now. */
  private withdrawnAt: number[] | undefined;

  constructor(
    readonly plan: Plan,
    readonly options: PlanningOptions,
    public entry: MeetingEntry,
    /** Stream version of the event being folded: the trigger of the emails it causes. */
    readonly version: number,
    /** The event's occurredAt, epoch ms. */
    readonly at: number,
  ) {
    this.emails = entry.emails;
    this.pending = entry.pending.slice();
  }

  /**
   * Plans one email. Every email waits to be judged at its due time, the "at once" ones too:
   * other records at the event's very instant (a toggle, another meeting's event) still count
   * for them (CONTRACT §2.14), so judging them now would depend on record order. Planning a
   * reminder that exists already changes nothing; one that was withdrawn is planned anew under
   * the same key (a host reassigned back gets it), the withdrawal staying on record.
   * An erased address is never planned. With another state than waiting (and why), the email is
   * only recorded as considered.
   */
  add(
    notification: NotificationId,
    recipient: Addressee,
    triggerVersion: number,
    dueMs: number,
    payload: Payload | undefined,
    considered?: { readonly state: PlannedState; readonly why: Why },
  ): void {
    const { audience } = recipient;
    // Only a reminder can be planned twice for the same trigger (a host reassigned away and
    // back); every other email is planned once by its own event.
    if (notification === 'meeting-starts-soon') {
      const kind = kindOf(notification, audience);
      if (this.emails.some((e) => e.isKind(kind, recipient.id, triggerVersion) && !e.isIn('withdrawn'))) return;
    }
    let state: PlannedState = considered?.state ?? 'waiting';
    let why = considered?.why;
    if (state === 'waiting' && isErasedEmail(recipient.email)) {
      state = 'suppressed';
      why = { kind: 'erased' };
    }
    const email = PlannedEmail.of(notification, audience, recipient.id, triggerVersion, dueMs, state, why, payload);
    const meetingId = this.entry.meeting.meetingId;
    if (email.isIn('waiting')) this.plan.waiting.add(meetingId, dueMs);
    if (email.isPending()) this.pending.push(this.emails.length);
    this.emails.push(email);
  }

  private parsed: { readonly iso: string; readonly ms: number }[] = [];

  /** Epoch ms of an instant; the few a draft reads (start, when it was set) are parsed once. */
  millis(iso: string): number {
    for (const p of this.parsed) if (p.iso === iso) return p.ms;
    const ms = toMillis(iso);
    this.parsed.push({ iso, ms });
    return ms;
  }

  /** Takes back every waiting email that `match` selects: a later event made it wrong to send. */
  withdraw(match: (email: PlannedEmail) => boolean, why: Why): void {
    this.pending = this.pending.filter((index) => {
      const email = this.emails[index] as PlannedEmail;
      if (!email.isIn('waiting') || !match(email)) return true;
      this.emails[index] = email.moved('withdrawn', why);
      (this.withdrawnAt ??= []).push(email.dueMs);
      return false;
    });
  }

  /** Puts this meeting's new entry into the plan, and takes withdrawn emails' empty slots out of the waiting queue. */
  finish(): void {
    const entry = entryWith(this.entry, { emails: this.emails, pending: this.pending });
    const meetingId = entry.meeting.meetingId;
    for (const dueMs of this.withdrawnAt ?? []) removeSlotIfEmpty(this.plan.waiting, meetingId, entry.emails, entry.pending, dueMs, 'waiting');
    this.plan.meetings.set(meetingId, entry);
  }
}
