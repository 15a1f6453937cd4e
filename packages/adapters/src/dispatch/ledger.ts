import type { DeliveryEvent } from '@rendezvous/domain';

/** Where one email's delivery stands, folded from its `email-<key>` stream. */
export type DeliveryStatus = 'claimed' | 'retrying' | 'sent' | 'failed' | 'skipped';

/** One email's delivery record, as the dispatcher knows it. */
export interface Delivery {
  readonly idempotencyKey: string;
  readonly meetingId: string;
  /** Version of the last event of the email's stream: the next step appends on it. */
  readonly version: number;
  readonly status: DeliveryStatus;
  /** Claims so far: the attempt number of the last one (0 when skipped before any). */
  readonly attempts: number;
  /** The dispatcher that made the last claim. */
  readonly dispatcherId?: string;
  /** While claimed: until when the claimant owns the email (epoch ms). */
  readonly leaseUntilMs?: number;
  /** While retrying: when it may be tried again (epoch ms). */
  readonly retryAtMs?: number;
  /** When the last event happened. */
  readonly at: string;
  /** Why it failed or was skipped (a sentence), for the emails view. */
  readonly reason?: string;
  readonly messageId?: string;
}

/** True once nothing more will happen to the email. */
export function isFinal(delivery: Delivery | undefined): boolean {
  return delivery !== undefined && (delivery.status === 'sent' || delivery.status === 'failed' || delivery.status === 'skipped');
}

/** The record after one more event of the email's stream (at `version`). */
export function nextDelivery(before: Delivery | undefined, version: number, event: DeliveryEvent): Delivery {
  const base = { idempotencyKey: event.data.idempotencyKey, meetingId: event.data.meetingId, version, at: event.occurredAt };
  const attempts = before?.attempts ?? 0;
  switch (event.type) {
    case 'EmailClaimed':
      return {
        ...base,
        status: 'claimed',
        attempts: event.data.attempt,
        dispatcherId: event.data.dispatcherId,
        leaseUntilMs: Date.parse(event.data.leaseUntil),
      };
    case 'EmailSent':
      return { ...base, status: 'sent', attempts: Math.max(attempts, event.data.attempt), dispatcherId: event.data.dispatcherId, messageId: event.data.messageId };
    case 'EmailFailed':
      return {
        ...base,
        status: event.data.retryAt === undefined ? 'failed' : 'retrying',
        attempts: Math.max(attempts, event.data.attempt),
        dispatcherId: event.data.dispatcherId,
        reason: event.data.detail,
        ...(event.data.retryAt === undefined ? {} : { retryAtMs: Date.parse(event.data.retryAt) }),
      };
    case 'EmailSkipped':
      return { ...base, status: 'skipped', attempts, reason: event.data.reason };
  }
}

/**
 * Every email's delivery record, indexed by meeting for the emails view. Records only move
 * forward: an event at or below the version already known (the dispatcher's own append, read
 * back later) changes nothing.
 */
export class Ledger {
  private readonly byKey = new Map<string, Delivery>();
  private readonly byMeeting = new Map<string, Set<string>>();

  /** The record of one email, if any step was recorded. */
  get(key: string): Delivery | undefined {
    return this.byKey.get(key);
  }

  /** Folds one event at `version` of the email's stream; returns the record when it moved forward. */
  apply(version: number, event: DeliveryEvent): Delivery | undefined {
    const key = event.data.idempotencyKey;
    const before = this.byKey.get(key);
    if (before !== undefined && version <= before.version) return undefined;
    const after = nextDelivery(before, version, event);
    this.byKey.set(key, after);
    let keys = this.byMeeting.get(after.meetingId);
    if (keys === undefined) this.byMeeting.set(after.meetingId, (keys = new Set()));
    keys.add(key);
    return after;
  }

  /** The records of one meeting's emails. */
  ofMeeting(meetingId: string): Delivery[] {
    return [...(this.byMeeting.get(meetingId) ?? [])].flatMap((key) => this.byKey.get(key) ?? []);
  }
}
