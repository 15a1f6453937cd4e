import type { Audience, NotificationId } from '@rendezvous/domain';
import type { OutgoingEmail } from '../email/outgoing';

/** One email as the replay command prints it (docs/CONTRACT.md §4). */
export interface ReplayedEmail {
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly meetingId: string;
  readonly to: readonly string[];
  readonly bcc: readonly string[];
  /** The address replies go to, when the email has a Reply-To (guest emails, §2.15). */
  readonly replyTo?: string;
  readonly sentAt: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly { readonly filename: string; readonly contentType: string }[];
  readonly ics?: string;
  readonly idempotencyKey: string;
}

/** The printed form of a rendered email, keys in the contract's order. */
export function replayedEmail(email: OutgoingEmail): ReplayedEmail {
  return {
    notification: email.notification,
    audience: email.audience,
    meetingId: email.meetingId,
    to: email.to.map((r) => r.email),
    bcc: [...email.bcc],
    ...(email.replyTo === undefined ? {} : { replyTo: email.replyTo.email }),
    sentAt: email.sentAt,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType })),
    ...(email.calendar === undefined ? {} : { ics: email.calendar.ics }),
    idempotencyKey: email.idempotencyKey,
  };
}
