import type { Audience, NotificationId } from '@rendezvous/domain';

/** A file attached to an email. */
export interface EmailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** A calendar invitation carried by an email (docs/CONTRACT.md §2.12). */
export interface CalendarInvite {
  readonly method: 'REQUEST' | 'CANCEL';
  /** The whole VCALENDAR text, CRLF line endings. */
  readonly ics: string;
}

/** A rendered email, ready for a Mailer: everything a mail adapter needs and nothing more. */
export interface OutgoingEmail {
  /** Deterministic: the same email gets the same key on every replay; Message-IDs derive from it. */
  readonly idempotencyKey: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly meetingId: string;
  readonly accountId: string;
  /** Sender, e.g. `{ name: 'Acme', email: 'no-reply@meet.acme.com' }`. */
  readonly from: { readonly name: string; readonly email: string };
  readonly to: readonly { readonly name: string; readonly email: string }[];
  /**
   * Where replies go (docs/CONTRACT.md §2.15): on guest emails the current host, so a guest's reply
   * reaches a person; absent on host emails, and when the host's address was erased.
   */
  readonly replyTo?: { readonly name: string; readonly email: string };
  /** Blind copies: envelope only, never in a header. */
  readonly bcc: readonly string[];
  /** Single line, plain text. */
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly EmailAttachment[];
  readonly calendar?: CalendarInvite;
  /** The instant the email was due (the virtual or real clock's time when it was rendered). */
  readonly sentAt: string;
}
