import type { SendMailOptions } from 'nodemailer';
import type { OutgoingEmail } from '@rendezvous/notifications';
import { envelopeRecipients, mailbox, oneLine } from './envelope';
import { messageIdFor } from './message-id';

// Same shape the domain codec enforces; repeated here because a mailer must not trust its input
// to keep a header intact.
const mimeType = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

/** The filename of the calendar attachment every invitation carries (beside its text/calendar part). */
export const inviteFilename = 'invite.ics';

/**
 * The nodemailer message for an email: the one MIME shape shared by the SMTP and .eml mailers.
 * Blind copies travel only in the envelope, never in a header; every name and the subject are
 * single lines; nodemailer never reads a file or URL on our behalf.
 */
export function toMimeMessage(email: OutgoingEmail): SendMailOptions {
  const date = new Date(email.sentAt);
  return {
    messageId: messageIdFor(email),
    // The due instant, not the wall clock: a retry or a replay produces the same headers.
    ...(Number.isNaN(date.getTime()) ? {} : { date }),
    from: mailbox(email.from),
    to: email.to.map(mailbox),
    ...(email.replyTo === undefined ? {} : { replyTo: mailbox(email.replyTo) }),
    envelope: { from: email.from.email, to: envelopeRecipients(email) },
    subject: oneLine(email.subject),
    text: email.text,
    html: email.html,
    ...(email.calendar
      ? { icalEvent: { method: email.calendar.method, content: email.calendar.ics, filename: inviteFilename } }
      : {}),
    attachments: email.attachments.map((a) => ({
      filename: oneLine(a.filename),
      contentType: mimeType.test(a.contentType) ? a.contentType : 'application/octet-stream',
      content: a.content,
      contentDisposition: 'attachment',
    })),
    headers: {
      // RFC 3834: tells auto-responders (vacation replies) not to answer.
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'OOF, AutoReply',
      'X-Rendezvous-Key': oneLine(email.idempotencyKey),
    },
    xMailer: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
