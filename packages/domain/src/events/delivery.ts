import * as t from 'io-ts';
import { Id, Instant, NonEmptyText } from '../codec/primitives';
import { Audience, NotificationId } from './account';

// What the live dispatcher records about each email. The emails of one meeting that fall due at
// the same instant (a booking's confirmations, a meeting's reminders) share one stream,
// `emails-<meetingId>@<dueAt>`, so their claims go in one append and their outcomes in another:
// appends, not sends, are what a store serializes. The stream's expected version is the lock:
// every step is appended on the version the writer saw, so of two dispatchers exactly one wins.
// These events name people only by their ids (recipientId, the key): an address recorded here
// would escape per-person encryption and erasure, and the meeting stream already holds it.

function refinedString(name: string, problem: (s: string) => string | undefined): t.Type<string, string, unknown> {
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && problem(u) === undefined,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, u === undefined ? 'is required' : 'must be a string');
      const why = problem(u);
      return why === undefined ? t.success(u) : t.failure(u, c, why);
    },
    t.identity,
  );
}

/** An email's idempotency key (`<meetingId>:<notification>:<audience>:<recipientId>:<version>`): visible ASCII, no spaces. */
export const IdempotencyKey = refinedString('IdempotencyKey', (s) =>
  /^[\x21-\x7e]{1,512}$/.test(s) ? undefined : 'must be an idempotency key of 1 to 512 visible ASCII characters',
);

/** The name a dispatcher instance claims emails under (host and process, a pod name...). */
export const DispatcherId = refinedString('DispatcherId', (s) =>
  /^[\x21-\x7e]{1,200}$/.test(s) ? undefined : 'must be a dispatcher id of 1 to 200 visible ASCII characters',
);

function count(name: string): t.Type<number, number, unknown> {
  const ok = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 1 && u <= 10_000;
  return new t.Type<number, number, unknown>(name, ok, (u, c) => (ok(u) ? t.success(u) : t.failure(u, c, 'must be a whole number from 1 to 10000')), t.identity);
}

/** A 1-based attempt number. */
export const Attempt = count('Attempt');

/** Why a send failed, as a word: the mailer's reason (`deferred`, `timeout`, `rejected`...), `render` or `lease-expired`. */
export const FailureReason = refinedString('FailureReason', (s) => (/^[a-z][a-z-]{0,63}$/.test(s) ? undefined : 'must be a lower-case word such as "timeout"'));

/** A Message-ID as sent, `<local@domain>`. */
export const MessageId = refinedString('MessageId', (s) => (/^<[\x21-\x7e]{1,995}>$/.test(s) ? undefined : 'must be a Message-ID such as <id@example.com>'));

/** Why an email was skipped, coarse enough to count: the sentence says the rest. */
export const SkipCause = t.keyof({ 'meeting-started': null, 'meeting-cancelled': null, suppressed: null, erased: null }, 'SkipCause');
export type SkipCause = t.TypeOf<typeof SkipCause>;

/** Codec of EmailClaimed data: a dispatcher holds the email until `leaseUntil` while it sends it. */
export const EmailClaimedData = t.exact(
  t.type({ idempotencyKey: IdempotencyKey, meetingId: Id, dueAt: Instant, dispatcherId: DispatcherId, attempt: Attempt, leaseUntil: Instant }),
  'EmailClaimed',
);
/** Codec of EmailSent data: the mailer accepted the email, under this Message-ID. */
export const EmailSentData = t.exact(
  t.intersection([
    t.type({
      idempotencyKey: IdempotencyKey,
      meetingId: Id,
      notification: NotificationId,
      audience: Audience,
      recipientId: Id,
      dueAt: Instant,
      messageId: MessageId,
      dispatcherId: DispatcherId,
      attempt: Attempt,
    }),
    // Recipients the server refused while it took the others: counted, never named.
    t.partial({ refusedRecipients: count('RecipientCount') }),
  ]),
  'EmailSent',
);
/** Codec of EmailFailed data: an attempt failed; `retryAt` when another will follow, absent when final. */
export const EmailFailedData = t.exact(
  t.intersection([
    t.type({
      idempotencyKey: IdempotencyKey,
      meetingId: Id,
      dueAt: Instant,
      dispatcherId: DispatcherId,
      attempt: Attempt,
      permanent: t.boolean,
      reason: FailureReason,
      detail: NonEmptyText,
    }),
    // Present while another attempt will follow; absent when this failure is final.
    t.partial({ retryAt: Instant }),
  ]),
  'EmailFailed',
);
/** Codec of EmailSkipped data: the email fell due but must not go out (meeting started or cancelled, recipient suppressed or erased). */
export const EmailSkippedData = t.exact(
  t.type({ idempotencyKey: IdempotencyKey, meetingId: Id, dueAt: Instant, cause: SkipCause, reason: NonEmptyText }),
  'EmailSkipped',
);

/** The data codec of each event of an `emails-<meetingId>@<dueAt>` stream. */
export const deliveryEventData = {
  EmailClaimed: EmailClaimedData,
  EmailSent: EmailSentData,
  EmailFailed: EmailFailedData,
  EmailSkipped: EmailSkippedData,
} as const;

/** The types of the delivery events, which only the dispatcher writes. */
export const deliveryEventTypes = Object.keys(deliveryEventData) as (keyof typeof deliveryEventData)[];

/** True for the type of a delivery event (EmailClaimed, EmailSent, EmailFailed, EmailSkipped). */
export function isDeliveryEventType(type: string): type is keyof typeof deliveryEventData {
  return Object.prototype.hasOwnProperty.call(deliveryEventData, type);
}

/** The delivery stream of a meeting's emails due at `dueAt` (an instant in its UTC form). */
export const deliveryStream = (meetingId: string, dueAt: string): string => `emails-${meetingId}@${dueAt}`;
