import type { DeliveryEvent } from '@rendezvous/domain';

/** Where one email's delivery stands, folded from its delivery stream. */
export type DeliveryStatus = 'claimed' | 'retrying' | 'sent' | 'failed' | 'skipped';

/** One email's delivery record, as the dispatcher knows it. */
export interface Delivery {
  readonly idempotencyKey: string;
  readonly meetingId: string;
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

/** The record after one more event about the email. */
export function nextDelivery(before: Delivery | undefined, event: DeliveryEvent): Delivery {
  const base = { idempotencyKey: event.data.idempotencyKey, meetingId: event.data.meetingId, at: event.occurredAt };
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
 * Every email's delivery record, indexed by meeting for the emails view, and the version of
 * every delivery stream: the next step on a stream appends on it. Streams only move forward:
 * an event at or below the version already known (the dispatcher's own append, read back later)
 * changes nothing. Versions arrive without gaps: a writer only appends on the version it knows,
 * and reads go through a stream in order.
 */
export class Ledger {
  private readonly byKey = new Map<string, Delivery>();
  private readonly byMeeting = new Map<string, Set<string>>();
  private readonly versions = new Map<string, number>();

  /** The record of one email, if any step was recorded. */
  get(key: string): Delivery | undefined {
    return this.byKey.get(key);
  }

  /** The last version of a delivery stream known here (undefined: no event known). */
  version(streamId: string): number | undefined {
    return this.versions.get(streamId);
  }

  /** Folds the event at `version` of `streamId`; returns the email's record when it moved forward. */
  apply(streamId: string, version: number, event: DeliveryEvent): Delivery | undefined {
    const known = this.versions.get(streamId);
    if (known !== undefined && version <= known) return undefined;
    this.versions.set(streamId, version);
    const key = event.data.idempotencyKey;
    const after = nextDelivery(this.byKey.get(key), event);
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
