import type { Actor, Audience, NotificationId } from '@rendezvous/domain';
import { notificationIds } from '@rendezvous/domain';

/**
 * Where a planned email is: waiting for its due time, ready (due, and valid at its due time,
 * until the dispatcher confirms it), sent, withdrawn by a later event, or suppressed by a rule.
 */
export type PlannedState = 'waiting' | 'ready' | 'sent' | 'withdrawn' | 'suppressed';

/** Why an email is in its state: kept as data so explanations are written only when asked for. */
export type Why =
  | { readonly kind: 'sent'; readonly at: number }
  | { readonly kind: 'cancelled'; readonly at: number }
  | { readonly kind: 'rescheduled'; readonly at: number; readonly start: string }
  | { readonly kind: 'started'; readonly at: number }
  | { readonly kind: 'ended'; readonly at: number }
  | { readonly kind: 'reassigned'; readonly at: number; readonly to: string }
  | { readonly kind: 'reviewed'; readonly at: number }
  | { readonly kind: 'short-notice'; readonly noticeMs: number; readonly rescheduled: boolean }
  | { readonly kind: 'joined-late'; readonly at: number; readonly invited: boolean }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'erased' };

/**
 * What an email announces, fixed when its event happened; one object is shared by all its
 * recipients. The ICS SEQUENCE is not part of it: an invitation carries the meeting's SEQUENCE
 * as it stands at the due time (CONTRACT §2.12).
 */
export interface Payload {
  readonly rescheduling?: { readonly reason: string; readonly previousStart: string; readonly by: Actor };
  readonly cancellation?: PlannedCancellation;
  readonly wrapUpNote?: string;
}

/**
 * Why a meeting-cancelled email is sent: a cancel's reason, or a reassign's new host, whose
 * sentence is written in the recipient's locale when the email is due (CONTRACT §2.3).
 */
export type PlannedCancellation =
  | { readonly reason: string; readonly by: Actor }
  | { readonly handedTo: string; readonly by: 'reassignment' };

const notifications = notificationIds;
const notificationCodes = new Map<string, number>(notifications.map((n, i) => [n, i]));

/** The notification and audience of an email as one small number (what `is` compares). */
export function kindOf(notification: NotificationId, audience: Audience): number {
  return (notificationCodes.get(notification) ?? 0) | (audience === 'guest' ? 8 : 0);
}
const states: readonly PlannedState[] = ['waiting', 'ready', 'sent', 'withdrawn', 'suppressed'];
const stateCodes: Readonly<Record<PlannedState, number>> = { waiting: 0, ready: 1, sent: 2, withdrawn: 3, suppressed: 4 };

/**
 * One email the planner planned or considered for a meeting. A plan keeps one per recipient per
 * trigger for every meeting it ever saw, so the record is packed: notification, audience, state
 * and the due time's milliseconds share one small integer, the due time's seconds another, and
 * one field holds the payload while the email is pending and the reason once it is not.
 */
export class PlannedEmail {
  private constructor(
    private readonly code: number,
    private readonly dueSeconds: number,
    readonly recipientId: string,
    /** Stream version of the event that caused the email. */
    readonly triggerVersion: number,
    /** The payload while pending; once sent, only the time it was sent; else why it is not pending. */
    private readonly detail: Payload | Why | number | undefined,
  ) {}

  /**
   * A planned email. `why` says why it is not (or no longer) pending and is ignored while it is;
   * `payload` is what an email due at once announces (absent for starts-soon and review).
   */
  static of(
    notification: NotificationId,
    audience: Audience,
    recipientId: string,
    triggerVersion: number,
    dueMs: number,
    state: PlannedState,
    why: Why | undefined,
    payload: Payload | undefined,
  ): PlannedEmail {
    const seconds = Math.floor(dueMs / 1000);
    const code = kindOf(notification, audience) | (stateCodes[state] << 4) | ((dueMs - seconds * 1000) << 7);
    return new PlannedEmail(code, seconds, recipientId, triggerVersion, state === 'waiting' || state === 'ready' ? payload : why);
  }

  /** The notification this email is. */
  get notification(): NotificationId {
    return notifications[this.code & 7] as NotificationId;
  }

  /** Who it is written for: the host (user) or a guest. */
  get audience(): Audience {
    return (this.code & 8) === 0 ? 'user' : 'guest';
  }

  /** Where the email is now (compare with `isIn` in loops: it decodes nothing). */
  get state(): PlannedState {
    return states[(this.code >> 4) & 7] as PlannedState;
  }

  /** Due time, epoch milliseconds. */
  get dueMs(): number {
    return this.dueSeconds * 1000 + (this.code >> 7);
  }

  /** Why the email is not pending (absent while it is). */
  get why(): Why | undefined {
    if (this.isPending()) return undefined;
    const { detail } = this;
    return typeof detail === 'number' ? { kind: 'sent', at: detail } : (detail as Why | undefined);
  }

  /** What the email announces, while it is pending. */
  get payload(): Payload | undefined {
    return this.isPending() ? (this.detail as Payload | undefined) : undefined;
  }

  /** True while waiting for its due time or for the dispatcher. */
  isPending(): boolean {
    const state = (this.code >> 4) & 7;
    return state === 0 || state === 1;
  }

  /** The same email in another state (the payload stays while it is pending). */
  moved(state: PlannedState, why: Why | undefined): PlannedEmail {
    const code = stateCodes[state];
    const detail = code <= 1 ? this.payload : why;
    return new PlannedEmail((this.code & ~0x70) | (code << 4), this.dueSeconds, this.recipientId, this.triggerVersion, detail);
  }

  /**
   * The same email, sent at `atMs`. A plan keeps every email it sent, so the time is kept as a
   * number, not as a reason object (a million-event replay sends two million emails).
   */
  sent(atMs: number): PlannedEmail {
    return new PlannedEmail((this.code & ~0x70) | (stateCodes.sent << 4), this.dueSeconds, this.recipientId, this.triggerVersion, atMs);
  }

  /** True when the email is in `state` with this due time (what the queues ask, decoding nothing). */
  isAt(dueMs: number, state: PlannedState): boolean {
    return ((this.code >> 4) & 7) === stateCodes[state] && this.dueMs === dueMs;
  }

  /** True when this record is the email named by these parts. */
  is(notification: NotificationId, audience: Audience, recipientId: string, triggerVersion: number): boolean {
    return this.isKind(kindOf(notification, audience), recipientId, triggerVersion);
  }

  /** `is`, with the notification and audience given as `kindOf` them. */
  isKind(kind: number, recipientId: string, triggerVersion: number): boolean {
    return (this.code & 15) === kind && this.triggerVersion === triggerVersion && this.recipientId === recipientId;
  }

  /** True when the email is in `state`. */
  isIn(state: PlannedState): boolean {
    return ((this.code >> 4) & 7) === stateCodes[state];
  }
}
