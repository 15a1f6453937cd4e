import * as E from 'fp-ts/Either';
import { decodeEvent, type DeliveryEvent, type EventOf, type SkipCause } from '@rendezvous/domain';
import type { EmailToSend } from '@rendezvous/notifications';

// Every delivery event goes through the catalogue's codec before it is appended: stores encode
// without validating, and one malformed record (a third-party mailer's odd Message-ID, an empty
// error message) would stop every dispatcher that reads it later.

function checked<K extends DeliveryEvent['type']>(type: K, occurredAt: string, data: EventOf<K>['data']): EventOf<K> {
  const decoded = decodeEvent({ type, occurredAt, data });
  if (E.isLeft(decoded)) throw new TypeError(`dispatcher: refusing to record an invalid ${type}: ${decoded.left.message}`);
  return decoded.right as EventOf<K>;
}

// Addresses in a server's reply ("550 <ann@example.com>: no such user") would put personal
// data in clear into a record that encryption and erasure do not cover.
const address = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** A failure's text as it may be recorded: addresses removed, one bounded line. */
export function recordableDetail(text: string): string {
  const line = text.replace(address, '<address>').replace(/\s+/g, ' ').trim();
  return (line === '' ? 'no detail given' : line).slice(0, 1000);
}

/** A mailer's reason as a recordable word. */
export function recordableReason(reason: string): string {
  return /^[a-z][a-z-]{0,63}$/.test(reason) ? reason : 'unknown';
}

/** The step events of one email, all stamped with the same key and meeting. */
export function deliveryRecords(email: EmailToSend, dispatcherId: string) {
  const ids = { idempotencyKey: email.idempotencyKey, meetingId: email.meeting.meetingId, dueAt: email.dueAt };
  return {
    claimed: (at: string, attempt: number, leaseUntil: string) => checked('EmailClaimed', at, { ...ids, dispatcherId, attempt, leaseUntil }),
    sent: (at: string, attempt: number, messageId: string, refused: number) =>
      checked('EmailSent', at, {
        ...ids,
        notification: email.notification,
        audience: email.audience,
        recipientId: email.recipient.id,
        messageId,
        dispatcherId,
        attempt,
        ...(refused > 0 ? { refusedRecipients: Math.min(refused, 10_000) } : {}),
      }),
    failed: (at: string, attempt: number, failure: { permanent: boolean; reason: string; detail: string; retryAt?: string }) =>
      checked('EmailFailed', at, {
        ...ids,
        dispatcherId,
        attempt,
        permanent: failure.permanent,
        reason: recordableReason(failure.reason),
        detail: recordableDetail(failure.detail),
        ...(failure.retryAt === undefined ? {} : { retryAt: failure.retryAt }),
      }),
    skipped: (at: string, cause: SkipCause, reason: string) => checked('EmailSkipped', at, { ...ids, cause, reason: recordableDetail(reason) }),
  };
}
