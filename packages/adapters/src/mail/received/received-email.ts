import type { OutgoingEmail } from '@rendezvous/notifications';
import { envelopeRecipients, mailbox } from '../envelope';
import { messageIdFor } from '../message-id';

/** A file as it arrived. */
export interface ReceivedAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/**
 * An email as a recipient's side saw it, normalized so one contract can check any mailer:
 * SMTP (parsed MIME plus RCPT TO), a folder of .eml files, memory, or a provider's API.
 */
export interface ReceivedEmail {
  readonly messageId: string;
  readonly from: { readonly name: string; readonly email: string };
  readonly to: readonly { readonly name: string; readonly email: string }[];
  /** The Reply-To mailbox, when the email has one. */
  readonly replyTo?: { readonly name: string; readonly email: string };
  /** Every address the email was delivered to (SMTP RCPT TO): `to` plus blind copies. */
  readonly envelopeRecipients: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The customization's attachments; the calendar invitation is in `calendar`, not here. */
  readonly attachments: readonly ReceivedAttachment[];
  readonly calendar?: { readonly method: string; readonly ics: string };
  /** Header lines by lower-case name (unfolded, undecoded), when the mailer produced MIME. */
  readonly headers?: ReadonlyMap<string, string>;
}

/** What a mailer that produces no MIME (memory, an API double) delivered, in the normalized shape. */
export function receivedFromOutgoing(email: OutgoingEmail, messageId: string = messageIdFor(email)): ReceivedEmail {
  const from = mailbox(email.from);
  return {
    messageId,
    from: { name: from.name, email: from.address },
    to: email.to.map(mailbox).map((m) => ({ name: m.name, email: m.address })),
    ...(email.replyTo === undefined ? {} : { replyTo: { name: mailbox(email.replyTo).name, email: email.replyTo.email } }),
    envelopeRecipients: envelopeRecipients(email),
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    ...(email.calendar ? { calendar: { method: email.calendar.method, ics: email.calendar.ics } } : {}),
  };
}
