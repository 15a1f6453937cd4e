import type { DecodeError } from '../codec/decode';
import type { Audience, NotificationId } from '../events/account';

/** The pair does not exist in the catalogue (the host never gets wrap-up or review). */
export interface UnknownNotificationPair {
  readonly type: 'UnknownNotificationPair';
  readonly audience: Audience;
  readonly notification: NotificationId;
  readonly message: string;
}

/** A customization over one of the limits (attachments, bcc, subject or body size). */
export interface CustomizationTooLarge {
  readonly type: 'CustomizationTooLarge';
  /** Where: `subject`, `body`, `bcc`, `attachments` or `attachments.<index>`. */
  readonly field: string;
  readonly message: string;
}

/** The command or event is for another account than the stream's. */
export interface AccountMismatch {
  readonly type: 'AccountMismatch';
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
}

/**
 * Why an account command (or a recorded account event) is refused; `Refusal` is what the
 * customization check refuses with (the template language's errors, for the decider of
 * @rendezvous/notifications).
 */
export type AccountError<Refusal = never> = DecodeError | UnknownNotificationPair | CustomizationTooLarge | AccountMismatch | Refusal;
